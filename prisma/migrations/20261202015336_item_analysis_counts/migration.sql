-- CreateTable
CREATE TABLE "QuestionAnswerCount" (
    "versionId" TEXT NOT NULL,
    "questionId" TEXT NOT NULL,
    "correct" BOOLEAN NOT NULL,
    "attemptCorrect" INTEGER NOT NULL,
    "attemptTotal" INTEGER NOT NULL,
    "count" INTEGER NOT NULL,

    PRIMARY KEY ("versionId", "questionId", "correct", "attemptCorrect", "attemptTotal"),
    CONSTRAINT "QuestionAnswerCount_questionId_fkey" FOREIGN KEY ("questionId") REFERENCES "Question" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "QuestionChoiceCount" (
    "versionId" TEXT NOT NULL,
    "questionId" TEXT NOT NULL,
    "chosen" TEXT NOT NULL,
    "count" INTEGER NOT NULL,

    PRIMARY KEY ("versionId", "questionId", "chosen"),
    CONSTRAINT "QuestionChoiceCount_questionId_fkey" FOREIGN KEY ("questionId") REFERENCES "Question" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "QuestionAnswerCount_questionId_idx" ON "QuestionAnswerCount"("questionId");

-- CreateIndex
CREATE INDEX "QuestionChoiceCount_questionId_idx" ON "QuestionChoiceCount"("questionId");

