/**
 * Run by tsx against the end-to-end database (tests/e2e/authoring-data.ts): makes the drafts the
 * authoring tests start from through the same domain functions as the pages.
 *   copy <email> <network course>        prints the new city course's key
 *   break-quiz <email> <course>          saves a quiz whose first choice question names no existing option
 *   publish <email> <course>             publishes the draft as it stands
 *   submit <email> <course>              submits the draft's revision for review
 *   require-review <email> <on|off>      the city's review setting
 */
import { parseDocument, isMap, isSeq } from "yaml";
import { copyNetworkCourse, readDraft, saveDraft } from "../../app/authoring/drafts.server.ts";
import { publishDraft } from "../../app/authoring/publish.server.ts";
import { submitForReview } from "../../app/authoring/reviews.server.ts";
import { db } from "../../app/db.server.ts";

const [command, email, argument = ""] = process.argv.slice(2);
const user = await db().user.findUniqueOrThrow({ where: { email }, include: { city: true } });
const scope = { cityId: user.cityId, citySlug: user.city.slug, userId: user.id };

async function draftOf(key: string) {
  const draft = await readDraft(scope, key);
  if (!draft) throw new Error(`no draft ${key}`);
  return draft;
}

if (command === "copy") {
  const outcome = await copyNetworkCourse(scope, argument);
  if (!outcome.ok) throw new Error(outcome.problem);
  process.stdout.write(outcome.key);
} else if (command === "break-quiz") {
  const draft = await draftOf(argument);
  const document = parseDocument(new TextDecoder().decode(draft.files.get("quiz.yaml")!));
  const questions = document.get("questions");
  const question = isSeq(questions) ? questions.items.find((item) => isMap(item) && item.has("correct")) : undefined;
  if (!isMap(question)) throw new Error("no choice question");
  question.set("correct", ["no-such-option"]);
  const saved = await saveDraft(
    scope,
    argument,
    draft.revision,
    new Map([["quiz.yaml", new TextEncoder().encode(document.toString())]]),
  );
  if (!saved.ok) throw new Error(saved.problem);
} else if (command === "publish") {
  const outcome = await publishDraft(scope, argument, (await draftOf(argument)).revision);
  if (!outcome.ok) throw new Error(outcome.problem);
} else if (command === "submit") {
  const outcome = await submitForReview(scope, argument, (await draftOf(argument)).revision);
  if (!outcome.ok) throw new Error(outcome.problem);
} else if (command === "require-review") {
  await db().city.update({ where: { id: user.cityId }, data: { requireCourseReview: argument === "on" } });
} else {
  throw new Error(`unknown command ${command}`);
}
await db().$disconnect();
