import { randomBytes } from "node:crypto";
import type { AppLoadContext, EntryContext, HandleErrorFunction } from "@remix-run/node";
import { isRouteErrorResponse } from "@remix-run/react";
import { RemixServer } from "@remix-run/react";
import { renderWholePage } from "~/http/render-page.server.ts";
import { contentSecurityPolicy } from "~/http/security-headers.ts";
import { NonceProvider } from "~/ui/nonce.tsx";
import { startReminderSchedule } from "~/assignments/reminder-schedule.server.ts";
import { isDatabaseUnavailable, noteDatabaseError } from "~/operations/database-availability.ts";

const ABORT_DELAY = 5_000;

// Off unless REMINDERS_EVERY_MINUTES is set; a lease keeps it to one server at a time.
startReminderSchedule();

export default async function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  const nonce = loadContext.cspNonce ?? randomBytes(16).toString("base64");
  const page = await renderWholePage(
    <NonceProvider value={nonce}>
      <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} nonce={nonce} />
    </NonceProvider>,
    { nonce, timeoutMs: ABORT_DELAY },
  );
  responseHeaders.set("Content-Type", "text/html; charset=utf-8");
  responseHeaders.set("Content-Security-Policy", contentSecurityPolicy(nonce, process.env.NODE_ENV !== "production"));
  // Logged on the server only (renderWholePage); the person sees the friendly error page.
  return new Response(page.html, { headers: responseHeaders, status: page.hadErrors ? 500 : responseStatusCode });
}

/**
 * Every error a loader or action throws: logged (as Remix does by default), and a database that
 * did not answer marks the request, which then gets the 503 page (server/app.js).
 */
export const handleError: HandleErrorFunction = (error, { request }) => {
  if (request.signal.aborted) return;
  const cause = isRouteErrorResponse(error) && "error" in error && error.error ? error.error : error;
  noteDatabaseError(cause);
  if (isDatabaseUnavailable(cause)) console.error(`database unavailable: ${request.method} ${new URL(request.url).pathname}`);
  else console.error(cause);
};
