-- DropIndex
DROP INDEX IF EXISTS "PersonAssignment_userId_withdrawnAt_completedAt_dueAt_idx";

-- AlterTable
ALTER TABLE "Enrollment" ADD COLUMN     "startedAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "PersonAssignment" ADD COLUMN     "startedAt" TIMESTAMP(3);

-- CreateIndex
CREATE INDEX "PersonAssignment_userId_withdrawnAt_completedAt_dueAt_start_idx" ON "PersonAssignment"("userId", "withdrawnAt", "completedAt", "dueAt", "startedAt");


-- An enrolment's start (decision 045): its first lesson completed or first quiz attempt started,
-- whichever came first; filled for the enrolments there are, then kept by triggers on both tables.
-- Person-assignments copy it beside completedAt (decision 044): that migration's functions are
-- replaced by ones that copy both.
DROP TRIGGER IF EXISTS "PersonAssignment_completion" ON "PersonAssignment";
DROP TRIGGER IF EXISTS "Enrollment_completion_to_rows" ON "Enrollment";
DROP TRIGGER IF EXISTS "Enrollment_removed_from_rows" ON "Enrollment";
DROP FUNCTION IF EXISTS "person_assignment_completion"();
DROP FUNCTION IF EXISTS "enrollment_completion_to_rows"();

UPDATE "Enrollment" e
SET "startedAt" = LEAST(
  (SELECT MIN(lp."completedAt") FROM "LessonProgress" lp WHERE lp."enrollmentId" = e."id"),
  (SELECT MIN(qa."startedAt") FROM "QuizAttempt" qa WHERE qa."enrollmentId" = e."id"));

UPDATE "PersonAssignment" pa
SET "startedAt" = e."startedAt"
FROM "Enrollment" e
WHERE e."id" = pa."enrollmentId" AND e."startedAt" IS NOT NULL;

CREATE FUNCTION "person_assignment_copy"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW."completedAt" := NULL;
  NEW."startedAt" := NULL;
  IF NEW."enrollmentId" IS NOT NULL THEN
    SELECT e."completedAt", e."startedAt" INTO NEW."completedAt", NEW."startedAt"
    FROM "Enrollment" e WHERE e."id" = NEW."enrollmentId";
  END IF;
  RETURN NEW;
END;
$$;

CREATE TRIGGER "PersonAssignment_copy" BEFORE INSERT OR UPDATE OF "enrollmentId" ON "PersonAssignment"
FOR EACH ROW EXECUTE FUNCTION "person_assignment_copy"();

CREATE FUNCTION "enrollment_copy_to_rows"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    UPDATE "PersonAssignment" SET "completedAt" = NULL, "startedAt" = NULL WHERE "enrollmentId" = OLD."id";
    RETURN OLD;
  END IF;
  IF NEW."completedAt" IS DISTINCT FROM OLD."completedAt" OR NEW."startedAt" IS DISTINCT FROM OLD."startedAt" THEN
    UPDATE "PersonAssignment" SET "completedAt" = NEW."completedAt", "startedAt" = NEW."startedAt"
    WHERE "enrollmentId" = NEW."id";
  END IF;
  RETURN NEW;
END;
$$;

CREATE TRIGGER "Enrollment_copy_to_rows" AFTER UPDATE OF "completedAt", "startedAt" ON "Enrollment"
FOR EACH ROW EXECUTE FUNCTION "enrollment_copy_to_rows"();

-- Before the delete, so the copy goes with the enrolment whether or not the foreign key's SET NULL runs triggers.
CREATE TRIGGER "Enrollment_removed_from_rows" BEFORE DELETE ON "Enrollment"
FOR EACH ROW EXECUTE FUNCTION "enrollment_copy_to_rows"();

-- A lesson or an attempt added, changed or removed: the start of the enrolments concerned is
-- recomputed from both tables (two index probes; LEAST ignores NULLs), written only when it changed.
CREATE FUNCTION "enrollment_start_from_rows"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  concerned text[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    concerned := ARRAY[NEW."enrollmentId"];
  ELSIF TG_OP = 'UPDATE' THEN
    concerned := ARRAY[OLD."enrollmentId", NEW."enrollmentId"];
  ELSE
    concerned := ARRAY[OLD."enrollmentId"];
  END IF;
  UPDATE "Enrollment" e
  SET "startedAt" = s."first"
  FROM (
    SELECT x."id", LEAST(
      (SELECT MIN(lp."completedAt") FROM "LessonProgress" lp WHERE lp."enrollmentId" = x."id"),
      (SELECT MIN(qa."startedAt") FROM "QuizAttempt" qa WHERE qa."enrollmentId" = x."id")) AS "first"
    FROM "Enrollment" x WHERE x."id" = ANY(concerned)
  ) s
  WHERE e."id" = s."id" AND e."startedAt" IS DISTINCT FROM s."first";
  RETURN NULL;
END;
$$;

CREATE TRIGGER "LessonProgress_start" AFTER INSERT OR UPDATE OF "completedAt", "enrollmentId" OR DELETE ON "LessonProgress"
FOR EACH ROW EXECUTE FUNCTION "enrollment_start_from_rows"();

CREATE TRIGGER "QuizAttempt_start" AFTER INSERT OR UPDATE OF "startedAt", "enrollmentId" OR DELETE ON "QuizAttempt"
FOR EACH ROW EXECUTE FUNCTION "enrollment_start_from_rows"();
