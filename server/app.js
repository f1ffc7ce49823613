// The HTTP server around the Remix build: security headers, origin check, body limits, static files.
import { randomBytes } from "node:crypto";
import { createRequestHandler } from "@remix-run/express";
import compression from "compression";
import express from "express";
import { requestScope } from "../app/http/request-scope.ts";
import { staticSecurityHeaders } from "../app/http/security-headers.ts";

export const MAX_BODY_BYTES = 1024 * 1024;

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * @param {{ build: import("@remix-run/node").ServerBuild, trustProxy?: boolean, clientDir?: string }} options
 */
export function createApp({ build, trustProxy = false, clientDir = "build/client" }) {
  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", trustProxy);
  app.use(compression());

  // Per-request memo (the session is loaded once, whichever loaders ask for it).
  app.use((_req, _res, next) => requestScope.run(new Map(), next));

  app.use((req, res, next) => {
    res.locals.cspNonce = randomBytes(16).toString("base64");
    for (const [name, value] of Object.entries(staticSecurityHeaders)) res.setHeader(name, value);
    if (req.secure) res.setHeader("Strict-Transport-Security", "max-age=31536000");
    next();
  });

  // State-changing requests from another site are refused (defence against CSRF).
  app.use((req, res, next) => {
    if (SAFE_METHODS.has(req.method)) return next();
    const origin = req.get("origin");
    const fetchSite = req.get("sec-fetch-site");
    const ownOrigin = `${req.protocol}://${req.get("host")}`;
    if ((origin && origin !== "null" && origin !== ownOrigin) || origin === "null" || fetchSite === "cross-site") {
      res.status(403).type("text/plain").send("Forbidden: cross-site request");
      return;
    }
    const length = req.get("content-length");
    if (length !== undefined && Number(length) > MAX_BODY_BYTES) {
      res.status(413).type("text/plain").send("Payload too large");
      return;
    }
    if (length === undefined && req.get("transfer-encoding")) {
      res.status(411).type("text/plain").send("Length required");
      return;
    }
    next();
  });

  app.use("/assets", express.static(`${clientDir}/assets`, { immutable: true, maxAge: "1y" }));
  app.use(express.static(clientDir, { maxAge: "1h" }));

  app.all(
    "*",
    createRequestHandler({
      build,
      getLoadContext: (req, res) => ({ cspNonce: res.locals.cspNonce, clientIp: req.ip ?? "unknown" }),
    }),
  );
  return app;
}
