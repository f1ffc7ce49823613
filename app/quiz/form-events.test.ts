import { describe, expect, it } from "vitest";
import { readQuizPost } from "./form-events.ts";

function form(fields: Array<[string, string]>): FormData {
  const data = new FormData();
  for (const [name, value] of fields) data.append(name, value);
  return data;
}

describe("readQuizPost", () => {
  it("sends the chosen answer before moving on", () => {
    const read = readQuizPost(
      form([
        ["step", "3"],
        ["intent", "next"],
        ["questionKey", "q1"],
        ["option", "b"],
      ]),
    );
    expect(read).toEqual({
      post: { step: 3, intent: "next", questionKey: "q1" },
      events: [{ type: "ANSWER", questionKey: "q1", options: ["b"] }, { type: "NEXT" }],
    });
  });
  it("collects every checked option of a multiple-choice question", () => {
    const read = readQuizPost(
      form([
        ["step", "0"],
        ["intent", "review"],
        ["questionKey", "q2"],
        ["option", "x"],
        ["option", "z"],
      ]),
    );
    expect(read?.events[0]).toEqual({ type: "ANSWER", questionKey: "q2", options: ["x", "z"] });
  });
  it("moves without an answer when nothing is chosen", () => {
    expect(
      readQuizPost(
        form([
          ["step", "1"],
          ["intent", "previous"],
          ["questionKey", "q1"],
        ]),
      )?.events,
    ).toEqual([{ type: "PREVIOUS" }]);
  });
  it("needs an index to edit or jump", () => {
    expect(
      readQuizPost(
        form([
          ["step", "1"],
          ["intent", "edit"],
        ]),
      ),
    ).toBeNull();
    expect(
      readQuizPost(
        form([
          ["step", "1"],
          ["intent", "edit"],
          ["index", "2"],
        ]),
      )?.events,
    ).toEqual([{ type: "EDIT", index: 2 }]);
    expect(
      readQuizPost(
        form([
          ["step", "1"],
          ["intent", "edit:4"],
        ]),
      )?.events,
    ).toEqual([{ type: "EDIT", index: 4 }]);
  });
  it("refuses malformed posts", () => {
    expect(readQuizPost(form([["intent", "next"]]))).toBeNull();
    expect(
      readQuizPost(
        form([
          ["step", "1"],
          ["intent", "explode"],
        ]),
      ),
    ).toBeNull();
    expect(
      readQuizPost(
        form([
          ["step", "-1"],
          ["intent", "next"],
        ]),
      ),
    ).toBeNull();
  });
});
