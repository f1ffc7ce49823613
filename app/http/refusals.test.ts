import { describe, expect, it } from "vitest";
import { refusalText } from "./refusals.ts";

describe("refusalText", () => {
  it("speaks the switcher's language first, then the browser's, else Spanish", () => {
    expect(refusalText("tooLarge", { cookie: "a=1; aula_lang=en", acceptLanguage: "pt-BR" })).toBe(
      "What you sent is larger than allowed.",
    );
    expect(refusalText("tooLarge", { acceptLanguage: "pt-BR,pt;q=0.9" })).toBe(
      "O que você enviou ultrapassa o tamanho permitido.",
    );
    expect(refusalText("tooLarge", {})).toBe("Lo que enviaste supera el tamaño permitido.");
  });

  it("has a message for each refusal", () => {
    for (const refusal of ["crossSite", "tooLarge", "lengthRequired", "oldPage"] as const)
      expect(refusalText(refusal, { acceptLanguage: "en" }).length).toBeGreaterThan(20);
  });
});
