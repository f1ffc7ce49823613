/**
 * prisma/postgres/schema.prisma is derived from the one hand-edited schema by a few exact
 * replacements. Each must match exactly once: a schema whose header or generator block changed
 * would otherwise yield a "PostgreSQL" schema that still says sqlite, without a word.
 */
const replacements: ReadonlyArray<readonly [what: string, search: string | RegExp, replacement: string]> = [
  ["the datasource provider", 'provider = "sqlite"', 'provider = "postgresql"'],
  ["the client's output folder", 'output       = "../app/generated/sqlite"', 'output       = "../../app/generated/postgres"'],
  [
    "the header comment",
    /^\/\/ The one hand-edited schema.*$/m,
    "// GENERATED from prisma/schema.prisma by `npm run db:generate`. Do not edit.",
  ],
];

function countMatches(text: string, search: string | RegExp): number {
  if (typeof search === "string") return text.split(search).length - 1;
  return [...text.matchAll(new RegExp(search.source, `${search.flags.replace("g", "")}g`))].length;
}

/** The PostgreSQL schema for a SQLite schema; throws naming the replacement that did not match once. */
export function derivePostgresSchema(sqliteSchema: string): string {
  let derived = sqliteSchema;
  for (const [what, search, replacement] of replacements) {
    const found = countMatches(derived, search);
    if (found !== 1)
      throw new Error(
        `prisma/schema.prisma: ${what} (${String(search)}) was found ${found} times, not once; ` +
          "update scripts/postgres-schema.ts to match the schema.",
      );
    derived = derived.replace(search, replacement);
  }
  return derived;
}
