/**
 * Whether an account may be used: THE rule (decision 025), asked by login, password reset, email
 * confirmation and every session load. A deactivated person cannot sign in, get or use a reset
 * link, confirm an address or keep a session; their records stay for HR and their certificates
 * stay valid. Queries filter with `openAccountWhere` (`openAccountSql` in raw SQL); rows read otherwise go
 * through `isOpenAccount`.
 */
import { Prisma } from "~/db.server.ts";

export const openAccountWhere = { active: true, city: { deactivatedAt: null } } satisfies Prisma.UserWhereInput;

/** What the rule reads of an account: select it with `accountStateSelect`. */
export const accountStateSelect = { active: true, city: { select: { deactivatedAt: true } } } satisfies Prisma.UserSelect;

export interface AccountState {
  /** As either database answers it in raw SQL too (SQLite 0/1, PostgreSQL true/false). */
  active: boolean | number | bigint;
  city: { deactivatedAt: Date | string | number | null };
}

/** An active person of a city that is not deactivated (a deactivated city's people cannot sign in). */
export function isOpenAccount(account: AccountState): boolean {
  const active = account.active === true || account.active === 1 || account.active === 1n;
  return active && account.city.deactivatedAt === null;
}

/** The person's half of the rule in raw SQL, for the User table under `alias` (the city is the caller's). */
export function openAccountSql(alias: string): Prisma.Sql {
  return Prisma.sql`${Prisma.raw(`"${alias}"`)}."active" = true`;
}
