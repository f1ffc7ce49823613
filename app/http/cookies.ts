/**
 * Reading and writing cookies. The Cookie header is shared with whatever else runs on the
 * domain (a sibling subdomain's analytics, a browser extension), so reading never fails:
 * a pair that is not `name=value`, or whose value does not decode, is skipped.
 */

/** The value of one cookie, or null when it is absent or malformed. */
export function readCookie(header: string | null | undefined, name: string): string | null {
  if (!header) return null;
  for (const pair of header.split(";")) {
    const equals = pair.indexOf("=");
    if (equals === -1 || pair.slice(0, equals).trim() !== name) continue;
    let value = pair.slice(equals + 1).trim();
    if (value.length >= 2 && value.startsWith('"') && value.endsWith('"')) value = value.slice(1, -1);
    const decoded = safeDecode(value);
    if (decoded !== null) return decoded;
  }
  return null;
}

function safeDecode(value: string): string | null {
  try {
    return decodeURIComponent(value);
  } catch {
    return null;
  }
}

export interface CookieOptions {
  maxAgeSeconds: number;
  httpOnly?: boolean;
  secure: boolean;
}

/** A Set-Cookie header value for the whole site, SameSite=Lax. */
export function serializeCookie(name: string, value: string, options: CookieOptions): string {
  const parts = [`${name}=${encodeURIComponent(value)}`, "Path=/", `Max-Age=${Math.max(0, Math.floor(options.maxAgeSeconds))}`];
  if (options.httpOnly) parts.push("HttpOnly");
  parts.push("SameSite=Lax");
  if (options.secure) parts.push("Secure");
  return parts.join("; ");
}
