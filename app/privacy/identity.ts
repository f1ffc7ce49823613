/**
 * What an erased person's identity becomes, and how their name and email are removed from free
 * text (notices, accommodation reasons, answers). Pure: erasure.server.ts applies it in its one
 * transaction, and the marker test checks that nothing was missed.
 */
import { foldForSearch } from "~/people/search-text.ts";

/** The name an erased account and its certificates keep: none. Pages show "erased person" for it. */
export const ERASED_NAME = "";

/** A unique address that cannot receive mail (.invalid is reserved, RFC 2606). */
export function erasedEmail(userId: string): string {
  return `erased-${userId}@erased.invalid`;
}

/** Put where a name or address is cut out of a text. */
export const ERASED_MARK = "[…]";

/**
 * The strings that identify a person in free text: the name, the address, the address's local
 * part, and their accent-folded forms. Empty and one-letter strings are left out (they would
 * match everywhere and identify no one).
 */
export function identifyingStrings(person: { name: string; email: string }): string[] {
  const local = person.email.split("@")[0] ?? "";
  const raw = [person.name.trim(), person.email, local];
  const all = [...raw, ...raw.map(foldForSearch)].filter((text) => text.length > 1);
  // Longest first, so the address goes before its local part.
  return [...new Set(all)].sort((a, b) => b.length - a.length);
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** The text with every identifying string removed, case-insensitively. */
export function scrubText(text: string, needles: readonly string[]): string {
  if (needles.length === 0 || text.length === 0) return text;
  const pattern = new RegExp(needles.map(escapeRegExp).join("|"), "giu");
  return text.replace(pattern, ERASED_MARK);
}

/** A JSON text with identifying strings removed from its string values (keys and structure kept). */
export function scrubJson(json: string, needles: readonly string[]): string {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return scrubText(json, needles);
  }
  const walk = (node: unknown): unknown => {
    if (typeof node === "string") return scrubText(node, needles);
    if (Array.isArray(node)) return node.map(walk);
    if (node && typeof node === "object") return Object.fromEntries(Object.entries(node).map(([key, item]) => [key, walk(item)]));
    return node;
  };
  return JSON.stringify(walk(value));
}
