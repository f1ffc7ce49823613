/**
 * Item analysis of a quiz version, from the rows grading writes (question-answers.ts), counting
 * first attempts only (decision 033). The database only counts rows in groups; every rule is here:
 *
 * - seen: the first attempts that drew the question (one per learner: a learner has one first attempt);
 * - facility: the share of them that answered it correctly;
 * - discrimination: the corrected item–total correlation, the Pearson correlation between the
 *   question's 0/1 and the attempt's share correct on its OTHER drawn questions,
 *   (attemptCorrect − correct) / (attemptTotal − 1). With a draw from a pool, attempts differ in
 *   which other questions they drew; the share makes them comparable. Attempts of one question
 *   have no other questions and are left out of it; with no spread in either variable it is null;
 * - option counts: how many chose each option (several per attempt in a multiple-choice question);
 * - flags, and "not enough data" under `minimumLearners` distinct learners.
 */
import { scoreOf } from "~/quiz/grading.ts";

export const minimumLearners = 5;
export const easyAbove = 0.9;
export const hardBelow = 0.2;
export const histogramBins = 10;

/** Rows with the same question, correctness and attempt figures, counted. */
export interface AnswerGroup {
  questionId: string;
  correct: boolean;
  attemptCorrect: number;
  attemptTotal: number;
  count: number;
}

/** Rows with the same question and chosen options (a JSON array of option keys), counted. */
export interface ChoiceGroup {
  questionId: string;
  chosen: string;
  count: number;
}

export type ItemFlag = "easy" | "hard" | "negative";

export interface ItemStatistics {
  seen: number;
  enoughData: boolean;
  /** 0 to 1; null without enough data. */
  facility: number | null;
  /** −1 to 1; null without enough data or when it is undefined (no spread). */
  discrimination: number | null;
  /** How many chose each option key; `none` counts attempts that chose nothing (both empty without enough data). */
  options: Record<string, number>;
  none: number;
  flags: ItemFlag[];
}

export interface HistogramBin {
  /** Scores from `from` to `to`, both included (the last bin ends at 100). */
  from: number;
  to: number;
  count: number;
}

export interface QuizAnalysis {
  learners: number;
  enoughData: boolean;
  questions: Map<string, ItemStatistics>;
  histogram: HistogramBin[];
}

interface Sums {
  seen: number;
  correct: number;
  n: number;
  x: number;
  r: number;
  rr: number;
  xr: number;
}

function pearson({ n, x, r, rr, xr }: Sums): number | null {
  if (n < 2) return null;
  // Σx² = Σx for 0/1 values.
  const varianceX = n * x - x * x;
  const varianceR = n * rr - r * r;
  if (varianceX <= 0 || varianceR <= 1e-12) return null;
  const value = (n * xr - x * r) / Math.sqrt(varianceX * varianceR);
  return Math.max(-1, Math.min(1, value));
}

export function flagsOf(facility: number, discrimination: number | null): ItemFlag[] {
  const flags: ItemFlag[] = [];
  if (facility > easyAbove) flags.push("easy");
  if (facility < hardBelow) flags.push("hard");
  if (discrimination !== null && discrimination < 0) flags.push("negative");
  return flags;
}

/** The histogram bin of a score: tenths, with 100 in the last one. */
export function binOf(score: number): number {
  return Math.min(histogramBins - 1, Math.floor(score / (100 / histogramBins)));
}

export function emptyHistogram(): HistogramBin[] {
  const width = 100 / histogramBins;
  return Array.from({ length: histogramBins }, (_, index) => ({
    from: index * width,
    to: index === histogramBins - 1 ? 100 : (index + 1) * width - 1,
    count: 0,
  }));
}

export function itemAnalysis(answers: readonly AnswerGroup[], choices: readonly ChoiceGroup[]): QuizAnalysis {
  const sums = new Map<string, Sums>();
  // Each first attempt left one row per drawn question, so an attempt's figures appear attemptTotal times.
  const rowsByAttemptFigures = new Map<string, { correct: number; total: number; rows: number }>();
  for (const group of answers) {
    let item = sums.get(group.questionId);
    if (!item) sums.set(group.questionId, (item = { seen: 0, correct: 0, n: 0, x: 0, r: 0, rr: 0, xr: 0 }));
    const x = group.correct ? 1 : 0;
    item.seen += group.count;
    item.correct += x * group.count;
    if (group.attemptTotal > 1) {
      const rest = (group.attemptCorrect - x) / (group.attemptTotal - 1);
      item.n += group.count;
      item.x += x * group.count;
      item.r += rest * group.count;
      item.rr += rest * rest * group.count;
      item.xr += x * rest * group.count;
    }
    const figures = `${group.attemptCorrect}/${group.attemptTotal}`;
    const entry = rowsByAttemptFigures.get(figures) ?? { correct: group.attemptCorrect, total: group.attemptTotal, rows: 0 };
    entry.rows += group.count;
    rowsByAttemptFigures.set(figures, entry);
  }

  const histogram = emptyHistogram();
  let learners = 0;
  for (const { correct, total, rows } of rowsByAttemptFigures.values()) {
    const attempts = Math.round(rows / total);
    learners += attempts;
    histogram[binOf(scoreOf(correct, total))]!.count += attempts;
  }

  const optionCounts = new Map<string, { options: Record<string, number>; none: number }>();
  for (const group of choices) {
    let counts = optionCounts.get(group.questionId);
    if (!counts) optionCounts.set(group.questionId, (counts = { options: {}, none: 0 }));
    const chosen = JSON.parse(group.chosen) as unknown;
    const keys = Array.isArray(chosen) ? chosen.filter((key): key is string => typeof key === "string") : [];
    if (keys.length === 0) counts.none += group.count;
    for (const key of new Set(keys)) counts.options[key] = (counts.options[key] ?? 0) + group.count;
  }

  const questions = new Map<string, ItemStatistics>();
  for (const [questionId, item] of sums) {
    const enoughData = item.seen >= minimumLearners;
    const facility = enoughData ? item.correct / item.seen : null;
    const discrimination = enoughData ? pearson(item) : null;
    // Under the floor nothing but `seen` is given: a few answers could point at a person.
    const counts = (enoughData && optionCounts.get(questionId)) || { options: {}, none: 0 };
    questions.set(questionId, {
      seen: item.seen,
      enoughData,
      facility,
      discrimination,
      options: counts.options,
      none: counts.none,
      flags: facility === null ? [] : flagsOf(facility, discrimination),
    });
  }
  const enoughData = learners >= minimumLearners;
  return { learners, enoughData, questions, histogram: enoughData ? histogram : emptyHistogram() };
}
