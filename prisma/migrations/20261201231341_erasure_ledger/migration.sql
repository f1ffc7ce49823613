-- CreateTable
CREATE TABLE "ErasureLedger" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "erasedAt" DATETIME NOT NULL
);

-- CreateIndex
CREATE UNIQUE INDEX "ErasureLedger_userId_key" ON "ErasureLedger"("userId");

-- CreateIndex
CREATE INDEX "ErasureLedger_erasedAt_idx" ON "ErasureLedger"("erasedAt");

