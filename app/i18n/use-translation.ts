/** In components: the messages of the request's language (the root loader says which). */
import { useRouteLoaderData } from "@remix-run/react";
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
  const locale = data?.locale ?? "es";
  return { t: translators[locale], locale, lang: htmlLang[locale] };
}
