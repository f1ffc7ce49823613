/** A city write's refusals as the form's field errors, in the admin's language. */
import type { FieldErrors } from "~/forms/parse-form.ts";
import { translatorFor, type MessageKey } from "~/i18n/translate.ts";
import type { Locale } from "~/i18n/locales.ts";
import type { CityProblem } from "./network-cities.server.ts";

export function problemErrors(problems: CityProblem[], locale: Locale): FieldErrors {
  const t = translatorFor(locale);
  const errors: FieldErrors = {};
  for (const problem of problems) errors[problem.field] ??= t(problem.message as MessageKey, problem.params);
  return errors;
}
