-- DropForeignKey
ALTER TABLE "Enrollment" DROP CONSTRAINT "Enrollment_assignmentId_fkey";

-- AlterTable
ALTER TABLE "Course" ADD COLUMN     "archivedAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "Enrollment" DROP COLUMN "assignmentId",
DROP COLUMN "dueAt";

