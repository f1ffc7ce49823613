/**
 * The one canonical writer of the course file format (docs/course-format.md): structured
 * course data in, the files of a course folder out, byte for byte the same for the same data.
 * Pure: no I/O. What the checker (checker.server.ts) reads back is the data written.
 *
 * Canonical form: keys in the order of the schema's fields (read from the zod shapes in
 * format.ts and activities/format.ts, so a new field needs no second list here), languages in
 * the order es, pt, en, fields with no value left out, block sequences and mappings, strings
 * plain unless YAML (1.2, or 1.1 for other tools) would read them as something else, then
 * double-quoted; multi-line strings as literal blocks; no line folding; LF; UTF-8; one final
 * newline. The writer does not validate: a draft that is not yet a valid course is written
 * as it is, and the checker reports its problems.
 */
import { Document, parse, visit, type CreateNodeOptions, type DocumentOptions, type SchemaOptions, type ToStringOptions } from "yaml";
import { z } from "zod";
import { locales, type Locale } from "~/i18n/locales.ts";
import { activitiesFileSchema, type ActivitiesFile, type ActivityFile } from "~/activities/format.ts";
import type { CourseSource } from "./checker.server.ts";
import { courseFileSchema, lessonFrontMatterSchema, quizFileSchema, type CourseFile, type LessonFrontMatter, type QuizFile } from "./format.ts";

const documentOptions: DocumentOptions & SchemaOptions & CreateNodeOptions = {
  version: "1.2",
  // Quote what a YAML 1.1 reader would take for a boolean, number or null ("yes", "on", "1_000").
  compat: "yaml-1.1",
  // The same object twice is written twice, never as an anchor and an alias.
  aliasDuplicateObjects: false,
};

const stringOptions: ToStringOptions = {
  indent: 2,
  indentSeq: true,
  lineWidth: 0,
  minContentWidth: 0,
  singleQuote: false,
  doubleQuotedAsJSON: false,
  defaultStringType: "PLAIN",
  defaultKeyType: "PLAIN",
  blockQuote: "literal",
  trueStr: "true",
  falseStr: "false",
  nullStr: "null",
};

/** Record keys (languages) in the order of the key schema's enum. */
function enumValues(schema: z.core.$ZodType): string[] {
  if (schema instanceof z.ZodEnum) return schema.options.map(String);
  if (schema instanceof z.ZodUnion) return schema.options.flatMap((option: z.core.$ZodType) => enumValues(option));
  return [];
}

function isRecordObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The value's entries in the order of `order`; keys the schema does not know come after, sorted. */
function ordered(value: Record<string, unknown>, order: readonly string[], child: (key: string, item: unknown) => unknown): Record<string, unknown> {
  const known = order.filter((key) => Object.hasOwn(value, key));
  const unknown = Object.keys(value)
    .filter((key) => !order.includes(key))
    .sort();
  const result: Record<string, unknown> = {};
  for (const key of [...known, ...unknown]) {
    if (value[key] !== undefined) result[key] = child(key, value[key]);
  }
  return result;
}

/**
 * The value rebuilt with its object keys in the schema's field order (and record keys in the
 * order of their enum). Only the order changes: values the schema would refuse are kept.
 */
function inSchemaOrder(schema: z.core.$ZodType, value: unknown): unknown {
  if (schema instanceof z.ZodOptional || schema instanceof z.ZodDefault) return inSchemaOrder(schema.unwrap(), value);
  if (schema instanceof z.ZodArray) return Array.isArray(value) ? value.map((item) => inSchemaOrder(schema.element, item)) : value;
  if (!isRecordObject(value)) return value;
  if (schema instanceof z.ZodObject) {
    const shape: Record<string, z.core.$ZodType> = schema.shape;
    return ordered(value, Object.keys(shape), (key, item) => (shape[key] ? inSchemaOrder(shape[key], item) : item));
  }
  if (schema instanceof z.ZodRecord) return ordered(value, enumValues(schema.keyType), (_key, item) => inSchemaOrder(schema.valueType, item));
  if (schema instanceof z.ZodDiscriminatedUnion) {
    const discriminator: string = schema.def.discriminator;
    const member = schema.options.find(
      (option: z.core.$ZodType) => option instanceof z.ZodObject && z.safeParse(option.shape[discriminator], value[discriminator]).success,
    );
    if (member) return inSchemaOrder(member, value);
  }
  return ordered(value, [], (_key, item) => item);
}

/**
 * Texts the library would leave plain that we quote: a leading "-", ":" or "?" (valid YAML 1.2
 * when no space follows, but easy to misread and not every reader takes it) and a "..." document
 * end marker ("---" starts with "-").
 */
const MUST_QUOTE = /^[-:?]|^\.\.\./;

/**
 * Whether a literal block holds the text exactly. The library falls back to double quotes for
 * most texts a block cannot hold, but not all (one made of spaces and line breaks loses its
 * spaces), so the block is read back once on its own; the indentation a block sits at does
 * not change what it reads as.
 */
function literalBlockHolds(value: string): boolean {
  const probe = new Document({ text: value }, documentOptions);
  visit(probe, { Scalar: (key, node) => void (key === "value" && (node.type = "BLOCK_LITERAL")) });
  return parse(probe.toString(stringOptions)).text === value;
}

function writeYaml(schema: z.core.$ZodType, value: unknown): string {
  const document = new Document(inSchemaOrder(schema, value), documentOptions);
  visit(document, {
    Scalar(key, node) {
      // Map keys are field names and languages, plain by construction.
      if (key === "key" || typeof node.value !== "string") return;
      if (MUST_QUOTE.test(node.value)) node.type = "QUOTE_DOUBLE";
      else if (node.value.includes("\n")) node.type = literalBlockHolds(node.value) ? "BLOCK_LITERAL" : "QUOTE_DOUBLE";
    },
  });
  return document.toString(stringOptions);
}

export function writeCourseYaml(course: CourseFile): string {
  return writeYaml(courseFileSchema, course);
}

export function writeQuizYaml(quiz: QuizFile): string {
  return writeYaml(quizFileSchema, quiz);
}

export function writeActivitiesYaml(file: ActivitiesFile): string {
  return writeYaml(activitiesFileSchema, file);
}

/** A lesson body as written: LF line ends, no blank lines before it, one final newline (none when empty). */
export function normalizeLessonBody(body: string): string {
  const lines = body.replace(/\r\n?/g, "\n").replace(/^(?:[ \t]*\n)+/, "");
  const trimmed = lines.replace(/[ \t\n]+$/, "");
  return trimmed === "" ? "" : `${trimmed}\n`;
}

/** `---`, the front matter, `---`, a blank line, then the body. */
export function writeLessonMarkdown(frontMatter: LessonFrontMatter, body: string): string {
  return `---\n${writeYaml(lessonFrontMatterSchema, frontMatter)}---\n\n${normalizeLessonBody(body)}`;
}

/** The folder of the lesson at `position` (0-based) in course.yaml's `lessons`: `01-<key>`, `02-<key>`, ... */
export function lessonFolderName(position: number, key: string): string {
  return `${String(position + 1).padStart(2, "0")}-${key}`;
}

export interface LessonFolderInput {
  key: string;
  translations: Partial<Record<Locale, { frontMatter: LessonFrontMatter; body: string }>>;
  activities: ActivityFile[];
  /** Files beside the lesson (images), by plain file name. */
  images: Array<{ name: string; bytes: Uint8Array }>;
}

export interface CourseFolderInput {
  course: CourseFile;
  quiz: QuizFile;
  /** In the order of `course.lessons`: a lesson's folder is numbered by its position here. */
  lessons: LessonFolderInput[];
}

const IMAGE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
const RESERVED_NAMES = new Set([...locales.map((locale) => `${locale}.md`), "activities.yaml"]);

/**
 * Every file of the course folder by relative posix path ("course.yaml", "01-<key>/es.md",
 * "01-<key>/activities.yaml" when the lesson has activities, images beside their lesson),
 * in path order. Throws on an image name that is not a plain file name of its own.
 */
export function courseFolderFiles(input: CourseFolderInput): Map<string, Uint8Array> {
  const encoder = new TextEncoder();
  const files = new Map<string, Uint8Array>();
  const add = (path: string, bytes: Uint8Array) => {
    if (files.has(path)) throw new Error(`two files at ${path}`);
    files.set(path, bytes);
  };
  add("course.yaml", encoder.encode(writeCourseYaml(input.course)));
  add("quiz.yaml", encoder.encode(writeQuizYaml(input.quiz)));
  input.lessons.forEach((lesson, position) => {
    const folder = lessonFolderName(position, lesson.key);
    for (const locale of locales) {
      const translation = lesson.translations[locale];
      if (translation) add(`${folder}/${locale}.md`, encoder.encode(writeLessonMarkdown(translation.frontMatter, translation.body)));
    }
    if (lesson.activities.length > 0) add(`${folder}/activities.yaml`, encoder.encode(writeActivitiesYaml({ activities: lesson.activities })));
    for (const image of lesson.images) {
      if (!IMAGE_NAME.test(image.name) || RESERVED_NAMES.has(image.name)) throw new Error(`not an image file name: ${JSON.stringify(image.name)}`);
      add(`${folder}/${image.name}`, image.bytes);
    }
  });
  return new Map([...files.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** What the checker read from a course folder, as the writer's input (to open a committed course as a draft). */
export function courseFolderInputFrom(source: Pick<CourseSource, "course" | "quiz" | "lessons" | "assets">): CourseFolderInput {
  return {
    course: source.course,
    quiz: source.quiz,
    lessons: source.lessons.map((lesson) => ({
      key: lesson.key,
      translations: Object.fromEntries(
        Object.entries(lesson.translations).map(([locale, translation]) => [locale, { frontMatter: translation.frontMatter, body: translation.body }]),
      ),
      activities: lesson.activities,
      images: source.assets
        .filter((asset) => asset.relativePath.startsWith(`${lesson.folder}/`))
        .map((asset) => ({ name: asset.relativePath.slice(lesson.folder.length + 1), bytes: new Uint8Array(asset.bytes) })),
    })),
  };
}
