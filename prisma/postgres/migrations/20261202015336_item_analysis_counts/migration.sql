-- CreateTable
CREATE TABLE "QuestionAnswerCount" (
    "versionId" TEXT NOT NULL,
    "questionId" TEXT NOT NULL,
    "correct" BOOLEAN NOT NULL,
    "attemptCorrect" INTEGER NOT NULL,
    "attemptTotal" INTEGER NOT NULL,
    "count" INTEGER NOT NULL,

    CONSTRAINT "QuestionAnswerCount_pkey" PRIMARY KEY ("versionId","questionId","correct","attemptCorrect","attemptTotal")
);

-- CreateTable
CREATE TABLE "QuestionChoiceCount" (
    "versionId" TEXT NOT NULL,
    "questionId" TEXT NOT NULL,
    "chosen" TEXT NOT NULL,
    "count" INTEGER NOT NULL,

    CONSTRAINT "QuestionChoiceCount_pkey" PRIMARY KEY ("versionId","questionId","chosen")
);

-- CreateIndex
CREATE INDEX "QuestionAnswerCount_questionId_idx" ON "QuestionAnswerCount"("questionId");

-- CreateIndex
CREATE INDEX "QuestionChoiceCount_questionId_idx" ON "QuestionChoiceCount"("questionId");

-- AddForeignKey
ALTER TABLE "QuestionAnswerCount" ADD CONSTRAINT "QuestionAnswerCount_questionId_fkey" FOREIGN KEY ("questionId") REFERENCES "Question"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "QuestionChoiceCount" ADD CONSTRAINT "QuestionChoiceCount_questionId_fkey" FOREIGN KEY ("questionId") REFERENCES "Question"("id") ON DELETE CASCADE ON UPDATE CASCADE;

