/**
 * The one reading of a posted activity answer, with or without JavaScript (the fetcher posts
 * the same form), read through the one form path (`readForm`). Repeated fields (choice options,
 * marked sentences) keep every value. Fields, not answers, go back to the page, so an answer that cannot be
 * checked keeps what the learner chose.
 */
import { z } from "zod";
import type { FormLimits } from "~/forms/limits.ts";
import type { FormEntries } from "~/forms/parse-form.ts";
import type { MessageKey } from "~/i18n/translate.ts";
import { fitAnswer, type ActivityAnswer } from "./checking.ts";
import type { ActivityDefinition } from "./format.ts";

export const FIELD = {
  activity: "activity",
  revision: "revision",
  option: "option",
  sentence: "sentence",
  category: "category.",
  position: "position.",
} as const;

export interface ActivityFields {
  option: string[];
  sentence: string[];
  /** Sort: item key → category key. */
  category: Record<string, string>;
  /** Order: step key → position, counted from 1. */
  position: Record<string, string>;
}

export interface ActivityPost {
  activityKey: string;
  /** The revision of the saved answer the page was showing (0: none). */
  revision: number;
  fields: ActivityFields;
}

const postSchema = z.object({
  activityKey: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
  revision: z.coerce.number().int().min(0),
  fields: z.object({
    option: z.array(z.string().max(100)).max(20),
    sentence: z.array(z.string().max(100)).max(20),
    category: z.record(z.string().max(100), z.string().max(100)),
    position: z.record(z.string().max(100), z.string().max(3)),
  }),
});

const emptyFields = (): ActivityFields => ({ option: [], sentence: [], category: {}, position: {} });

/**
 * What an activity check may post: its key, the revision, and at most one field per option,
 * sentence, item or step (the format allows at most 12 of any).
 */
export const activityFormLimits: FormLimits = { maxFields: 32, maxBytes: 8 * 1024 };

/** Whether a posted form is an activity check (it names an activity). */
export function isActivityPost(form: FormEntries): boolean {
  for (const [name] of form.entries()) if (name === FIELD.activity) return true;
  return false;
}

/** The posted activity answer, or null when the form is not an activity check at all. */
export function readActivityPost(form: FormEntries): ActivityPost | null {
  let activityKey: string | null = null;
  let revision: string | null = null;
  const fields = emptyFields();
  for (const [name, value] of form.entries()) {
    if (typeof value !== "string") continue;
    if (name === FIELD.activity) activityKey ??= value;
    else if (name === FIELD.revision) revision ??= value;
    else if (name === FIELD.option) fields.option.push(value);
    else if (name === FIELD.sentence) fields.sentence.push(value);
    else if (value === "") continue;
    else if (name.startsWith(FIELD.category)) fields.category[name.slice(FIELD.category.length)] = value;
    else if (name.startsWith(FIELD.position)) fields.position[name.slice(FIELD.position.length)] = value;
  }
  if (activityKey === null) return null;
  const parsed = postSchema.safeParse({ activityKey, revision: revision ?? "0", fields });
  return parsed.success ? parsed.data : null;
}

export type AnswerReading = { ok: true; answer: ActivityAnswer } | { ok: false; error: MessageKey };

/** The answer the fields give for this definition, in the definition's order, or what is missing. */
export function answerFromFields(definition: ActivityDefinition, fields: ActivityFields): AnswerReading {
  const refuse = (error: MessageKey): AnswerReading => ({ ok: false, error });
  const fits = (answer: ActivityAnswer): AnswerReading =>
    fitAnswer(definition, answer) ? { ok: true, answer } : refuse("activity.error.invalid");
  switch (definition.kind) {
    case "choice": {
      if (fields.option.length === 0)
        return refuse(definition.multiple ? "activity.error.chooseSome" : "activity.error.chooseOne");
      const selected = definition.options.map((option) => option.key).filter((key) => fields.option.includes(key));
      return selected.length === fields.option.length ? fits({ kind: "choice", selected }) : refuse("activity.error.invalid");
    }
    case "spot": {
      const marked = definition.sentences.map((sentence) => sentence.key).filter((key) => fields.sentence.includes(key));
      return marked.length === fields.sentence.length ? fits({ kind: "spot", marked }) : refuse("activity.error.invalid");
    }
    case "sort": {
      if (definition.items.some((item) => !fields.category[item.key])) return refuse("activity.error.sortAll");
      return fits({
        kind: "sort",
        placements: Object.fromEntries(definition.items.map((item) => [item.key, fields.category[item.key] ?? ""])),
      });
    }
    case "order": {
      const positions = definition.steps.map((step) => Number(fields.position[step]));
      const expected = definition.steps.map((_, index) => index + 1);
      if (![...positions].sort((a, b) => a - b).every((position, index) => position === expected[index]))
        return refuse("activity.error.orderEach");
      const order = definition.steps
        .map((step, index) => ({ step, position: positions[index]! }))
        .sort((a, b) => a.position - b.position);
      return fits({ kind: "order", order: order.map((entry) => entry.step) });
    }
  }
}

/** A saved answer as the fields that show it. */
export function fieldsOfAnswer(answer: ActivityAnswer): ActivityFields {
  const fields = emptyFields();
  if (answer.kind === "choice") fields.option = answer.selected;
  if (answer.kind === "spot") fields.sentence = answer.marked;
  if (answer.kind === "sort") fields.category = answer.placements;
  if (answer.kind === "order") fields.position = Object.fromEntries(answer.order.map((step, index) => [step, String(index + 1)]));
  return fields;
}
