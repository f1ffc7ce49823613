import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import fc from "fast-check";
import { parse as parseYaml } from "yaml";
import { afterEach, describe, expect, it } from "vitest";
import { locales } from "~/i18n/locales.ts";
import { activitiesFileSchema, type ActivitiesFile, type ActivityFile } from "~/activities/format.ts";
import { listCourseFolders, loadCourse } from "./checker.server.ts";
import { competencies, levels } from "./competencies.ts";
import {
  courseFolderFiles,
  courseFolderInputFrom,
  lessonFolderName,
  writeActivitiesYaml,
  writeCourseYaml,
  writeLessonMarkdown,
  writeQuizYaml,
  type CourseFolderInput,
} from "./course-writer.ts";
import { courseFileSchema, KEY_PATTERN, lessonFrontMatterSchema, quizFileSchema, type CourseFile, type QuizFile } from "./format.ts";
import { splitFrontMatter } from "./markdown.server.ts";

const SEED = 20_261_201;
const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** The files in a temporary course folder named after the course, for the checker to read. */
function onDisk(files: Map<string, Uint8Array>, courseKey: string): string {
  const root = mkdtempSync(path.join(os.tmpdir(), "aula-writer-"));
  made.push(root);
  const dir = path.join(root, courseKey);
  for (const [relativePath, bytes] of files) {
    const full = path.join(dir, ...relativePath.split("/"));
    mkdirSync(path.dirname(full), { recursive: true });
    writeFileSync(full, bytes);
  }
  return dir;
}

/** The same data with every object's keys in reverse order, to show the output does not depend on it. */
function reversedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reversedKeys);
  if (typeof value !== "object" || value === null) return value;
  return Object.fromEntries(Object.entries(value).reverse().map(([key, item]) => [key, reversedKeys(item)]));
}

const text = (es: string) => ({ es, pt: `${es} (pt)`, en: `${es} (en)` });

const minimalCourse: CourseFile = {
  key: "tiny-course",
  sourceLocale: "es",
  languages: ["es"],
  level: "introductory",
  minutes: 15,
  competencies: ["ai-foundations"],
  recommendations: [],
  title: { es: "Un curso: mínimo" },
  summary: { es: "Para comprobar el escritor." },
  objectives: { es: ["Escribir un curso"] },
  lessons: ["only-lesson"],
};

const minimalQuiz: QuizFile = {
  settings: { passMark: 70, cooldownMinutes: 0, draw: 1, mode: "exam" },
  questions: [{ key: "is-it-true", type: "true-false", text: { es: "¿Es cierto?" }, answer: true, explanation: { es: "Sí." } }],
};

describe("canonical YAML", () => {
  it("writes keys in the schema's order and languages as es, pt, en, whatever the input order", () => {
    const scrambled = reversedKeys({ ...minimalCourse, languages: ["en", "es"], title: { en: "Title", pt: "Título", es: "Título" } }) as CourseFile;
    const yaml = writeCourseYaml(scrambled);
    expect(yaml.split("\n").filter((line) => /^\S/.test(line)).map((line) => line.split(":")[0])).toEqual(Object.keys(courseFileSchema.shape));
    expect(yaml).toContain("title:\n  es: Título\n  pt: Título\n  en: Title\n");
    expect(yaml).toContain("languages:\n  - en\n  - es\n");
  });

  it("quotes strings YAML would read as another type, and only those", () => {
    const awkward = ["yes", "No", "on", "12", "1.5", "1_000", "0x1F", "null", "~", "true", "2026-12-01", "- dash", ":colon", "a: b", "#hash", "a #b", "[x]", "{x}", "&anchor", "*alias", "!tag", "@at", "`tick`", '"quoted"', "'single'", "trailing ", "---", "-x", "?x", "...", "Señales: cuáles"];
    const plain = ["¿Qué?", "Ação pública 🎉", "say \"hi\" to her", "it's", "a#b", "a:b", "50 % of it"];
    const yaml = writeCourseYaml({ ...minimalCourse, objectives: { es: [...awkward, ...plain] } });
    for (const value of awkward) expect(yaml).toContain(`    - ${JSON.stringify(value)}\n`);
    for (const value of plain) expect(yaml).toContain(`    - ${value}\n`);
    expect(courseFileSchema.parse(parseYaml(yaml)).objectives.es).toEqual([...awkward.map((value) => value.trim()), ...plain]);
  });

  it("writes multi-line texts as literal blocks, with an indentation indicator for a leading space", () => {
    const yaml = writeCourseYaml({ ...minimalCourse, summary: { es: "Primera línea\n\n  segunda, sangrada", pt: "  empieza con espacios\ny sigue" } });
    expect(yaml).toContain("summary:\n  es: |-\n    Primera línea\n\n      segunda, sangrada\n  pt: |2-\n      empieza con espacios\n    y sigue\n");
    expect(parseYaml(yaml).summary).toEqual({ es: "Primera línea\n\n  segunda, sangrada", pt: "  empieza con espacios\ny sigue" });
  });

  it("leaves out optional fields with no value and writes empty lists as []", () => {
    const yaml = writeQuizYaml({ ...minimalQuiz, settings: { ...minimalQuiz.settings, attemptLimit: undefined } });
    const settings = "settings:\n  passMark: 70\n  cooldownMinutes: 0\n  draw: 1\n  mode: exam\nquestions:\n";
    expect(yaml.slice(0, settings.length)).toBe(settings);
    expect(writeCourseYaml(minimalCourse)).toContain("\nrecommendations: []\n");
  });

  it("escapes control characters and carriage returns, so the files have LF line ends only", () => {
    const yaml = writeActivitiesYaml({
      activities: [{ key: "steps", kind: "order", prompt: text("Ordene\r\nlos pasos\u0007"), steps: [{ key: "a", text: text("A") }, { key: "b", text: text("B") }, { key: "c", text: text("C") }], explanation: text("Así.") }],
    });
    expect(yaml).toContain('    prompt:\n      es: "Ordene\\r\\nlos pasos\\a"\n');
    expect(yaml).not.toContain("\r");
    expect(yaml).not.toContain("\u0007");
    expect(yaml.endsWith("\n") && !yaml.endsWith("\n\n")).toBe(true);
    expect(parseYaml(yaml).activities[0].prompt.es).toBe("Ordene\r\nlos pasos\u0007");
  });
});

describe("lesson Markdown", () => {
  it("writes the front matter, a blank line and the body with LF and one final newline", () => {
    const written = writeLessonMarkdown({ title: "Riesgos: lo que hay que saber", minutes: 20 }, "\r\n\r\nPárrafo uno.  \r\nSigue.\r\n\r\n## Resumen\r\n\r\n- Punto\r\n \t\r\n\r\n");
    expect(written).toBe("---\ntitle: \"Riesgos: lo que hay que saber\"\nminutes: 20\n---\n\nPárrafo uno.  \nSigue.\n\n## Resumen\n\n- Punto\n");
    const split = splitFrontMatter(written);
    expect(lessonFrontMatterSchema.parse(parseYaml(split.frontMatter ?? ""))).toEqual({ title: "Riesgos: lo que hay que saber", minutes: 20 });
    expect(writeLessonMarkdown({ title: "Riesgos: lo que hay que saber", minutes: 20 }, split.body)).toBe(written);
  });

  it("keeps an indented first line of the body (a code block) as it is", () => {
    expect(writeLessonMarkdown({ title: "T", minutes: 1 }, "\n    code\n")).toBe("---\ntitle: T\nminutes: 1\n---\n\n    code\n");
  });
});

describe("course folder", () => {
  it("gives every file by relative path, and a minimal course it writes passes the checker with the same data", () => {
    const activity: ActivityFile = {
      key: "pick-one",
      kind: "choice",
      prompt: { es: "¿Cuál?" },
      multiple: false,
      options: [
        { key: "right", correct: true, text: { es: "Esta" }, feedback: { es: "Bien." } },
        { key: "wrong", correct: false, text: { es: "Aquella" }, feedback: { es: "No." } },
      ],
      explanation: { es: "Porque sí." },
    };
    const body = "Texto con una imagen ![Un diagrama](diagram.svg).\n\n{{activity: pick-one}}\n\n## Resumen\n\n- Uno.\n";
    const svg = new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"/>\n');
    const input: CourseFolderInput = {
      course: minimalCourse,
      quiz: minimalQuiz,
      lessons: [{ key: "only-lesson", translations: { es: { frontMatter: { title: "La lección", minutes: 15 }, body } }, activities: [activity], images: [{ name: "diagram.svg", bytes: svg }] }],
    };
    const files = courseFolderFiles(input);
    expect([...files.keys()]).toEqual(["01-only-lesson/activities.yaml", "01-only-lesson/diagram.svg", "01-only-lesson/es.md", "course.yaml", "quiz.yaml"]);

    const { source, problems } = loadCourse(onDisk(files, minimalCourse.key));
    expect(problems).toEqual([]);
    expect(source?.course).toEqual(minimalCourse);
    expect(source?.quiz).toEqual(minimalQuiz);
    expect(source?.lessons[0]?.activities).toEqual([activity]);
    expect(source?.lessons[0]?.translations.es?.body.trimStart()).toBe(body);
    expect(source?.assets).toEqual([{ relativePath: "01-only-lesson/diagram.svg", bytes: Buffer.from(svg) }]);
  });

  it("writes activities.yaml only for a lesson with activities, and numbers folders by position", () => {
    const lesson = (key: string) => ({ key, translations: { es: { frontMatter: { title: key, minutes: 5 }, body: "Texto." } }, activities: [], images: [] });
    const files = courseFolderFiles({ course: { ...minimalCourse, lessons: ["first", "second"] }, quiz: minimalQuiz, lessons: [lesson("first"), lesson("second")] });
    expect([...files.keys()]).toEqual(["01-first/es.md", "02-second/es.md", "course.yaml", "quiz.yaml"]);
    expect(lessonFolderName(9, "tenth")).toBe("10-tenth");
  });

  it("refuses an image name that would leave the lesson folder or replace a lesson file", () => {
    for (const name of ["../escape.png", "sub/x.png", "es.md", "activities.yaml", ".hidden.png"]) {
      const lessons = [{ key: "only-lesson", translations: {}, activities: [], images: [{ name, bytes: new Uint8Array() }] }];
      expect(() => courseFolderFiles({ course: minimalCourse, quiz: minimalQuiz, lessons })).toThrow(/not an image file name/);
    }
  });
});

// Strings the YAML writer must get right: types in disguise, indicators, quotes, comments,
// accents and emoji, leading and trailing spaces, line breaks, control characters.
const awkwardString = fc.oneof(
  fc.constantFrom(
    "yes", "No", "on", "OFF", "y", "n", "12", "-7", "1.5", "1e3", ".inf", ".NaN", "0x1F", "0o7", "1_000", "12:30", "2026-12-01", "null", "Null", "~",
    "true", "False", "-", "- x", "-x", ":", ": x", "a: b", "a:", "?", "? x", "#", "#x", "a #b", "[x]", "{x: 1}", "!tag", "&a", "*a", "|", ">", "%x", "@x",
    "`x`", "'", '"', "'q'", '"q"', "---", "...", "<<", " lead", "trail ", "  ", "", "multi\nline", "\n lead\n", "a\n\nb\n", "a\n  b", " \n", "a\n\n\n",
    "tail \n", "é ñ ü ç ã", "🎉 👩🏽‍💻", "tab\tx", "\tx", "x\r\ny", "\u0007", "\ufeffbom", "\u00a0nbsp", "\u2028sep", "\\", "\\n", "{{activity: x}}",
  ),
  fc.string({ unit: "grapheme", maxLength: 24 }),
  fc.string({ unit: "binary", maxLength: 12 }),
  fc.array(fc.constantFrom("a", " ", "\n", ":", "#", "-", '"', "'", "é", "\t", "|", ">"), { maxLength: 12 }).map((parts) => parts.join("")),
);
const anyText = awkwardString;
const localeArb = fc.constantFrom(...locales);
const localized = fc.record({ es: anyText, pt: anyText, en: anyText }, { requiredKeys: [] });
const keyArb = fc.stringMatching(KEY_PATTERN, { maxLength: 12 }).filter((key) => key.length > 0);
const count = fc.integer({ min: 1, max: 100 });
const optionalCount = fc.option(count, { nil: undefined });

const courseArb: fc.Arbitrary<CourseFile> = fc.record({
  key: keyArb,
  sourceLocale: localeArb,
  languages: fc.subarray([...locales], { minLength: 1 }),
  level: fc.constantFrom(...levels),
  minutes: count,
  competencies: fc.subarray([...competencies], { minLength: 1 }),
  recommendations: fc.array(fc.integer({ min: 1, max: 10 }), { maxLength: 3 }),
  title: localized,
  summary: localized,
  objectives: fc.record({ es: fc.array(anyText, { minLength: 1, maxLength: 3 }), pt: fc.array(anyText, { minLength: 1, maxLength: 3 }), en: fc.array(anyText, { minLength: 1, maxLength: 3 }) }, { requiredKeys: [] }),
  lessons: fc.array(keyArb, { minLength: 1, maxLength: 3 }),
});

const questionArb: fc.Arbitrary<QuizFile["questions"][number]> = fc.oneof(
  fc.record({
    key: keyArb,
    type: fc.constantFrom("single" as const, "multiple" as const),
    text: localized,
    options: fc.array(fc.record({ key: keyArb, text: localized }), { minLength: 2, maxLength: 4 }),
    correct: fc.array(keyArb, { minLength: 1, maxLength: 2 }),
    explanation: localized,
  }),
  fc.record({ key: keyArb, type: fc.constant("true-false" as const), text: localized, answer: fc.boolean(), explanation: localized }),
);

const quizArb: fc.Arbitrary<QuizFile> = fc.record({
  settings: fc.record({ passMark: count, attemptLimit: optionalCount, cooldownMinutes: fc.nat(120), timeLimitMinutes: optionalCount, draw: count, mode: fc.constantFrom("exam" as const, "practice" as const) }),
  questions: fc.array(questionArb, { minLength: 1, maxLength: 3 }),
});

const part = fc.record({ key: keyArb, text: localized, feedback: localized });
const activityArb: fc.Arbitrary<ActivityFile> = fc.oneof(
  fc.record({ key: keyArb, kind: fc.constant("choice" as const), prompt: localized, multiple: fc.boolean(), options: fc.array(fc.record({ key: keyArb, correct: fc.boolean(), text: localized, feedback: localized }), { minLength: 2, maxLength: 3 }), explanation: localized }),
  fc.record({ key: keyArb, kind: fc.constant("spot" as const), prompt: localized, sentences: fc.array(fc.record({ key: keyArb, problem: fc.boolean(), text: localized, feedback: localized }), { minLength: 3, maxLength: 4 }), explanation: localized }),
  fc.record({ key: keyArb, kind: fc.constant("sort" as const), prompt: localized, categories: fc.array(fc.record({ key: keyArb, text: localized }), { minLength: 2, maxLength: 3 }), items: fc.array(part.map((item) => ({ ...item, category: item.key })), { minLength: 3, maxLength: 4 }), explanation: localized }),
  fc.record({ key: keyArb, kind: fc.constant("order" as const), prompt: localized, steps: fc.array(fc.record({ key: keyArb, text: localized }), { minLength: 3, maxLength: 4 }), explanation: localized }),
);
const activitiesArb: fc.Arbitrary<ActivitiesFile> = fc.record({ activities: fc.array(activityArb, { minLength: 1, maxLength: 2 }) });

const files = [
  { name: "course.yaml", arb: courseArb as fc.Arbitrary<unknown>, schema: courseFileSchema, write: (value: unknown) => writeCourseYaml(value as CourseFile) },
  { name: "quiz.yaml", arb: quizArb as fc.Arbitrary<unknown>, schema: quizFileSchema, write: (value: unknown) => writeQuizYaml(value as QuizFile) },
  { name: "activities.yaml", arb: activitiesArb as fc.Arbitrary<unknown>, schema: activitiesFileSchema, write: (value: unknown) => writeActivitiesYaml(value as ActivitiesFile) },
];

describe("canonical YAML, by property", { timeout: 60_000 }, () => {
  for (const file of files) {
    it(`${file.name}: reads back as the data written, and writing what it reads gives the same bytes`, () => {
      fc.assert(
        fc.property(file.arb, (value) => {
          const written = file.write(value);
          expect(parseYaml(written)).toEqual(value);
          expect(file.write(parseYaml(written))).toBe(written);
          expect(file.write(reversedKeys(value))).toBe(written);
          expect(written).not.toContain("\r");
          expect(written.endsWith("\n")).toBe(true);
        }),
        { seed: SEED, numRuns: 300 },
      );
    });

    it(`${file.name}: data the schema accepts is read back by the schema as the same data`, () => {
      let accepted = 0;
      fc.assert(
        fc.property(file.arb, (value) => {
          const parsed = file.schema.safeParse(value);
          if (!parsed.success) return;
          accepted += 1;
          const written = file.write(parsed.data);
          expect(file.schema.parse(parseYaml(written))).toEqual(parsed.data);
          expect(file.write(file.schema.parse(parseYaml(written)))).toBe(written);
        }),
        { seed: SEED, numRuns: 300 },
      );
      // The generators make mostly valid data, so the property is not vacuous.
      expect(accepted).toBeGreaterThan(30);
    });
  }

  it("lesson Markdown: the front matter and body read back, and rewriting what the checker reads gives the same bytes", () => {
    const body = fc.array(fc.oneof(awkwardString, fc.constantFrom("## Resumen", "- item", "---", "\r\n", "\n\n", "    code", "{{activity: a}}")), { maxLength: 8 }).map((parts) => parts.join("\n"));
    fc.assert(
      fc.property(fc.record({ title: anyText, minutes: count }), body, (frontMatter, source) => {
        const written = writeLessonMarkdown(frontMatter, source);
        const split = splitFrontMatter(written);
        expect(split.frontMatter).not.toBeNull();
        expect(parseYaml(split.frontMatter ?? "")).toEqual(frontMatter);
        expect(writeLessonMarkdown(frontMatter, split.body)).toBe(written);
        expect(written).not.toContain("\r");
        expect(written).toMatch(/(^|[^ \t\n])\n$|---\n\n$/);
      }),
      { seed: SEED, numRuns: 300 },
    );
  });
});

describe("the committed curriculum, rewritten", { timeout: 60_000 }, () => {
  const folders = listCourseFolders(path.resolve("courses"));

  it("has courses to rewrite", () => {
    expect(folders.length).toBeGreaterThan(0);
  });

  for (const folder of folders) {
    it(`${path.basename(folder)}: the canonical files pass the checker with the same data, and rewriting them changes no byte`, () => {
      const committed = loadCourse(folder);
      expect(committed.problems).toEqual([]);
      const files = courseFolderFiles(courseFolderInputFrom(committed.source!));
      const rewritten = loadCourse(onDisk(files, path.basename(folder)));
      expect(rewritten.problems).toEqual([]);
      const { source } = rewritten;
      expect(source?.course).toEqual(committed.source?.course);
      expect(source?.quiz).toEqual(committed.source?.quiz);
      expect(source?.assets).toEqual(committed.source?.assets);
      expect(source?.lessons.map(({ translations, ...lesson }) => ({ ...lesson, translations: Object.keys(translations) }))).toEqual(
        committed.source?.lessons.map(({ translations, ...lesson }) => ({ ...lesson, translations: Object.keys(translations) })),
      );
      source?.lessons.forEach((lesson, index) => {
        for (const [locale, translation] of Object.entries(lesson.translations)) {
          const before = committed.source?.lessons[index]?.translations[locale as keyof typeof lesson.translations];
          expect(translation.frontMatter).toEqual(before?.frontMatter);
          expect(translation.body).toBe(before?.body);
        }
      });
      expect(courseFolderFiles(courseFolderInputFrom(source!))).toEqual(files);
    });
  }
});
