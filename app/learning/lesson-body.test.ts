import { describe, expect, it } from "vitest";
import { keepLessonBody, keptLessonBody, lessonBodyInPage } from "./lesson-body.ts";

describe("kept lesson bodies", () => {
  it("returns what the loader kept, by key", () => {
    keepLessonBody("v1/intro/es", ["<p>Hola</p>", "<p>Adiós</p>"]);
    keepLessonBody("v1/intro/en", ["<p>Hello</p>"]);
    expect(keptLessonBody("v1/intro/es")).toEqual(["<p>Hola</p>", "<p>Adiós</p>"]);
    expect(keptLessonBody("v1/intro/en")).toEqual(["<p>Hello</p>"]);
    expect(keptLessonBody("v1/intro/pt")).toBeUndefined();
  });

  it("drops the least recently kept body first when full", () => {
    keepLessonBody("old", ["<p>old</p>"]);
    for (let index = 0; index < 999; index += 1) keepLessonBody(`filler-${index}`, []);
    keepLessonBody("old", ["<p>old</p>"]);
    keepLessonBody("one-more", []);
    expect(keptLessonBody("old")).toEqual(["<p>old</p>"]);
    expect(keptLessonBody("filler-0")).toBeUndefined();
  });

  it("reads nothing from the page outside a browser", () => {
    expect(lessonBodyInPage(2)).toEqual([]);
  });
});
