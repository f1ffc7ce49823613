/**
 * Makes authoring data in the end-to-end server's database for pages another part of the product
 * builds (copying a course from the list, editing a lesson, the publish page), through the same
 * domain functions those pages call:
 *
 *   tsx tests/e2e/authoring-data.ts copy <email> <network course>          → prints the copy's key
 *   tsx tests/e2e/authoring-data.ts append <email> <course> <lesson no.> <locale> <text>
 *   tsx tests/e2e/authoring-data.ts remove <email> <course> <lesson no.> <locale>
 *   tsx tests/e2e/authoring-data.ts publish <email> <course>                → prints the version number
 *   tsx tests/e2e/authoring-data.ts every-state <email> <network course> <text>
 *     → a copy with versions 1 and 2 (the first lesson's Spanish text changed by <text>) and a draft
 *       whose translations are in every state (the second lesson's English removed); prints its key
 */
import { copyNetworkCourse, readDraft, saveDraft, type AuthorScope } from "../../app/authoring/drafts.server.ts";
import { publishDraft } from "../../app/authoring/publish.server.ts";
import { lessonFolders } from "../../app/authoring/translations.ts";
import { db } from "../../app/db.server.ts";

const [command, email, courseKey, ...rest] = process.argv.slice(2);

async function scopeOf(address: string): Promise<AuthorScope> {
  const user = await db().user.findUniqueOrThrow({
    where: { email: address },
    select: { id: true, city: { select: { id: true, slug: true } } },
  });
  return { cityId: user.city.id, citySlug: user.city.slug, userId: user.id };
}

async function lessonFile(scope: AuthorScope, key: string, lesson: string, locale: string) {
  const draft = await readDraft(scope, key);
  if (!draft) throw new Error(`no draft ${key}`);
  const folder = lessonFolders(draft.files)[Number(lesson) - 1]?.folder;
  if (!folder) throw new Error(`no lesson ${lesson}`);
  return { draft, path: `${folder}/${locale}.md` };
}

async function main(): Promise<string> {
  return run(command ?? "", email ?? "", courseKey ?? "", rest);
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
  if (command === "copy") {
    const outcome = await copyNetworkCourse(scope, key);
    if (!outcome.ok) throw new Error(outcome.problem);
    return outcome.key;
  }
  if (command === "append" || command === "remove") {
    const [lesson = "1", locale = "es", text = ""] = rest;
    const { draft, path } = await lessonFile(scope, key, lesson, locale);
    const before = new TextDecoder().decode(draft.files.get(path));
    const bytes = command === "append" ? new TextEncoder().encode(`${before.trimEnd()}\n\n${text}\n`) : null;
    const outcome = await saveDraft(scope, key, draft.revision, new Map([[path, bytes]]));
    if (!outcome.ok) throw new Error(outcome.problem);
    return String(outcome.revision);
  }
  if (command === "publish") {
    const draft = await readDraft(scope, key);
    if (!draft) throw new Error(`no draft ${key}`);
    const outcome = await publishDraft(scope, key, draft.revision);
    if (!outcome.ok) throw new Error(JSON.stringify(outcome));
    return String(outcome.version);
  }
  throw new Error(`unknown command ${command}`);
}

process.stdout.write(`${await main()}\n`);
await db().$disconnect();
