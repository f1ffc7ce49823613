-- AlterTable
ALTER TABLE "City" ADD COLUMN     "requireCourseReview" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "Course" ADD COLUMN     "copiedFromId" TEXT,
ADD COLUMN     "copiedFromVersion" INTEGER,
ADD COLUMN     "networkPublishedAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "CourseVersion" ADD COLUMN     "publishedById" TEXT;

-- CreateTable
CREATE TABLE "VersionFile" (
    "versionId" TEXT NOT NULL,
    "path" TEXT NOT NULL,
    "fileHash" TEXT NOT NULL,

    CONSTRAINT "VersionFile_pkey" PRIMARY KEY ("versionId","path")
);

-- CreateTable
CREATE TABLE "CourseDraft" (
    "id" TEXT NOT NULL,
    "courseId" TEXT NOT NULL,
    "revision" INTEGER NOT NULL DEFAULT 1,
    "baseVersionId" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "updatedById" TEXT,

    CONSTRAINT "CourseDraft_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DraftFile" (
    "draftId" TEXT NOT NULL,
    "path" TEXT NOT NULL,
    "fileHash" TEXT NOT NULL,

    CONSTRAINT "DraftFile_pkey" PRIMARY KEY ("draftId","path")
);

-- CreateTable
CREATE TABLE "DraftTranslation" (
    "draftId" TEXT NOT NULL,
    "unit" TEXT NOT NULL,
    "locale" TEXT NOT NULL,
    "sourceHash" TEXT NOT NULL,

    CONSTRAINT "DraftTranslation_pkey" PRIMARY KEY ("draftId","unit","locale")
);

-- CreateTable
CREATE TABLE "DraftReview" (
    "id" TEXT NOT NULL,
    "draftId" TEXT NOT NULL,
    "revision" INTEGER NOT NULL,
    "state" TEXT NOT NULL,
    "submittedById" TEXT,
    "submittedAt" TIMESTAMP(3) NOT NULL,
    "decidedById" TEXT,
    "decidedAt" TIMESTAMP(3),
    "comment" TEXT NOT NULL DEFAULT '',

    CONSTRAINT "DraftReview_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "VersionFile_fileHash_idx" ON "VersionFile"("fileHash");

-- CreateIndex
CREATE UNIQUE INDEX "CourseDraft_courseId_key" ON "CourseDraft"("courseId");

-- CreateIndex
CREATE INDEX "DraftFile_fileHash_idx" ON "DraftFile"("fileHash");

-- CreateIndex
CREATE INDEX "DraftReview_draftId_revision_idx" ON "DraftReview"("draftId", "revision");

-- CreateIndex
CREATE INDEX "Course_ownerCityId_idx" ON "Course"("ownerCityId");

-- CreateIndex
CREATE INDEX "Course_copiedFromId_idx" ON "Course"("copiedFromId");

-- AddForeignKey
ALTER TABLE "Course" ADD CONSTRAINT "Course_copiedFromId_fkey" FOREIGN KEY ("copiedFromId") REFERENCES "Course"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VersionFile" ADD CONSTRAINT "VersionFile_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "CourseVersion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VersionFile" ADD CONSTRAINT "VersionFile_fileHash_fkey" FOREIGN KEY ("fileHash") REFERENCES "StoredFile"("hash") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CourseDraft" ADD CONSTRAINT "CourseDraft_courseId_fkey" FOREIGN KEY ("courseId") REFERENCES "Course"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DraftFile" ADD CONSTRAINT "DraftFile_draftId_fkey" FOREIGN KEY ("draftId") REFERENCES "CourseDraft"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DraftFile" ADD CONSTRAINT "DraftFile_fileHash_fkey" FOREIGN KEY ("fileHash") REFERENCES "StoredFile"("hash") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DraftTranslation" ADD CONSTRAINT "DraftTranslation_draftId_fkey" FOREIGN KEY ("draftId") REFERENCES "CourseDraft"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DraftReview" ADD CONSTRAINT "DraftReview_draftId_fkey" FOREIGN KEY ("draftId") REFERENCES "CourseDraft"("id") ON DELETE CASCADE ON UPDATE CASCADE;

