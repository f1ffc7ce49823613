/** Session cookies: HttpOnly, SameSite=Lax, Secure whenever the request came over HTTPS. */
import { Cookie } from "lucia";
import { lucia, SESSION_COOKIE_NAME, type SessionUser } from "./lucia.server.ts";

export function isHttps(request: Request): boolean {
  return new URL(request.url).protocol === "https:";
}

function withTransport(cookie: Cookie, request: Request): string {
  return new Cookie(cookie.name, cookie.value, { ...cookie.attributes, secure: isHttps(request) }).serialize();
}

export function readSessionId(request: Request): string | null {
  return lucia().readSessionCookie(request.headers.get("Cookie") ?? "");
}

/** Starts a new session (a fresh id at every login) and returns its Set-Cookie header. */
export async function startSession(userId: string, request: Request): Promise<string> {
  const session = await lucia().createSession(userId, {});
  return withTransport(lucia().createSessionCookie(session.id), request);
}

export async function endSession(request: Request): Promise<string> {
  const sessionId = readSessionId(request);
  if (sessionId) await lucia().invalidateSession(sessionId);
  return withTransport(lucia().createBlankSessionCookie(), request);
}

export async function endAllSessions(userId: string): Promise<void> {
  await lucia().invalidateUserSessions(userId);
}

/** The signed-in user, and a refreshed or blank cookie to send back when needed. */
export async function validateSession(
  request: Request,
): Promise<{ user: (SessionUser & { id: string }) | null; setCookie: string | null }> {
  const sessionId = readSessionId(request);
  if (!sessionId) return { user: null, setCookie: null };
  const { session, user } = await lucia().validateSession(sessionId);
  if (!session || !user) return { user: null, setCookie: withTransport(lucia().createBlankSessionCookie(), request) };
  const setCookie = session.fresh ? withTransport(lucia().createSessionCookie(session.id), request) : null;
  return { user, setCookie };
}

export { SESSION_COOKIE_NAME };
