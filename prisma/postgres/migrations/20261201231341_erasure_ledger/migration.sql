-- CreateTable
CREATE TABLE "ErasureLedger" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "erasedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ErasureLedger_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ErasureLedger_userId_key" ON "ErasureLedger"("userId");

-- CreateIndex
CREATE INDEX "ErasureLedger_erasedAt_idx" ON "ErasureLedger"("erasedAt");

