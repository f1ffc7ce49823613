/** Form schemas for accounts, shared by server and client. Messages are i18n keys. */
import { z } from "zod";
import type { FormLimits } from "~/forms/limits.ts";
import { locales } from "~/i18n/locales.ts";

export const MIN_PASSWORD_LENGTH = 10;

export const emailField = z
  .string("validation.required")
  .trim()
  .toLowerCase()
  .min(1, "validation.required")
  .max(254, "validation.email")
  .pipe(z.email("validation.email"));

export const passwordField = z
  .string("validation.required")
  .min(1, "validation.required")
  .min(MIN_PASSWORD_LENGTH, "validation.passwordTooShort")
  .max(200, "validation.passwordTooLong");

/**
 * The one rule for a person's name, wherever it is typed (sign-up, profile, admin:create).
 * Names go verbatim into emails and certificates, so they are plain text: letters of any
 * script with their accents, single spaces, apostrophes, hyphens and dots. That leaves out
 * control characters (newlines, tabs), bidi overrides, zero-width characters, markup and
 * links; a dotted word pair ("www.example.org") reads as a web address and is refused too.
 */
export function isPlainName(name: string): boolean {
  return /^\p{L}[\p{L}\p{M}'’.-]*(?: +[\p{L}\p{M}'’.-]+)*$/u.test(name) && !/\p{L}{2}\.\p{L}{2}/u.test(name);
}

export const nameField = z
  .string("validation.required")
  .trim()
  .min(2, "validation.nameLength")
  .max(120, "validation.nameLength")
  .refine(isPlainName, "validation.nameCharacters");

export const localeField = z.enum(locales, "validation.language");

/** The password must not contain the local part of the email (a common, weak choice). */
export function passwordContainsEmail(password: string, email: string): boolean {
  const localPart = email.split("@")[0] ?? "";
  return localPart.length >= 3 && password.toLowerCase().includes(localPart.toLowerCase());
}

/** Sign-up asks no password: the owner of the address chooses it from the emailed link. */
export const signupSchema = z.object({
  name: nameField,
  email: emailField,
  city: z.string("validation.city").min(1, "validation.city"),
  department: z.string("validation.department").min(1, "validation.department"),
  locale: localeField,
  privacy: z.literal("on", "validation.privacy"),
  invitation: z.string().max(200).optional(),
});

export const invitedSignupSchema = z.object({
  name: nameField,
  email: emailField,
  locale: localeField,
  privacy: z.literal("on", "validation.privacy"),
  invitation: z.string().min(1).max(200),
  department: z.string().optional(),
});

export const loginSchema = z.object({
  email: emailField,
  password: z.string("validation.required").min(1, "validation.required").max(200, "validation.passwordTooLong"),
  redirectTo: z.string().optional(),
});

export const forgotPasswordSchema = z.object({ email: emailField });

/** The choose-a-password form of the email confirmation and the password reset: two fields. */
export const newPasswordFormLimits: FormLimits = { maxFields: 4, maxBytes: 8 * 1024 };

export const newPasswordSchema = z
  .object({ password: passwordField, confirm: z.string("validation.required") })
  .refine((value) => value.password === value.confirm, { path: ["confirm"], message: "validation.passwordMismatch" });

export const profileSchema = z.object({ name: nameField, locale: localeField });

export const changePasswordSchema = z
  .object({
    currentPassword: z.string("validation.required").min(1, "validation.required"),
    password: passwordField,
    confirm: z.string("validation.required"),
  })
  .refine((value) => value.password === value.confirm, { path: ["confirm"], message: "validation.passwordMismatch" });

export const assignableRoles = ["LEARNER", "TRAINER", "HR", "CITY_ADMIN"] as const;

export const invitationSchema = z.object({
  role: z.enum(assignableRoles, "validation.role"),
  department: z.string().optional(),
  // The union's own message: without it, an address too long for both options showed zod's English "Invalid input".
  email: z.union([z.literal(""), emailField], "validation.email").optional(),
});

/** Only same-site paths are accepted after login, never another origin. */
export function safeRedirect(target: unknown, fallback = "/"): string {
  if (typeof target !== "string" || !target.startsWith("/")) return fallback;
  // Browsers drop tabs and newlines and read "\\" as "/", so "/\t/evil" or "/\\evil" would
  // leave the site: refuse those characters, then check that the URL stays on this origin.
  if ([...target].some((char) => char.charCodeAt(0) < 0x20 || char === "\u007f" || char === "\\")) return fallback;
  const base = "http://aula.invalid";
  const resolved = new URL(target, base);
  // Resolving removes dot-segments: "/..//evil.example" becomes "//evil.example", another site.
  if (resolved.origin !== base || resolved.pathname.startsWith("//")) return fallback;
  return resolved.pathname + resolved.search + resolved.hash;
}
