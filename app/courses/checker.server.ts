/**
 * Reads one course folder and reports every problem with its file and line. The importer
 * refuses a course with any problem; `npm run courses:check` prints them all.
 */
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { isMap, LineCounter, parseDocument, visit as visitYaml, type Node as YamlNode } from "yaml";
import type { z } from "zod";
import { isLocale, type Locale } from "~/i18n/locales.ts";
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
import { itemWritingFindings, repeatedQuestions } from "./item-writing.ts";
import { activityMarkers, containsRawHtml, isExternalUrl, markdownHeadings, markdownReferences, splitFrontMatter } from "./markdown.server.ts";

export interface Problem {
  file: string;
  line: number;
  message: string;
}

export interface LessonSource {
  key: string;
  folder: string;
  translations: Partial<Record<Locale, { frontMatter: LessonFrontMatter; body: string; bodyLine: number }>>;
  /** The lesson's practice activities (activities.yaml), in file order. */
  activities: ActivityFile[];
}

export interface CourseSource {
  dir: string;
  course: CourseFile;
  quiz: QuizFile;
  lessons: LessonSource[];
  /** Files beside the lessons (images), by path relative to the course folder. */
  assets: Array<{ relativePath: string; bytes: Buffer }>;
  contentHash: string;
  /** The line of each question's text in quiz.yaml, by position, for problems found across courses. */
  questionLines: number[];
}

const IMAGE_TYPES = new Set([".png", ".svg", ".jpg", ".jpeg", ".webp"]);
const LESSON_FOLDER = /^(\d{2})-([a-z0-9]+(?:-[a-z0-9]+)*)$/;

type PathKey = string | number;

interface ParsedYaml {
  value: unknown;
  line: (path: readonly PathKey[]) => number;
}

function parseYaml(file: string, source: string, problems: Problem[]): ParsedYaml | null {
  const lineCounter = new LineCounter();
  const document = parseDocument(source, { lineCounter, uniqueKeys: true, prettyErrors: true });
  for (const error of document.errors) {
    problems.push({ file, line: error.linePos?.[0].line ?? 1, message: (error.message.split("\n")[0] ?? error.message).replace(/ at line \d+, column \d+:?$/, "") });
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
    problems.push({ file, line: at, message: error instanceof Error ? error.message : String(error) });
    return null;
  }
}

function zodProblems(file: string, yaml: ParsedYaml, error: z.ZodError): Problem[] {
  return error.issues.map((issue) => {
    const issuePath = issue.path.filter((part): part is PathKey => typeof part !== "symbol");
    if (issue.code === "unrecognized_keys") {
      return { file, line: yaml.line([...issuePath, issue.keys[0] ?? ""]), message: `unknown field${issue.keys.length > 1 ? "s" : ""}: ${issue.keys.join(", ")}` };
    }
    const where = issuePath.length > 0 ? `${issuePath.join(".")}: ` : "";
    return { file, line: yaml.line(issuePath), message: `${where}${issue.message}` };
  });
}

function relative(root: string, file: string): string {
  return path.relative(root, file) || file;
}

function wellFormedHttps(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === "https:" && parsed.hostname.includes(".") && !/\s/.test(url);
  } catch {
    return false;
  }
}

function hashFolder(dir: string): string {
  const hash = createHash("sha256");
  const walk = (folder: string) => {
    for (const name of readdirSync(folder).sort()) {
      const full = path.join(folder, name);
      if (statSync(full).isDirectory()) walk(full);
      else {
        hash.update(path.relative(dir, full).split(path.sep).join("/"));
        hash.update("\0");
        hash.update(readFileSync(full));
        hash.update("\0");
      }
    }
  };
  walk(dir);
  return hash.digest("hex");
}

/** Reports declared languages missing from a localized field. */
function missingLanguages(value: unknown, languages: readonly Locale[], at: readonly PathKey[], file: string, yaml: ParsedYaml, problems: Problem[]): void {
  if (!value || typeof value !== "object") return;
  for (const locale of languages) {
    if (!(locale in value)) problems.push({ file, line: yaml.line(at), message: `${at.join(".")}: missing language "${locale}"` });
  }
}

function checkQuiz(quiz: QuizFile, languages: readonly Locale[], file: string, yaml: ParsedYaml, problems: Problem[]): void {
  const seen = new Set<string>();
  quiz.questions.forEach((question, index) => {
    const at = ["questions", index];
    if (seen.has(question.key)) problems.push({ file, line: yaml.line([...at, "key"]), message: `duplicate question key "${question.key}"` });
    seen.add(question.key);
    missingLanguages(question.text, languages, [...at, "text"], file, yaml, problems);
    missingLanguages(question.explanation, languages, [...at, "explanation"], file, yaml, problems);
    if (question.type === "true-false") return;
    const options = optionKeys(question);
    const duplicates = options.filter((key, position) => options.indexOf(key) !== position);
    for (const key of new Set(duplicates)) problems.push({ file, line: yaml.line([...at, "options"]), message: `duplicate option key "${key}" in question "${question.key}"` });
    question.options.forEach((option, optionIndex) => missingLanguages(option.text, languages, [...at, "options", optionIndex, "text"], file, yaml, problems));
    for (const key of correctKeys(question)) {
      if (!options.includes(key)) problems.push({ file, line: yaml.line([...at, "correct"]), message: `correct option "${key}" does not exist in question "${question.key}"` });
    }
    if (question.type === "single" && question.correct.length !== 1) {
      problems.push({ file, line: yaml.line([...at, "correct"]), message: `single-choice question "${question.key}" needs exactly one correct option` });
    }
  });
  if (quiz.settings.draw > quiz.questions.length) {
    problems.push({ file, line: yaml.line(["settings", "draw"]), message: `draw (${quiz.settings.draw}) is larger than the pool of ${quiz.questions.length} questions` });
  }
  for (const finding of itemWritingFindings(quiz, languages)) {
    const at = finding.questionIndex === null ? ["questions"] : ["questions", finding.questionIndex];
    problems.push({ file, line: yaml.line(at), message: finding.message });
  }
}

function duplicateKeys(keys: readonly string[]): string[] {
  return [...new Set(keys.filter((key, index) => keys.indexOf(key) !== index))];
}

/** The rules of activities.yaml on its own; `courseKeys` collects activity keys across the course's lessons. */
function checkActivities(activities: ActivitiesFile, languages: readonly Locale[], file: string, yaml: ParsedYaml, courseKeys: Set<string>, problems: Problem[]): void {
  const report = (at: readonly PathKey[], message: string) => problems.push({ file, line: yaml.line(at), message });
  activities.activities.forEach((activity, index) => {
    const at = ["activities", index];
    if (courseKeys.has(activity.key)) report([...at, "key"], `duplicate activity key "${activity.key}" (keys are unique within the course)`);
    courseKeys.add(activity.key);
    missingLanguages(activity.prompt, languages, [...at, "prompt"], file, yaml, problems);
    missingLanguages(activity.explanation, languages, [...at, "explanation"], file, yaml, problems);
    const list = { choice: "options", spot: "sentences", sort: "items", order: "steps" }[activity.kind];
    activityParts(activity).forEach((part, partIndex) => {
      missingLanguages(part.text, languages, [...at, list, partIndex, "text"], file, yaml, problems);
      if (part.feedback) missingLanguages(part.feedback, languages, [...at, list, partIndex, "feedback"], file, yaml, problems);
    });
    for (const key of duplicateKeys(activityParts(activity).map((part) => part.key))) report([...at, list], `duplicate key "${key}" in activity "${activity.key}"`);
    if (activity.kind === "choice") {
      const correct = activity.options.filter((option) => option.correct).length;
      if (correct === 0) report([...at, "options"], `choice "${activity.key}" has no correct option`);
      if (!activity.multiple && correct > 1) report([...at, "options"], `single choice "${activity.key}" has ${correct} correct options (set multiple: true, or keep one)`);
    }
    if (activity.kind === "spot" && !activity.sentences.some((sentence) => sentence.problem)) {
      report([...at, "sentences"], `spot "${activity.key}" has no problem sentence`);
    }
    if (activity.kind === "sort") {
      const categories = activity.categories.map((category) => category.key);
      for (const key of duplicateKeys(categories)) report([...at, "categories"], `duplicate category "${key}" in activity "${activity.key}"`);
      activity.categories.forEach((category, categoryIndex) => missingLanguages(category.text, languages, [...at, "categories", categoryIndex, "text"], file, yaml, problems));
      activity.items.forEach((item, itemIndex) => {
        if (!categories.includes(item.category)) report([...at, "items", itemIndex, "category"], `item "${item.key}" is in an unknown category "${item.category}"`);
      });
      for (const category of activity.categories) {
        if (!activity.items.some((item) => item.category === category.key)) report([...at, "categories"], `category "${category.key}" of activity "${activity.key}" has no item`);
      }
    }
    if (activity.kind === "order") {
      for (const locale of languages) {
        const texts = activity.steps.flatMap((step) => step.text[locale] ?? []);
        for (const text of duplicateKeys(texts)) report([...at, "steps"], `duplicate step "${text}" (${locale}) in activity "${activity.key}"`);
      }
    }
  });
}

/** Every activity placed exactly once in every language, at the same place relative to the headings; every marker names one. */
function checkPlacement(lesson: LessonSource, languages: readonly Locale[], lessonDir: string, root: string, activitiesLine: (index: number) => number, problems: Problem[]): void {
  const activitiesFile = relative(root, path.join(lessonDir, "activities.yaml"));
  const keys = lesson.activities.map((activity) => activity.key);
  const placedIn = new Map<string, Map<Locale, number>>(keys.map((key) => [key, new Map()]));
  for (const locale of languages) {
    const translation = lesson.translations[locale];
    if (!translation) continue;
    const file = relative(root, path.join(lessonDir, `${locale}.md`));
    const line = (bodyLine: number) => translation.bodyLine + bodyLine - 1;
    const { markers, misplaced } = activityMarkers(translation.body);
    for (const at of misplaced) problems.push({ file, line: line(at), message: "an activity marker {{activity: <key>}} must be a paragraph of its own" });
    for (const marker of markers) {
      const seen = placedIn.get(marker.key);
      if (!seen) problems.push({ file, line: line(marker.line), message: `marker names an activity "${marker.key}" that does not exist in this lesson's activities.yaml` });
      else if (seen.has(locale)) problems.push({ file, line: line(marker.line), message: `activity "${marker.key}" is placed twice` });
      else seen.set(locale, marker.headingsBefore);
    }
  }
  lesson.activities.forEach((activity, index) => {
    const seen = placedIn.get(activity.key)!;
    if (seen.size === 0) {
      problems.push({ file: activitiesFile, line: activitiesLine(index), message: `activity "${activity.key}" is never placed: add {{activity: ${activity.key}}} to every language` });
      return;
    }
    const [firstLocale, firstPlace] = [...seen.entries()][0]!;
    for (const locale of languages) {
      if (!lesson.translations[locale]) continue;
      const file = relative(root, path.join(lessonDir, `${locale}.md`));
      const place = seen.get(locale);
      if (place === undefined) problems.push({ file, line: 1, message: `activity "${activity.key}" is placed in ${firstLocale}.md but not here` });
      else if (place !== firstPlace) {
        problems.push({ file, line: 1, message: `activity "${activity.key}" comes after ${place} headings here but after ${firstPlace} in ${firstLocale}.md` });
      }
    }
  });
}

function checkLessonFile(file: string, lessonDir: string, source: string, root: string, problems: Problem[]): { frontMatter: LessonFrontMatter; body: string; bodyLine: number } | null {
  const shown = relative(root, file);
  const split = splitFrontMatter(source);
  if (split.frontMatter === null) {
    problems.push({ file: shown, line: 1, message: "missing front matter (--- title, minutes ---)" });
    return null;
  }
  const yamlProblems: Problem[] = [];
  const yaml = parseYaml(shown, split.frontMatter, yamlProblems);
  // Front-matter lines are counted from the line after the opening ---.
  problems.push(...yamlProblems.map((problem) => ({ ...problem, line: problem.line + 1 })));
  if (!yaml) return null;
  const parsed = lessonFrontMatterSchema.safeParse(yaml.value);
  if (!parsed.success) {
    problems.push(...zodProblems(shown, yaml, parsed.error).map((problem) => ({ ...problem, line: problem.line + 1 })));
    return null;
  }
  const bodyLine = (line: number) => split.bodyLine + line - 1;
  const rawHtml = containsRawHtml(split.body);
  if (rawHtml !== null) problems.push({ file: shown, line: bodyLine(rawHtml), message: "raw HTML is not allowed in lessons" });
  for (const heading of markdownHeadings(split.body)) {
    if (heading.depth === 1) problems.push({ file: shown, line: split.bodyLine, message: `level-1 heading "${heading.text}": the title comes from the front matter` });
  }
  for (const reference of markdownReferences(split.body)) {
    const line = bodyLine(reference.line);
    if (reference.kind === "image" && !reference.alt?.trim()) problems.push({ file: shown, line, message: `image "${reference.url}" has no alt text` });
    if (isExternalUrl(reference.url)) {
      if (reference.kind === "image") problems.push({ file: shown, line, message: `image "${reference.url}" must be a file beside the lesson` });
      else if (!wellFormedHttps(reference.url)) problems.push({ file: shown, line, message: `external link "${reference.url}" is not a well-formed https URL` });
      continue;
    }
    if (reference.url.startsWith("#")) continue;
    const target = path.resolve(lessonDir, decodeURI(reference.url.split("#")[0] ?? ""));
    if (!target.startsWith(lessonDir + path.sep) || !existsSync(target)) {
      problems.push({ file: shown, line, message: `relative ${reference.kind} "${reference.url}" does not resolve to a file in the lesson folder` });
    } else if (reference.kind === "image" && !IMAGE_TYPES.has(path.extname(target).toLowerCase())) {
      problems.push({ file: shown, line, message: `image "${reference.url}" must be PNG, SVG, JPEG or WebP` });
    }
  }
  return { frontMatter: parsed.data, body: split.body, bodyLine: split.bodyLine };
}

export function loadCourse(dir: string, root = path.dirname(dir)): { source: CourseSource | null; problems: Problem[] } {
  const problems: Problem[] = [];
  const courseFile = path.join(dir, "course.yaml");
  const quizFile = path.join(dir, "quiz.yaml");
  const shownCourse = relative(root, courseFile);
  if (!existsSync(courseFile)) return { source: null, problems: [{ file: shownCourse, line: 1, message: "course.yaml is missing" }] };

  const courseYaml = parseYaml(shownCourse, readFileSync(courseFile, "utf8"), problems);
  const course = courseYaml ? courseFileSchema.safeParse(courseYaml.value) : null;
  if (courseYaml && course && !course.success) problems.push(...zodProblems(shownCourse, courseYaml, course.error));
  const courseData = course?.success ? course.data : null;

  if (courseData && courseYaml) {
    if (courseData.key !== path.basename(dir)) problems.push({ file: shownCourse, line: courseYaml.line(["key"]), message: `key "${courseData.key}" must equal the folder name "${path.basename(dir)}"` });
    if (!courseData.languages.includes(courseData.sourceLocale)) problems.push({ file: shownCourse, line: courseYaml.line(["languages"]), message: `languages must include the source language "${courseData.sourceLocale}"` });
    for (const field of ["title", "summary", "objectives"] as const) missingLanguages(courseData[field], courseData.languages, [field], shownCourse, courseYaml, problems);
    const duplicates = courseData.lessons.filter((key, index) => courseData.lessons.indexOf(key) !== index);
    for (const key of new Set(duplicates)) problems.push({ file: shownCourse, line: courseYaml.line(["lessons"]), message: `duplicate lesson key "${key}"` });
  }

  let quizData: QuizFile | null = null;
  let questionLines: number[] = [];
  const shownQuiz = relative(root, quizFile);
  if (!existsSync(quizFile)) problems.push({ file: shownQuiz, line: 1, message: "quiz.yaml is missing" });
  else {
    const quizYaml = parseYaml(shownQuiz, readFileSync(quizFile, "utf8"), problems);
    const quiz = quizYaml ? quizFileSchema.safeParse(quizYaml.value) : null;
    if (quizYaml && quiz && !quiz.success) problems.push(...zodProblems(shownQuiz, quizYaml, quiz.error));
    if (quizYaml && quiz?.success) {
      quizData = quiz.data;
      questionLines = quiz.data.questions.map((_, index) => quizYaml.line(["questions", index, "text"]));
      if (courseData) checkQuiz(quiz.data, courseData.languages, shownQuiz, quizYaml, problems);
    }
  }

  const lessons: LessonSource[] = [];
  const assets: CourseSource["assets"] = [];
  const activityKeys = new Set<string>();
  const folders = readdirSync(dir).filter((name) => statSync(path.join(dir, name)).isDirectory()).sort();
  if (courseData) {
    const expectedFolders = courseData.lessons.map((key, index) => `${String(index + 1).padStart(2, "0")}-${key}`);
    for (const folder of folders) {
      if (!LESSON_FOLDER.test(folder) || !expectedFolders.includes(folder)) {
        problems.push({ file: shownCourse, line: courseYaml?.line(["lessons"]) ?? 1, message: `folder "${folder}" is not a lesson listed in order (expected one of ${expectedFolders.join(", ")})` });
      }
    }
    courseData.lessons.forEach((key, index) => {
      const folder = expectedFolders[index]!;
      const lessonDir = path.join(dir, folder);
      if (!existsSync(lessonDir)) {
        problems.push({ file: shownCourse, line: courseYaml?.line(["lessons", index]) ?? 1, message: `lesson "${key}" has no folder "${folder}"` });
        return;
      }
      const lesson: LessonSource = { key, folder, translations: {}, activities: [] };
      for (const locale of courseData.languages) {
        const file = path.join(lessonDir, `${locale}.md`);
        if (!existsSync(file)) {
          problems.push({ file: relative(root, file), line: 1, message: `missing: the course declares language "${locale}"` });
          continue;
        }
        const checked = checkLessonFile(file, lessonDir, readFileSync(file, "utf8"), root, problems);
        if (checked) lesson.translations[locale] = checked;
      }
      for (const name of readdirSync(lessonDir).sort()) {
        const extension = path.extname(name).toLowerCase();
        if (IMAGE_TYPES.has(extension)) assets.push({ relativePath: `${folder}/${name}`, bytes: readFileSync(path.join(lessonDir, name)) });
        else if (extension === ".md" && !isLocale(path.basename(name, ".md"))) problems.push({ file: relative(root, path.join(lessonDir, name)), line: 1, message: "lesson files are named es.md, pt.md or en.md" });
      }
      const activitiesFile = path.join(lessonDir, "activities.yaml");
      let activitiesLine = (_index: number) => 1;
      let activitiesRead = true;
      if (existsSync(activitiesFile)) {
        activitiesRead = false;
        const shown = relative(root, activitiesFile);
        const yaml = parseYaml(shown, readFileSync(activitiesFile, "utf8"), problems);
        const parsed = yaml ? activitiesFileSchema.safeParse(yaml.value) : null;
        if (yaml && parsed && !parsed.success) problems.push(...zodProblems(shown, yaml, parsed.error));
        if (yaml && parsed?.success) {
          lesson.activities = parsed.data.activities;
          activitiesLine = (index) => yaml.line(["activities", index, "key"]);
          checkActivities(parsed.data, courseData.languages, shown, yaml, activityKeys, problems);
          activitiesRead = true;
        }
      }
      // A broken activities.yaml is reported on its own; its markers are checked once it reads.
      if (activitiesRead) checkPlacement(lesson, courseData.languages, lessonDir, root, activitiesLine, problems);
      lessons.push(lesson);
    });
  }

  if (problems.length > 0 || !courseData || !quizData) return { source: null, problems };
  return { source: { dir, course: courseData, quiz: quizData, lessons, assets, contentHash: hashFolder(dir), questionLines }, problems: [] };
}

/** Problems only a look across courses finds: a question asked in two courses. */
export function crossCourseProblems(sources: readonly CourseSource[], root: string): Problem[] {
  const byKey = new Map(sources.map((source) => [source.course.key, source]));
  return repeatedQuestions(
    sources.map((source) => ({ courseKey: source.course.key, quiz: source.quiz, languages: source.course.languages })),
  ).map((repeat) => {
    const source = byKey.get(repeat.courseKey)!;
    const question = source.quiz.questions[repeat.questionIndex]!;
    return {
      file: relative(root, path.join(source.dir, "quiz.yaml")),
      line: source.questionLines[repeat.questionIndex] ?? 1,
      message: `question "${question.key}" (${repeat.locale}) repeats a question of the course "${repeat.otherCourseKey}"`,
    };
  });
}

export function listCourseFolders(coursesDir: string): string[] {
  if (!existsSync(coursesDir)) return [];
  return readdirSync(coursesDir)
    .filter((name) => !name.startsWith(".") && statSync(path.join(coursesDir, name)).isDirectory())
    .sort()
    .map((name) => path.join(coursesDir, name));
}

export function formatProblem(problem: Problem): string {
  return `${problem.file}:${problem.line}: ${problem.message}`;
}
