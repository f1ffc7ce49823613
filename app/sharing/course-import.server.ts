/**
 * Importing a course zip into a city, all or nothing: the zip is read safely (course-zip.server.ts),
 * its files are checked by the course checker under the key they will have in this city, and only a
 * course without errors is written — as a new city course, or as the new content of an existing
 * course's draft (a conditional save on the draft's revision, like every other save).
 */
import { parse as parseYaml } from "yaml";
import {
  createCityCourse,
  freeCourseKey,
  readDraft,
  saveDraft,
  withCourseKey,
  type AuthorScope,
} from "~/authoring/drafts.server.ts";
import { checkFiles } from "~/authoring/publish.server.ts";
import { isError, type Problem } from "~/courses/problems.ts";
import { isLocale } from "~/i18n/locales.ts";
import { courseKeyName } from "~/courses/format.ts";
import { readZip, withoutTopFolder, type ZipProblem } from "./course-zip.server.ts";

export type ImportTarget = { kind: "new" } | { kind: "draft"; courseKey: string; revision: number };

export type ZipImportOutcome =
  { ok: true; key: string } | { ok: false; zipProblems: ZipProblem[]; problems: Problem[]; stale?: boolean };

const refused = (zipProblems: ZipProblem[], problems: Problem[] = []): ZipImportOutcome => ({ ok: false, zipProblems, problems });

function declared(files: ReadonlyMap<string, Uint8Array>): { name: string; sourceLocale: string } {
  try {
    const course = parseYaml(new TextDecoder().decode(files.get("course.yaml"))) as {
      key?: unknown;
      sourceLocale?: unknown;
    } | null;
    const key = typeof course?.key === "string" ? course.key : "";
    return {
      name: courseKeyName(key),
      sourceLocale: typeof course?.sourceLocale === "string" ? course.sourceLocale : "",
    };
  } catch {
    return { name: "", sourceLocale: "" };
  }
}

/** course.yaml under the key it gets here; one that does not parse is left for the checker to report. */
function keyed(courseYaml: Uint8Array, key: string): Uint8Array {
  try {
    return withCourseKey(courseYaml, key);
  } catch {
    return courseYaml;
  }
}

export async function importCourseZip(scope: AuthorScope, bytes: Uint8Array, target: ImportTarget): Promise<ZipImportOutcome> {
  const read = await readZip(bytes);
  if (!read.ok) return refused(read.problems);
  const files = withoutTopFolder(read.files);
  if (!files.has("course.yaml")) return refused([{ code: "sharing.zip.noCourse", params: {} }]);
  const { name, sourceLocale } = declared(files);

  if (target.kind === "draft") {
    const draft = await readDraft(scope, target.courseKey);
    if (!draft) return refused([{ code: "sharing.zip.noSuchCourse", params: {} }]);
    files.set("course.yaml", keyed(files.get("course.yaml")!, draft.courseKey));
    const problems = checkFiles(draft.courseKey, files).problems.filter(isError);
    if (problems.length > 0) return refused([], problems);
    const changes = new Map<string, Uint8Array | null>(
      [...draft.files.keys()].filter((path) => !files.has(path)).map((path) => [path, null]),
    );
    for (const [path, content] of files) changes.set(path, content);
    const saved = await saveDraft(scope, draft.courseKey, target.revision, changes);
    if (!saved.ok) return { ok: false, zipProblems: [], problems: [], stale: true };
    return { ok: true, key: draft.courseKey };
  }

  // Checked under the key it would get now; the key is taken again when the course is written.
  const provisional = await freeCourseKey(scope.citySlug, name || "curso");
  files.set("course.yaml", keyed(files.get("course.yaml")!, provisional));
  const problems = checkFiles(provisional, files).problems.filter(isError);
  if (problems.length > 0) return refused([], problems);
  const created = await createCityCourse(scope, {
    title: name || "curso",
    sourceLocale: isLocale(sourceLocale) ? sourceLocale : "es",
    files: (key) => new Map([...files, ["course.yaml", withCourseKey(files.get("course.yaml")!, key)]]),
  });
  return { ok: true, key: created.key };
}
