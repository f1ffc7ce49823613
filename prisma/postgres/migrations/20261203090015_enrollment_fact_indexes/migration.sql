-- CreateIndex
CREATE INDEX "LessonProgress_enrollmentId_completedAt_idx" ON "LessonProgress"("enrollmentId", "completedAt");

-- CreateIndex
CREATE INDEX "QuizAttempt_enrollmentId_number_startedAt_submittedAt_passe_idx" ON "QuizAttempt"("enrollmentId", "number", "startedAt", "submittedAt", "passed", "score");

