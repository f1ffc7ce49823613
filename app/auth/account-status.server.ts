/**
 * Whether an account may be used: THE rule (decision 025), asked by login, password reset, email
 * confirmation and every session load. A deactivated person cannot sign in, get or use a reset
 * link, confirm an address or keep a session; their records stay for HR and their certificates
 * stay valid. Queries filter with `openAccountWhere` (`openAccountSql` in raw SQL); rows read otherwise go
 * through `isOpenAccount`.
 */
import { Prisma } from "~/db.server.ts";

export const openAccountWhere = { active: true } satisfies Prisma.UserWhereInput;

/** `active` as either database answers it in raw SQL (SQLite 0/1, PostgreSQL true/false). */
export function isOpenAccount(account: { active: boolean | number | bigint }): boolean {
  return account.active === true || account.active === 1 || account.active === 1n;
}

/** The same rule in raw SQL, for the User table under `alias`. */
export function openAccountSql(alias: string): Prisma.Sql {
  return Prisma.sql`${Prisma.raw(`"${alias}"`)}."active" = true`;
}
