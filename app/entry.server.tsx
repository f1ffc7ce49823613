import { randomBytes } from "node:crypto";
import type { AppLoadContext, EntryContext } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { renderWholePage } from "~/http/render-page.server.ts";
import { contentSecurityPolicy } from "~/http/security-headers.ts";
import { NonceProvider } from "~/ui/nonce.tsx";
import { startReminderSchedule } from "~/assignments/reminder-schedule.server.ts";

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
