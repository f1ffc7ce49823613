/**
 * Which answers anyone may cache (decision 010). Only the paths listed here are public; the
 * session is never read for them (guards.server.ts), so no viewer data and no refreshed cookie
 * can reach them. Every other answer of the app is `private, no-store`. The HTTP server sets the
 * header on every answer from one place (server/app.js); routes do not set Cache-Control.
 */

interface PublicPath {
  /** A route path with `:param` segments, as in the route file's name. */
  path: string;
  cacheControl: string;
  /** Request headers the answer depends on (the language of a page). */
  vary?: string;
}

const YEAR = "public, max-age=31536000, immutable";

export const publicPaths: readonly PublicPath[] = [
  // Short, so that a revocation shows within a minute. The language comes from the switcher's
  // cookie or the browser's languages.
  { path: "/verify/:code", cacheControl: "public, max-age=60", vary: "Accept-Language, Cookie" },
  // The version in the link changes with the colours.
  { path: "/themes/:city", cacheControl: YEAR },
  // Named by the content's hash.
  { path: "/course-assets/:file", cacheControl: YEAR },
  { path: "/files/:hash", cacheControl: YEAR },
];

export const PRIVATE = "private, no-store";

const compiled = publicPaths.map((entry) => ({
  entry,
  pattern: new RegExp(
    `^${entry.path
      .split("/")
      .map((segment) => (segment.startsWith(":") ? "[^/]+" : segment.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")))
      .join("/")}$`,
  ),
}));

/** A page's pathname, also when it is asked for as single-fetch data (`/x.data`, `/_root.data`). */
function pagePath(pathname: string): string {
  if (!pathname.endsWith(".data")) return pathname;
  const page = pathname.slice(0, -".data".length);
  return page === "/_root" ? "/" : page;
}

/** The public entry a path falls under, or null for every personal (or possibly personal) path. */
export function publicPathFor(pathname: string): PublicPath | null {
  const page = pagePath(pathname);
  return compiled.find(({ pattern }) => pattern.test(page))?.entry ?? null;
}

export function isPublicPath(pathname: string): boolean {
  return publicPathFor(pathname) !== null;
}

/**
 * The caching headers of one answer. Public only for a successful read of a public path that
 * neither read the session nor sets a cookie; anything else is private and never stored.
 */
export function cacheHeaders(answer: {
  method: string;
  pathname: string;
  status: number;
  sessionRead: boolean;
  setsCookie: boolean;
}): { cacheControl: string; vary?: string } {
  const entry = answer.method === "GET" || answer.method === "HEAD" ? publicPathFor(answer.pathname) : null;
  if (!entry || answer.status !== 200 || answer.sessionRead || answer.setsCookie) return { cacheControl: PRIVATE };
  return entry.vary ? { cacheControl: entry.cacheControl, vary: entry.vary } : { cacheControl: entry.cacheControl };
}
