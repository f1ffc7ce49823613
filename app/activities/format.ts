/**
 * The practice-activity file format (docs/course-format.md, "activities.yaml"): zod schemas,
 * and the two halves the importer stores per version: the language-neutral definition (keys,
 * structure and answers) and the texts of one language. Unknown fields are errors.
 */
import { z } from "zod";
import type { Locale } from "~/i18n/locales.ts";
import { KEY_PATTERN, localizedText } from "~/courses/format.ts";

const key = z.string().regex(KEY_PATTERN, "must be lowercase kebab-case (a-z, 0-9, -)");

export const ACTIVITY_KINDS = ["choice", "spot", "sort", "order"] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];

const choiceActivity = z.strictObject({
  key,
  kind: z.literal("choice"),
  prompt: localizedText,
  multiple: z.boolean().default(false),
  options: z
    .array(z.strictObject({ key, correct: z.boolean(), text: localizedText, feedback: localizedText }))
    .min(2, "a choice needs 2 to 6 options")
    .max(6, "a choice needs 2 to 6 options"),
  explanation: localizedText,
});

const spotActivity = z.strictObject({
  key,
  kind: z.literal("spot"),
  prompt: localizedText,
  sentences: z
    .array(z.strictObject({ key, problem: z.boolean(), text: localizedText, feedback: localizedText }))
    .min(3, "a passage needs 3 to 12 sentences")
    .max(12, "a passage needs 3 to 12 sentences"),
  explanation: localizedText,
});

const sortActivity = z.strictObject({
  key,
  kind: z.literal("sort"),
  prompt: localizedText,
  categories: z
    .array(z.strictObject({ key, text: localizedText }))
    .min(2, "sort needs 2 to 5 categories")
    .max(5, "sort needs 2 to 5 categories"),
  items: z
    .array(z.strictObject({ key, category: key, text: localizedText, feedback: localizedText }))
    .min(3, "sort needs 3 to 10 items")
    .max(10, "sort needs 3 to 10 items"),
  explanation: localizedText,
});

const orderActivity = z.strictObject({
  key,
  kind: z.literal("order"),
  prompt: localizedText,
  steps: z
    .array(z.strictObject({ key, text: localizedText }))
    .min(3, "order needs 3 to 8 steps")
    .max(8, "order needs 3 to 8 steps"),
  explanation: localizedText,
});

export const activitySchema = z.discriminatedUnion("kind", [choiceActivity, spotActivity, sortActivity, orderActivity], {
  error: (issue) => (issue.code === "invalid_union" ? `unknown kind: use one of ${ACTIVITY_KINDS.join(", ")}` : undefined),
});
export type ActivityFile = z.infer<typeof activitySchema>;

export const activitiesFileSchema = z.strictObject({ activities: z.array(activitySchema).min(1) });
export type ActivitiesFile = z.infer<typeof activitiesFileSchema>;

/** What checking needs, in no language: the keys, the structure and the answers. Stored per version. */
export const activityDefinitionSchema = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("choice"),
    multiple: z.boolean(),
    options: z.array(z.object({ key: z.string(), correct: z.boolean() })),
  }),
  z.object({ kind: z.literal("spot"), sentences: z.array(z.object({ key: z.string(), problem: z.boolean() })) }),
  z.object({
    kind: z.literal("sort"),
    categories: z.array(z.string()),
    items: z.array(z.object({ key: z.string(), category: z.string() })),
  }),
  z.object({ kind: z.literal("order"), steps: z.array(z.string()) }),
]);
export type ActivityDefinition = z.infer<typeof activityDefinitionSchema>;

/** One language's texts: the prompt, the explanation, and per part (option, sentence, item, step) its text and feedback. */
export const activityTextsSchema = z.object({
  prompt: z.string(),
  explanation: z.string(),
  parts: z.record(z.string(), z.object({ text: z.string(), feedback: z.string().optional() })),
  categories: z.record(z.string(), z.string()).default({}),
});
export type ActivityTexts = z.infer<typeof activityTextsSchema>;

export function activityDefinition(activity: ActivityFile): ActivityDefinition {
  switch (activity.kind) {
    case "choice":
      return {
        kind: "choice",
        multiple: activity.multiple,
        options: activity.options.map(({ key: k, correct }) => ({ key: k, correct })),
      };
    case "spot":
      return { kind: "spot", sentences: activity.sentences.map(({ key: k, problem }) => ({ key: k, problem })) };
    case "sort":
      return {
        kind: "sort",
        categories: activity.categories.map((category) => category.key),
        items: activity.items.map(({ key: k, category }) => ({ key: k, category })),
      };
    case "order":
      return { kind: "order", steps: activity.steps.map((step) => step.key) };
  }
}

type Part = { key: string; text: Partial<Record<Locale, string>>; feedback?: Partial<Record<Locale, string>> };

/** The parts of an activity that carry texts, in file order. */
export function activityParts(activity: ActivityFile): Part[] {
  switch (activity.kind) {
    case "choice":
      return activity.options;
    case "spot":
      return activity.sentences;
    case "sort":
      return activity.items;
    case "order":
      return activity.steps;
  }
}

export function activityTexts(activity: ActivityFile, locale: Locale): ActivityTexts {
  return {
    prompt: activity.prompt[locale] ?? "",
    explanation: activity.explanation[locale] ?? "",
    parts: Object.fromEntries(
      activityParts(activity).map((part) => [
        part.key,
        part.feedback
          ? { text: part.text[locale] ?? "", feedback: part.feedback[locale] ?? "" }
          : { text: part.text[locale] ?? "" },
      ]),
    ),
    categories:
      activity.kind === "sort"
        ? Object.fromEntries(activity.categories.map((category) => [category.key, category.text[locale] ?? ""]))
        : {},
  };
}
