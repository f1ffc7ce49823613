/** What the HTTP server (server/app.js) hands to every loader and action. */
declare module "@remix-run/node" {
  interface AppLoadContext {
    /** Per-request nonce for the Content-Security-Policy. */
    cspNonce?: string;
    /** The client's address (behind a trusted proxy: from X-Forwarded-For). */
    clientIp?: string;
    /** A full page load (not a client-side navigation's `.data` request). */
    documentRequest?: boolean;
  }
}

export function clientIp(context: { clientIp?: string }): string {
  return context.clientIp ?? "unknown";
}
