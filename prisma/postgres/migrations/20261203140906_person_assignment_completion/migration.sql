-- AlterTable
ALTER TABLE "PersonAssignment" ADD COLUMN     "completedAt" TIMESTAMP(3);

-- CreateIndex
CREATE INDEX "User_cityId_active_id_idx" ON "User"("cityId", "active", "id");

-- CreateIndex
CREATE INDEX "PersonAssignment_userId_withdrawnAt_completedAt_dueAt_idx" ON "PersonAssignment"("userId", "withdrawnAt", "completedAt", "dueAt");


-- The copy of the linked enrolment's completedAt (decision 044): filled for the rows there are,
-- then kept by triggers, so that every writer (the app, COPY and batched inserts, seeds) keeps it.
UPDATE "PersonAssignment" pa
SET "completedAt" = e."completedAt"
FROM "Enrollment" e
WHERE e."id" = pa."enrollmentId";

CREATE FUNCTION "person_assignment_completion"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."enrollmentId" IS NULL THEN
    NEW."completedAt" := NULL;
  ELSE
    NEW."completedAt" := (SELECT e."completedAt" FROM "Enrollment" e WHERE e."id" = NEW."enrollmentId");
  END IF;
  RETURN NEW;
END;
$$;

CREATE TRIGGER "PersonAssignment_completion" BEFORE INSERT OR UPDATE OF "enrollmentId" ON "PersonAssignment"
FOR EACH ROW EXECUTE FUNCTION "person_assignment_completion"();

CREATE FUNCTION "enrollment_completion_to_rows"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    UPDATE "PersonAssignment" SET "completedAt" = NULL WHERE "enrollmentId" = OLD."id";
    RETURN OLD;
  END IF;
  IF NEW."completedAt" IS DISTINCT FROM OLD."completedAt" THEN
    UPDATE "PersonAssignment" SET "completedAt" = NEW."completedAt" WHERE "enrollmentId" = NEW."id";
  END IF;
  RETURN NEW;
END;
$$;

CREATE TRIGGER "Enrollment_completion_to_rows" AFTER UPDATE OF "completedAt" ON "Enrollment"
FOR EACH ROW EXECUTE FUNCTION "enrollment_completion_to_rows"();

-- Before the delete, so the copy goes with the enrolment whether or not the foreign key's SET NULL runs triggers.
CREATE TRIGGER "Enrollment_removed_from_rows" BEFORE DELETE ON "Enrollment"
FOR EACH ROW EXECUTE FUNCTION "enrollment_completion_to_rows"();
