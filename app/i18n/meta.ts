/** Page titles in the user's language, for route `meta` functions. */
import type { MetaDescriptor } from "@remix-run/node";
import { isLocale } from "./locales.ts";
import type { MessageKey } from "./messages/es.ts";
import { translatorFor } from "./translate.ts";

interface Match {
  id: string;
  data: unknown;
}

function rootLocale(matches: readonly Match[]) {
  const root = matches.find((match) => match.id === "root")?.data;
  const locale = root && typeof root === "object" && "locale" in root ? root.locale : null;
  return isLocale(locale) ? locale : "es";
}

export function pageTitle(
  matches: readonly Match[],
  key: MessageKey,
  params?: Record<string, string | number>,
): MetaDescriptor[] {
  const t = translatorFor(rootLocale(matches));
  return [{ title: t("meta.title", { page: t(key, params) }) }];
}

/** The translation of one key in the page's language, for `meta` functions that build their own title. */
export function metaMessage(matches: readonly Match[], key: MessageKey): string {
  return translatorFor(rootLocale(matches))(key);
}
