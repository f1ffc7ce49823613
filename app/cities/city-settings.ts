/**
 * The settings a network admin gives a city (create and edit), as a form schema whose messages
 * are i18n keys. Whether a slug, prefix or domain is free is checked against the database by
 * network-cities.server.ts; the colours' contrast by contrast.ts.
 */
import { z } from "zod";
import { emailField, localeField, nameField } from "~/auth/validation.ts";
import { PREFIX_PATTERN } from "~/certificates/codes.ts";
import { isHexColour } from "./contrast.ts";
import { CITY_SLUG_PATTERN } from "./slug.ts";

export const MAX_EMAIL_DOMAINS = 10;
const DOMAIN_FORMAT = /^(?=.{4,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

/** Whether a time zone is one of the IANA zones this runtime knows ("America/Bogota"). */
export function isTimeZone(value: string): boolean {
  if (value === "UTC") return true;
  return Intl.supportedValuesOf("timeZone").includes(value);
}

/** The domains typed in one field, separated by commas, spaces or new lines; lower-cased, once each. */
export function splitDomains(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[\s,;]+/)
        .map((domain) => domain.trim().toLowerCase().replace(/^@/, ""))
        .filter(Boolean),
    ),
  ];
}

const domainsField = z
  .string()
  .max(2000, "networkCities.error.domains")
  .transform(splitDomains)
  .pipe(
    z
      .array(z.string().regex(DOMAIN_FORMAT, "networkCities.error.domain"))
      .min(1, "networkCities.error.domainsRequired")
      .max(MAX_EMAIL_DOMAINS, "networkCities.error.tooManyDomains"),
  );

const settingsShape = {
  name: z.string("validation.required").trim().min(2, "networkCities.error.name").max(80, "networkCities.error.name"),
  defaultLocale: localeField,
  timeZone: z.string("validation.required").trim().refine(isTimeZone, "networkCities.error.timeZone"),
  certificatePrefix: z.string("validation.required").trim().toUpperCase().regex(PREFIX_PATTERN, "networkCities.error.prefix"),
  emailDomains: domainsField,
};

const colour = z.string("validation.required").trim().toLowerCase().refine(isHexColour, "networkCities.error.colour");

/** What the edit form changes (branding stays the city admin's). */
export const citySettingsSchema = z.object(settingsShape);

export const newCitySchema = z.object({
  ...settingsShape,
  slug: z
    .string("validation.required")
    .trim()
    .toLowerCase()
    .regex(CITY_SLUG_PATTERN, "networkCities.error.slug")
    .max(40, "networkCities.error.slug"),
  primaryColor: colour,
  accentColor: colour,
  adminName: nameField,
  adminEmail: emailField,
});

export type CitySettings = z.infer<typeof citySettingsSchema>;
export type NewCity = z.infer<typeof newCitySchema>;
