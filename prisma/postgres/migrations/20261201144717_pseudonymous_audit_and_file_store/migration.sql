-- CreateTable
CREATE TABLE "Pseudonym" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,

    CONSTRAINT "Pseudonym_pkey" PRIMARY KEY ("id")
);

-- Existing audit rows: the people they name get pseudonyms, and the rows name those instead.
INSERT INTO "Pseudonym" ("id", "userId")
SELECT md5(random()::text || clock_timestamp()::text || "id"), "id" FROM "User"
WHERE "id" IN (SELECT "actorId" FROM "AuditLog") OR "id" IN (SELECT "targetId" FROM "AuditLog" WHERE "targetType" = 'User');

-- AlterTable
ALTER TABLE "AuditLog" ADD COLUMN     "actorRef" TEXT,
ADD COLUMN     "subjectRef" TEXT,
ALTER COLUMN "targetType" DROP NOT NULL;

UPDATE "AuditLog" SET "actorRef" = (SELECT "p"."id" FROM "Pseudonym" "p" WHERE "p"."userId" = "AuditLog"."actorId");
UPDATE "AuditLog" SET "subjectRef" = (SELECT "p"."id" FROM "Pseudonym" "p" WHERE "p"."userId" = "AuditLog"."targetId"),
  "targetType" = NULL, "targetId" = NULL
WHERE "targetType" = 'User';

ALTER TABLE "AuditLog" DROP COLUMN "actorId";


-- AlterTable
ALTER TABLE "City" ADD COLUMN     "dataProtectionContact" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "deactivatedAt" TIMESTAMP(3),
ADD COLUMN     "logoHash" TEXT,
ADD COLUMN     "retentionMonths" INTEGER;

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "employeeId" TEXT,
ADD COLUMN     "erasedAt" TIMESTAMP(3),
ADD COLUMN     "erasureRequestedAt" TIMESTAMP(3),
ADD COLUMN     "lastSeenAt" TIMESTAMP(3);


-- CreateTable
CREATE TABLE "StoredFile" (
    "hash" TEXT NOT NULL,
    "contentType" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "bytes" BYTEA NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StoredFile_pkey" PRIMARY KEY ("hash")
);

-- CreateIndex
CREATE UNIQUE INDEX "Pseudonym_userId_key" ON "Pseudonym"("userId");

-- CreateIndex
CREATE INDEX "AuditLog_cityId_action_createdAt_idx" ON "AuditLog"("cityId", "action", "createdAt");

-- CreateIndex
CREATE INDEX "AuditLog_actorRef_createdAt_idx" ON "AuditLog"("actorRef", "createdAt");

-- CreateIndex
CREATE INDEX "AuditLog_subjectRef_createdAt_idx" ON "AuditLog"("subjectRef", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "User_cityId_employeeId_key" ON "User"("cityId", "employeeId");

-- AddForeignKey
ALTER TABLE "City" ADD CONSTRAINT "City_logoHash_fkey" FOREIGN KEY ("logoHash") REFERENCES "StoredFile"("hash") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Pseudonym" ADD CONSTRAINT "Pseudonym_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

