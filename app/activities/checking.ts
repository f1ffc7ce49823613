/**
 * The checking rule of each kind of practice activity: pure, run on the server only (the
 * definition holds the answers). An answer that does not fit its definition (an unknown key,
 * a saved answer from a version whose activity changed) is `null` from `fitAnswer`.
 */
import { z } from "zod";
import type { ActivityDefinition } from "./format.ts";

export const activityAnswerSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("choice"), selected: z.array(z.string()) }),
  z.object({ kind: z.literal("spot"), marked: z.array(z.string()) }),
  z.object({ kind: z.literal("sort"), placements: z.record(z.string(), z.string()) }),
  z.object({ kind: z.literal("order"), order: z.array(z.string()) }),
]);
export type ActivityAnswer = z.infer<typeof activityAnswerSchema>;

export type ActivityVerdict =
  | { kind: "choice"; correct: boolean; options: Array<{ key: string; selected: boolean; correct: boolean }> }
  | {
      kind: "spot";
      correct: boolean;
      sentences: Array<{ key: string; marked: boolean; problem: boolean }>;
      missed: string[];
      wronglyMarked: string[];
    }
  | { kind: "sort"; correct: boolean; items: Array<{ key: string; chosen: string; expected: string; right: boolean }> }
  | { kind: "order"; correct: boolean; positions: Array<{ step: string; expected: string; right: boolean }> };

const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((key) => b.includes(key));
const distinct = (keys: readonly string[]) => new Set(keys).size === keys.length;

/** The answer if every key in it belongs to the definition and it is complete where it must be; else null. */
export function fitAnswer(definition: ActivityDefinition, answer: ActivityAnswer): ActivityAnswer | null {
  if (definition.kind !== answer.kind) return null;
  switch (answer.kind) {
    case "choice": {
      if (definition.kind !== "choice") return null;
      const keys = definition.options.map((option) => option.key);
      if (!distinct(answer.selected) || !answer.selected.every((key) => keys.includes(key))) return null;
      if (answer.selected.length === 0 || (!definition.multiple && answer.selected.length > 1)) return null;
      return answer;
    }
    case "spot": {
      if (definition.kind !== "spot") return null;
      const keys = definition.sentences.map((sentence) => sentence.key);
      return distinct(answer.marked) && answer.marked.every((key) => keys.includes(key)) ? answer : null;
    }
    case "sort": {
      if (definition.kind !== "sort") return null;
      const items = definition.items.map((item) => item.key);
      const placed = Object.keys(answer.placements);
      if (!sameSet(placed, items)) return null;
      return Object.values(answer.placements).every((category) => definition.categories.includes(category)) ? answer : null;
    }
    case "order": {
      if (definition.kind !== "order") return null;
      return distinct(answer.order) && sameSet(answer.order, definition.steps) ? answer : null;
    }
  }
}

/** Right or not, and the verdict per part; null when the answer does not fit the definition. */
export function checkAnswer(definition: ActivityDefinition, given: ActivityAnswer): ActivityVerdict | null {
  const answer = fitAnswer(definition, given);
  if (!answer) return null;
  if (definition.kind === "choice" && answer.kind === "choice") {
    const options = definition.options.map((option) => ({
      key: option.key,
      selected: answer.selected.includes(option.key),
      correct: option.correct,
    }));
    return { kind: "choice", correct: options.every((option) => option.selected === option.correct), options };
  }
  if (definition.kind === "spot" && answer.kind === "spot") {
    const sentences = definition.sentences.map((sentence) => ({
      key: sentence.key,
      marked: answer.marked.includes(sentence.key),
      problem: sentence.problem,
    }));
    const missed = sentences.filter((sentence) => sentence.problem && !sentence.marked).map((sentence) => sentence.key);
    const wronglyMarked = sentences.filter((sentence) => !sentence.problem && sentence.marked).map((sentence) => sentence.key);
    return { kind: "spot", correct: missed.length === 0 && wronglyMarked.length === 0, sentences, missed, wronglyMarked };
  }
  if (definition.kind === "sort" && answer.kind === "sort") {
    const items = definition.items.map((item) => {
      const chosen = answer.placements[item.key] ?? "";
      return { key: item.key, chosen, expected: item.category, right: chosen === item.category };
    });
    return { kind: "sort", correct: items.every((item) => item.right), items };
  }
  if (definition.kind === "order" && answer.kind === "order") {
    const positions = answer.order.map((step, index) => ({
      step,
      expected: definition.steps[index] ?? "",
      right: step === definition.steps[index],
    }));
    return { kind: "order", correct: positions.every((position) => position.right), positions };
  }
  return null;
}

/** How many parts of the answer are right, and of how many: for the announcement after a check. */
export function verdictScore(verdict: ActivityVerdict): { right: number; total: number } {
  switch (verdict.kind) {
    case "choice":
      return {
        right: verdict.options.filter((option) => option.selected === option.correct).length,
        total: verdict.options.length,
      };
    case "spot":
      return {
        right: verdict.sentences.filter((sentence) => sentence.marked === sentence.problem).length,
        total: verdict.sentences.length,
      };
    case "sort":
      return { right: verdict.items.filter((item) => item.right).length, total: verdict.items.length };
    case "order":
      return { right: verdict.positions.filter((position) => position.right).length, total: verdict.positions.length };
  }
}

/**
 * The order steps are shown in before the learner has answered: a fixed shuffle of the key
 * (the same on the server render and at hydration), never the correct order.
 */
export function shownOrder(activityKey: string, steps: readonly string[]): string[] {
  let seed = 0;
  for (const char of activityKey) seed = (seed * 31 + char.charCodeAt(0)) >>> 0;
  const next = () => {
    seed = (seed * 1664525 + 1013904223) >>> 0;
    return seed / 2 ** 32;
  };
  const shuffled = [...steps];
  for (let index = shuffled.length - 1; index > 0; index -= 1) {
    const other = Math.floor(next() * (index + 1));
    [shuffled[index], shuffled[other]] = [shuffled[other]!, shuffled[index]!];
  }
  // No step where it belongs: rotate by one when the shuffle left any in place.
  const anyInPlace = shuffled.some((step, index) => step === steps[index]);
  return anyInPlace ? [...steps.slice(1), steps[0]!] : shuffled;
}
