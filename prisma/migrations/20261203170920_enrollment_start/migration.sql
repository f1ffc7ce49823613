-- DropIndex
DROP INDEX IF EXISTS "PersonAssignment_userId_withdrawnAt_completedAt_dueAt_idx";

-- AlterTable
ALTER TABLE "Enrollment" ADD COLUMN "startedAt" DATETIME;

-- AlterTable
ALTER TABLE "PersonAssignment" ADD COLUMN "startedAt" DATETIME;

-- CreateIndex
CREATE INDEX "PersonAssignment_userId_withdrawnAt_completedAt_dueAt_startedAt_idx" ON "PersonAssignment"("userId", "withdrawnAt", "completedAt", "dueAt", "startedAt");


-- An enrolment's start (decision 045): its first lesson completed or first quiz attempt started,
-- whichever came first; filled for the enrolments there are, then kept by triggers on both tables.
-- Person-assignments copy it beside completedAt (decision 044): the triggers of that migration are
-- replaced by ones that copy both, so a row costs one update, not two.
DROP TRIGGER IF EXISTS "PersonAssignment_completion_on_insert";
DROP TRIGGER IF EXISTS "PersonAssignment_completion_on_link";
DROP TRIGGER IF EXISTS "Enrollment_completion_to_rows";
DROP TRIGGER IF EXISTS "Enrollment_removed_from_rows";

UPDATE "Enrollment"
SET "startedAt" = (SELECT MIN("at") FROM (
  SELECT MIN(lp."completedAt") AS "at" FROM "LessonProgress" lp WHERE lp."enrollmentId" = "Enrollment"."id"
  UNION ALL
  SELECT MIN(qa."startedAt") FROM "QuizAttempt" qa WHERE qa."enrollmentId" = "Enrollment"."id"));

UPDATE "PersonAssignment"
SET "startedAt" = (SELECT e."startedAt" FROM "Enrollment" e WHERE e."id" = "PersonAssignment"."enrollmentId")
WHERE "enrollmentId" IS NOT NULL;

CREATE TRIGGER "PersonAssignment_copy_on_insert" AFTER INSERT ON "PersonAssignment"
WHEN NEW."enrollmentId" IS NOT NULL
BEGIN
  UPDATE "PersonAssignment"
  SET ("completedAt", "startedAt") = (SELECT e."completedAt", e."startedAt" FROM "Enrollment" e WHERE e."id" = NEW."enrollmentId")
  WHERE "id" = NEW."id";
END;

CREATE TRIGGER "PersonAssignment_copy_on_link" AFTER UPDATE OF "enrollmentId" ON "PersonAssignment"
BEGIN
  UPDATE "PersonAssignment"
  SET ("completedAt", "startedAt") = (SELECT e."completedAt", e."startedAt" FROM "Enrollment" e WHERE e."id" = NEW."enrollmentId")
  WHERE "id" = NEW."id";
END;

CREATE TRIGGER "Enrollment_copy_to_rows" AFTER UPDATE OF "completedAt", "startedAt" ON "Enrollment"
WHEN OLD."completedAt" IS NOT NEW."completedAt" OR OLD."startedAt" IS NOT NEW."startedAt"
BEGIN
  UPDATE "PersonAssignment" SET "completedAt" = NEW."completedAt", "startedAt" = NEW."startedAt"
  WHERE "enrollmentId" = NEW."id";
END;

-- Before the delete, so the copy goes with the enrolment whether or not the foreign key's SET NULL runs triggers.
CREATE TRIGGER "Enrollment_removed_from_rows" BEFORE DELETE ON "Enrollment"
BEGIN
  UPDATE "PersonAssignment" SET "completedAt" = NULL, "startedAt" = NULL WHERE "enrollmentId" = OLD."id";
END;

-- A new lesson or attempt can only make the start earlier; a change or a removal recomputes it.
CREATE TRIGGER "LessonProgress_start_on_insert" AFTER INSERT ON "LessonProgress"
BEGIN
  UPDATE "Enrollment" SET "startedAt" = NEW."completedAt"
  WHERE "id" = NEW."enrollmentId" AND ("startedAt" IS NULL OR "startedAt" > NEW."completedAt");
END;

CREATE TRIGGER "LessonProgress_start_on_change" AFTER UPDATE OF "completedAt", "enrollmentId" ON "LessonProgress"
BEGIN
  UPDATE "Enrollment"
  SET "startedAt" = (SELECT MIN("at") FROM (
    SELECT MIN(lp."completedAt") AS "at" FROM "LessonProgress" lp WHERE lp."enrollmentId" = "Enrollment"."id"
    UNION ALL
    SELECT MIN(qa."startedAt") FROM "QuizAttempt" qa WHERE qa."enrollmentId" = "Enrollment"."id"))
  WHERE "id" IN (OLD."enrollmentId", NEW."enrollmentId");
END;

CREATE TRIGGER "LessonProgress_start_on_delete" AFTER DELETE ON "LessonProgress"
BEGIN
  UPDATE "Enrollment"
  SET "startedAt" = (SELECT MIN("at") FROM (
    SELECT MIN(lp."completedAt") AS "at" FROM "LessonProgress" lp WHERE lp."enrollmentId" = "Enrollment"."id"
    UNION ALL
    SELECT MIN(qa."startedAt") FROM "QuizAttempt" qa WHERE qa."enrollmentId" = "Enrollment"."id"))
  WHERE "id" = OLD."enrollmentId";
END;

CREATE TRIGGER "QuizAttempt_start_on_insert" AFTER INSERT ON "QuizAttempt"
BEGIN
  UPDATE "Enrollment" SET "startedAt" = NEW."startedAt"
  WHERE "id" = NEW."enrollmentId" AND ("startedAt" IS NULL OR "startedAt" > NEW."startedAt");
END;

CREATE TRIGGER "QuizAttempt_start_on_change" AFTER UPDATE OF "startedAt", "enrollmentId" ON "QuizAttempt"
BEGIN
  UPDATE "Enrollment"
  SET "startedAt" = (SELECT MIN("at") FROM (
    SELECT MIN(lp."completedAt") AS "at" FROM "LessonProgress" lp WHERE lp."enrollmentId" = "Enrollment"."id"
    UNION ALL
    SELECT MIN(qa."startedAt") FROM "QuizAttempt" qa WHERE qa."enrollmentId" = "Enrollment"."id"))
  WHERE "id" IN (OLD."enrollmentId", NEW."enrollmentId");
END;

CREATE TRIGGER "QuizAttempt_start_on_delete" AFTER DELETE ON "QuizAttempt"
BEGIN
  UPDATE "Enrollment"
  SET "startedAt" = (SELECT MIN("at") FROM (
    SELECT MIN(lp."completedAt") AS "at" FROM "LessonProgress" lp WHERE lp."enrollmentId" = "Enrollment"."id"
    UNION ALL
    SELECT MIN(qa."startedAt") FROM "QuizAttempt" qa WHERE qa."enrollmentId" = "Enrollment"."id"))
  WHERE "id" = OLD."enrollmentId";
END;
