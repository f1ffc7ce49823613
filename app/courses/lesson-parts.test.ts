import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { joinLessonParts, splitLessonParts } from "./lesson-parts.ts";

describe("lesson parts", () => {
  it("stores a lesson without activities as its HTML alone", () => {
    expect(joinLessonParts({ parts: ["<p>Hola</p>"], slots: [] })).toEqual({ html: "<p>Hola</p>", slots: "[]" });
    expect(splitLessonParts("<p>Hola</p>", "[]")).toEqual({ parts: ["<p>Hola</p>"], slots: [] });
  });

  it("gives back the parts and slots it stored", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.string(), fc.stringMatching(/^[a-z]{1,8}$/))), fc.string(), (pairs, last) => {
        const stored = { parts: [...pairs.map(([part]) => part), last], slots: pairs.map(([, key]) => key) };
        const joined = joinLessonParts(stored);
        expect(joined.html).toBe(stored.parts.join(""));
        expect(splitLessonParts(joined.html, joined.slots)).toEqual(stored);
      }),
    );
  });
});
