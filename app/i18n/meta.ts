/** Page titles in the user's language, for route `meta` functions. */
import type { MetaDescriptor } from "@remix-run/node";
import { es, type MessageKey, type Messages } from "./messages/es.ts";
import { format } from "./translate.ts";

interface Match {
  id: string;
  data: unknown;
}

function rootMessages(matches: readonly Match[]): Messages {
  const root = matches.find((match) => match.id === "root")?.data;
  if (root && typeof root === "object" && "messages" in root && root.messages && typeof root.messages === "object") {
    return root.messages as Messages;
  }
  return es;
}

export function pageTitle(
  matches: readonly Match[],
  key: MessageKey,
  params?: Record<string, string | number>,
): MetaDescriptor[] {
  const messages = rootMessages(matches);
  return [{ title: format(messages["meta.title"], { page: format(messages[key], params) }) }];
}
