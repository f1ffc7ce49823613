import { readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { cityCourseKey, COURSE_KEY_PATTERN, isCityCourseKey, KEY_PATTERN, RESERVED_LESSON_KEYS } from "./format.ts";

describe("course keys", () => {
  it("accepts the curriculum's keys and a city's '<city-slug>.<name>' keys, nothing else", () => {
    for (const key of ["ai-fundamentals", "madrid.ia-en-tramites", "sao-paulo.curso-1", "x"]) expect(COURSE_KEY_PATTERN.test(key), key).toBe(true);
    for (const key of ["Madrid.ia", "madrid.ia.extra", ".ia", "madrid.", "madrid..ia", "madrid_ia", "-madrid.ia", "madrid.ia-", ""]) {
      expect(COURSE_KEY_PATTERN.test(key), key).toBe(false);
    }
    // Lessons, questions, options and activities keep the plain pattern: no dot.
    expect(KEY_PATTERN.test("madrid.ia")).toBe(false);
  });

  it("makes a city's course key from its slug and a name, and refuses parts that are not keys", () => {
    expect(cityCourseKey("madrid", "ia-en-tramites")).toBe("madrid.ia-en-tramites");
    expect(COURSE_KEY_PATTERN.test(cityCourseKey("sao-paulo", "x"))).toBe(true);
    expect(() => cityCourseKey("madrid", "IA en trámites")).toThrow();
    expect(() => cityCourseKey("mad.rid", "ia")).toThrow();
  });

  it("tells a city's own course keys from another city's and from the curriculum's", () => {
    expect(isCityCourseKey("madrid.ia-en-tramites", "madrid")).toBe(true);
    expect(isCityCourseKey("madrid.ia-en-tramites", "lima")).toBe(false);
    expect(isCityCourseKey("madrid-norte.ia", "madrid")).toBe(false);
    expect(isCityCourseKey("ai-fundamentals", "madrid")).toBe(false);
    expect(isCityCourseKey("madrid.", "madrid")).toBe(false);
    expect(isCityCourseKey("madrid.a.b", "madrid")).toBe(false);
  });
});

describe("reserved lesson keys", () => {
  it("hold every word the app's routes use after /learn/<course>/", () => {
    const words = readdirSync(path.resolve("app/routes"))
      .map((file) => file.match(/^learn\.\$course\.([a-z][a-z0-9-]*)(?:[.[]|$)/)?.[1])
      .filter((word): word is string => word !== undefined);
    expect(words).toContain("quiz");
    for (const word of words) expect(RESERVED_LESSON_KEYS, word).toContain(word);
  });
});
