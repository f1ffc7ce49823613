import { describe, expect, it } from "vitest";
import { citySettingsSchema, isTimeZone, newCitySchema, splitDomains } from "./city-settings.ts";

const valid = {
  name: "Lima",
  slug: "lima",
  defaultLocale: "es",
  timeZone: "America/Lima",
  certificatePrefix: "lim",
  emailDomains: "lima.gob.pe, @MunLima.gob.pe lima.gob.pe",
  primaryColor: "#1D4ED8",
  accentColor: "#f59e0b",
  adminName: "Rosa Quispe",
  adminEmail: "Rosa@Lima.gob.pe",
};

function firstError(input: Record<string, string>) {
  const result = newCitySchema.safeParse(input);
  return result.success ? null : { field: result.error.issues[0]!.path[0], message: result.error.issues[0]!.message };
}

describe("a city's settings", () => {
  it("normalises what was typed", () => {
    expect(newCitySchema.parse(valid)).toMatchObject({
      certificatePrefix: "LIM",
      emailDomains: ["lima.gob.pe", "munlima.gob.pe"],
      primaryColor: "#1d4ed8",
      adminEmail: "rosa@lima.gob.pe",
    });
    expect(splitDomains(" a.es;b.es\nA.ES ")).toEqual(["a.es", "b.es"]);
  });

  it("knows the IANA time zones, and no others", () => {
    expect(isTimeZone("America/Sao_Paulo")).toBe(true);
    expect(isTimeZone("UTC")).toBe(true);
    expect(isTimeZone("America/Atlantis")).toBe(false);
    expect(isTimeZone("+02:00")).toBe(false);
  });

  it("refuses each bad value with its message", () => {
    expect(firstError({ ...valid, timeZone: "Mars/Olympus" })).toEqual({
      field: "timeZone",
      message: "networkCities.error.timeZone",
    });
    expect(firstError({ ...valid, slug: "Lima City" })).toEqual({ field: "slug", message: "networkCities.error.slug" });
    expect(firstError({ ...valid, certificatePrefix: "LIMA" })).toEqual({
      field: "certificatePrefix",
      message: "networkCities.error.prefix",
    });
    expect(firstError({ ...valid, primaryColor: "blue" })).toEqual({
      field: "primaryColor",
      message: "networkCities.error.colour",
    });
    expect(firstError({ ...valid, emailDomains: "lima" })).toEqual({
      field: "emailDomains",
      message: "networkCities.error.domain",
    });
    expect(firstError({ ...valid, emailDomains: " , " })).toEqual({
      field: "emailDomains",
      message: "networkCities.error.domainsRequired",
    });
    expect(firstError({ ...valid, adminEmail: "nobody" })).toEqual({ field: "adminEmail", message: "validation.email" });
  });

  it("edits without slug, colours or admin", () => {
    const { slug: _slug, primaryColor: _p, accentColor: _a, adminName: _n, adminEmail: _e, ...settings } = valid;
    expect(citySettingsSchema.safeParse(settings).success).toBe(true);
  });
});
