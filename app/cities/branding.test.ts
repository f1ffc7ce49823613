import { describe, expect, it } from "vitest";
import { brandingSchema, changedFields, colourRefusals, isTimeZone, type BrandingSettings } from "./branding.ts";
import { cityContrastFailures } from "./contrast.ts";

const valid = {
  intent: "save",
  primaryColor: "#1E3A5F",
  accentColor: "#c8102e",
  signatoryName: "",
  signatoryTitle: "Dirección General de Función Pública",
  certificatePrefix: "mad",
  emailDomains: "madrid.es\n@Madrid.es, ayto.madrid.es",
  defaultLocale: "es",
  timeZone: "Europe/Madrid",
  dataProtectionContact: "dpd@madrid.es",
};

describe("brandingSchema", () => {
  it("normalises what was typed: colours lower-cased, the prefix upper-cased, domains each once", () => {
    const parsed = brandingSchema.parse(valid);
    expect(parsed).toMatchObject({
      primaryColor: "#1e3a5f",
      certificatePrefix: "MAD",
      emailDomains: ["madrid.es", "ayto.madrid.es"],
    });
  });

  it.each([
    ["primaryColor", "red", "branding.error.colour"],
    ["accentColor", "#12345g", "branding.error.colour"],
    ["certificatePrefix", "MADR", "branding.error.prefix"],
    ["certificatePrefix", "M4D", "branding.error.prefix"],
    ["emailDomains", "madrid", "branding.error.domain"],
    ["emailDomains", Array.from({ length: 21 }, (_, index) => `d${index}.madrid.es`).join("\n"), "branding.error.domainCount"],
    ["timeZone", "Madrid", "branding.error.timeZone"],
    ["defaultLocale", "fr", "validation.language"],
    ["signatoryTitle", " ", "validation.required"],
    ["dataProtectionContact", "x".repeat(301), "branding.error.tooLong"],
  ])("refuses %s = %j with %s", (field, value, message) => {
    const result = brandingSchema.safeParse({ ...valid, [field]: value });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.message)).toContain(message);
  });

  it("says which field is missing, with a message key", () => {
    const result = brandingSchema.safeParse({});
    expect(result.error?.issues.every((issue) => issue.message.includes("."))).toBe(true);
  });
});

describe("isTimeZone", () => {
  it("knows IANA zones and nothing else", () => {
    expect(isTimeZone("America/Sao_Paulo")).toBe(true);
    expect(isTimeZone("UTC")).toBe(true);
    expect(isTimeZone("Europe/Atlantis")).toBe(false);
    expect(isTimeZone("GMT+2")).toBe(false);
  });
});

describe("colourRefusals", () => {
  it("is empty for colours that pass", () => {
    expect(colourRefusals({ primaryColor: "#1e3a5f", accentColor: "#f3c64a" })).toEqual([]);
  });

  it("gives the failing field, its measured ratio and a nearest colour that passes", () => {
    const [refusal, ...rest] = colourRefusals({ primaryColor: "#f3c64a", accentColor: "#7a1d2e" });
    expect(rest).toEqual([]);
    expect(refusal).toMatchObject({ field: "primaryColor", required: 4.5 });
    expect(refusal!.ratio).toBeLessThan(2);
    expect(cityContrastFailures({ primaryColor: refusal!.nearest!, accentColor: "#7a1d2e" })).toEqual([]);
  });
});

describe("changedFields", () => {
  const before: BrandingSettings = {
    name: "Madrid",
    primaryColor: "#1e3a5f",
    accentColor: "#c8102e",
    signatoryName: "",
    signatoryTitle: "Dirección",
    certificatePrefix: "MAD",
    emailDomains: ["madrid.es", "ayto.madrid.es"],
    defaultLocale: "es",
    timeZone: "Europe/Madrid",
    dataProtectionContact: "",
    logoHash: null,
    requireCourseReview: false,
  };

  it("lists the fields that differ, domains compared as a set", () => {
    expect(changedFields(before, { ...before, emailDomains: ["ayto.madrid.es", "madrid.es"] })).toEqual([]);
    expect(changedFields(before, { ...before, primaryColor: "#000000", logoHash: "a".repeat(64), emailDomains: [] })).toEqual([
      "primaryColor",
      "emailDomains",
      "logoHash",
    ]);
    expect(changedFields(before, { ...before, requireCourseReview: true })).toEqual(["requireCourseReview"]);
  });
});
