-- AlterTable
ALTER TABLE "User" ADD COLUMN "employeeId" TEXT;
ALTER TABLE "User" ADD COLUMN "erasedAt" DATETIME;
ALTER TABLE "User" ADD COLUMN "erasureRequestedAt" DATETIME;
ALTER TABLE "User" ADD COLUMN "lastSeenAt" DATETIME;

-- CreateTable
CREATE TABLE "Pseudonym" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    CONSTRAINT "Pseudonym_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- Existing audit rows: the people they name get pseudonyms, and the rows name those instead.
INSERT INTO "Pseudonym" ("id", "userId")
SELECT lower(hex(randomblob(16))), "id" FROM "User"
WHERE "id" IN (SELECT "actorId" FROM "AuditLog") OR "id" IN (SELECT "targetId" FROM "AuditLog" WHERE "targetType" = 'User');

-- CreateTable
CREATE TABLE "StoredFile" (
    "hash" TEXT NOT NULL PRIMARY KEY,
    "contentType" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "bytes" BLOB NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_AuditLog" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "cityId" TEXT,
    "actorRef" TEXT,
    "action" TEXT NOT NULL,
    "subjectRef" TEXT,
    "targetType" TEXT,
    "targetId" TEXT,
    "details" TEXT NOT NULL DEFAULT '{}',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "AuditLog_cityId_fkey" FOREIGN KEY ("cityId") REFERENCES "City" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_AuditLog" ("action", "cityId", "createdAt", "details", "id", "targetId", "targetType", "actorRef", "subjectRef")
SELECT "action", "cityId", "createdAt", "details", "id",
  CASE WHEN "targetType" = 'User' THEN NULL ELSE "targetId" END,
  CASE WHEN "targetType" = 'User' THEN NULL ELSE "targetType" END,
  (SELECT "p"."id" FROM "Pseudonym" "p" WHERE "p"."userId" = "AuditLog"."actorId"),
  CASE WHEN "targetType" = 'User' THEN (SELECT "p"."id" FROM "Pseudonym" "p" WHERE "p"."userId" = "AuditLog"."targetId") END
FROM "AuditLog";
DROP TABLE "AuditLog";
ALTER TABLE "new_AuditLog" RENAME TO "AuditLog";
CREATE INDEX "AuditLog_cityId_createdAt_idx" ON "AuditLog"("cityId", "createdAt");
CREATE INDEX "AuditLog_cityId_action_createdAt_idx" ON "AuditLog"("cityId", "action", "createdAt");
CREATE INDEX "AuditLog_actorRef_createdAt_idx" ON "AuditLog"("actorRef", "createdAt");
CREATE INDEX "AuditLog_subjectRef_createdAt_idx" ON "AuditLog"("subjectRef", "createdAt");
CREATE TABLE "new_City" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "defaultLocale" TEXT NOT NULL,
    "timeZone" TEXT NOT NULL,
    "primaryColor" TEXT NOT NULL,
    "accentColor" TEXT NOT NULL,
    "logoSvg" TEXT,
    "signatoryName" TEXT NOT NULL DEFAULT '',
    "signatoryTitle" TEXT NOT NULL DEFAULT '',
    "certificatePrefix" TEXT NOT NULL,
    "logoHash" TEXT,
    "dataProtectionContact" TEXT NOT NULL DEFAULT '',
    "retentionMonths" INTEGER,
    "deactivatedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "City_logoHash_fkey" FOREIGN KEY ("logoHash") REFERENCES "StoredFile" ("hash") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_City" ("accentColor", "certificatePrefix", "createdAt", "defaultLocale", "id", "logoSvg", "name", "primaryColor", "signatoryName", "signatoryTitle", "slug", "timeZone") SELECT "accentColor", "certificatePrefix", "createdAt", "defaultLocale", "id", "logoSvg", "name", "primaryColor", "signatoryName", "signatoryTitle", "slug", "timeZone" FROM "City";
DROP TABLE "City";
ALTER TABLE "new_City" RENAME TO "City";
CREATE UNIQUE INDEX "City_slug_key" ON "City"("slug");
CREATE UNIQUE INDEX "City_certificatePrefix_key" ON "City"("certificatePrefix");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "Pseudonym_userId_key" ON "Pseudonym"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "User_cityId_employeeId_key" ON "User"("cityId", "employeeId");

