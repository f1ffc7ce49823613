/** Text folded for search: lower case, no accents, so "Protección" matches "proteccion" on both databases. */
export function foldForSearch(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{Diacritic}/gu, "")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();
}

/** Lower-case letters and digits of a text, its words joined by "-", at most `length` characters (maybe ""). */
export function slugOf(text: string, length: number): string {
  return foldForSearch(text)
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, length)
    .replace(/-+$/, "");
}
