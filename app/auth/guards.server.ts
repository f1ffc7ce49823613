/**
 * The one auth guard. Every protected loader and action starts with `requireUser` or
 * `requireRole`; both throw (a redirect to the login page, or a 403) instead of returning.
 */
import { redirect } from "@remix-run/node";
import { forbidden } from "~/http/responses.server.ts";
import { hasAnyRole, type AnyRole } from "./roles.ts";
import { isPublicPath } from "~/http/cache-policy.ts";
import { oncePerRequest, SESSION_WORK } from "~/http/request-scope.ts";
import type { SessionUser } from "./session-store.server.ts";
import { endSession, readSessionToken, validateSession } from "./session.server.ts";

export type CurrentUser = SessionUser & { id: string };

const NOBODY = { user: null, setCookie: null } as const;

/**
 * The signed-in user, or null. Loaded once per request. Public pages (cache-policy.ts) never
 * read the session, so neither viewer data nor a refreshed cookie can reach a shared cache.
 */
export async function getSessionState(request: Request): Promise<{ user: CurrentUser | null; setCookie: string | null }> {
  if (isPublicPath(new URL(request.url).pathname)) return NOBODY;
  return oncePerRequest(SESSION_WORK, () => validateSession(request));
}

export async function getCurrentUser(request: Request): Promise<CurrentUser | null> {
  return (await getSessionState(request)).user;
}

export async function requireUser(request: Request): Promise<CurrentUser> {
  const user = await getCurrentUser(request);
  if (!user) {
    const url = new URL(request.url);
    const params = new URLSearchParams({ redirectTo: `${url.pathname}${url.search}` });
    // A session cookie that no longer opens a session: it expired (or was ended elsewhere).
    if (readSessionToken(request)) params.set("expired", "1");
    throw redirect(`/login?${params.toString()}`, { headers: { "Set-Cookie": await endSession(request) } });
  }
  return user;
}

/** The user must hold at least one of the roles. */
export async function requireRole(request: Request, ...roles: AnyRole[]): Promise<CurrentUser> {
  const user = await requireUser(request);
  if (!hasAnyRole(user.roles, roles)) throw forbidden();
  return user;
}

/** Throws a redirect home when someone is already signed in (login and sign-up pages). */
export async function requireAnonymous(request: Request): Promise<void> {
  if (await getCurrentUser(request)) throw redirect("/");
}
