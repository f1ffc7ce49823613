-- CreateTable
CREATE TABLE "Activity" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "versionId" TEXT NOT NULL,
    "lessonKey" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "definition" TEXT NOT NULL,
    CONSTRAINT "Activity_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "CourseVersion" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ActivityText" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "activityId" TEXT NOT NULL,
    "locale" TEXT NOT NULL,
    "texts" TEXT NOT NULL,
    CONSTRAINT "ActivityText_activityId_fkey" FOREIGN KEY ("activityId") REFERENCES "Activity" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ActivityAnswer" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "enrollmentId" TEXT NOT NULL,
    "activityKey" TEXT NOT NULL,
    "answer" TEXT NOT NULL,
    "correct" BOOLEAN NOT NULL,
    "revision" INTEGER NOT NULL,
    "checkedAt" DATETIME NOT NULL,
    CONSTRAINT "ActivityAnswer_enrollmentId_fkey" FOREIGN KEY ("enrollmentId") REFERENCES "Enrollment" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_LessonContent" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "lessonId" TEXT NOT NULL,
    "locale" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "minutes" INTEGER NOT NULL,
    "html" TEXT NOT NULL,
    "slots" TEXT NOT NULL DEFAULT '[]',
    CONSTRAINT "LessonContent_lessonId_fkey" FOREIGN KEY ("lessonId") REFERENCES "Lesson" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_LessonContent" ("html", "id", "lessonId", "locale", "minutes", "title") SELECT "html", "id", "lessonId", "locale", "minutes", "title" FROM "LessonContent";
DROP TABLE "LessonContent";
ALTER TABLE "new_LessonContent" RENAME TO "LessonContent";
CREATE UNIQUE INDEX "LessonContent_lessonId_locale_key" ON "LessonContent"("lessonId", "locale");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "Activity_versionId_key_key" ON "Activity"("versionId", "key");

-- CreateIndex
CREATE UNIQUE INDEX "ActivityText_activityId_locale_key" ON "ActivityText"("activityId", "locale");

-- CreateIndex
CREATE UNIQUE INDEX "ActivityAnswer_enrollmentId_activityKey_key" ON "ActivityAnswer"("enrollmentId", "activityKey");

