import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { binOf, flagsOf, itemAnalysis, type AnswerGroup, type ChoiceGroup } from "./item-analysis.ts";
import { answerCounts, isFirstAttempt, questionAnswerRows } from "./question-answers.ts";

/** One first attempt: which drawn questions were right, and what was chosen. */
interface Attempt {
  answers: Array<{ question: string; correct: boolean; chosen: string[] }>;
}

function groupsOf(attempts: readonly Attempt[]): { answers: AnswerGroup[]; choices: ChoiceGroup[] } {
  const answers: AnswerGroup[] = [];
  const choices: ChoiceGroup[] = [];
  for (const attempt of attempts) {
    const attemptCorrect = attempt.answers.filter((answer) => answer.correct).length;
    for (const answer of attempt.answers) {
      answers.push({
        questionId: answer.question,
        correct: answer.correct,
        attemptCorrect,
        attemptTotal: attempt.answers.length,
        count: 1,
      });
      choices.push({ questionId: answer.question, chosen: JSON.stringify(answer.chosen), count: 1 });
    }
  }
  return { answers, choices };
}

/** The textbook Pearson correlation, written out, for comparison. */
function naivePearson(xs: number[], ys: number[]): number | null {
  const n = xs.length;
  const meanX = xs.reduce((a, b) => a + b, 0) / n;
  const meanY = ys.reduce((a, b) => a + b, 0) / n;
  let cov = 0;
  let varX = 0;
  let varY = 0;
  for (let i = 0; i < n; i += 1) {
    cov += (xs[i]! - meanX) * (ys[i]! - meanY);
    varX += (xs[i]! - meanX) ** 2;
    varY += (ys[i]! - meanY) ** 2;
  }
  if (varX === 0 || varY < 1e-12) return null;
  return cov / Math.sqrt(varX * varY);
}

const right = (question: string, chosen = ["a"]) => ({ question, correct: true, chosen });
const wrong = (question: string, chosen = ["b"]) => ({ question, correct: false, chosen });

describe("item analysis", () => {
  it("computes facility, discrimination and option counts of a small quiz as by hand", () => {
    // Five learners, questions q1 and q2 of a two-question quiz; the rest score of q1 is q2's 0/1.
    const attempts: Attempt[] = [
      { answers: [right("q1"), right("q2")] },
      { answers: [right("q1"), right("q2")] },
      { answers: [right("q1"), wrong("q2")] },
      { answers: [wrong("q1"), wrong("q2", [])] },
      { answers: [wrong("q1", ["a", "c"]), right("q2")] },
    ];
    const { answers, choices } = groupsOf(attempts);
    const result = itemAnalysis(answers, choices);
    expect(result.learners).toBe(5);
    expect(result.enoughData).toBe(true);
    const q1 = result.questions.get("q1")!;
    expect(q1.seen).toBe(5);
    expect(q1.facility).toBeCloseTo(3 / 5);
    // x = 1,1,1,0,0 and rest = 1,1,0,0,1: Σx=3, Σr=3, Σxr=2, n=5 → (5·2 − 9)/√((15−9)(15−9)) = 1/6.
    expect(q1.discrimination).toBeCloseTo(1 / 6);
    expect(q1.options).toEqual({ a: 4, b: 1, c: 1 });
    expect(q1.none).toBe(0);
    const q2 = result.questions.get("q2")!;
    expect(q2.options).toEqual({ a: 3, b: 1 });
    expect(q2.none).toBe(1);
    // Scores 100, 100, 50, 0, 50.
    expect(result.histogram.map((bin) => bin.count)).toEqual([1, 0, 0, 0, 0, 2, 0, 0, 0, 2]);
  });

  it("gives not enough data under five learners, and hides the counts", () => {
    const attempts: Attempt[] = Array.from({ length: 4 }, () => ({ answers: [right("q1"), wrong("q2")] }));
    const { answers, choices } = groupsOf(attempts);
    const result = itemAnalysis(answers, choices);
    expect(result.enoughData).toBe(false);
    const q1 = result.questions.get("q1")!;
    expect(q1).toMatchObject({ seen: 4, enoughData: false, facility: null, discrimination: null, options: {}, flags: [] });
    expect(result.histogram.every((bin) => bin.count === 0)).toBe(true);
  });

  it("flags a question too easy, too hard, or with negative discrimination", () => {
    expect(flagsOf(0.95, 0.3)).toEqual(["easy"]);
    expect(flagsOf(0.1, 0.3)).toEqual(["hard"]);
    expect(flagsOf(0.5, -0.2)).toEqual(["negative"]);
    expect(flagsOf(0.9, null)).toEqual([]);
    expect(flagsOf(0.2, 0)).toEqual([]);
  });

  it("puts 100 in the last tenth", () => {
    expect([0, 9, 10, 99, 100].map(binOf)).toEqual([0, 0, 1, 9, 9]);
  });

  const attemptsArbitrary = fc.array(
    fc
      .subarray(["q1", "q2", "q3", "q4", "q5"], { minLength: 1 })
      .chain((drawn) =>
        fc.tuple(...drawn.map((question) => fc.boolean().map((correct) => (correct ? right(question) : wrong(question))))),
      )
      .map((answers) => ({ answers })),
    { minLength: 5, maxLength: 40 },
  );

  it("agrees with the textbook correlation of the question and the rest of each attempt, for any draw", () => {
    fc.assert(
      fc.property(attemptsArbitrary, (attempts) => {
        const { answers, choices } = groupsOf(attempts);
        const result = itemAnalysis(answers, choices);
        expect(result.learners).toBe(attempts.length);
        expect(result.histogram.reduce((sum, bin) => sum + bin.count, 0)).toBe(attempts.length);
        for (const [question, statistics] of result.questions) {
          const seenIn = attempts.filter((attempt) => attempt.answers.some((answer) => answer.question === question));
          expect(statistics.seen).toBe(seenIn.length);
          if (!statistics.enoughData) continue;
          const withOthers = seenIn.filter((attempt) => attempt.answers.length > 1);
          const xs = withOthers.map((attempt) =>
            attempt.answers.find((answer) => answer.question === question)!.correct ? 1 : 0,
          );
          const rests = withOthers.map((attempt) => {
            const others = attempt.answers.filter((answer) => answer.question !== question);
            return others.filter((answer) => answer.correct).length / others.length;
          });
          const expected = withOthers.length < 2 ? null : naivePearson(xs, rests);
          if (expected === null) expect(statistics.discrimination).toBeNull();
          else expect(statistics.discrimination).toBeCloseTo(expected, 9);
        }
      }),
    );
  });

  it("gives the same figures however the rows are grouped", () => {
    fc.assert(
      fc.property(attemptsArbitrary, (attempts) => {
        const { answers, choices } = groupsOf(attempts);
        const merged = new Map<string, AnswerGroup>();
        for (const group of answers) {
          const key = `${group.questionId}|${group.correct}|${group.attemptCorrect}|${group.attemptTotal}`;
          const entry = merged.get(key);
          if (entry) entry.count += 1;
          else merged.set(key, { ...group });
        }
        const one = itemAnalysis(answers, choices);
        const other = itemAnalysis([...merged.values()], choices);
        expect(other.learners).toBe(one.learners);
        expect(other.histogram).toEqual(one.histogram);
        for (const [question, statistics] of one.questions) {
          const again = other.questions.get(question)!;
          expect(again.facility).toEqual(statistics.facility);
          if (statistics.discrimination === null) expect(again.discrimination).toBeNull();
          else expect(again.discrimination).toBeCloseTo(statistics.discrimination, 9);
        }
      }),
    );
  });
});

describe("question answer rows", () => {
  it("counts attempt 1 of the first cycle as the first attempt, not a recertification's", () => {
    expect(isFirstAttempt(1, 1)).toBe(true);
    expect(isFirstAttempt(2, 1)).toBe(false);
    expect(isFirstAttempt(1, 2)).toBe(false);
  });

  it("writes one row per drawn question with the chosen options sorted", () => {
    const rows = questionAnswerRows(
      { id: "a1", versionId: "v1", number: 1, cycle: 1 },
      [{ key: "k1" }, { key: "k2" }],
      new Map([
        ["k1", "id1"],
        ["k2", "id2"],
      ]),
      { k1: ["c", "a"] },
      { correctByQuestion: { k1: true, k2: false }, correctCount: 1, total: 2 },
    );
    expect(rows).toEqual([
      {
        attemptId: "a1",
        questionId: "id1",
        versionId: "v1",
        correct: true,
        chosen: '["a","c"]',
        firstAttempt: true,
        attemptCorrect: 1,
        attemptTotal: 2,
      },
      {
        attemptId: "a1",
        questionId: "id2",
        versionId: "v1",
        correct: false,
        chosen: "[]",
        firstAttempt: true,
        attemptCorrect: 1,
        attemptTotal: 2,
      },
    ]);
  });

  it("counts first attempts only, by question, correctness and attempt figures, and by options chosen", () => {
    const row = {
      versionId: "v1",
      questionId: "q1",
      correct: true,
      chosen: '["a"]',
      firstAttempt: true,
      attemptCorrect: 1,
      attemptTotal: 2,
    };
    const counts = answerCounts([
      row,
      { ...row, questionId: "q2", correct: false, chosen: '["b"]' },
      row,
      { ...row, attemptCorrect: 2 },
      { ...row, firstAttempt: false },
      { ...row, versionId: "v2" },
    ]);
    const figures = { correct: true, attemptTotal: 2 };
    expect(counts.answers).toEqual([
      { versionId: "v1", questionId: "q1", ...figures, attemptCorrect: 1, count: 2 },
      { versionId: "v1", questionId: "q1", ...figures, attemptCorrect: 2, count: 1 },
      { versionId: "v1", questionId: "q2", correct: false, attemptCorrect: 1, attemptTotal: 2, count: 1 },
      { versionId: "v2", questionId: "q1", ...figures, attemptCorrect: 1, count: 1 },
    ]);
    expect(counts.choices).toEqual([
      { versionId: "v1", questionId: "q1", chosen: '["a"]', count: 3 },
      { versionId: "v1", questionId: "q2", chosen: '["b"]', count: 1 },
      { versionId: "v2", questionId: "q1", chosen: '["a"]', count: 1 },
    ]);
  });

  it("gives the groups in one order whatever the order of the rows (gradings lock count rows in it)", () => {
    const row = fc.record({
      versionId: fc.constantFrom("v1", "v2"),
      questionId: fc.constantFrom("q1", "q2", "q3", "q10"),
      correct: fc.boolean(),
      chosen: fc.constantFrom('["a"]', '["b"]', '["a","b"]'),
      firstAttempt: fc.constant(true),
      attemptCorrect: fc.integer({ min: 0, max: 3 }),
      attemptTotal: fc.constant(3),
    });
    fc.assert(
      fc.property(
        fc
          .array(row, { maxLength: 12 })
          .chain((rows) =>
            fc.tuple(fc.constant(rows), fc.shuffledSubarray(rows, { minLength: rows.length, maxLength: rows.length })),
          ),
        ([rows, shuffled]) => {
          expect(answerCounts(shuffled)).toEqual(answerCounts(rows));
        },
      ),
    );
  });
});
