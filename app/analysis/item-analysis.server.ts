/**
 * Item analysis of a city course's quiz for its authors: the version's counts that grading keeps
 * (answer-counts.server.ts, decision 037), the statistics computed by item-analysis.ts. No learner
 * is selected: the counts carry attempt figures only.
 */
import { z } from "zod";
import { editableCoursesWhere, type AuthorScope } from "~/authoring/drafts.server.ts";
import { readLocalized } from "~/courses/localized.ts";
import { db } from "~/db.server.ts";
import { isLocale, type Locale } from "~/i18n/locales.ts";
import { readAnswerCounts } from "./answer-counts.server.ts";
import { itemAnalysis, type HistogramBin, type ItemStatistics } from "./item-analysis.ts";

const optionTexts = z.array(z.object({ key: z.string(), text: z.partialRecord(z.string(), z.string()) }));
const keyList = z.array(z.string());

export interface AnalysisCourse {
  courseKey: string;
  sourceLocale: Locale;
  /** Published versions with a quiz, newest first. */
  versions: Array<{ id: string; number: number; publishedAt: Date; title: string }>;
}

/** The course if it is one of the author's city's courses (null otherwise: answer 404). */
export async function analysisCourse(scope: Pick<AuthorScope, "cityId">, courseKey: string): Promise<AnalysisCourse | null> {
  const course = await db().course.findFirst({
    where: { key: courseKey, ...editableCoursesWhere(scope) },
    select: {
      key: true,
      sourceLocale: true,
      versions: {
        where: { quiz: { isNot: null } },
        orderBy: { number: "desc" },
        select: { id: true, number: true, publishedAt: true, title: true },
      },
    },
  });
  if (!course) return null;
  return {
    courseKey: course.key,
    sourceLocale: isLocale(course.sourceLocale) ? course.sourceLocale : "es",
    versions: course.versions,
  };
}

export interface AnalysedQuestion {
  key: string;
  text: string;
  /** Options in the author's order; `text` is null for true/false (named by the page). */
  options: Array<{ key: string; text: string | null; correct: boolean; count: number }>;
  statistics: Omit<ItemStatistics, "options">;
}

export interface VersionAnalysis {
  learners: number;
  enoughData: boolean;
  histogram: HistogramBin[];
  questions: AnalysedQuestion[];
}

/** The statistics of a version's quiz, in the reader's language (the source language where it has none). */
export async function versionAnalysis(versionId: string, locale: Locale, sourceLocale: Locale): Promise<VersionAnalysis> {
  const [questions, counted] = await Promise.all([
    db().question.findMany({
      where: { quiz: { versionId } },
      orderBy: { position: "asc" },
      select: { id: true, key: true, type: true, text: true, options: true, correct: true },
    }),
    readAnswerCounts(versionId),
  ]);
  const analysis = itemAnalysis(counted.answers, counted.choices);
  const empty: ItemStatistics = {
    seen: 0,
    enoughData: false,
    facility: null,
    discrimination: null,
    options: {},
    none: 0,
    flags: [],
  };
  return {
    learners: analysis.learners,
    enoughData: analysis.enoughData,
    histogram: analysis.histogram,
    questions: questions.map((question) => {
      const { options: counts, ...statistics } = analysis.questions.get(question.id) ?? empty;
      const correct = keyList.parse(JSON.parse(question.correct));
      const options =
        question.type === "true-false"
          ? [
              { key: "true", text: null },
              { key: "false", text: null },
            ]
          : optionTexts
              .parse(JSON.parse(question.options))
              .map((option) => ({ key: option.key, text: option.text[locale] ?? option.text[sourceLocale] ?? option.key }));
      return {
        key: question.key,
        text: readLocalized(question.text, locale, sourceLocale, z.string()),
        options: options.map((option) => ({ ...option, correct: correct.includes(option.key), count: counts[option.key] ?? 0 })),
        statistics,
      };
    }),
  };
}
