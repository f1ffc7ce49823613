-- CreateTable
CREATE TABLE "QuestionAnswer" (
    "attemptId" TEXT NOT NULL,
    "questionId" TEXT NOT NULL,
    "versionId" TEXT NOT NULL,
    "correct" BOOLEAN NOT NULL,
    "chosen" TEXT NOT NULL,
    "firstAttempt" BOOLEAN NOT NULL,
    "attemptCorrect" INTEGER NOT NULL,
    "attemptTotal" INTEGER NOT NULL,

    PRIMARY KEY ("attemptId", "questionId"),
    CONSTRAINT "QuestionAnswer_attemptId_fkey" FOREIGN KEY ("attemptId") REFERENCES "QuizAttempt" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "QuestionAnswer_questionId_fkey" FOREIGN KEY ("questionId") REFERENCES "Question" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "QuestionAnswer_questionId_idx" ON "QuestionAnswer"("questionId");

-- CreateIndex
CREATE INDEX "QuestionAnswer_versionId_firstAttempt_questionId_correct_attemptCorrect_attemptTotal_idx" ON "QuestionAnswer"("versionId", "firstAttempt", "questionId", "correct", "attemptCorrect", "attemptTotal");

