/**
 * The count tables item analysis reads (decision 037): grading writes an attempt's QuestionAnswer
 * rows and adds their counts in one transaction, so the page reads a few hundred groups however
 * many attempts there are. What counts is `answerCounts` (question-answers.ts), for grading and
 * for the rebuild alike.
 */
import { db, Prisma } from "~/db.server.ts";
import { answerCounts, type AnswerGroup, type ChoiceGroup, type QuestionAnswerRow } from "./question-answers.ts";

/** Groups per statement: six parameters each keeps a statement under SQLite's and PostgreSQL's limits. */
const GROUPS_PER_STATEMENT = 1000;

function chunks<T>(items: readonly T[], size: number): T[][] {
  return Array.from({ length: Math.ceil(items.length / size) }, (_, index) => items.slice(index * size, (index + 1) * size));
}

/** Adds counted groups to the tables: one portable upsert per table and chunk (groups are distinct within a call). */
async function addCounts(client: Prisma.TransactionClient, counts: { answers: AnswerGroup[]; choices: ChoiceGroup[] }) {
  for (const answers of chunks(counts.answers, GROUPS_PER_STATEMENT)) {
    await client.$executeRaw`
      INSERT INTO "QuestionAnswerCount" ("versionId", "questionId", "correct", "attemptCorrect", "attemptTotal", "count")
      VALUES ${Prisma.join(
        answers.map(
          (group) =>
            Prisma.sql`(${group.versionId}, ${group.questionId}, ${group.correct}, ${group.attemptCorrect}, ${group.attemptTotal}, ${group.count})`,
        ),
      )}
      ON CONFLICT ("versionId", "questionId", "correct", "attemptCorrect", "attemptTotal")
      DO UPDATE SET "count" = "QuestionAnswerCount"."count" + excluded."count"`;
  }
  for (const choices of chunks(counts.choices, GROUPS_PER_STATEMENT)) {
    await client.$executeRaw`
      INSERT INTO "QuestionChoiceCount" ("versionId", "questionId", "chosen", "count")
      VALUES ${Prisma.join(choices.map((group) => Prisma.sql`(${group.versionId}, ${group.questionId}, ${group.chosen}, ${group.count})`))}
      ON CONFLICT ("versionId", "questionId", "chosen")
      DO UPDATE SET "count" = "QuestionChoiceCount"."count" + excluded."count"`;
  }
}

/** Grading's write of a graded attempt's rows and their counts, inside the score's transaction. */
export async function recordQuestionAnswers(tx: Prisma.TransactionClient, rows: QuestionAnswerRow[]): Promise<void> {
  if (rows.length === 0) return;
  await tx.questionAnswer.createMany({ data: rows });
  await addCounts(tx, answerCounts(rows));
}

/**
 * Adds counts of rows written outside grading (the generated demo and benchmark activity, whose
 * rows go through raw batched inserts), in one transaction.
 */
export async function addAnswerCounts(counts: { answers: AnswerGroup[]; choices: ChoiceGroup[] }): Promise<void> {
  await db().$transaction((tx) => addCounts(tx, counts), { timeout: 120_000 });
}

/**
 * A version's counts made again from its rows, in one transaction (idempotent), a question at a
 * time (a question belongs to one version; its rows are read through their index). A data step of
 * deploy (with the backfill), run before the app serves: an attempt graded while it runs could be
 * counted twice.
 */
export async function rebuildAnswerCounts(versionId: string): Promise<void> {
  await db().$transaction(
    async (tx) => {
      await tx.questionAnswerCount.deleteMany({ where: { versionId } });
      await tx.questionChoiceCount.deleteMany({ where: { versionId } });
      const answered = await tx.questionAnswer.groupBy({ by: ["questionId"], where: { versionId } });
      for (const { questionId } of answered) {
        await addCounts(tx, answerCounts(await tx.questionAnswer.findMany({ where: { questionId } })));
      }
    },
    { timeout: 30 * 60_000, maxWait: 60_000 },
  );
}

/** Versions with rows and no counts at all: graded before the count tables existed. */
export async function uncountedVersions(): Promise<string[]> {
  const [answered, counted] = await Promise.all([
    db().questionAnswer.groupBy({ by: ["versionId"] }),
    db().questionAnswerCount.groupBy({ by: ["versionId"] }),
  ]);
  const withCounts = new Set(counted.map((group) => group.versionId));
  return answered.map((group) => group.versionId).filter((versionId) => !withCounts.has(versionId));
}

/** The counts of one version, as item-analysis.ts takes them. */
export async function readAnswerCounts(versionId: string): Promise<{ answers: AnswerGroup[]; choices: ChoiceGroup[] }> {
  const [answers, choices] = await Promise.all([
    db().questionAnswerCount.findMany({ where: { versionId } }),
    db().questionChoiceCount.findMany({ where: { versionId } }),
  ]);
  return { answers, choices };
}
