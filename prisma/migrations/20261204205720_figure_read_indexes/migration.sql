-- DropIndex
DROP INDEX IF EXISTS "Certificate_cityId_userId_idx";

-- CreateIndex
CREATE INDEX "Certificate_cityId_userId_enrollmentId_expiresAt_revokedAt_idx" ON "Certificate"("cityId", "userId", "enrollmentId", "expiresAt", "revokedAt");

-- CreateIndex
CREATE INDEX "PersonAssignment_cityId_withdrawnAt_userId_courseId_assignedAt_dueAt_enrollmentId_idx" ON "PersonAssignment"("cityId", "withdrawnAt", "userId", "courseId", "assignedAt", "dueAt", "enrollmentId");

