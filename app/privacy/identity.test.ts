import { describe, expect, it } from "vitest";
import { ERASED_MARK, erasedEmail, identifyingStrings, scrubJson, scrubText } from "./identity.ts";

describe("identifying strings", () => {
  it("hold the name, the address, its local part and their accent-folded forms, longest first", () => {
    const needles = identifyingStrings({ name: "Ánxela Núñez", email: "anxela.nunez@madrid.example" });
    expect(needles).toEqual(
      expect.arrayContaining(["Ánxela Núñez", "anxela nunez", "anxela.nunez@madrid.example", "anxela.nunez"]),
    );
    expect(needles[0]).toBe("anxela.nunez@madrid.example");
  });

  it("leave out empty and one-letter strings", () => {
    expect(identifyingStrings({ name: " ", email: "a@b" })).toEqual(["a@b"]);
  });
});

describe("scrubbing", () => {
  const needles = identifyingStrings({ name: "José Pérez", email: "jose.perez@x.example" });

  it("removes every form of the name and the address, whatever the case, and keeps the rest", () => {
    expect(scrubText("Hola JOSÉ PÉREZ (jose.perez@x.example), jose perez", needles)).toBe(
      `Hola ${ERASED_MARK} (${ERASED_MARK}), ${ERASED_MARK}`,
    );
    expect(scrubText("nothing here", needles)).toBe("nothing here");
  });

  it("treats characters of a name literally", () => {
    expect(scrubText("a (b) c+d", identifyingStrings({ name: "(b) c+", email: "q@q.q" }))).toBe(`a ${ERASED_MARK}d`);
  });

  it("keeps a JSON text's structure and numbers, scrubbing its strings", () => {
    const json = JSON.stringify({ name: "José Pérez", days: 3, list: ["jose.perez@x.example", "ok"] });
    expect(JSON.parse(scrubJson(json, needles))).toEqual({ name: ERASED_MARK, days: 3, list: [ERASED_MARK, "ok"] });
    expect(scrubJson("José Pérez, not json", needles)).toBe(`${ERASED_MARK}, not json`);
  });

  it("gives every erased account its own address that cannot receive mail", () => {
    expect(erasedEmail("abc")).toBe("erased-abc@erased.invalid");
    expect(erasedEmail("abc")).not.toBe(erasedEmail("abd"));
  });
});
