/**
 * One quiz form post (or one click, with JavaScript) becomes a short batch of machine events:
 * the answer chosen on the page, if any, then what the button asked for.
 */
import { z } from "zod";
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

/** Reads a quiz post from form data: the fields, and every checked option. */
export function readQuizPost(formData: FormData): { post: QuizPost; events: QuizEvent[] } | null {
  const raw: Record<string, string> = Object.fromEntries(
    [...formData.entries()].filter((entry): entry is [string, string] => entry[0] !== "option" && typeof entry[1] === "string"),
  );
  // A button that targets one question carries its index in its value ("edit:3").
  const targeted = raw.intent?.match(/^(edit|goto):(\d+)$/);
  if (targeted) Object.assign(raw, { intent: targeted[1], index: targeted[2] });
  const parsed = quizPostSchema.safeParse(raw);
  if (!parsed.success) return null;
  const options = formData.getAll("option").filter((value): value is string => typeof value === "string");
  const events = eventsForPost(parsed.data, options);
  return events ? { post: parsed.data, events } : null;
}
