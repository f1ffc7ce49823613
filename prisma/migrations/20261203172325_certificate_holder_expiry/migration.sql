-- DropIndex
DROP INDEX IF EXISTS "Certificate_userId_idx";

-- CreateIndex
CREATE INDEX "Certificate_userId_expiresAt_revokedAt_idx" ON "Certificate"("userId", "expiresAt", "revokedAt");

