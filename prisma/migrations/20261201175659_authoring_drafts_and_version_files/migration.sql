-- AlterTable
ALTER TABLE "CourseVersion" ADD COLUMN "publishedById" TEXT;

-- CreateTable
CREATE TABLE "VersionFile" (
    "versionId" TEXT NOT NULL,
    "path" TEXT NOT NULL,
    "fileHash" TEXT NOT NULL,

    PRIMARY KEY ("versionId", "path"),
    CONSTRAINT "VersionFile_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "CourseVersion" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "VersionFile_fileHash_fkey" FOREIGN KEY ("fileHash") REFERENCES "StoredFile" ("hash") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "CourseDraft" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "courseId" TEXT NOT NULL,
    "revision" INTEGER NOT NULL DEFAULT 1,
    "baseVersionId" TEXT,
    "updatedAt" DATETIME NOT NULL,
    "updatedById" TEXT,
    CONSTRAINT "CourseDraft_courseId_fkey" FOREIGN KEY ("courseId") REFERENCES "Course" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "DraftFile" (
    "draftId" TEXT NOT NULL,
    "path" TEXT NOT NULL,
    "fileHash" TEXT NOT NULL,

    PRIMARY KEY ("draftId", "path"),
    CONSTRAINT "DraftFile_draftId_fkey" FOREIGN KEY ("draftId") REFERENCES "CourseDraft" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "DraftFile_fileHash_fkey" FOREIGN KEY ("fileHash") REFERENCES "StoredFile" ("hash") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "DraftTranslation" (
    "draftId" TEXT NOT NULL,
    "unit" TEXT NOT NULL,
    "locale" TEXT NOT NULL,
    "sourceHash" TEXT NOT NULL,

    PRIMARY KEY ("draftId", "unit", "locale"),
    CONSTRAINT "DraftTranslation_draftId_fkey" FOREIGN KEY ("draftId") REFERENCES "CourseDraft" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "DraftReview" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "draftId" TEXT NOT NULL,
    "revision" INTEGER NOT NULL,
    "state" TEXT NOT NULL,
    "submittedById" TEXT,
    "submittedAt" DATETIME NOT NULL,
    "decidedById" TEXT,
    "decidedAt" DATETIME,
    "comment" TEXT NOT NULL DEFAULT '',
    CONSTRAINT "DraftReview_draftId_fkey" FOREIGN KEY ("draftId") REFERENCES "CourseDraft" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_City" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "defaultLocale" TEXT NOT NULL,
    "timeZone" TEXT NOT NULL,
    "primaryColor" TEXT NOT NULL,
    "accentColor" TEXT NOT NULL,
    "signatoryName" TEXT NOT NULL DEFAULT '',
    "signatoryTitle" TEXT NOT NULL DEFAULT '',
    "certificatePrefix" TEXT NOT NULL,
    "logoHash" TEXT,
    "dataProtectionContact" TEXT NOT NULL DEFAULT '',
    "retentionMonths" INTEGER,
    "deactivatedAt" DATETIME,
    "requireCourseReview" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "City_logoHash_fkey" FOREIGN KEY ("logoHash") REFERENCES "StoredFile" ("hash") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_City" ("accentColor", "certificatePrefix", "createdAt", "dataProtectionContact", "deactivatedAt", "defaultLocale", "id", "logoHash", "name", "primaryColor", "retentionMonths", "signatoryName", "signatoryTitle", "slug", "timeZone") SELECT "accentColor", "certificatePrefix", "createdAt", "dataProtectionContact", "deactivatedAt", "defaultLocale", "id", "logoHash", "name", "primaryColor", "retentionMonths", "signatoryName", "signatoryTitle", "slug", "timeZone" FROM "City";
DROP TABLE "City";
ALTER TABLE "new_City" RENAME TO "City";
CREATE UNIQUE INDEX "City_slug_key" ON "City"("slug");
CREATE UNIQUE INDEX "City_certificatePrefix_key" ON "City"("certificatePrefix");
CREATE TABLE "new_Course" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "key" TEXT NOT NULL,
    "source" TEXT NOT NULL DEFAULT 'FILES',
    "ownerCityId" TEXT,
    "sourceLocale" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "currentVersionId" TEXT,
    "archivedAt" DATETIME,
    "copiedFromId" TEXT,
    "copiedFromVersion" INTEGER,
    "networkPublishedAt" DATETIME,
    CONSTRAINT "Course_ownerCityId_fkey" FOREIGN KEY ("ownerCityId") REFERENCES "City" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Course_currentVersionId_fkey" FOREIGN KEY ("currentVersionId") REFERENCES "CourseVersion" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Course_copiedFromId_fkey" FOREIGN KEY ("copiedFromId") REFERENCES "Course" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Course" ("archivedAt", "createdAt", "currentVersionId", "id", "key", "ownerCityId", "source", "sourceLocale") SELECT "archivedAt", "createdAt", "currentVersionId", "id", "key", "ownerCityId", "source", "sourceLocale" FROM "Course";
DROP TABLE "Course";
ALTER TABLE "new_Course" RENAME TO "Course";
CREATE UNIQUE INDEX "Course_key_key" ON "Course"("key");
CREATE UNIQUE INDEX "Course_currentVersionId_key" ON "Course"("currentVersionId");
CREATE INDEX "Course_ownerCityId_idx" ON "Course"("ownerCityId");
CREATE INDEX "Course_copiedFromId_idx" ON "Course"("copiedFromId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "VersionFile_fileHash_idx" ON "VersionFile"("fileHash");

-- CreateIndex
CREATE UNIQUE INDEX "CourseDraft_courseId_key" ON "CourseDraft"("courseId");

-- CreateIndex
CREATE INDEX "DraftFile_fileHash_idx" ON "DraftFile"("fileHash");

-- CreateIndex
CREATE INDEX "DraftReview_draftId_revision_idx" ON "DraftReview"("draftId", "revision");

