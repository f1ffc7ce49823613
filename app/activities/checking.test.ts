import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkAnswer, fitAnswer, shownOrder, verdictScore } from "./checking.ts";
import type { ActivityDefinition } from "./format.ts";

const single: ActivityDefinition = {
  kind: "choice",
  multiple: false,
  options: [
    { key: "a", correct: false },
    { key: "b", correct: true },
    { key: "c", correct: false },
  ],
};
const multiple: ActivityDefinition = {
  kind: "choice",
  multiple: true,
  options: [
    { key: "a", correct: true },
    { key: "b", correct: true },
    { key: "c", correct: false },
  ],
};
const spot: ActivityDefinition = {
  kind: "spot",
  sentences: [
    { key: "greeting", problem: false },
    { key: "invented", problem: true },
    { key: "fine", problem: false },
    { key: "risky", problem: true },
  ],
};
const sort: ActivityDefinition = {
  kind: "sort",
  categories: ["high", "minimal"],
  items: [
    { key: "benefits", category: "high" },
    { key: "spam", category: "minimal" },
    { key: "hiring", category: "high" },
  ],
};
const order: ActivityDefinition = { kind: "order", steps: ["stop", "record", "report", "fix"] };

describe("choice", () => {
  it("is right when the selected set equals the correct set, and marks each option", () => {
    expect(checkAnswer(single, { kind: "choice", selected: ["b"] })).toMatchObject({ correct: true });
    expect(checkAnswer(single, { kind: "choice", selected: ["a"] })).toEqual({
      kind: "choice",
      correct: false,
      options: [
        { key: "a", selected: true, correct: false },
        { key: "b", selected: false, correct: true },
        { key: "c", selected: false, correct: false },
      ],
    });
    expect(checkAnswer(multiple, { kind: "choice", selected: ["b", "a"] })).toMatchObject({ correct: true });
    expect(checkAnswer(multiple, { kind: "choice", selected: ["a"] })).toMatchObject({ correct: false });
    expect(checkAnswer(multiple, { kind: "choice", selected: ["a", "b", "c"] })).toMatchObject({ correct: false });
  });

  it("refuses no selection, two selections of a single choice and unknown options", () => {
    expect(checkAnswer(single, { kind: "choice", selected: [] })).toBeNull();
    expect(checkAnswer(single, { kind: "choice", selected: ["a", "b"] })).toBeNull();
    expect(checkAnswer(multiple, { kind: "choice", selected: ["a", "z"] })).toBeNull();
    expect(checkAnswer(multiple, { kind: "choice", selected: ["a", "a"] })).toBeNull();
  });
});

describe("spot the problem", () => {
  it("is right when the marked sentences are exactly the problems", () => {
    expect(checkAnswer(spot, { kind: "spot", marked: ["risky", "invented"] })).toMatchObject({
      correct: true,
      missed: [],
      wronglyMarked: [],
    });
  });

  it("says which problems were missed and which fine sentences were marked", () => {
    expect(checkAnswer(spot, { kind: "spot", marked: ["invented", "greeting"] })).toMatchObject({
      correct: false,
      missed: ["risky"],
      wronglyMarked: ["greeting"],
    });
    expect(checkAnswer(spot, { kind: "spot", marked: [] })).toMatchObject({
      correct: false,
      missed: ["invented", "risky"],
      wronglyMarked: [],
    });
  });

  it("refuses a sentence that is not in the passage", () => {
    expect(checkAnswer(spot, { kind: "spot", marked: ["nope"] })).toBeNull();
  });
});

describe("sort", () => {
  it("gives a verdict per item", () => {
    const verdict = checkAnswer(sort, { kind: "sort", placements: { benefits: "high", spam: "high", hiring: "high" } });
    expect(verdict).toEqual({
      kind: "sort",
      correct: false,
      items: [
        { key: "benefits", chosen: "high", expected: "high", right: true },
        { key: "spam", chosen: "high", expected: "minimal", right: false },
        { key: "hiring", chosen: "high", expected: "high", right: true },
      ],
    });
    expect(checkAnswer(sort, { kind: "sort", placements: { benefits: "high", spam: "minimal", hiring: "high" } })).toMatchObject({
      correct: true,
    });
  });

  it("refuses an item left out, an unknown item or an unknown category", () => {
    expect(checkAnswer(sort, { kind: "sort", placements: { benefits: "high", spam: "minimal" } })).toBeNull();
    expect(
      checkAnswer(sort, { kind: "sort", placements: { benefits: "high", spam: "minimal", hiring: "high", extra: "high" } }),
    ).toBeNull();
    expect(checkAnswer(sort, { kind: "sort", placements: { benefits: "high", spam: "limited", hiring: "high" } })).toBeNull();
  });
});

describe("order", () => {
  it("gives a verdict per position", () => {
    expect(checkAnswer(order, { kind: "order", order: ["stop", "record", "report", "fix"] })).toMatchObject({ correct: true });
    expect(checkAnswer(order, { kind: "order", order: ["record", "stop", "report", "fix"] })).toEqual({
      kind: "order",
      correct: false,
      positions: [
        { step: "record", expected: "stop", right: false },
        { step: "stop", expected: "record", right: false },
        { step: "report", expected: "report", right: true },
        { step: "fix", expected: "fix", right: true },
      ],
    });
  });

  it("refuses a step twice or a step missing", () => {
    expect(checkAnswer(order, { kind: "order", order: ["stop", "stop", "report", "fix"] })).toBeNull();
    expect(checkAnswer(order, { kind: "order", order: ["stop", "record", "report"] })).toBeNull();
  });

  it("shows the steps shuffled, the same way every time, with none where it belongs", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z]{1,12}$/), fc.integer({ min: 3, max: 8 }), (key, count) => {
        const steps = Array.from({ length: count }, (_, index) => `step-${index}`);
        const shown = shownOrder(key, steps);
        expect(shown).toEqual(shownOrder(key, steps));
        expect([...shown].sort()).toEqual([...steps].sort());
        expect(shown.some((step, index) => step === steps[index])).toBe(false);
      }),
    );
  });
});

describe("answers and definitions", () => {
  it("does not check an answer of another kind (an activity whose kind changed in a new version)", () => {
    expect(fitAnswer(order, { kind: "choice", selected: ["stop"] })).toBeNull();
    expect(checkAnswer(single, { kind: "spot", marked: [] })).toBeNull();
  });

  it("counts the right parts for the announcement", () => {
    expect(verdictScore(checkAnswer(spot, { kind: "spot", marked: ["invented", "greeting"] })!)).toEqual({ right: 2, total: 4 });
    expect(verdictScore(checkAnswer(order, { kind: "order", order: ["record", "stop", "report", "fix"] })!)).toEqual({
      right: 2,
      total: 4,
    });
  });
});
