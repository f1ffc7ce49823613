/**
 * A city's branding and settings as the city admin edits them (/admin/branding): the form's schema
 * and the rules a proposal must meet, shared by the page and the server. The contrast rule is
 * app/cities/contrast.ts's; the email-domain rule app/cities/email-domains.ts's.
 */
import { z } from "zod";
import { PREFIX_PATTERN } from "~/certificates/codes.ts";
import { locales, type Locale } from "~/i18n/locales.ts";
import { cityContrastFailures, isHexColour, nearestPassingCityColours, type CityColours } from "./contrast.ts";
import { isEmailDomain, parseEmailDomains } from "./email-domains.ts";

export const MAX_EMAIL_DOMAINS = 20;

/** Whether the runtime knows the IANA time zone (the same Intl that formats every date). */
export function isTimeZone(value: string): boolean {
  if (value === "UTC") return true;
  return Intl.supportedValuesOf("timeZone").includes(value);
}

const text = (max: number, message: "branding.error.tooLong") => z.string("validation.required").trim().max(max, message);
const required = () => z.string("validation.required").trim();

/** The form's text fields; the logo is a file beside them. */
export const brandingSchema = z.object({
  intent: z.enum(["preview", "save"]).default("save"),
  primaryColor: required().toLowerCase().refine(isHexColour, "branding.error.colour"),
  accentColor: required().toLowerCase().refine(isHexColour, "branding.error.colour"),
  signatoryName: text(120, "branding.error.tooLong"),
  signatoryTitle: text(120, "branding.error.tooLong").min(1, "validation.required"),
  certificatePrefix: required()
    .toUpperCase()
    .refine((value) => PREFIX_PATTERN.test(value), "branding.error.prefix"),
  emailDomains: z
    .string("validation.required")
    .max(4000, "branding.error.tooLong")
    .transform(parseEmailDomains)
    .refine((domains) => domains.every(isEmailDomain), "branding.error.domain")
    .refine((domains) => domains.length <= MAX_EMAIL_DOMAINS, "branding.error.domainCount"),
  defaultLocale: z.enum(locales, "validation.language"),
  timeZone: required().refine(isTimeZone, "branding.error.timeZone"),
  dataProtectionContact: text(300, "branding.error.tooLong"),
  // A checkbox: sent as "on" when ticked, absent when not.
  requireCourseReview: z
    .literal("on", "validation.required")
    .optional()
    .transform((value) => value === "on"),
});

export type BrandingInput = z.infer<typeof brandingSchema>;

/** What the page shows and the server stores; `logoHash` is the file store's. */
export interface BrandingSettings {
  name: string;
  primaryColor: string;
  accentColor: string;
  signatoryName: string;
  signatoryTitle: string;
  certificatePrefix: string;
  emailDomains: string[];
  defaultLocale: Locale;
  timeZone: string;
  dataProtectionContact: string;
  logoHash: string | null;
  /** A city course needs someone else's approval before it is published (decision 030). */
  requireCourseReview: boolean;
}

export const brandingFields = [
  "primaryColor",
  "accentColor",
  "signatoryName",
  "signatoryTitle",
  "certificatePrefix",
  "emailDomains",
  "defaultLocale",
  "timeZone",
  "dataProtectionContact",
  "logoHash",
  "requireCourseReview",
] as const satisfies ReadonlyArray<keyof BrandingSettings>;

export type BrandingField = (typeof brandingFields)[number];

/** The fields whose values differ (domains compared as sets): what the audit entry lists. */
export function changedFields(before: BrandingSettings, after: BrandingSettings): BrandingField[] {
  return brandingFields.filter((field) => {
    if (field === "emailDomains") return [...before.emailDomains].sort().join() !== [...after.emailDomains].sort().join();
    return before[field] !== after[field];
  });
}

export interface ColourRefusal {
  field: keyof CityColours;
  /** The pair in English (contrast.ts), the measured ratio and the minimum it needs. */
  where: string;
  ratio: number;
  required: number;
  /** The nearest colour for this field that makes every pair pass. */
  nearest: string | null;
}

/**
 * The colour pairs that fail WCAG AA, one per colour field (its worst pair), each with the nearest
 * colour that passes. Empty when the colours may be saved.
 */
export function colourRefusals(colours: CityColours): ColourRefusal[] {
  const failures = cityContrastFailures(colours);
  if (failures.length === 0) return [];
  const nearest = nearestPassingCityColours(colours);
  const refusals: ColourRefusal[] = [];
  for (const field of ["primaryColor", "accentColor"] as const) {
    const own = failures
      .filter((failure) => failure.foreground === colours[field] || failure.background === colours[field])
      .sort((a, b) => a.ratio / a.required - b.ratio / b.required)[0];
    if (own)
      refusals.push({ field, where: own.where, ratio: own.ratio, required: own.required, nearest: nearest?.[field] ?? null });
  }
  return refusals;
}
