/**
 * Item analysis data in the end-to-end server's database, through the same functions as grading:
 *   tsx tests/e2e/analysis-data.ts course <trainer email> <network course> <learners>
 * copies and publishes the course in the trainer's city, then gives it `learners` graded first
 * attempts by people of the city: everyone answers the first question rightly (so it is flagged
 * as too easy), and the others rightly or wrongly in turn. Prints the course's key.
 */
import { copyNetworkCourse, readDraft } from "../../app/authoring/drafts.server.ts";
import { publishDraft } from "../../app/authoring/publish.server.ts";
import { recordQuestionAnswers } from "../../app/analysis/answer-counts.server.ts";
import { questionAnswerRows } from "../../app/analysis/question-answers.ts";
import { db } from "../../app/db.server.ts";
import { gradeAttempt } from "../../app/quiz/grading.ts";

const [command, email = "", networkCourse = "", count = "6"] = process.argv.slice(2);
if (command !== "course") throw new Error(`unknown command ${command}`);
const user = await db().user.findUniqueOrThrow({ where: { email }, include: { city: true } });
const scope = { cityId: user.cityId, citySlug: user.city.slug, userId: user.id };
const copy = await copyNetworkCourse(scope, networkCourse);
if (!copy.ok) throw new Error(copy.problem);
const published = await publishDraft(scope, copy.key, (await readDraft(scope, copy.key))!.revision);
if (!published.ok) throw new Error(published.problem);
const course = await db().course.findUniqueOrThrow({
  where: { key: copy.key },
  select: {
    id: true,
    currentVersion: {
      select: { id: true, quiz: { select: { passMark: true, questions: { orderBy: { position: "asc" } } } } },
    },
  },
});
const version = course.currentVersion!;
const questions = version.quiz!.questions.map((question) => ({
  id: question.id,
  key: question.key,
  correct: JSON.parse(question.correct) as string[],
  wrong:
    question.type === "true-false"
      ? [(JSON.parse(question.correct) as string[])[0] === "true" ? "false" : "true"]
      : ([] as string[]),
}));
const learners = await db().user.findMany({ where: { cityId: user.cityId }, orderBy: { email: "asc" }, take: Number(count) });
for (const [index, learner] of learners.entries()) {
  const answers = Object.fromEntries(
    questions.map((question, position) => [
      question.key,
      position === 0 || (position + index) % 2 === 0 ? question.correct : question.wrong,
    ]),
  );
  const grade = gradeAttempt(questions, answers, version.quiz!.passMark);
  const enrollment = await db().enrollment.create({ data: { userId: learner.id, courseId: course.id } });
  const attempt = await db().quizAttempt.create({
    data: {
      enrollmentId: enrollment.id,
      versionId: version.id,
      number: 1,
      questions: JSON.stringify(questions.map(({ key }) => ({ key, options: [], multiple: false }))),
      snapshot: "{}",
      startedAt: new Date(),
      submittedAt: new Date(),
      score: grade.score,
      passed: grade.passed,
    },
  });
  await db().$transaction((tx) =>
    recordQuestionAnswers(
      tx,
      questionAnswerRows(
        { id: attempt.id, versionId: version.id, number: 1, cycle: 1 },
        questions,
        new Map(questions.map((question) => [question.key, question.id])),
        answers,
        grade,
      ),
    ),
  );
}
process.stdout.write(copy.key);
await db().$disconnect();
