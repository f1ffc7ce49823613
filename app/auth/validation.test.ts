import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  invitationSchema,
  isPlainName,
  loginSchema,
  newPasswordSchema,
  passwordContainsEmail,
  profileSchema,
  safeRedirect,
  signupSchema,
} from "./validation.ts";

const validSignup = {
  name: "Ana Gómez",
  email: "  Ana.Gomez@Madrid.ES ",
  city: "madrid",
  department: "dep1",
  locale: "es",
  privacy: "on",
};

function firstError(result: ReturnType<typeof signupSchema.safeParse>, field: string) {
  return result.success ? undefined : result.error.issues.find((issue) => issue.path[0] === field)?.message;
}

describe("signup validation", () => {
  it("accepts a complete form and normalises the email", () => {
    const result = signupSchema.safeParse(validSignup);
    expect(result.success && result.data.email).toBe("ana.gomez@madrid.es");
  });
  it("asks no password: the owner of the address chooses it from the emailed link", () => {
    const result = signupSchema.safeParse({ ...validSignup, password: "la del desconocido" });
    expect(result.success && "password" in result.data).toBe(false);
  });
  it("requires the privacy notice to be accepted", () => {
    const { privacy: _privacy, ...withoutPrivacy } = validSignup;
    expect(firstError(signupSchema.safeParse(withoutPrivacy), "privacy")).toBe("validation.privacy");
  });
  it("rejects a malformed email and an unknown language", () => {
    const result = signupSchema.safeParse({ ...validSignup, email: "ana@", locale: "fr" });
    expect(firstError(result, "email")).toBe("validation.email");
    expect(firstError(result, "locale")).toBe("validation.language");
  });
  it("reports missing fields as required", () => {
    const result = loginSchema.safeParse({});
    expect(result.success).toBe(false);
    expect(result.success ? [] : result.error.issues.map((issue) => issue.message)).toEqual([
      "validation.required",
      "validation.required",
    ]);
  });
});

describe("name rule", () => {
  it("accepts names of every script, with accents, apostrophes, hyphens and initials", () => {
    for (const name of [
      "Ana Gómez",
      "María José O’Neill-Ruiz",
      "J.R.R. Tolkien",
      "Żaneta Ñúñez",
      "Nguyễn Văn An",
      "João D'Ávila",
    ])
      expect(isPlainName(name), name).toBe(true);
  });
  it("refuses line breaks, bidi overrides, invisible characters, markup and links", () => {
    for (const name of [
      "Ana\nGómez",
      "Ana\r\nBcc: x@y.z",
      "Ana\tGómez",
      "Ana \u202egnólaG",
      "Ana\u2066Gómez",
      "Ana\u200bGómez",
      "<b>Ana</b>",
      "Ana https://evil.example",
      "www.evil.example",
      "ana@evil.example",
    ])
      expect(isPlainName(name), JSON.stringify(name)).toBe(false);
  });
  it("refuses every name holding a control, format or bidi character", () => {
    const hostile = fc.constantFrom(
      "\u0000",
      "\u0007",
      "\n",
      "\u007f",
      "\u0085",
      "\u200e",
      "\u202a",
      "\u202e",
      "\u2067",
      "\ufeff",
    );
    fc.assert(fc.property(fc.string(), hostile, fc.string(), (before, bad, after) => !isPlainName(`Ana${before}${bad}${after}`)));
  });
  it("is the rule of the sign-up and profile forms, with its own message", () => {
    expect(firstError(signupSchema.safeParse({ ...validSignup, name: "Ana\u202eGómez" }), "name")).toBe(
      "validation.nameCharacters",
    );
    const profile = profileSchema.safeParse({ name: "Ana\nGómez", locale: "es" });
    expect(profile.success ? undefined : profile.error.issues[0]?.message).toBe("validation.nameCharacters");
  });
});

describe("invitation validation", () => {
  it("refuses an address that is neither empty nor valid with the catalog's message", () => {
    for (const email of ["a".repeat(300), "not an address", "x@"]) {
      const result = invitationSchema.safeParse({ role: "LEARNER", email });
      expect(result.error?.issues.map((issue) => issue.message)).toEqual(["validation.email"]);
    }
    expect(invitationSchema.safeParse({ role: "LEARNER", email: "" }).success).toBe(true);
  });
});

describe("password rules", () => {
  it("refuses a short password with a translatable key", () => {
    const result = newPasswordSchema.safeParse({ password: "corta", confirm: "corta" });
    expect(result.success ? undefined : result.error.issues[0]?.message).toBe("validation.passwordTooShort");
  });
  it("spots a password that contains the email's name", () => {
    expect(passwordContainsEmail("ana.gomez-2026!!", "ana.gomez@madrid.es")).toBe(true);
  });
  it("needs both passwords to match", () => {
    const result = newPasswordSchema.safeParse({ password: "frase larga y segura", confirm: "otra frase distinta" });
    expect(result.success ? undefined : result.error.issues[0]?.message).toBe("validation.passwordMismatch");
  });
  it("ignores very short email names", () => {
    expect(passwordContainsEmail("xx-long-password", "xx@city.gob")).toBe(false);
  });
});

describe("safeRedirect", () => {
  it("keeps same-site paths and refuses other origins", () => {
    expect(safeRedirect("/profile")).toBe("/profile");
    expect(safeRedirect("//evil.example")).toBe("/");
    expect(safeRedirect("https://evil.example")).toBe("/");
    expect(safeRedirect("/\\evil.example")).toBe("/");
    expect(safeRedirect(undefined, "/home")).toBe("/home");
  });

  it("refuses paths that browsers would turn into another origin", () => {
    expect(safeRedirect("/\t/evil.example")).toBe("/");
    expect(safeRedirect("/\n/evil.example")).toBe("/");
    expect(safeRedirect("/%09/evil.example")).toBe("/%09/evil.example");
    expect(safeRedirect("/ /evil.example")).toBe("/%20/evil.example");
    expect(safeRedirect("/..//evil.example")).toBe("/");
    expect(safeRedirect("/%2e%2e//evil.example/x?y#z")).toBe("/");
  });

  it("keeps the query and fragment of a same-site path", () => {
    expect(safeRedirect("/learn/ai-fundamentals/quiz?attempt=2#q3")).toBe("/learn/ai-fundamentals/quiz?attempt=2#q3");
  });
});
