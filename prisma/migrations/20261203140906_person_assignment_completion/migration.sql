-- AlterTable
ALTER TABLE "PersonAssignment" ADD COLUMN "completedAt" DATETIME;

-- CreateIndex
CREATE INDEX "User_cityId_active_id_idx" ON "User"("cityId", "active", "id");

-- CreateIndex
CREATE INDEX "PersonAssignment_userId_withdrawnAt_completedAt_dueAt_idx" ON "PersonAssignment"("userId", "withdrawnAt", "completedAt", "dueAt");


-- The copy of the linked enrolment's completedAt (decision 044): filled for the rows there are,
-- then kept by triggers, so that every writer (the app, raw batched inserts, seeds) keeps it.
UPDATE "PersonAssignment"
SET "completedAt" = (SELECT e."completedAt" FROM "Enrollment" e WHERE e."id" = "PersonAssignment"."enrollmentId")
WHERE "enrollmentId" IS NOT NULL;

CREATE TRIGGER "PersonAssignment_completion_on_insert" AFTER INSERT ON "PersonAssignment"
WHEN NEW."enrollmentId" IS NOT NULL
BEGIN
  UPDATE "PersonAssignment"
  SET "completedAt" = (SELECT e."completedAt" FROM "Enrollment" e WHERE e."id" = NEW."enrollmentId")
  WHERE "id" = NEW."id";
END;

CREATE TRIGGER "PersonAssignment_completion_on_link" AFTER UPDATE OF "enrollmentId" ON "PersonAssignment"
BEGIN
  UPDATE "PersonAssignment"
  SET "completedAt" = (SELECT e."completedAt" FROM "Enrollment" e WHERE e."id" = NEW."enrollmentId")
  WHERE "id" = NEW."id";
END;

CREATE TRIGGER "Enrollment_completion_to_rows" AFTER UPDATE OF "completedAt" ON "Enrollment"
BEGIN
  UPDATE "PersonAssignment" SET "completedAt" = NEW."completedAt" WHERE "enrollmentId" = NEW."id";
END;

-- Before the delete, so the copy goes with the enrolment whether or not the foreign key's SET NULL runs triggers.
CREATE TRIGGER "Enrollment_removed_from_rows" BEFORE DELETE ON "Enrollment"
BEGIN
  UPDATE "PersonAssignment" SET "completedAt" = NULL WHERE "enrollmentId" = OLD."id";
END;
