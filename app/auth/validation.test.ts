import { describe, expect, it } from "vitest";
import { invitationSchema, loginSchema, newPasswordSchema, passwordContainsEmail, safeRedirect, signupSchema } from "./validation.ts";

const validSignup = {
  name: "Ana Gómez",
  email: "  Ana.Gomez@Madrid.ES ",
  password: "una frase bastante larga",
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
  it("rejects a short password with a translatable key", () => {
    expect(firstError(signupSchema.safeParse({ ...validSignup, password: "corta" }), "password")).toBe(
      "validation.passwordTooShort",
    );
  });
  it("rejects a password that contains the email's name", () => {
    const result = signupSchema.safeParse({ ...validSignup, password: "ana.gomez-2026!!" });
    expect(firstError(result, "password")).toBe("validation.passwordHasEmail");
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
