-- AlterTable
ALTER TABLE "Enrollment" ADD COLUMN "bestPassingScore" INTEGER;
ALTER TABLE "Enrollment" ADD COLUMN "firstPassed" BOOLEAN;
ALTER TABLE "Enrollment" ADD COLUMN "firstSubmittedAt" DATETIME;

-- An enrolment's attempt facts (decision 046): the best score of its passing submitted attempts,
-- and its first submitted attempt by number (when, and whether it passed). Filled for the
-- enrolments there are, then kept by triggers on QuizAttempt, so HR's figures read three columns
-- instead of three correlated subqueries per enrolment. An attempt's steps (answers saved while it
-- runs) change none of the columns the triggers watch.
UPDATE "Enrollment"
SET "bestPassingScore" = (SELECT MAX(qa."score") FROM "QuizAttempt" qa
      WHERE qa."enrollmentId" = "Enrollment"."id" AND qa."submittedAt" IS NOT NULL AND qa."passed" = 1),
    ("firstSubmittedAt", "firstPassed") = (SELECT qa."submittedAt", qa."passed" FROM "QuizAttempt" qa
      WHERE qa."enrollmentId" = "Enrollment"."id" AND qa."submittedAt" IS NOT NULL ORDER BY qa."number" LIMIT 1)
WHERE EXISTS (SELECT 1 FROM "QuizAttempt" qa WHERE qa."enrollmentId" = "Enrollment"."id" AND qa."submittedAt" IS NOT NULL);

CREATE TRIGGER "QuizAttempt_facts_on_insert" AFTER INSERT ON "QuizAttempt"
WHEN NEW."submittedAt" IS NOT NULL
BEGIN
  UPDATE "Enrollment"
  SET "bestPassingScore" = (SELECT MAX(qa."score") FROM "QuizAttempt" qa
        WHERE qa."enrollmentId" = "Enrollment"."id" AND qa."submittedAt" IS NOT NULL AND qa."passed" = 1),
      ("firstSubmittedAt", "firstPassed") = (SELECT qa."submittedAt", qa."passed" FROM "QuizAttempt" qa
        WHERE qa."enrollmentId" = "Enrollment"."id" AND qa."submittedAt" IS NOT NULL ORDER BY qa."number" LIMIT 1)
  WHERE "id" = NEW."enrollmentId";
END;

CREATE TRIGGER "QuizAttempt_facts_on_change" AFTER UPDATE OF "submittedAt", "passed", "score", "number", "enrollmentId" ON "QuizAttempt"
BEGIN
  UPDATE "Enrollment"
  SET "bestPassingScore" = (SELECT MAX(qa."score") FROM "QuizAttempt" qa
        WHERE qa."enrollmentId" = "Enrollment"."id" AND qa."submittedAt" IS NOT NULL AND qa."passed" = 1),
      ("firstSubmittedAt", "firstPassed") = (SELECT qa."submittedAt", qa."passed" FROM "QuizAttempt" qa
        WHERE qa."enrollmentId" = "Enrollment"."id" AND qa."submittedAt" IS NOT NULL ORDER BY qa."number" LIMIT 1)
  WHERE "id" IN (OLD."enrollmentId", NEW."enrollmentId");
END;

CREATE TRIGGER "QuizAttempt_facts_on_delete" AFTER DELETE ON "QuizAttempt"
WHEN OLD."submittedAt" IS NOT NULL
BEGIN
  UPDATE "Enrollment"
  SET "bestPassingScore" = (SELECT MAX(qa."score") FROM "QuizAttempt" qa
        WHERE qa."enrollmentId" = "Enrollment"."id" AND qa."submittedAt" IS NOT NULL AND qa."passed" = 1),
      ("firstSubmittedAt", "firstPassed") = (SELECT qa."submittedAt", qa."passed" FROM "QuizAttempt" qa
        WHERE qa."enrollmentId" = "Enrollment"."id" AND qa."submittedAt" IS NOT NULL ORDER BY qa."number" LIMIT 1)
  WHERE "id" = OLD."enrollmentId";
END;
