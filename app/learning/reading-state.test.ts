import { describe, expect, it } from "vitest";
import { readingStateFromRows, type ReadingRow } from "./reading-state.ts";

const course = { courseId: "c1", sourceLocale: "es", currentVersionId: "v1" };
const noAnswer = { activityKey: null, answer: null, revision: null };

describe("readingStateFromRows", () => {
  it("is null for an unknown course", () => {
    expect(readingStateFromRows([])).toBeNull();
  });

  it("has no enrolment when the learner is not enrolled", () => {
    const rows: ReadingRow[] = [{ ...course, enrollmentId: null, lastPosition: null, lessonKey: null, ...noAnswer }];
    expect(readingStateFromRows(rows)).toEqual({
      course: { id: "c1", sourceLocale: "es", currentVersionId: "v1" },
      enrollment: null,
      completedLessonKeys: [],
      answers: [],
    });
  });

  it("collects the completed lessons of the enrolment, one per row", () => {
    const rows: ReadingRow[] = [
      { ...course, enrollmentId: "e1", lastPosition: "two", lessonKey: "one", ...noAnswer },
      { ...course, enrollmentId: "e1", lastPosition: "two", lessonKey: "two", ...noAnswer },
    ];
    expect(readingStateFromRows(rows)).toMatchObject({
      enrollment: { id: "e1", lastPosition: "two" },
      completedLessonKeys: ["one", "two"],
      answers: [],
    });
  });

  it("has an enrolment with nothing completed yet", () => {
    const rows: ReadingRow[] = [{ ...course, enrollmentId: "e1", lastPosition: null, lessonKey: null, ...noAnswer }];
    expect(readingStateFromRows(rows)).toMatchObject({ enrollment: { id: "e1", lastPosition: null }, completedLessonKeys: [] });
  });

  it("collects the saved answers, whatever order the rows come in, apart from the completed lessons", () => {
    const enrolled = { ...course, enrollmentId: "e1", lastPosition: "one" };
    const rows: ReadingRow[] = [
      { ...enrolled, lessonKey: null, activityKey: "a1", answer: '{"choice":"x"}', revision: 2n },
      { ...enrolled, lessonKey: "one", ...noAnswer },
      { ...enrolled, lessonKey: null, activityKey: "a2", answer: '{"choice":"y"}', revision: 1 },
    ];
    expect(readingStateFromRows(rows)).toEqual({
      course: { id: "c1", sourceLocale: "es", currentVersionId: "v1" },
      enrollment: { id: "e1", lastPosition: "one" },
      completedLessonKeys: ["one"],
      answers: [
        { activityKey: "a1", answer: '{"choice":"x"}', revision: 2 },
        { activityKey: "a2", answer: '{"choice":"y"}', revision: 1 },
      ],
    });
  });
});
