/** In components: the messages of the request's language (the root loader says which). */
import { isRouteErrorResponse, useRouteError, useRouteLoaderData } from "@remix-run/react";
import { isRefusalData } from "~/http/refusals.ts";
import type { loader as rootLoader } from "~/root.tsx";
import { htmlLang, type Locale } from "./locales.ts";
import { catalogs, translator, type Translate } from "./translate.ts";

// The three catalogs ship in the client bundle (cached once) rather than in every page's data.
const translators: Record<Locale, Translate> = {
  es: translator(catalogs.es),
  pt: translator(catalogs.pt),
  en: translator(catalogs.en),
};

export function useTranslation(): { t: Translate; locale: Locale; lang: string } {
  const data = useRouteLoaderData<typeof rootLoader>("root");
  // A form refused while it was read says in which language (the root loader did not run).
  const error = useRouteError();
  const refused = isRouteErrorResponse(error) && isRefusalData(error.data) ? error.data.locale : undefined;
  const locale = data?.locale ?? refused ?? "es";
  return { t: translators[locale], locale, lang: htmlLang[locale] };
}
