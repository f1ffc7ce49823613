/**
 * The programme "Alfabetización en IA para la gestión pública" as shipped in courses/:
 * at least nine complete courses in es, pt and en, with real lessons and quiz pools.
 */
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  crossCourseProblems,
  formatProblem,
  listCourseFolders,
  loadCourse,
  type CourseSource,
} from "~/courses/checker.server.ts";
import { countWords, markdownHeadings } from "~/courses/markdown.server.ts";
import { locales, type Locale } from "~/i18n/locales.ts";

const closingSections: Record<Locale, [string, string]> = {
  es: ["Resumen", "Lecturas recomendadas"],
  pt: ["Resumo", "Leituras recomendadas"],
  en: ["Summary", "Further reading"],
};

const coursesDir = path.resolve("courses");
const folders = listCourseFolders(coursesDir);
// Each course is read once, at collection, for every test below.
const loaded = folders.map((dir) => ({ dir, ...loadCourse(dir, coursesDir) }));

describe("the programme", () => {
  it("has at least nine courses", () => {
    expect(folders.length).toBeGreaterThanOrEqual(9);
  });

  it("asks no question in two courses", () => {
    const sources: CourseSource[] = loaded.flatMap(({ source }) => source ?? []);
    expect(sources).toHaveLength(folders.length);
    expect(crossCourseProblems(sources).map(formatProblem)).toEqual([]);
  });

  for (const { dir, source, problems } of loaded) {
    describe(path.basename(dir), () => {
      it("passes the course checker", () => {
        expect(problems.map(formatProblem)).toEqual([]);
      });

      it("is complete in es, pt and en with at least four lessons and a pool of twelve questions, drawing eight", () => {
        expect(source?.course.languages.slice().sort()).toEqual([...locales].sort());
        expect(source?.lessons.length).toBeGreaterThanOrEqual(4);
        expect(source?.quiz.questions.length).toBeGreaterThanOrEqual(12);
        expect(source?.quiz.settings.draw).toBe(8);
      });

      it("has at least four practice activities of at least two kinds, and one in every lesson", () => {
        const activities = source?.lessons.flatMap((lesson) => lesson.activities) ?? [];
        expect(activities.length).toBeGreaterThanOrEqual(4);
        expect(new Set(activities.map((activity) => activity.kind)).size).toBeGreaterThanOrEqual(2);
        for (const lesson of source?.lessons ?? [])
          expect(lesson.activities.length, `${lesson.key}: activities`).toBeGreaterThan(0);
      });

      for (const lesson of source?.lessons ?? []) {
        it(`lesson ${lesson.key}: 600–1200 words, closing sections and the same headings in every language`, () => {
          const shapes: string[] = [];
          for (const locale of locales) {
            const translation = lesson.translations[locale];
            expect(translation, `${lesson.key}/${locale}.md`).toBeDefined();
            if (!translation) continue;
            const words = countWords(translation.body);
            expect(words, `${lesson.key}/${locale}.md word count`).toBeGreaterThanOrEqual(600);
            expect(words, `${lesson.key}/${locale}.md word count`).toBeLessThanOrEqual(1200);
            const headings = markdownHeadings(translation.body);
            const level2 = headings.filter((heading) => heading.depth === 2).map((heading) => heading.text);
            expect(level2.slice(-2), `${lesson.key}/${locale}.md closing sections`).toEqual(closingSections[locale]);
            shapes.push(headings.map((heading) => heading.depth).join(","));
          }
          expect(new Set(shapes).size, `${lesson.key}: heading structure differs between languages`).toBe(1);
        });
      }
    });
  }
});
