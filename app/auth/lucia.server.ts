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

const adapter: Adapter = {
  async getSessionAndUser(sessionId): Promise<[DatabaseSession | null, DatabaseUser | null]> {
    const session = await db().session.findUnique({
      where: { id: sessionId },
      select: {
        id: true,
        userId: true,
        expiresAt: true,
        user: {
          select: {
            active: true,
            name: true,
            email: true,
            locale: true,
            roleGrants: { select: { role: true } },
            city: {
              select: {
                id: true,
                slug: true,
                name: true,
                primaryColor: true,
                accentColor: true,
                defaultLocale: true,
                timeZone: true,
              },
            },
            department: { select: { id: true, name: true } },
          },
        },
      },
    });
    if (!session || !session.user.active) return [null, null];
    const { active: _active, roleGrants, ...user } = session.user;
    return [
      { id: session.id, userId: session.userId, expiresAt: session.expiresAt, attributes: {} },
      { id: session.userId, attributes: { ...user, roles: roleGrants.map((grant) => grant.role) } },
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
