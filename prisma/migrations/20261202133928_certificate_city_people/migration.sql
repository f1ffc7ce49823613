-- CreateIndex
CREATE INDEX "Certificate_cityId_userId_idx" ON "Certificate"("cityId", "userId");

