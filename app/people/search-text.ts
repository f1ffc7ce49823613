/**
 * The text a person is found by: name and email, lower-cased and without accents, stored in
 * `User.searchText` so that search is case- and accent-insensitive on SQLite and PostgreSQL alike
 * ("garcia" finds "García", "JOAO" finds "João"). Every write of a name or email sets it.
 */
export function foldForSearch(text: string): string {
  return text.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase().replace(/\s+/g, " ").trim();
}

export function personSearchText(person: { name: string; email: string }): string {
  return foldForSearch(`${person.name} ${person.email}`);
}
