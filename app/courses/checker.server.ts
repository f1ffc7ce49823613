/**
 * Reads one course — a folder of `courses/` or a draft's files in memory, through a CourseTree —
 * and reports every problem with its file, line, rule (code) and, in YAML files, the field's path.
 * The importer refuses a course with any error; warnings (item-writing, repeated questions) are
 * returned beside the course. `npm run courses:check` prints them all and fails on any.
 */
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { isMap, LineCounter, parseDocument, visit as visitYaml, type Node as YamlNode } from "yaml";
import type { z } from "zod";
import { isLocale, type Locale } from "~/i18n/locales.ts";
import { isMessageKey } from "~/i18n/translate.ts";
import {
  correctKeys,
  courseFileSchema,
  lessonFrontMatterSchema,
  optionKeys,
  quizFileSchema,
  type CourseFile,
  type LessonFrontMatter,
  type QuizFile,
} from "./format.ts";
import { activitiesFileSchema, activityParts, type ActivitiesFile, type ActivityFile } from "~/activities/format.ts";
import { folderTree, hashTree, insideRoot, type CourseTree } from "./course-tree.ts";
import { itemWritingFindings, repeatedQuestions } from "./item-writing.ts";
import { activityMarkers, containsRawHtml, isExternalUrl, markdownHeadings, markdownReferences, splitFrontMatter } from "./markdown.server.ts";
import { isError, makeProblem, type CheckerCode, type Problem, type ProblemParams } from "./problems.ts";

export { formatProblem, problemText, type CheckerCode, type Problem } from "./problems.ts";

export interface LessonSource {
  key: string;
  folder: string;
  translations: Partial<Record<Locale, { frontMatter: LessonFrontMatter; body: string; bodyLine: number }>>;
  /** The lesson's practice activities (activities.yaml), in file order. */
  activities: ActivityFile[];
}

export interface CourseSource {
  /** The prefix of the course's files in problems ("courses/ai-fundamentals", or a key). */
  shownAs: string;
  course: CourseFile;
  quiz: QuizFile;
  lessons: LessonSource[];
  /** Files beside the lessons (images), by path relative to the course folder. */
  assets: Array<{ relativePath: string; bytes: Buffer }>;
  contentHash: string;
  /** The line of each question's text in quiz.yaml, by position, for problems found across courses. */
  questionLines: number[];
}

export interface LoadedCourse {
  /** The course, when it has no errors (it may have warnings). */
  source: CourseSource | null;
  problems: Problem[];
}

const IMAGE_TYPES = new Set([".png", ".svg", ".jpg", ".jpeg", ".webp"]);
const LESSON_FOLDER = /^(\d{2})-([a-z0-9]+(?:-[a-z0-9]+)*)$/;

type PathKey = string | number;

interface ParsedYaml {
  value: unknown;
  line: (path: readonly PathKey[]) => number;
}

/** Reports in one file: a YAML file's problems carry the field's path (and its line); others give a line. */
type Report = (code: CheckerCode, params?: ProblemParams, where?: { path?: readonly PathKey[]; line?: number; severity?: Problem["severity"] }) => void;

function reporter(problems: Problem[], file: string, yaml: ParsedYaml | null): Report {
  return (code, params = {}, where = {}) => {
    const line = where.line ?? (where.path && yaml ? yaml.line(where.path) : 1);
    problems.push(makeProblem(file, line, code, params, { path: yaml ? where.path : undefined, severity: where.severity }));
  };
}

function parseYaml(file: string, source: string, problems: Problem[]): ParsedYaml | null {
  const report = reporter(problems, file, null);
  const lineCounter = new LineCounter();
  const document = parseDocument(source, { lineCounter, uniqueKeys: true, prettyErrors: true });
  for (const error of document.errors) {
    const detail = (error.message.split("\n")[0] ?? error.message).replace(/ at line \d+, column \d+:?$/, "");
    report("checker.yamlSyntax", { detail }, { line: error.linePos?.[0].line ?? 1 });
  }
  if (document.errors.length > 0) return null;
  const line = (wanted: readonly PathKey[]) => {
    // The deepest node that exists on the path; for a map entry, the line of its key.
    for (let depth = wanted.length; depth >= 0; depth -= 1) {
      const parentPath = wanted.slice(0, depth - 1);
      const last = wanted[depth - 1];
      const parent = depth > 0 ? document.getIn(parentPath, true) : null;
      if (depth > 0 && isMap(parent)) {
        const pair = parent.items.find((item) => (item.key as { value?: unknown } | null)?.value === last);
        const keyNode = pair?.key as YamlNode | undefined;
        if (keyNode?.range) return lineCounter.linePos(keyNode.range[0]).line;
      }
      const node = depth > 0 ? (document.getIn(wanted.slice(0, depth), true) as YamlNode | undefined) : (document.contents as YamlNode | null);
      if (node && typeof node === "object" && "range" in node && node.range) return lineCounter.linePos(node.range[0]).line;
    }
    return 1;
  };
  try {
    return { value: document.toJS(), line };
  } catch (error) {
    // An alias to no anchor, or so many aliases that expanding them would exhaust memory.
    let at = 1;
    visitYaml(document, { Alias: (_, node) => ((at = node.range ? lineCounter.linePos(node.range[0]).line : 1), visitYaml.BREAK) });
    report("checker.yamlAlias", { detail: error instanceof Error ? error.message : String(error) }, { line: at });
    return null;
  }
}

function valueAt(value: unknown, at: readonly PathKey[]): unknown {
  return at.reduce<unknown>((node, part) => (node && typeof node === "object" ? (node as Record<PathKey, unknown>)[part] : undefined), value);
}

/** A schema message that names one of our rules (e.g. "checker.reservedLessonKey"). */
const isCheckerCode = (message: string): message is CheckerCode => message.startsWith("checker.") && isMessageKey(message);

/**
 * zod's issues: an unknown field each on its own; a rule of ours written into the schema (a message
 * that is a checker code, such as a reserved lesson key) as that rule; any other as an invalid field.
 */
function zodProblems(report: Report, fileName: string, yaml: ParsedYaml, error: z.ZodError, withPath: boolean): void {
  const where = (at: readonly PathKey[]) => (withPath ? { path: at } : { line: yaml.line(at) });
  for (const issue of error.issues) {
    const issuePath = issue.path.filter((part): part is PathKey => typeof part !== "symbol");
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) report("checker.unknownField", { field: key }, where([...issuePath, key]));
    } else if (isCheckerCode(issue.message)) {
      report(issue.message, { key: String(valueAt(yaml.value, issuePath)), field: issuePath.join(".") }, where(issuePath));
    } else {
      report("checker.invalidField", { field: issuePath.length > 0 ? issuePath.join(".") : fileName, detail: issue.message }, where(issuePath));
    }
  }
}

function wellFormedHttps(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === "https:" && parsed.hostname.includes(".") && !/\s/.test(url);
  } catch {
    return false;
  }
}

/** Reports declared languages missing from a localized field. */
function missingLanguages(value: unknown, languages: readonly Locale[], at: readonly PathKey[], report: Report): void {
  if (!value || typeof value !== "object") return;
  for (const locale of languages) {
    if (!(locale in value)) report("checker.missingLanguage", { field: at.join("."), language: locale }, { path: at });
  }
}

function checkQuiz(quiz: QuizFile, languages: readonly Locale[], report: Report): void {
  const seen = new Set<string>();
  quiz.questions.forEach((question, index) => {
    const at = ["questions", index];
    if (seen.has(question.key)) report("checker.duplicateQuestionKey", { key: question.key }, { path: [...at, "key"] });
    seen.add(question.key);
    missingLanguages(question.text, languages, [...at, "text"], report);
    missingLanguages(question.explanation, languages, [...at, "explanation"], report);
    if (question.type === "true-false") return;
    const options = optionKeys(question);
    for (const key of duplicateKeys(options)) report("checker.duplicateOptionKey", { key, question: question.key }, { path: [...at, "options"] });
    question.options.forEach((option, optionIndex) => missingLanguages(option.text, languages, [...at, "options", optionIndex, "text"], report));
    for (const key of correctKeys(question)) {
      if (!options.includes(key)) report("checker.unknownCorrectOption", { key, question: question.key }, { path: [...at, "correct"] });
    }
    if (question.correct.length === 0) report("checker.questionWithoutCorrect", { question: question.key }, { path: [...at, "correct"] });
    else if (question.type === "single" && question.correct.length !== 1) {
      report("checker.singleNeedsOneCorrect", { question: question.key }, { path: [...at, "correct"] });
    }
  });
  if (quiz.settings.draw > quiz.questions.length) {
    report("checker.drawLargerThanPool", { draw: quiz.settings.draw, count: quiz.questions.length }, { path: ["settings", "draw"] });
  }
  for (const finding of itemWritingFindings(quiz, languages)) {
    const at = finding.questionIndex === null ? ["questions"] : ["questions", finding.questionIndex];
    report(finding.code, finding.params, { path: at, severity: "warning" });
  }
}

function duplicateKeys(keys: readonly string[]): string[] {
  return [...new Set(keys.filter((key, index) => keys.indexOf(key) !== index))];
}

/** The rules of activities.yaml on its own; `courseKeys` collects activity keys across the course's lessons. */
function checkActivities(activities: ActivitiesFile, languages: readonly Locale[], courseKeys: Set<string>, report: Report): void {
  activities.activities.forEach((activity, index) => {
    const at = ["activities", index];
    const named = { activity: activity.key };
    if (courseKeys.has(activity.key)) report("checker.duplicateActivityKey", { key: activity.key }, { path: [...at, "key"] });
    courseKeys.add(activity.key);
    missingLanguages(activity.prompt, languages, [...at, "prompt"], report);
    missingLanguages(activity.explanation, languages, [...at, "explanation"], report);
    const list = { choice: "options", spot: "sentences", sort: "items", order: "steps" }[activity.kind];
    activityParts(activity).forEach((part, partIndex) => {
      missingLanguages(part.text, languages, [...at, list, partIndex, "text"], report);
      if (part.feedback) missingLanguages(part.feedback, languages, [...at, list, partIndex, "feedback"], report);
    });
    for (const key of duplicateKeys(activityParts(activity).map((part) => part.key))) report("checker.duplicateActivityPartKey", { key, ...named }, { path: [...at, list] });
    if (activity.kind === "choice") {
      const correct = activity.options.filter((option) => option.correct).length;
      if (correct === 0) report("checker.noCorrectOption", named, { path: [...at, "options"] });
      if (!activity.multiple && correct > 1) report("checker.singleChoiceManyCorrect", { ...named, count: correct }, { path: [...at, "options"] });
    }
    if (activity.kind === "spot" && !activity.sentences.some((sentence) => sentence.problem)) {
      report("checker.noProblemSentence", named, { path: [...at, "sentences"] });
    }
    if (activity.kind === "sort") {
      const categories = activity.categories.map((category) => category.key);
      for (const key of duplicateKeys(categories)) report("checker.duplicateCategory", { key, ...named }, { path: [...at, "categories"] });
      activity.categories.forEach((category, categoryIndex) => missingLanguages(category.text, languages, [...at, "categories", categoryIndex, "text"], report));
      activity.items.forEach((item, itemIndex) => {
        if (!categories.includes(item.category)) report("checker.unknownCategory", { item: item.key, category: item.category }, { path: [...at, "items", itemIndex, "category"] });
      });
      for (const category of activity.categories) {
        if (!activity.items.some((item) => item.category === category.key)) report("checker.emptyCategory", { category: category.key, ...named }, { path: [...at, "categories"] });
      }
    }
    if (activity.kind === "order") {
      for (const locale of languages) {
        const texts = activity.steps.flatMap((step) => step.text[locale] ?? []);
        for (const text of duplicateKeys(texts)) report("checker.duplicateStep", { text, language: locale, ...named }, { path: [...at, "steps"] });
      }
    }
  });
}

/** Every activity placed exactly once in every language, at the same place relative to the headings; every marker names one. */
function checkPlacement(lesson: LessonSource, languages: readonly Locale[], shown: (file: string) => string, activitiesYaml: ParsedYaml | null, problems: Problem[]): void {
  const reportActivities = reporter(problems, shown(`${lesson.folder}/activities.yaml`), activitiesYaml);
  const reportIn = (locale: Locale) => reporter(problems, shown(`${lesson.folder}/${locale}.md`), null);
  const keys = lesson.activities.map((activity) => activity.key);
  const placedIn = new Map<string, Map<Locale, number>>(keys.map((key) => [key, new Map()]));
  for (const locale of languages) {
    const translation = lesson.translations[locale];
    if (!translation) continue;
    const report = reportIn(locale);
    const line = (bodyLine: number) => translation.bodyLine + bodyLine - 1;
    const { markers, misplaced } = activityMarkers(translation.body);
    for (const at of misplaced) report("checker.markerNotOwnParagraph", {}, { line: line(at) });
    for (const marker of markers) {
      const seen = placedIn.get(marker.key);
      if (!seen) report("checker.markerUnknownActivity", { key: marker.key }, { line: line(marker.line) });
      else if (seen.has(locale)) report("checker.activityPlacedTwice", { key: marker.key }, { line: line(marker.line) });
      else seen.set(locale, marker.headingsBefore);
    }
  }
  lesson.activities.forEach((activity, index) => {
    const seen = placedIn.get(activity.key)!;
    if (seen.size === 0) {
      reportActivities("checker.activityNeverPlaced", { key: activity.key }, { path: ["activities", index, "key"] });
      return;
    }
    const [firstLocale, firstPlace] = [...seen.entries()][0]!;
    for (const locale of languages) {
      if (!lesson.translations[locale]) continue;
      const place = seen.get(locale);
      if (place === undefined) reportIn(locale)("checker.activityMissingHere", { key: activity.key, language: firstLocale });
      else if (place !== firstPlace) reportIn(locale)("checker.activityElsewhere", { key: activity.key, here: place, there: firstPlace, language: firstLocale });
    }
  });
}

/** A relative link's file inside the lesson folder, or null when it is missing or lies outside it. */
function lessonFileOf(tree: CourseTree, folder: string, url: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURI(url.split("#")[0] ?? "");
  } catch {
    return null;
  }
  const target = decoded.startsWith("/") ? null : insideRoot(`${folder}/${decoded}`);
  return target?.startsWith(`${folder}/`) && tree.read(target) !== null ? target : null;
}

function checkLessonFile(tree: CourseTree, folder: string, shownFile: string, source: string, problems: Problem[]): { frontMatter: LessonFrontMatter; body: string; bodyLine: number } | null {
  const report = reporter(problems, shownFile, null);
  const split = splitFrontMatter(source);
  if (split.frontMatter === null) {
    report("checker.missingFrontMatter");
    return null;
  }
  const yamlProblems: Problem[] = [];
  const yaml = parseYaml(shownFile, split.frontMatter, yamlProblems);
  // Front-matter lines are counted from the line after the opening ---.
  const parsed = yaml ? lessonFrontMatterSchema.safeParse(yaml.value) : null;
  if (yaml && parsed && !parsed.success) zodProblems(reporter(yamlProblems, shownFile, null), "front matter", yaml, parsed.error, false);
  problems.push(...yamlProblems.map((problem) => ({ ...problem, line: problem.line + 1 })));
  if (!parsed?.success) return null;
  const frontMatter = parsed.data;
  const bodyLine = (line: number) => split.bodyLine + line - 1;
  const rawHtml = containsRawHtml(split.body);
  if (rawHtml !== null) report("checker.rawHtml", {}, { line: bodyLine(rawHtml) });
  for (const heading of markdownHeadings(split.body)) {
    if (heading.depth === 1) report("checker.levelOneHeading", { heading: heading.text }, { line: split.bodyLine });
  }
  for (const reference of markdownReferences(split.body)) {
    const at = { line: bodyLine(reference.line) };
    const url = { url: reference.url };
    if (reference.kind === "image" && !reference.alt?.trim()) report("checker.imageWithoutAlt", url, at);
    if (isExternalUrl(reference.url)) {
      if (reference.kind === "image") report("checker.externalImage", url, at);
      else if (!wellFormedHttps(reference.url)) report("checker.badExternalLink", url, at);
      continue;
    }
    if (reference.url.startsWith("#")) continue;
    const target = lessonFileOf(tree, folder, reference.url);
    if (target === null) report(reference.kind === "image" ? "checker.unresolvedImage" : "checker.unresolvedLink", url, at);
    else if (reference.kind === "image" && !IMAGE_TYPES.has(path.posix.extname(target).toLowerCase())) report("checker.imageType", url, at);
  }
  return { frontMatter, body: split.body, bodyLine: split.bodyLine };
}

const readText = (tree: CourseTree, file: string) => tree.read(file)?.toString("utf8") ?? null;

/**
 * Checks a course read through `tree`. `name` is the folder name its key must equal; `shownAs`
 * prefixes the files named in problems ("courses/ai-fundamentals", or the course key).
 */
export function loadCourseTree(tree: CourseTree, { name, shownAs }: { name: string; shownAs: string }): LoadedCourse {
  const problems: Problem[] = [];
  const shown = (file: string) => (shownAs ? `${shownAs}/${file}` : file);
  const courseText = readText(tree, "course.yaml");
  if (courseText === null) return { source: null, problems: [makeProblem(shown("course.yaml"), 1, "checker.missingFile", { file: "course.yaml" })] };

  const courseYaml = parseYaml(shown("course.yaml"), courseText, problems);
  const reportCourse = reporter(problems, shown("course.yaml"), courseYaml);
  const course = courseYaml ? courseFileSchema.safeParse(courseYaml.value) : null;
  if (courseYaml && course && !course.success) zodProblems(reportCourse, "course.yaml", courseYaml, course.error, true);
  const courseData = course?.success ? course.data : null;

  if (courseData) {
    if (courseData.key !== name) reportCourse("checker.keyNotFolderName", { key: courseData.key, folder: name }, { path: ["key"] });
    if (!courseData.languages.includes(courseData.sourceLocale)) reportCourse("checker.sourceLanguageNotListed", { language: courseData.sourceLocale }, { path: ["languages"] });
    for (const field of ["title", "summary", "objectives"] as const) missingLanguages(courseData[field], courseData.languages, [field], reportCourse);
    for (const key of duplicateKeys(courseData.lessons)) reportCourse("checker.duplicateLessonKey", { key }, { path: ["lessons"] });
  }

  let quizData: QuizFile | null = null;
  let questionLines: number[] = [];
  const quizText = readText(tree, "quiz.yaml");
  if (quizText === null) problems.push(makeProblem(shown("quiz.yaml"), 1, "checker.missingFile", { file: "quiz.yaml" }));
  else {
    const quizYaml = parseYaml(shown("quiz.yaml"), quizText, problems);
    const reportQuiz = reporter(problems, shown("quiz.yaml"), quizYaml);
    const quiz = quizYaml ? quizFileSchema.safeParse(quizYaml.value) : null;
    if (quizYaml && quiz && !quiz.success) zodProblems(reportQuiz, "quiz.yaml", quizYaml, quiz.error, true);
    if (quizYaml && quiz?.success) {
      quizData = quiz.data;
      questionLines = quiz.data.questions.map((_, index) => quizYaml.line(["questions", index, "text"]));
      if (courseData) checkQuiz(quiz.data, courseData.languages, reportQuiz);
    }
  }

  const lessons: LessonSource[] = [];
  const assets: CourseSource["assets"] = [];
  const activityKeys = new Set<string>();
  const folders = tree
    .list("")
    .filter((entry) => entry.directory)
    .map((entry) => entry.name);
  if (courseData) {
    const expectedFolders = courseData.lessons.map((key, index) => `${String(index + 1).padStart(2, "0")}-${key}`);
    for (const folder of folders) {
      if (!LESSON_FOLDER.test(folder) || !expectedFolders.includes(folder)) {
        reportCourse("checker.unexpectedFolder", { folder, expected: expectedFolders.join(", ") }, { path: ["lessons"] });
      }
    }
    courseData.lessons.forEach((key, index) => {
      const folder = expectedFolders[index]!;
      if (!folders.includes(folder)) {
        reportCourse("checker.missingLessonFolder", { key, folder }, { path: ["lessons", index] });
        return;
      }
      const lesson: LessonSource = { key, folder, translations: {}, activities: [] };
      for (const locale of courseData.languages) {
        const file = `${folder}/${locale}.md`;
        const text = readText(tree, file);
        if (text === null) {
          problems.push(makeProblem(shown(file), 1, "checker.missingLessonLanguage", { language: locale }));
          continue;
        }
        const checked = checkLessonFile(tree, folder, shown(file), text, problems);
        if (checked) lesson.translations[locale] = checked;
      }
      for (const entry of tree.list(folder)) {
        if (entry.directory) continue;
        const extension = path.posix.extname(entry.name).toLowerCase();
        const file = `${folder}/${entry.name}`;
        const bytes = IMAGE_TYPES.has(extension) ? tree.read(file) : null;
        if (bytes) assets.push({ relativePath: file, bytes });
        else if (extension === ".md" && !isLocale(path.posix.basename(entry.name, ".md"))) problems.push(makeProblem(shown(file), 1, "checker.lessonFileName"));
      }
      const activitiesText = readText(tree, `${folder}/activities.yaml`);
      let activitiesYaml: ParsedYaml | null = null;
      let activitiesRead = true;
      if (activitiesText !== null) {
        activitiesRead = false;
        const file = shown(`${folder}/activities.yaml`);
        const yaml = parseYaml(file, activitiesText, problems);
        const report = reporter(problems, file, yaml);
        const parsed = yaml ? activitiesFileSchema.safeParse(yaml.value) : null;
        if (yaml && parsed && !parsed.success) zodProblems(report, "activities.yaml", yaml, parsed.error, true);
        if (yaml && parsed?.success) {
          lesson.activities = parsed.data.activities;
          activitiesYaml = yaml;
          checkActivities(parsed.data, courseData.languages, activityKeys, report);
          activitiesRead = true;
        }
      }
      // A broken activities.yaml is reported on its own; its markers are checked once it reads.
      if (activitiesRead) checkPlacement(lesson, courseData.languages, shown, activitiesYaml, problems);
      lessons.push(lesson);
    });
  }

  if (problems.some(isError) || !courseData || !quizData) return { source: null, problems };
  return { source: { shownAs, course: courseData, quiz: quizData, lessons, assets, contentHash: hashTree(tree), questionLines }, problems };
}

/** A course folder on disk; problems name its files relative to `root` ("sample-course/quiz.yaml"). */
export function loadCourse(dir: string, root = path.dirname(dir)): LoadedCourse {
  return loadCourseTree(folderTree(dir), { name: path.basename(dir), shownAs: path.relative(root, dir).split(path.sep).join("/") });
}

/** Problems only a look across courses finds: a question asked in two courses (a warning). */
export function crossCourseProblems(sources: readonly CourseSource[]): Problem[] {
  const byKey = new Map(sources.map((source) => [source.course.key, source]));
  return repeatedQuestions(
    sources.map((source) => ({ courseKey: source.course.key, quiz: source.quiz, languages: source.course.languages })),
  ).map((repeat) => {
    const source = byKey.get(repeat.courseKey)!;
    const question = source.quiz.questions[repeat.questionIndex]!;
    const file = source.shownAs ? `${source.shownAs}/quiz.yaml` : "quiz.yaml";
    return makeProblem(
      file,
      source.questionLines[repeat.questionIndex] ?? 1,
      "checker.repeatedQuestion",
      { question: question.key, language: repeat.locale, course: repeat.otherCourseKey },
      { path: ["questions", repeat.questionIndex, "text"], severity: "warning" },
    );
  });
}

export function listCourseFolders(coursesDir: string): string[] {
  if (!existsSync(coursesDir)) return [];
  return readdirSync(coursesDir)
    .filter((name) => !name.startsWith(".") && statSync(path.join(coursesDir, name)).isDirectory())
    .sort()
    .map((name) => path.join(coursesDir, name));
}
