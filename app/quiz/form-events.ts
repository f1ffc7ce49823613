/**
 * One quiz form post (or one click, with JavaScript) becomes a short batch of machine events:
 * the answer chosen on the page, if any, then what the button asked for.
 */
import { z } from "zod";
import { MAX_OPTIONS } from "~/courses/format.ts";
import type { FormLimits } from "~/forms/limits.ts";
import { parseForm, type FormEntries } from "~/forms/parse-form.ts";
import type { QuizEvent } from "./machine.ts";

export const quizIntents = ["next", "previous", "goto", "lock", "review", "edit", "submit"] as const;

export const quizPostSchema = z.object({
  step: z.coerce.number().int().min(0),
  intent: z.enum(quizIntents),
  questionKey: z.string().max(100).optional(),
  index: z.coerce.number().int().min(0).max(1000).optional(),
});
export type QuizPost = z.infer<typeof quizPostSchema>;

export function eventsForPost(post: QuizPost, options: string[]): QuizEvent[] | null {
  const answer: QuizEvent[] =
    post.questionKey && options.length > 0 ? [{ type: "ANSWER", questionKey: post.questionKey, options }] : [];
  switch (post.intent) {
    case "next":
      return [...answer, { type: "NEXT" }];
    case "previous":
      return [...answer, { type: "PREVIOUS" }];
    case "lock":
      return [...answer, { type: "LOCK" }];
    case "review":
      return [...answer, { type: "REVIEW" }];
    case "goto":
      return post.index === undefined ? null : [...answer, { type: "GO_TO", index: post.index }];
    case "edit":
      return post.index === undefined ? null : [{ type: "EDIT", index: post.index }];
    case "submit":
      return [{ type: "SUBMIT" }];
  }
}

/**
 * The form as posted: every checked option, and the button's intent, which carries the index
 * of the question it targets in its value ("edit:3").
 */
const quizFormSchema = quizPostSchema.extend({
  intent: z.string().max(20),
  option: z.array(z.string().max(100)).max(MAX_OPTIONS),
});

/** step, intent, questionKey and the options of one question, sent as a page form or by the script. */
export const quizFormLimits: FormLimits = { maxFields: 4 + MAX_OPTIONS, maxBytes: 8 * 1024 };

/** Reads a quiz post from a posted form (on the server) or the page's FormData (in the browser). */
export function readQuizPost(form: FormEntries): { post: QuizPost; events: QuizEvent[] } | null {
  const read = parseForm(quizFormSchema, form);
  if (!read.ok) return null;
  const { option: options, ...fields } = read.data;
  const targeted = fields.intent.match(/^(edit|goto):(\d+)$/);
  const parsed = quizPostSchema.safeParse(targeted ? { ...fields, intent: targeted[1], index: targeted[2] } : fields);
  if (!parsed.success) return null;
  const events = eventsForPost(parsed.data, options);
  return events ? { post: parsed.data, events } : null;
}
