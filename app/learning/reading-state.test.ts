import { describe, expect, it } from "vitest";
import { readingStateFromRows, type ReadingRow } from "./reading-state.ts";

const course = { courseId: "c1", sourceLocale: "es", currentVersionId: "v1" };

describe("readingStateFromRows", () => {
  it("is null for an unknown course", () => {
    expect(readingStateFromRows([])).toBeNull();
  });

  it("has no enrolment when the learner is not enrolled", () => {
    const rows: ReadingRow[] = [{ ...course, enrollmentId: null, lastPosition: null, lessonKey: null }];
    expect(readingStateFromRows(rows)).toEqual({
      course: { id: "c1", sourceLocale: "es", currentVersionId: "v1" },
      enrollment: null,
      completedLessonKeys: [],
    });
  });

  it("collects the completed lessons of the enrolment, one per row", () => {
    const rows: ReadingRow[] = [
      { ...course, enrollmentId: "e1", lastPosition: "two", lessonKey: "one" },
      { ...course, enrollmentId: "e1", lastPosition: "two", lessonKey: "two" },
    ];
    expect(readingStateFromRows(rows)).toMatchObject({
      enrollment: { id: "e1", lastPosition: "two" },
      completedLessonKeys: ["one", "two"],
    });
  });

  it("has an enrolment with nothing completed yet", () => {
    const rows: ReadingRow[] = [{ ...course, enrollmentId: "e1", lastPosition: null, lessonKey: null }];
    expect(readingStateFromRows(rows)).toMatchObject({ enrollment: { id: "e1", lastPosition: null }, completedLessonKeys: [] });
  });
});
