/**
 * What the browser gets of an activity. Before a check: the prompt and the texts to answer
 * with, nothing about which is right. In the response to a check: the verdict per part with
 * its feedback, and the explanation.
 */
import { shownOrder, verdictScore, type ActivityVerdict } from "./checking.ts";
import type { ActivityDefinition, ActivityKind, ActivityTexts } from "./format.ts";

export interface ActivityView {
  key: string;
  kind: ActivityKind;
  prompt: string;
  /** Choice: several options may be chosen. */
  multiple: boolean;
  /** Options, sentences, items or steps, in the order they are shown. */
  parts: Array<{ key: string; text: string }>;
  /** Sort only. */
  categories: Array<{ key: string; text: string }>;
}

export type PartStatus = "right" | "wrong" | "missed" | "neutral";

export interface ActivityFeedback {
  key: string;
  correct: boolean;
  right: number;
  total: number;
  explanation: string;
  /** In the order of the answer (order: the learner's order). */
  parts: Array<{ key: string; text: string; status: PartStatus; feedback: string | null; expected: string | null }>;
}

function partKeys(definition: ActivityDefinition): string[] {
  switch (definition.kind) {
    case "choice":
      return definition.options.map((option) => option.key);
    case "spot":
      return definition.sentences.map((sentence) => sentence.key);
    case "sort":
      return definition.items.map((item) => item.key);
    case "order":
      return definition.steps;
  }
}

export function activityView(key: string, definition: ActivityDefinition, texts: ActivityTexts): ActivityView {
  const keys = definition.kind === "order" ? shownOrder(key, definition.steps) : partKeys(definition);
  return {
    key,
    kind: definition.kind,
    prompt: texts.prompt,
    multiple: definition.kind === "choice" && definition.multiple,
    parts: keys.map((part) => ({ key: part, text: texts.parts[part]?.text ?? part })),
    categories:
      definition.kind === "sort"
        ? definition.categories.map((category) => ({ key: category, text: texts.categories[category] ?? category }))
        : [],
  };
}

const selectionStatus = (chosen: boolean, expected: boolean): PartStatus =>
  chosen ? (expected ? "right" : "wrong") : expected ? "missed" : "neutral";

export function activityFeedback(key: string, verdict: ActivityVerdict, texts: ActivityTexts): ActivityFeedback {
  const text = (part: string) => texts.parts[part]?.text ?? part;
  const feedback = (part: string) => texts.parts[part]?.feedback ?? null;
  const base = { key, correct: verdict.correct, ...verdictScore(verdict), explanation: texts.explanation };
  switch (verdict.kind) {
    case "choice":
      return {
        ...base,
        parts: verdict.options.map((option) => ({
          key: option.key,
          text: text(option.key),
          status: selectionStatus(option.selected, option.correct),
          feedback: feedback(option.key),
          expected: null,
        })),
      };
    case "spot":
      return {
        ...base,
        parts: verdict.sentences.map((sentence) => ({
          key: sentence.key,
          text: text(sentence.key),
          status: selectionStatus(sentence.marked, sentence.problem),
          feedback: feedback(sentence.key),
          expected: null,
        })),
      };
    case "sort":
      return {
        ...base,
        parts: verdict.items.map((item) => ({
          key: item.key,
          text: text(item.key),
          status: item.right ? "right" : "wrong",
          feedback: feedback(item.key),
          expected: texts.categories[item.expected] ?? item.expected,
        })),
      };
    case "order":
      return {
        ...base,
        parts: verdict.positions.map((position) => ({
          key: position.step,
          text: text(position.step),
          status: position.right ? "right" : "wrong",
          feedback: null,
          expected: text(position.expected),
        })),
      };
  }
}
