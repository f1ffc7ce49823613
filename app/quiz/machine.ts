/**
 * One quiz attempt: ready → answering (one question at a time) → reviewing → submitted →
 * passed | failed, with time-up. No I/O: the server feeds it events, persists its snapshot
 * and grades; the browser runs the same machine for instant navigation (without answer keys).
 */
import { assign, setup } from "xstate";

export interface AttemptQuestion {
  /** The question's stable key. */
  key: string;
  /** Option keys in the order this attempt shows them. */
  options: string[];
  multiple: boolean;
}

export interface QuizInput {
  questions: AttemptQuestion[];
  mode: "exam" | "practice";
}

export interface QuizContext extends QuizInput {
  current: number;
  answers: Record<string, string[]>;
  /** Practice mode: questions whose answer is locked (their feedback may be shown). */
  locked: string[];
  score: number | null;
}

export type QuizEvent =
  | { type: "START" }
  | { type: "ANSWER"; questionKey: string; options: string[] }
  | { type: "NEXT" }
  | { type: "PREVIOUS" }
  | { type: "GO_TO"; index: number }
  | { type: "LOCK" }
  | { type: "REVIEW" }
  | { type: "EDIT"; index: number }
  | { type: "SUBMIT" }
  | { type: "TIME_UP" }
  | { type: "GRADED"; score: number; passed: boolean };

function validAnswer(context: QuizContext, event: { questionKey: string; options: string[] }): boolean {
  const question = context.questions[context.current];
  if (!question || question.key !== event.questionKey || context.locked.includes(question.key)) return false;
  const unique = new Set(event.options);
  if (unique.size !== event.options.length || event.options.some((option) => !question.options.includes(option))) return false;
  return question.multiple ? event.options.length >= 1 : event.options.length === 1;
}

export const quizMachine = setup({
  types: {
    context: {} as QuizContext,
    events: {} as QuizEvent,
    input: {} as QuizInput,
  },
  guards: {
    validAnswer: ({ context, event }) => event.type === "ANSWER" && validAnswer(context, event),
    hasNext: ({ context }) => context.current < context.questions.length - 1,
    hasPrevious: ({ context }) => context.current > 0,
    validIndex: ({ context, event }) =>
      (event.type === "GO_TO" || event.type === "EDIT") &&
      Number.isInteger(event.index) &&
      event.index >= 0 &&
      event.index < context.questions.length,
    canLock: ({ context }) => {
      const question = context.questions[context.current];
      return (
        context.mode === "practice" &&
        !!question &&
        (context.answers[question.key]?.length ?? 0) > 0 &&
        !context.locked.includes(question.key)
      );
    },
    passed: ({ event }) => event.type === "GRADED" && event.passed,
  },
  actions: {
    recordAnswer: assign({
      answers: ({ context, event }) =>
        event.type === "ANSWER" ? { ...context.answers, [event.questionKey]: event.options } : context.answers,
    }),
    goNext: assign({ current: ({ context }) => context.current + 1 }),
    goPrevious: assign({ current: ({ context }) => context.current - 1 }),
    goTo: assign({
      current: ({ context, event }) => (event.type === "GO_TO" || event.type === "EDIT" ? event.index : context.current),
    }),
    lockCurrent: assign({ locked: ({ context }) => [...context.locked, context.questions[context.current]?.key ?? ""] }),
    recordScore: assign({ score: ({ context, event }) => (event.type === "GRADED" ? event.score : context.score) }),
  },
}).createMachine({
  id: "quizAttempt",
  context: ({ input }) => ({ ...input, current: 0, answers: {}, locked: [], score: null }),
  initial: "ready",
  states: {
    ready: {
      on: { START: "answering", TIME_UP: "submitted" },
    },
    answering: {
      on: {
        ANSWER: { guard: "validAnswer", actions: "recordAnswer" },
        NEXT: { guard: "hasNext", actions: "goNext" },
        PREVIOUS: { guard: "hasPrevious", actions: "goPrevious" },
        GO_TO: { guard: "validIndex", actions: "goTo" },
        LOCK: { guard: "canLock", actions: "lockCurrent" },
        REVIEW: "reviewing",
        TIME_UP: "submitted",
      },
    },
    reviewing: {
      on: {
        EDIT: { guard: "validIndex", target: "answering", actions: "goTo" },
        SUBMIT: "submitted",
        TIME_UP: "submitted",
      },
    },
    submitted: {
      on: {
        GRADED: [
          { guard: "passed", target: "passed", actions: "recordScore" },
          { target: "failed", actions: "recordScore" },
        ],
      },
    },
    passed: { type: "final" },
    failed: { type: "final" },
  },
});

export type QuizState = "ready" | "answering" | "reviewing" | "submitted" | "passed" | "failed";
