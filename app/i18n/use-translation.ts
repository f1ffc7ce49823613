/** In components: the messages the root loader sent for this request's language. */
import { useRouteLoaderData } from "@remix-run/react";
import type { loader as rootLoader } from "~/root.tsx";
import { htmlLang, type Locale } from "./locales.ts";
import { es } from "./messages/es.ts";
import { translator, type Translate } from "./translate.ts";

export function useTranslation(): { t: Translate; locale: Locale; lang: string } {
  const data = useRouteLoaderData<typeof rootLoader>("root");
  const locale = data?.locale ?? "es";
  return { t: translator(data?.messages ?? es), locale, lang: htmlLang[locale] };
}
