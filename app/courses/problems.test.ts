import { describe, expect, it } from "vitest";
import { locales } from "~/i18n/locales.ts";
import { checkerEs } from "~/i18n/messages/checker.ts";
import { catalogs } from "~/i18n/translate.ts";
import { makeProblem, problemText, type CheckerCode } from "./problems.ts";

const codes = Object.keys(checkerEs).filter((key): key is CheckerCode => key.startsWith("checker."));

describe("checker problems", () => {
  it("have a text for every rule in Spanish, Portuguese and English, each its own", () => {
    expect(codes.length).toBeGreaterThan(40);
    for (const code of codes) {
      for (const locale of locales) expect(typeof catalogs[locale][code] === "string" || typeof catalogs[locale][code] === "object", `${locale} ${code}`).toBe(true);
      expect(catalogs.en[code], code).not.toEqual(catalogs.es[code]);
      expect(catalogs.pt[code], code).not.toEqual(catalogs.es[code]);
    }
  });

  it("name the language in words, in the language of the text", () => {
    const problem = makeProblem("c/01-a/pt.md", 1, "checker.missingLessonLanguage", { language: "pt" });
    expect(problem.message).toBe("The Portuguese version of this lesson is missing: the course declares that language.");
    expect(problemText(problem, "es")).toBe("Falta la versión en portugués de esta lección: el curso declara ese idioma.");
    expect(problemText(problem, "pt")).toBe("Falta a versão em português desta lição: o curso declara esse idioma.");
    expect(problem).toMatchObject({ code: "checker.missingLessonLanguage", params: { language: "pt" }, severity: "error" });
    expect(problem).not.toHaveProperty("path");
  });

  it("choose the plural form by the count and write numbers the language's way", () => {
    const one = makeProblem("quiz.yaml", 5, "checker.drawLargerThanPool", { draw: 2, count: 1 }, { path: ["settings", "draw"] });
    expect(one.message).toBe("Each attempt draws 2 questions, but the pool has only 1 question.");
    const many = makeProblem("quiz.yaml", 5, "checker.drawLargerThanPool", { draw: 1500, count: 1200 });
    expect(problemText(many, "es")).toBe("Se sacan 1500 preguntas por intento, pero el banco solo tiene 1200 preguntas.");
    expect(many.message).toBe("Each attempt draws 1,500 questions, but the pool has only 1,200 questions.");
  });
});
