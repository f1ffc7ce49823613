/**
 * Whether an error means the database could not answer (decision 035): PostgreSQL unreachable,
 * a connection dropped or a pool exhausted, SQLite's write lock held past the busy timeout. Such a
 * request is answered with the 503 page (server/app.js); it changed nothing, since every write it
 * made was in a transaction that did not commit. The mark lives in the request's scope, which
 * the server and the built app share (app/http/request-scope.ts).
 */
import { requestScope } from "../http/request-scope.ts";

/** Prisma's codes for "the database did not answer": unreachable, timed out, connection closed, pool timeout. */
const UNAVAILABLE_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2024"]);
/** The driver adapters' kinds for the same. */
const UNAVAILABLE_KINDS = new Set(["DatabaseNotReachable", "SocketTimeout", "ConnectionClosed", "TooManyConnections"]);
/** Node's network errors, PostgreSQL's connection-exception (08) and operator-intervention (57) classes, SQLite's lock. */
const UNAVAILABLE_SYSTEM_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "SQLITE_BUSY", "SQLITE_LOCKED"]);

function field(value: unknown, name: string): unknown {
  return typeof value === "object" && value !== null && name in value ? (value as Record<string, unknown>)[name] : undefined;
}

export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (typeof error !== "object" || error === null || depth > 4) return false;
  const code = field(error, "code") ?? field(error, "errorCode");
  if (typeof code === "string") {
    if (UNAVAILABLE_CODES.has(code) || UNAVAILABLE_SYSTEM_CODES.has(code)) return true;
    if (/^(08|57)[0-9A-Z]{3}$/.test(code)) return true;
  }
  const kind = field(error, "kind");
  if (typeof kind === "string" && UNAVAILABLE_KINDS.has(kind)) return true;
  const originalCode = field(error, "originalCode");
  if (typeof originalCode === "string" && UNAVAILABLE_SYSTEM_CODES.has(originalCode)) return true;
  const adapterError = field(field(error, "meta"), "driverAdapterError");
  return [adapterError, field(error, "cause")].some((inner) => inner !== undefined && isDatabaseUnavailable(inner, depth + 1));
}

const UNAVAILABLE_MARK = "database-unavailable";

/** Called for every error a loader or action throws (entry.server.tsx): marks the request when the database did not answer. */
export function noteDatabaseError(error: unknown): void {
  if (!isDatabaseUnavailable(error)) return;
  requestScope.getStore()?.set(UNAVAILABLE_MARK, Promise.resolve(true));
}

/** Whether some loader or action of this request found the database unavailable. */
export function databaseWasUnavailable(store: Map<string, unknown> | undefined): boolean {
  return store?.has(UNAVAILABLE_MARK) ?? false;
}
