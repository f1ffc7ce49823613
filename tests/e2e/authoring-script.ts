/**
 * Makes authoring data in the end-to-end server's database, through the same domain functions as the
 * authoring pages, for what a test starts from rather than what it walks through. Run it with
 * `authoringData(...)` (tests/e2e/authoring-support.ts), which prints what it returns:
 *
 *   copy <email> <network course>                     → the new city course's key
 *   append <email> <course> <lesson no.> <locale> <text>  the lesson's text with a paragraph added
 *   remove <email> <course> <lesson no.> <locale>     the lesson's translation removed
 *   publish <email> <course>                          → the new version's number
 *   every-state <email> <network course> <text>       → a copy with versions 1 and 2 (the first lesson's
 *     Spanish text changed by <text>) and a draft whose translations are in every state (the second
 *     lesson's English removed)
 *   break-quiz <email> <course>                       the first choice question names no existing option
 *   whole-pool <email> <course>                       each quiz attempt draws the whole pool
 *   submit <email> <course>                           the draft's revision submitted for review
 *   require-review <email> <on|off>                   the city's review setting
 *   learner <email> <course> <lessons done>           → a new learner of the author's city (password
 *     TEST_PASSWORD) enrolled in the published course with its first lessons complete
 *   mid-course <email> <network course> <lessons done> → "<key> <learner's email>": a copy whose quiz
 *     draws the whole pool, published, and a learner of it with its first lessons complete
 * (Each run starts a process on a busy machine: a test makes its data with as few runs as it can.)
 */
import { isMap, isSeq, parseDocument } from "yaml";
import { copyNetworkCourse, readDraft, saveDraft, type AuthorScope } from "../../app/authoring/drafts.server.ts";
import { publishDraft } from "../../app/authoring/publish.server.ts";
import { submitForReview } from "../../app/authoring/reviews.server.ts";
import { lessonFolders } from "../../app/authoring/translations.ts";
import { db } from "../../app/db.server.ts";
import { createUser } from "../support/factories.ts";

async function scopeOf(address: string): Promise<AuthorScope> {
  const user = await db().user.findUniqueOrThrow({
    where: { email: address },
    select: { id: true, city: { select: { id: true, slug: true } } },
  });
  return { cityId: user.city.id, citySlug: user.city.slug, userId: user.id };
}

async function draftOf(scope: AuthorScope, key: string) {
  const draft = await readDraft(scope, key);
  if (!draft) throw new Error(`no draft ${key}`);
  return draft;
}

async function save(scope: AuthorScope, key: string, changes: Map<string, Uint8Array | null>): Promise<string> {
  const outcome = await saveDraft(scope, key, (await draftOf(scope, key)).revision, changes);
  if (!outcome.ok) throw new Error(outcome.problem);
  return String(outcome.revision);
}

/** quiz.yaml changed by `change`, saved as the draft's next revision. */
async function changeQuiz(scope: AuthorScope, key: string, change: (document: ReturnType<typeof parseDocument>) => void) {
  const draft = await draftOf(scope, key);
  const document = parseDocument(new TextDecoder().decode(draft.files.get("quiz.yaml")!));
  change(document);
  return save(scope, key, new Map([["quiz.yaml", new TextEncoder().encode(document.toString())]]));
}

async function run(command: string, email: string, key: string, rest: string[]): Promise<string> {
  const scope = await scopeOf(email);
  if (command === "every-state") {
    const copy = await run("copy", email, key, []);
    await run("publish", email, copy, []);
    await run("append", email, copy, ["1", "es", rest[0] ?? "Texto nuevo."]);
    await run("publish", email, copy, []);
    await run("remove", email, copy, ["2", "en"]);
    return copy;
  }
  if (command === "mid-course") {
    const copy = await run("copy", email, key, []);
    await run("whole-pool", email, copy, []);
    await run("publish", email, copy, []);
    return `${copy} ${await run("learner", email, copy, rest)}`;
  }
  if (command === "copy") {
    const outcome = await copyNetworkCourse(scope, key);
    if (!outcome.ok) throw new Error(outcome.problem);
    return outcome.key;
  }
  if (command === "append" || command === "remove") {
    const [lesson = "1", locale = "es", text = ""] = rest;
    const draft = await draftOf(scope, key);
    const folder = lessonFolders(draft.files)[Number(lesson) - 1]?.folder;
    if (!folder) throw new Error(`no lesson ${lesson}`);
    const path = `${folder}/${locale}.md`;
    const before = new TextDecoder().decode(draft.files.get(path));
    const bytes = command === "append" ? new TextEncoder().encode(`${before.trimEnd()}\n\n${text}\n`) : null;
    return save(scope, key, new Map([[path, bytes]]));
  }
  if (command === "publish") {
    const outcome = await publishDraft(scope, key, (await draftOf(scope, key)).revision);
    if (!outcome.ok) throw new Error(JSON.stringify(outcome));
    return String(outcome.version);
  }
  if (command === "break-quiz") {
    return changeQuiz(scope, key, (document) => {
      const questions = document.get("questions");
      const question = isSeq(questions) ? questions.items.find((item) => isMap(item) && item.has("correct")) : undefined;
      if (!isMap(question)) throw new Error("no choice question");
      question.set("correct", ["no-such-option"]);
    });
  }
  if (command === "whole-pool") {
    return changeQuiz(scope, key, (document) => {
      const questions = document.get("questions");
      document.setIn(["settings", "draw"], isSeq(questions) ? questions.items.length : 0);
    });
  }
  if (command === "submit") {
    const outcome = await submitForReview(scope, key, (await draftOf(scope, key)).revision);
    if (!outcome.ok) throw new Error(outcome.problem);
    return "submitted";
  }
  if (command === "require-review") {
    await db().city.update({ where: { id: scope.cityId }, data: { requireCourseReview: key === "on" } });
    return key;
  }
  if (command === "learner") return learnerMidway(scope, key, Number(rest[0] ?? "1"));
  throw new Error(`unknown command ${command}`);
}

/** A learner enrolled in the course's current version, its first `done` lessons complete and the next one where they stopped. */
async function learnerMidway(scope: AuthorScope, key: string, done: number): Promise<string> {
  const course = await db().course.findFirstOrThrow({
    where: { key, ownerCityId: scope.cityId },
    select: { id: true, currentVersion: { select: { lessons: { select: { key: true }, orderBy: { position: "asc" } } } } },
  });
  const lessons = course.currentVersion?.lessons.map((lesson) => lesson.key) ?? [];
  const city = await db().city.findUniqueOrThrow({ where: { id: scope.cityId }, select: { slug: true } });
  const learner = await createUser({ city: city.slug });
  await db().enrollment.create({
    data: {
      userId: learner.id,
      courseId: course.id,
      lastPosition: lessons[done] ?? "quiz",
      lessons: { create: lessons.slice(0, done).map((lessonKey) => ({ lessonKey, completedAt: new Date() })) },
    },
  });
  return learner.email;
}

const [command = "", email = "", key = "", ...rest] = process.argv.slice(2);
process.stdout.write(`${await run(command, email, key, rest)}\n`);
await db().$disconnect();
