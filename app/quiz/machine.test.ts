import { getShortestPaths } from "@xstate/graph";
import { describe, expect, it } from "vitest";
import { createActor, getNextSnapshot, type SnapshotFrom } from "xstate";
import { quizMachine, type QuizEvent, type QuizInput } from "./machine.ts";

const input: QuizInput = {
  mode: "exam",
  questions: [
    { key: "q1", options: ["a", "b", "c"], multiple: false },
    { key: "q2", options: ["x", "y", "z"], multiple: true },
  ],
};

function start(overrides: Partial<QuizInput> = {}) {
  const actor = createActor(quizMachine, { input: { ...input, ...overrides } });
  actor.start();
  return actor;
}

function after(events: QuizEvent[], overrides: Partial<QuizInput> = {}): SnapshotFrom<typeof quizMachine> {
  const actor = start(overrides);
  for (const event of events) actor.send(event);
  return actor.getSnapshot();
}

describe("quiz attempt machine", () => {
  it("starts ready and moves to answering on START", () => {
    expect(after([]).value).toBe("ready");
    expect(after([{ type: "START" }]).value).toBe("answering");
  });

  it("records a valid single-choice answer and moves between questions", () => {
    const snapshot = after([{ type: "START" }, { type: "ANSWER", questionKey: "q1", options: ["b"] }, { type: "NEXT" }]);
    expect(snapshot.context.answers).toEqual({ q1: ["b"] });
    expect(snapshot.context.current).toBe(1);
    expect(after([{ type: "START" }, { type: "NEXT" }, { type: "PREVIOUS" }]).context.current).toBe(0);
  });

  it("lets the learner change an answer", () => {
    const snapshot = after([
      { type: "START" },
      { type: "ANSWER", questionKey: "q1", options: ["b"] },
      { type: "ANSWER", questionKey: "q1", options: ["c"] },
    ]);
    expect(snapshot.context.answers.q1).toEqual(["c"]);
  });

  it("accepts several options only for multiple-choice questions", () => {
    const started = after([{ type: "START" }]);
    expect(started.can({ type: "ANSWER", questionKey: "q1", options: ["a", "b"] })).toBe(false);
    const second = after([{ type: "START" }, { type: "NEXT" }]);
    expect(second.can({ type: "ANSWER", questionKey: "q2", options: ["x", "z"] })).toBe(true);
  });

  it("refuses answers for another question, unknown or repeated options, or none", () => {
    const snapshot = after([{ type: "START" }]);
    expect(snapshot.can({ type: "ANSWER", questionKey: "q2", options: ["x"] })).toBe(false);
    expect(snapshot.can({ type: "ANSWER", questionKey: "q1", options: ["nope"] })).toBe(false);
    expect(snapshot.can({ type: "ANSWER", questionKey: "q1", options: [] })).toBe(false);
    const second = after([{ type: "START" }, { type: "NEXT" }]);
    expect(second.can({ type: "ANSWER", questionKey: "q2", options: ["x", "x"] })).toBe(false);
  });

  it("does not go before the first or past the last question, nor to an invalid index", () => {
    const first = after([{ type: "START" }]);
    expect(first.can({ type: "PREVIOUS" })).toBe(false);
    expect(after([{ type: "START" }, { type: "NEXT" }]).can({ type: "NEXT" })).toBe(false);
    expect(first.can({ type: "GO_TO", index: 2 })).toBe(false);
    expect(first.can({ type: "GO_TO", index: -1 })).toBe(false);
    expect(first.can({ type: "GO_TO", index: 1 })).toBe(true);
  });

  it("reviews, goes back to edit a question, and submits only from review", () => {
    const reviewing = after([{ type: "START" }, { type: "REVIEW" }]);
    expect(reviewing.value).toBe("reviewing");
    expect(after([{ type: "START" }]).can({ type: "SUBMIT" })).toBe(false);
    const editing = after([{ type: "START" }, { type: "REVIEW" }, { type: "EDIT", index: 1 }]);
    expect(editing.value).toBe("answering");
    expect(editing.context.current).toBe(1);
    expect(after([{ type: "START" }, { type: "REVIEW" }, { type: "SUBMIT" }]).value).toBe("submitted");
  });

  it("ends in passed or failed only through grading, with the score", () => {
    const submitted = [{ type: "START" }, { type: "REVIEW" }, { type: "SUBMIT" }] as QuizEvent[];
    const passed = after([...submitted, { type: "GRADED", score: 90, passed: true }]);
    expect(passed.value).toBe("passed");
    expect(passed.context.score).toBe(90);
    expect(passed.status).toBe("done");
    expect(after([...submitted, { type: "GRADED", score: 10, passed: false }]).value).toBe("failed");
    expect(after([{ type: "START" }]).can({ type: "GRADED", score: 100, passed: true })).toBe(false);
  });

  it("goes to submitted when time is up, from any unsubmitted state", () => {
    expect(after([{ type: "TIME_UP" }]).value).toBe("submitted");
    expect(after([{ type: "START" }, { type: "TIME_UP" }]).value).toBe("submitted");
    expect(after([{ type: "START" }, { type: "REVIEW" }, { type: "TIME_UP" }]).value).toBe("submitted");
  });

  it("never changes after it is submitted", () => {
    const submitted = after([{ type: "START" }, { type: "REVIEW" }, { type: "SUBMIT" }]);
    for (const event of [
      { type: "ANSWER", questionKey: "q1", options: ["a"] },
      { type: "NEXT" },
      { type: "EDIT", index: 0 },
      { type: "SUBMIT" },
      { type: "TIME_UP" },
      { type: "START" },
    ] as QuizEvent[]) {
      expect(submitted.can(event)).toBe(false);
    }
    const passed = after([
      { type: "START" },
      { type: "REVIEW" },
      { type: "SUBMIT" },
      { type: "GRADED", score: 100, passed: true },
    ]);
    expect(passed.can({ type: "GRADED", score: 0, passed: false })).toBe(false);
  });

  it("locks answers only in practice mode, and a locked answer cannot change", () => {
    const exam = after([{ type: "START" }, { type: "ANSWER", questionKey: "q1", options: ["a"] }]);
    expect(exam.can({ type: "LOCK" })).toBe(false);
    const practice = after([{ type: "START" }, { type: "ANSWER", questionKey: "q1", options: ["a"] }, { type: "LOCK" }], {
      mode: "practice",
    });
    expect(practice.context.locked).toEqual(["q1"]);
    expect(practice.can({ type: "ANSWER", questionKey: "q1", options: ["b"] })).toBe(false);
    expect(practice.can({ type: "LOCK" })).toBe(false);
    expect(after([{ type: "START" }], { mode: "practice" }).can({ type: "LOCK" })).toBe(false);
  });

  it("restores from a persisted snapshot and continues", () => {
    const actor = start();
    actor.send({ type: "START" });
    actor.send({ type: "ANSWER", questionKey: "q1", options: ["a"] });
    const persisted = JSON.parse(JSON.stringify(actor.getPersistedSnapshot()));
    const restored = createActor(quizMachine, { input, snapshot: persisted });
    restored.start();
    restored.send({ type: "NEXT" });
    expect(restored.getSnapshot().context).toMatchObject({ current: 1, answers: { q1: ["a"] } });
  });

  it("computes the same next state as getNextSnapshot (pure transitions)", () => {
    const actor = start();
    const next = getNextSnapshot(quizMachine, actor.getSnapshot(), { type: "START" });
    expect(next.value).toBe("answering");
  });
});

describe("quiz attempt machine, model-based", () => {
  const events: QuizEvent[] = [
    { type: "START" },
    { type: "ANSWER", questionKey: "q1", options: ["a"] },
    { type: "NEXT" },
    { type: "PREVIOUS" },
    { type: "LOCK" },
    { type: "REVIEW" },
    { type: "EDIT", index: 0 },
    { type: "SUBMIT" },
    { type: "TIME_UP" },
    { type: "GRADED", score: 100, passed: true },
    { type: "GRADED", score: 0, passed: false },
  ];
  const paths = getShortestPaths(quizMachine, {
    input: { ...input, mode: "practice" },
    events,
    serializeState: (snapshot) => JSON.stringify({ value: snapshot.value, context: snapshot.context }),
  });

  it("reaches every state of the machine", () => {
    const reached = new Set(paths.map((path) => String(path.state.value)));
    expect([...reached].sort()).toEqual(["answering", "failed", "passed", "ready", "reviewing", "submitted"]);
  });

  for (const path of paths.filter((candidate) => candidate.state.status === "done")) {
    const steps = path.steps.filter((step) => !step.event.type.startsWith("xstate."));
    it(`replaying ${steps.map((step) => step.event.type).join(" → ")} ends in ${String(path.state.value)}`, () => {
      const actor = start({ mode: "practice" });
      for (const step of steps) {
        const before = actor.getSnapshot();
        expect(before.can(step.event)).toBe(true);
        actor.send(step.event);
      }
      expect(actor.getSnapshot().value).toBe(path.state.value);
      // A finished attempt accepts nothing more.
      for (const event of events) expect(actor.getSnapshot().can(event)).toBe(false);
    });
  }
});
