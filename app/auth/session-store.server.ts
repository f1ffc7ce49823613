/**
 * The Session table (decision 010). A session's id is the SHA-256 of the random token in the
 * cookie, so a copy of the table opens no session. Callers pass the hash, never the token.
 */
import { db, Prisma, rawDate } from "~/db.server.ts";
import { isOpenAccount } from "./account-status.server.ts";
import type { GrantableRole } from "./roles.ts";

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
    /** The logo in the file store (served at /files/<hash>), or null. */
    logoHash?: string | null;
    defaultLocale: string;
    timeZone: string;
  };
  department: { id: string; name: string } | null;
  /** The department subtree an HR grant is limited to; null when city-wide (or no HR grant). */
  hrDepartmentId: string | null;
}

export interface StoredSession {
  id: string;
  userId: string;
  createdAt: Date;
  expiresAt: Date;
}

interface SessionRow {
  id: string;
  userId: string;
  createdAt: Date | string | number;
  expiresAt: Date | string | number;
  name: string;
  email: string;
  locale: string;
  // SQLite answers 0/1, PostgreSQL true/false.
  active: boolean | number | bigint;
  cityDeactivatedAt: Date | string | number | null;
  lastSeenAt: Date | string | number | null;
  cityId: string;
  citySlug: string;
  cityName: string;
  primaryColor: string;
  accentColor: string;
  logoHash: string | null;
  defaultLocale: string;
  timeZone: string;
  departmentId: string | null;
  departmentName: string | null;
  role: GrantableRole | null;
  grantDepartmentId: string | null;
}

/**
 * The hottest query of the app (every page): one join in plain SQL, valid on SQLite and
 * PostgreSQL. One row per role grant (or one row with no role), so roles come along too.
 * A session of a deactivated person, or of a person of a deactivated city, opens nothing.
 */
export async function findSession(
  id: string,
): Promise<{ session: StoredSession; user: SessionUser & { id: string }; lastSeenAt: Date | null } | null> {
  const rows = await db().$queryRaw<SessionRow[]>`
    SELECT s."id", s."userId", s."createdAt", s."expiresAt", u."name", u."email", u."locale", u."active", u."lastSeenAt",
           c."id" AS "cityId", c."slug" AS "citySlug", c."name" AS "cityName", c."primaryColor", c."accentColor",
           c."logoHash", c."defaultLocale", c."timeZone", c."deactivatedAt" AS "cityDeactivatedAt", d."id" AS "departmentId",
           d."name" AS "departmentName", r."role",
           r."departmentId" AS "grantDepartmentId"
    FROM "Session" s
    JOIN "User" u ON u."id" = s."userId"
    JOIN "City" c ON c."id" = u."cityId"
    LEFT JOIN "Department" d ON d."id" = u."departmentId"
    LEFT JOIN "RoleGrant" r ON r."userId" = u."id"
    WHERE s."id" = ${id}`;
  const row = rows[0];
  if (!row || !isOpenAccount({ active: row.active, city: { deactivatedAt: row.cityDeactivatedAt } })) return null;
  return {
    session: { id: row.id, userId: row.userId, createdAt: rawDate(row.createdAt)!, expiresAt: rawDate(row.expiresAt)! },
    lastSeenAt: rawDate(row.lastSeenAt),
    user: {
      id: row.userId,
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
        logoHash: row.logoHash,
        defaultLocale: row.defaultLocale,
        timeZone: row.timeZone,
      },
      department: row.departmentId && row.departmentName ? { id: row.departmentId, name: row.departmentName } : null,
      hrDepartmentId: rows.find((grantRow) => grantRow.role === "HR")?.grantDepartmentId ?? null,
    },
  };
}

export async function insertSession(session: StoredSession): Promise<void> {
  await db().session.create({ data: session });
}

export async function extendSession(id: string, expiresAt: Date): Promise<void> {
  await db().session.updateMany({ where: { id }, data: { expiresAt } });
}

export async function deleteSession(id: string): Promise<void> {
  await db().session.deleteMany({ where: { id } });
}

/** Ends every session of a person; inside a transaction when given one. */
export async function deleteUserSessions(userId: string, client: Prisma.TransactionClient = db()): Promise<void> {
  await client.session.deleteMany({ where: { userId } });
}
