-- AlterTable
ALTER TABLE "Enrollment" ADD COLUMN "bestPassingScore" INTEGER;
ALTER TABLE "Enrollment" ADD COLUMN "firstPassed" BOOLEAN;
ALTER TABLE "Enrollment" ADD COLUMN "firstSubmittedAt" TIMESTAMP(3);

-- An enrolment's attempt facts (decision 046): the best score of its passing submitted attempts,
-- and its first submitted attempt by number (when, and whether it passed). Filled for the
-- enrolments there are, then kept by a trigger on QuizAttempt, so HR's figures read three columns
-- instead of three correlated subqueries per enrolment. An attempt's steps (answers saved while it
-- runs) change none of the columns the trigger watches.
UPDATE "Enrollment" e
SET "bestPassingScore" = (SELECT MAX(qa."score") FROM "QuizAttempt" qa
      WHERE qa."enrollmentId" = e."id" AND qa."submittedAt" IS NOT NULL AND qa."passed"),
    ("firstSubmittedAt", "firstPassed") = (SELECT qa."submittedAt", qa."passed" FROM "QuizAttempt" qa
      WHERE qa."enrollmentId" = e."id" AND qa."submittedAt" IS NOT NULL ORDER BY qa."number" LIMIT 1)
WHERE EXISTS (SELECT 1 FROM "QuizAttempt" qa WHERE qa."enrollmentId" = e."id" AND qa."submittedAt" IS NOT NULL);

CREATE FUNCTION "enrollment_attempt_facts"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  concerned text[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    IF NEW."submittedAt" IS NULL THEN RETURN NULL; END IF;
    concerned := ARRAY[NEW."enrollmentId"];
  ELSIF TG_OP = 'UPDATE' THEN
    concerned := ARRAY[OLD."enrollmentId", NEW."enrollmentId"];
  ELSE
    IF OLD."submittedAt" IS NULL THEN RETURN NULL; END IF;
    concerned := ARRAY[OLD."enrollmentId"];
  END IF;
  UPDATE "Enrollment" e
  SET "bestPassingScore" = (SELECT MAX(qa."score") FROM "QuizAttempt" qa
        WHERE qa."enrollmentId" = e."id" AND qa."submittedAt" IS NOT NULL AND qa."passed"),
      ("firstSubmittedAt", "firstPassed") = (SELECT qa."submittedAt", qa."passed" FROM "QuizAttempt" qa
        WHERE qa."enrollmentId" = e."id" AND qa."submittedAt" IS NOT NULL ORDER BY qa."number" LIMIT 1)
  WHERE e."id" = ANY(concerned);
  RETURN NULL;
END;
$$;

CREATE TRIGGER "QuizAttempt_facts" AFTER INSERT OR UPDATE OF "submittedAt", "passed", "score", "number", "enrollmentId" OR DELETE ON "QuizAttempt"
FOR EACH ROW EXECUTE FUNCTION "enrollment_attempt_facts"();
