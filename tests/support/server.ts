/** The built app behind the real HTTP server (security headers, origin check), on a free port. */
import type { AddressInfo } from "node:net";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { ServerBuild } from "@remix-run/node";
import { createApp, listen } from "../../server/app.js";

export interface TestServer {
  origin: string;
  build: ServerBuild;
  request: (pathname: string, init?: RequestInit & { cookie?: string; form?: Record<string, string> }) => Promise<Response>;
  close: () => Promise<void>;
}

export async function startTestServer(options: { trustProxy?: boolean } = {}): Promise<TestServer> {
  const build = (await import(pathToFileURL(path.resolve("build/server/index.js")).href)) as ServerBuild;
  const server = listen(createApp({ build, trustProxy: options.trustProxy }), 0, "127.0.0.1");
  await new Promise<void>((resolve) => server.once("listening", () => resolve()));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    build,
    request(pathname, init = {}) {
      const { cookie, form, headers, ...rest } = init;
      const allHeaders = new Headers(headers);
      if (cookie) allHeaders.set("Cookie", cookie);
      if (form) {
        allHeaders.set("Content-Type", "application/x-www-form-urlencoded");
        if (!allHeaders.has("Origin")) allHeaders.set("Origin", origin);
      }
      return fetch(`${origin}${pathname}`, {
        redirect: "manual",
        ...rest,
        method: rest.method ?? (form ? "POST" : "GET"),
        headers: allHeaders,
        body: form ? new URLSearchParams(form).toString() : rest.body,
      });
    },
    // Kept-alive connections stay open 65 s (server/app.js listen); a test's end closes them at once.
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
