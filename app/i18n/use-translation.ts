/** In components: the messages of the request's language (the root loader says which). */
import { isRouteErrorResponse, useRouteError, useRouteLoaderData } from "@remix-run/react";
import { isRefusalData } from "~/http/refusals.ts";
import type { loader as rootLoader } from "~/root.tsx";
import { htmlLang, type Locale } from "./locales.ts";
import { formatsFor, type Formats } from "./formats.ts";
import { translatorFor, type Translate } from "./translate.ts";

export function useTranslation(): { t: Translate; locale: Locale; lang: string; formats: Formats } {
  const data = useRouteLoaderData<typeof rootLoader>("root");
  // A form refused while it was read says in which language (the root loader did not run).
  const error = useRouteError();
  const refused = isRouteErrorResponse(error) && isRefusalData(error.data) ? error.data.locale : undefined;
  const locale = data?.locale ?? refused ?? "es";
  return { t: translatorFor(locale), locale, lang: htmlLang[locale], formats: formatsFor(locale) };
}
