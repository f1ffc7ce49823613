-- AlterTable
ALTER TABLE "LessonContent" ADD COLUMN     "slots" TEXT NOT NULL DEFAULT '[]';

-- CreateTable
CREATE TABLE "Activity" (
    "id" TEXT NOT NULL,
    "versionId" TEXT NOT NULL,
    "lessonKey" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "definition" TEXT NOT NULL,

    CONSTRAINT "Activity_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ActivityText" (
    "id" TEXT NOT NULL,
    "activityId" TEXT NOT NULL,
    "locale" TEXT NOT NULL,
    "texts" TEXT NOT NULL,

    CONSTRAINT "ActivityText_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ActivityAnswer" (
    "id" TEXT NOT NULL,
    "enrollmentId" TEXT NOT NULL,
    "activityKey" TEXT NOT NULL,
    "answer" TEXT NOT NULL,
    "correct" BOOLEAN NOT NULL,
    "revision" INTEGER NOT NULL,
    "checkedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ActivityAnswer_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Activity_versionId_key_key" ON "Activity"("versionId", "key");

-- CreateIndex
CREATE UNIQUE INDEX "ActivityText_activityId_locale_key" ON "ActivityText"("activityId", "locale");

-- CreateIndex
CREATE UNIQUE INDEX "ActivityAnswer_enrollmentId_activityKey_key" ON "ActivityAnswer"("enrollmentId", "activityKey");

-- AddForeignKey
ALTER TABLE "Activity" ADD CONSTRAINT "Activity_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "CourseVersion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActivityText" ADD CONSTRAINT "ActivityText_activityId_fkey" FOREIGN KEY ("activityId") REFERENCES "Activity"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActivityAnswer" ADD CONSTRAINT "ActivityAnswer_enrollmentId_fkey" FOREIGN KEY ("enrollmentId") REFERENCES "Enrollment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

