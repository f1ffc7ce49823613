/**
 * Lucia v3, kept behind this module so it can be replaced without touching routes.
 * Its Prisma adapter does not install beside Prisma 6, so this file holds a small one.
 */
import { Lucia, TimeSpan, type Adapter, type DatabaseSession, type DatabaseUser } from "lucia";
import { now } from "~/clock.server.ts";
import { db } from "~/db.server.ts";
import { env } from "~/env.server.ts";
import type { GrantableRole } from "./roles.ts";

export const SESSION_COOKIE_NAME = "aula_session";

/** What every page needs to know about the signed-in person, loaded with the session in one query. */
export interface SessionUser {
  name: string;
  email: string;
  locale: string;
  roles: GrantableRole[];
  city: {
    id: string;
    slug: string;
    name: string;
    primaryColor: string;
    accentColor: string;
    defaultLocale: string;
    timeZone: string;
  };
  department: { id: string; name: string } | null;
}

declare module "lucia" {
  interface Register {
    Lucia: Lucia<Record<never, never>, SessionUser>;
    DatabaseUserAttributes: SessionUser;
  }
}

interface SessionRow {
  id: string;
  userId: string;
  expiresAt: Date | string | number;
  name: string;
  email: string;
  locale: string;
  // SQLite answers 0/1, PostgreSQL true/false.
  active: boolean | number | bigint;
  cityId: string;
  citySlug: string;
  cityName: string;
  primaryColor: string;
  accentColor: string;
  defaultLocale: string;
  timeZone: string;
  departmentId: string | null;
  departmentName: string | null;
  role: GrantableRole | null;
}

const adapter: Adapter = {
  // The hottest query of the app (every page): one join in plain SQL, valid on SQLite and
  // PostgreSQL. One row per role grant (or one row with no role), so roles come along too.
  async getSessionAndUser(sessionId): Promise<[DatabaseSession | null, DatabaseUser | null]> {
    const rows = await db().$queryRaw<SessionRow[]>`
      SELECT s."id", s."userId", s."expiresAt", u."name", u."email", u."locale", u."active",
             c."id" AS "cityId", c."slug" AS "citySlug", c."name" AS "cityName", c."primaryColor", c."accentColor",
             c."defaultLocale", c."timeZone", d."id" AS "departmentId", d."name" AS "departmentName", r."role"
      FROM "Session" s
      JOIN "User" u ON u."id" = s."userId"
      JOIN "City" c ON c."id" = u."cityId"
      LEFT JOIN "Department" d ON d."id" = u."departmentId"
      LEFT JOIN "RoleGrant" r ON r."userId" = u."id"
      WHERE s."id" = ${sessionId}`;
    const row = rows[0];
    if (!row || !row.active) return [null, null];
    const user: SessionUser = {
      name: row.name,
      email: row.email,
      locale: row.locale,
      roles: rows.flatMap((grantRow) => (grantRow.role ? [grantRow.role] : [])),
      city: {
        id: row.cityId,
        slug: row.citySlug,
        name: row.cityName,
        primaryColor: row.primaryColor,
        accentColor: row.accentColor,
        defaultLocale: row.defaultLocale,
        timeZone: row.timeZone,
      },
      department: row.departmentId && row.departmentName ? { id: row.departmentId, name: row.departmentName } : null,
    };
    return [
      { id: row.id, userId: row.userId, expiresAt: new Date(row.expiresAt), attributes: {} },
      { id: row.userId, attributes: user },
    ];
  },
  async getUserSessions(userId) {
    const sessions = await db().session.findMany({ where: { userId }, select: { id: true, userId: true, expiresAt: true } });
    return sessions.map((session) => ({ ...session, attributes: {} }));
  },
  async setSession(session) {
    await db().session.create({ data: { id: session.id, userId: session.userId, expiresAt: session.expiresAt } });
  },
  async updateSessionExpiration(sessionId, expiresAt) {
    await db().session.updateMany({ where: { id: sessionId }, data: { expiresAt } });
  },
  async deleteSession(sessionId) {
    await db().session.deleteMany({ where: { id: sessionId } });
  },
  async deleteUserSessions(userId) {
    await db().session.deleteMany({ where: { userId } });
  },
  async deleteExpiredSessions() {
    await db().session.deleteMany({ where: { expiresAt: { lte: now() } } });
  },
};

let instance: Lucia<Record<never, never>, SessionUser> | undefined;

/** Sessions expire after SESSION_IDLE_HOURS without a request; each use in the second half extends them. */
export function lucia(): Lucia<Record<never, never>, SessionUser> {
  instance ??= new Lucia(adapter, {
    getUserAttributes: (attributes) => attributes,
    sessionExpiresIn: new TimeSpan(env().SESSION_IDLE_HOURS, "h"),
    sessionCookie: { name: SESSION_COOKIE_NAME, expires: true, attributes: { sameSite: "lax", secure: false } },
  });
  return instance;
}
