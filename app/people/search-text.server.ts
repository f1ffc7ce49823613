/**
 * Keeps `User.searchText` filled: the one explicit backfill of rows written before the column
 * existed (run by prisma/seed.ts), and the search filter every HR list uses.
 */
import { db, type Prisma } from "~/db.server.ts";
import { foldForSearch, personSearchText } from "./search-text.ts";

const BACKFILL_CHUNK = 500;

/** Fills `searchText` for every person whose text is still empty; returns how many were filled. */
export async function backfillSearchText(): Promise<number> {
  let filled = 0;
  for (;;) {
    const people = await db().user.findMany({
      where: { searchText: "" },
      orderBy: { id: "asc" },
      take: BACKFILL_CHUNK,
      select: { id: true, name: true, email: true },
    });
    if (people.length === 0) return filled;
    await db().$transaction(
      people.map((person) =>
        // Conditional: a name changed meanwhile has already written its own text.
        db().user.updateMany({ where: { id: person.id, searchText: "" }, data: { searchText: personSearchText(person) } }),
      ),
    );
    filled += people.length;
  }
}

/** People whose name or email contains the query, ignoring case and accents (both databases). */
export function personSearchWhere(query: string | undefined): Prisma.UserWhereInput {
  const folded = query ? foldForSearch(query) : "";
  return folded ? { searchText: { contains: folded } } : {};
}
