/**
 * Sessions (decision 010): the cookie holds a random token, the database its SHA-256. Cookies
 * are HttpOnly, SameSite=Lax, Secure whenever the request came over HTTPS. A session ends after
 * SESSION_IDLE_HOURS without a request and SESSION_MAX_DAYS after login.
 */
import { now } from "~/clock.server.ts";
import { env } from "~/env.server.ts";
import { readCookie, serializeCookie } from "~/http/cookies.ts";
import { checkSession, newSessionTimes, type SessionLifetime } from "./session-lifetime.ts";
import {
  deleteSession,
  deleteUserSessions,
  extendSession,
  findSession,
  insertSession,
  type SessionUser,
} from "./session-store.server.ts";
import { hashToken, newToken } from "./tokens.server.ts";
import { recordVisit } from "~/privacy/retention.server.ts";

export const SESSION_COOKIE_NAME = "aula_session";

// newToken's 32 random bytes in base64url. Anything else in the cookie is not looked up.
const TOKEN_FORMAT = /^[A-Za-z0-9_-]{43}$/;

function lifetime(): SessionLifetime {
  const { SESSION_IDLE_HOURS, SESSION_MAX_DAYS } = env();
  return { idleMs: SESSION_IDLE_HOURS * 3_600_000, maxMs: SESSION_MAX_DAYS * 86_400_000 };
}

export function isHttps(request: Request): boolean {
  return new URL(request.url).protocol === "https:";
}

function sessionCookie(token: string, expiresAt: Date, request: Request): string {
  const maxAgeSeconds = (expiresAt.getTime() - now().getTime()) / 1000;
  return serializeCookie(SESSION_COOKIE_NAME, token, { maxAgeSeconds, httpOnly: true, secure: isHttps(request) });
}

function blankCookie(request: Request): string {
  return serializeCookie(SESSION_COOKIE_NAME, "", { maxAgeSeconds: 0, httpOnly: true, secure: isHttps(request) });
}

/** The token in the request's session cookie, if it has one (well formed or not). */
export function readSessionToken(request: Request): string | null {
  return readCookie(request.headers.get("Cookie"), SESSION_COOKIE_NAME) || null;
}

/** A new session in the database; returns the token for the cookie (tests and scripts use it directly). */
export async function createSession(userId: string): Promise<{ token: string; expiresAt: Date }> {
  const { token, tokenHash } = newToken();
  const times = newSessionTimes(now(), lifetime());
  await insertSession({ id: tokenHash, userId, ...times });
  return { token, expiresAt: times.expiresAt };
}

/** Starts a new session (a fresh token at every login) and returns its Set-Cookie header. */
export async function startSession(userId: string, request: Request): Promise<string> {
  const { token, expiresAt } = await createSession(userId);
  return sessionCookie(token, expiresAt, request);
}

export async function endSession(request: Request): Promise<string> {
  const token = readSessionToken(request);
  if (token && TOKEN_FORMAT.test(token)) await deleteSession(hashToken(token));
  return blankCookie(request);
}

export async function endAllSessions(userId: string): Promise<void> {
  await deleteUserSessions(userId);
}

/** The signed-in user, and a refreshed or blank cookie to send back when needed. */
export async function validateSession(
  request: Request,
): Promise<{ user: (SessionUser & { id: string }) | null; setCookie: string | null }> {
  const token = readSessionToken(request);
  if (!token) return { user: null, setCookie: null };
  const found = TOKEN_FORMAT.test(token) ? await findSession(hashToken(token)) : null;
  if (!found) return { user: null, setCookie: blankCookie(request) };
  const check = checkSession(found.session, now(), lifetime());
  if (check.state === "ended") {
    await deleteSession(found.session.id);
    return { user: null, setCookie: blankCookie(request) };
  }
  // Retention counts from the last visit, recorded at most once a day (no write on most requests).
  await recordVisit(found.session.userId, found.lastSeenAt, now());
  if (!check.extended) return { user: found.user, setCookie: null };
  await extendSession(found.session.id, check.expiresAt);
  return { user: found.user, setCookie: sessionCookie(token, check.expiresAt, request) };
}
