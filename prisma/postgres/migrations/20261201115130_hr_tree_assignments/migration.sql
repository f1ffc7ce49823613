-- DropIndex
DROP INDEX "Department_cityId_name_key";

-- Whom each earlier assignment was for becomes its target (both null: the whole city), kept
-- aside until the table exists below.
CREATE TEMPORARY TABLE "MigratedTarget" AS SELECT "id", "departmentId", "userId", "certificateValidityMonths" FROM "Assignment";

-- AlterTable
ALTER TABLE "Assignment" DROP COLUMN "certificateValidityMonths",
DROP COLUMN "departmentId",
DROP COLUMN "recurrenceMonths",
DROP COLUMN "userId",
ADD COLUMN     "dueDays" INTEGER,
ADD COLUMN     "validityMonths" INTEGER,
ADD COLUMN     "windowDays" INTEGER,
ADD COLUMN     "withdrawnAt" TIMESTAMP(3),
ADD COLUMN     "withdrawnById" TEXT;

-- AlterTable
ALTER TABLE "Department" ADD COLUMN     "archivedAt" TIMESTAMP(3),
ADD COLUMN     "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
ADD COLUMN     "depth" INTEGER NOT NULL DEFAULT 1,
ADD COLUMN     "parentId" TEXT,
ADD COLUMN     "path" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "siblingsKey" TEXT NOT NULL DEFAULT '';

-- AlterTable
ALTER TABLE "RoleGrant" ADD COLUMN     "departmentId" TEXT;

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "searchText" TEXT NOT NULL DEFAULT '';

-- CreateTable
CREATE TABLE "AssignmentTarget" (
    "id" TEXT NOT NULL,
    "assignmentId" TEXT NOT NULL,
    "departmentId" TEXT,
    "includeSubdepartments" BOOLEAN NOT NULL DEFAULT true,
    "userId" TEXT,

    CONSTRAINT "AssignmentTarget_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PersonAssignment" (
    "id" TEXT NOT NULL,
    "assignmentId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "cityId" TEXT NOT NULL,
    "courseId" TEXT NOT NULL,
    "cycle" INTEGER NOT NULL DEFAULT 1,
    "assignedAt" TIMESTAMP(3) NOT NULL,
    "dueAt" TIMESTAMP(3) NOT NULL,
    "enrollmentId" TEXT,
    "withdrawnAt" TIMESTAMP(3),

    CONSTRAINT "PersonAssignment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Accommodation" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "courseId" TEXT,
    "personAssignmentId" TEXT,
    "kind" TEXT NOT NULL,
    "amount" INTEGER NOT NULL,
    "reason" TEXT NOT NULL DEFAULT '',
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Accommodation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReminderSent" (
    "id" TEXT NOT NULL,
    "personAssignmentId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "sentAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ReminderSent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Notice" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "params" TEXT NOT NULL DEFAULT '{}',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "readAt" TIMESTAMP(3),

    CONSTRAINT "Notice_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SummarySubscription" (
    "userId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SummarySubscription_pkey" PRIMARY KEY ("userId")
);

-- CreateTable
CREATE TABLE "SummarySent" (
    "userId" TEXT NOT NULL,
    "week" TEXT NOT NULL,
    "sentAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SummarySent_pkey" PRIMARY KEY ("userId","week")
);

-- CreateTable
CREATE TABLE "Lease" (
    "name" TEXT NOT NULL,
    "holder" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Lease_pkey" PRIMARY KEY ("name")
);

-- CreateIndex
CREATE INDEX "AssignmentTarget_assignmentId_idx" ON "AssignmentTarget"("assignmentId");

-- CreateIndex
CREATE INDEX "AssignmentTarget_departmentId_idx" ON "AssignmentTarget"("departmentId");

-- CreateIndex
CREATE INDEX "AssignmentTarget_userId_idx" ON "AssignmentTarget"("userId");

-- CreateIndex
CREATE INDEX "PersonAssignment_cityId_dueAt_idx" ON "PersonAssignment"("cityId", "dueAt");

-- CreateIndex
CREATE INDEX "PersonAssignment_userId_courseId_idx" ON "PersonAssignment"("userId", "courseId");

-- CreateIndex
CREATE INDEX "PersonAssignment_enrollmentId_idx" ON "PersonAssignment"("enrollmentId");

-- CreateIndex
CREATE INDEX "PersonAssignment_courseId_cityId_idx" ON "PersonAssignment"("courseId", "cityId");

-- CreateIndex
CREATE UNIQUE INDEX "PersonAssignment_assignmentId_userId_cycle_key" ON "PersonAssignment"("assignmentId", "userId", "cycle");

-- CreateIndex
CREATE INDEX "Accommodation_userId_kind_idx" ON "Accommodation"("userId", "kind");

-- CreateIndex
CREATE UNIQUE INDEX "ReminderSent_personAssignmentId_kind_key" ON "ReminderSent"("personAssignmentId", "kind");

-- CreateIndex
CREATE INDEX "Notice_userId_createdAt_idx" ON "Notice"("userId", "createdAt");

-- CreateIndex
CREATE INDEX "Department_cityId_path_idx" ON "Department"("cityId", "path");

-- CreateIndex
CREATE INDEX "Department_parentId_idx" ON "Department"("parentId");

-- CreateIndex
CREATE UNIQUE INDEX "Department_cityId_siblingsKey_name_key" ON "Department"("cityId", "siblingsKey", "name");

-- AddForeignKey
ALTER TABLE "Department" ADD CONSTRAINT "Department_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "Department"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RoleGrant" ADD CONSTRAINT "RoleGrant_departmentId_fkey" FOREIGN KEY ("departmentId") REFERENCES "Department"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AssignmentTarget" ADD CONSTRAINT "AssignmentTarget_assignmentId_fkey" FOREIGN KEY ("assignmentId") REFERENCES "Assignment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AssignmentTarget" ADD CONSTRAINT "AssignmentTarget_departmentId_fkey" FOREIGN KEY ("departmentId") REFERENCES "Department"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PersonAssignment" ADD CONSTRAINT "PersonAssignment_assignmentId_fkey" FOREIGN KEY ("assignmentId") REFERENCES "Assignment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PersonAssignment" ADD CONSTRAINT "PersonAssignment_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PersonAssignment" ADD CONSTRAINT "PersonAssignment_enrollmentId_fkey" FOREIGN KEY ("enrollmentId") REFERENCES "Enrollment"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Accommodation" ADD CONSTRAINT "Accommodation_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReminderSent" ADD CONSTRAINT "ReminderSent_personAssignmentId_fkey" FOREIGN KEY ("personAssignmentId") REFERENCES "PersonAssignment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notice" ADD CONSTRAINT "Notice_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;


UPDATE "Assignment" a SET "validityMonths" = m."certificateValidityMonths" FROM "MigratedTarget" m WHERE m."id" = a."id";
INSERT INTO "AssignmentTarget" ("id", "assignmentId", "departmentId", "includeSubdepartments", "userId")
SELECT 'migrated-' || "id", "id", "departmentId", true, "userId" FROM "MigratedTarget";
DROP TABLE "MigratedTarget";

-- Earlier departments were flat: each is a root.
UPDATE "Department" SET "path" = "id" || '/', "depth" = 1, "siblingsKey" = '';

-- Earlier assigned enrolments become person-assignments of cycle 1 (their own due date).
INSERT INTO "PersonAssignment" ("id", "assignmentId", "userId", "cityId", "courseId", "cycle", "assignedAt", "dueAt", "enrollmentId")
SELECT 'migrated-' || e."id", e."assignmentId", e."userId", u."cityId", e."courseId", e."cycle", e."enrolledAt", e."dueAt", e."id"
FROM "Enrollment" e JOIN "User" u ON u."id" = e."userId"
WHERE e."assignmentId" IS NOT NULL AND e."dueAt" IS NOT NULL;
