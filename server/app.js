// The HTTP server around the Remix build: security headers, origin check, body limits, static files.
import { randomBytes } from "node:crypto";
import { existsSync, readdirSync } from "node:fs";
import zlib from "node:zlib";
// The adapter's own request conversion (its package index exports only the whole handler; the
// version is pinned in package.json).
import { createRemixRequest, sendRemixResponse } from "@remix-run/express/dist/server.js";
import { createRequestHandler } from "@remix-run/node";
import compression from "compression";
import express from "express";
import { cacheHeaders } from "../app/http/cache-policy.ts";
import { refusalText } from "../app/http/refusals.ts";
import { requestScope, runAfterRequest, sessionWasRead } from "../app/http/request-scope.ts";
import { staticSecurityHeaders } from "../app/http/security-headers.ts";
import { databaseWasUnavailable } from "../app/operations/database-availability.ts";
import { RETRY_AFTER_SECONDS, unavailableAnswer } from "../app/operations/unavailable-page.ts";

// The outer bounds, for any route: each action declares its own, smaller limits
// (app/forms/limits.ts), which the form reader enforces. Only multipart bodies carry files.
export const MAX_BODY_BYTES = 1024 * 1024;
export const MAX_UPLOAD_BYTES = 64 * 1024 * 1024;

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * @param {{ build: import("@remix-run/node").ServerBuild, trustProxy?: boolean, clientDir?: string }} options
 */
export function createApp({ build, trustProxy = false, clientDir = "build/client" }) {
  const app = express();
  app.disable("x-powered-by");
  // Only the nearest proxy's X-Forwarded-For entry is believed: earlier ones are whatever the
  // client wrote, and would let it pick the IP address its login attempts are counted against.
  app.set("trust proxy", trustProxy ? 1 : false);
  // Brotli (what browsers prefer over HTTPS) with its default 4 MB window set up a large encoder
  // for every response: a 16 KB lesson page took 3 times the CPU time of an uncompressed one.
  // A 64 KB window, larger than any page, compresses them as small at half that cost.
  // Downloads (exports, data exports) stream as they are written: a compressor would hold a
  // streamed CSV, headers included, until it had enough to emit, so the first byte came last.
  /** @param {import("express").Request} req @param {import("express").Response} res */
  const notADownload = (req, res) =>
    !String(res.getHeader("Content-Disposition") ?? "").startsWith("attachment") && compression.filter(req, res);
  app.use(compression({ filter: notADownload, brotli: { params: { [zlib.constants.BROTLI_PARAM_LGWIN]: 16 } } }));

  // Per-request memo (the session is loaded once, whichever loaders ask for it), and what to do
  // once the response is sent or the request aborted (uploaded files are removed).
  app.use((req, res, next) => {
    const scope = new Map();
    res.once("close", () => void runAfterRequest(scope));
    // A body nobody read to its end (an action that ignores its form, a refusal) is drained once
    // the answer is sent, up to the largest body any route accepts: left paused, it stalls a
    // kept-alive connection, and a client still sending it would see the connection reset before
    // it reads the answer. Past that bound the connection is dropped.
    res.once("finish", () => {
      if (req.complete) return;
      let drained = 0;
      req.removeAllListeners("data");
      req.on("data", (/** @type {Buffer} */ chunk) => {
        drained += chunk.length;
        if (drained > MAX_UPLOAD_BYTES) req.socket.destroy();
      });
      req.resume();
    });
    requestScope.run(scope, next);
  });

  app.use((req, res, next) => {
    res.locals.cspNonce = randomBytes(16).toString("base64");
    for (const [name, value] of Object.entries(staticSecurityHeaders)) res.setHeader(name, value);
    if (req.secure) res.setHeader("Strict-Transport-Security", "max-age=31536000");
    next();
  });

  /**
   * @param {import("express").Request} req @param {import("express").Response} res
   * @param {number} status @param {import("../app/http/refusals.ts").Refusal} refusal
   */
  const sendRefusal = (req, res, status, refusal) =>
    res
      .status(status)
      // The body is not read, so the connection cannot carry another request: closing it keeps a
      // keep-alive client from sending its next request into the unread bytes (a reset).
      .set("Connection", "close")
      .type("text/plain; charset=utf-8")
      .send(refusalText(refusal, { cookie: req.get("cookie"), acceptLanguage: req.get("accept-language") }));

  // With single fetch, Remix still answers the old `?_data=` requests, with a body that does not
  // match its Content-Type. Only a page built before single fetch sends them: it is told to reload.
  app.use((req, res, next) => {
    if (new URLSearchParams(req.originalUrl.split("?")[1] ?? "").has("_data")) sendRefusal(req, res, 400, "oldPage");
    else next();
  });

  // State-changing requests from another site are refused (defence against CSRF).
  app.use((req, res, next) => {
    if (SAFE_METHODS.has(req.method)) return next();
    const origin = req.get("origin");
    const fetchSite = req.get("sec-fetch-site");
    const ownOrigin = `${req.protocol}://${req.get("host")}`;
    if ((origin && origin !== "null" && origin !== ownOrigin) || origin === "null" || fetchSite === "cross-site") {
      sendRefusal(req, res, 403, "crossSite");
      return;
    }
    const length = req.get("content-length");
    const multipart = /^multipart\/form-data\b/i.test(req.get("content-type") ?? "");
    if (length !== undefined && Number(length) > (multipart ? MAX_UPLOAD_BYTES : MAX_BODY_BYTES)) {
      sendRefusal(req, res, 413, "tooLarge");
      return;
    }
    if (length === undefined && req.get("transfer-encoding")) {
      sendRefusal(req, res, 411, "lengthRequired");
      return;
    }
    next();
  });

  app.use("/assets", express.static(`${clientDir}/assets`, { immutable: true, maxAge: "1y" }));
  // Only paths under the client folder's own entries go to the disk: a failed file lookup on
  // every page and data request took about 4% of a lesson page's CPU time.
  const clientEntries = new Set(existsSync(clientDir) ? readdirSync(clientDir) : []);
  const publicFiles = express.static(clientDir, { maxAge: "1h" });
  app.use((req, res, next) => (clientEntries.has(req.path.split("/")[1] ?? "") ? publicFiles(req, res, next) : next()));

  // Cache-Control for every answer of the app, set here and nowhere else (cache-policy.ts):
  // public only for a public path whose answer read no session and sets no cookie.
  app.use((req, res, next) => {
    const scope = requestScope.getStore();
    const writeHead = res.writeHead;
    /** @type {typeof res.writeHead} */
    const withCacheHeaders = function (/** @type {any[]} */ ...args) {
      const status = typeof args[0] === "number" ? args[0] : res.statusCode;
      const { cacheControl, vary } = cacheHeaders({
        method: req.method,
        pathname: req.path,
        status,
        sessionRead: sessionWasRead(scope),
        setsCookie: res.hasHeader("set-cookie"),
      });
      res.setHeader("Cache-Control", cacheControl);
      if (vary) res.vary(vary);
      return writeHead.apply(res, /** @type {Parameters<typeof writeHead>} */ (args));
    };
    res.writeHead = withCacheHeaders;
    next();
  });

  // Remix's Express adapter, with one addition: a request during which the database could not
  // answer (a loader or action marked it, app/operations/database-availability.ts) gets the 503
  // page in the visitor's language instead of the general error page. The next request tries the
  // database again, so the app recovers by itself once it answers.
  const handleRequest = createRequestHandler(build, process.env.NODE_ENV);
  app.all("*", async (req, res, next) => {
    try {
      const documentRequest = !req.path.endsWith(".data");
      const response = await handleRequest(createRemixRequest(req, res), {
        cspNonce: res.locals.cspNonce,
        clientIp: req.ip ?? "unknown",
        documentRequest,
      });
      // An answer given before the body was all read (a form over its route's limits): as with
      // the refusals above, the connection cannot carry another request, so it closes after it.
      if (!req.complete) res.set("Connection", "close");
      if (!databaseWasUnavailable(requestScope.getStore())) return await sendRemixResponse(res, response);
      await response.body?.cancel();
      const answer = unavailableAnswer(
        { cookie: req.get("cookie"), acceptLanguage: req.get("accept-language") },
        { document: documentRequest },
      );
      res.status(503).set("Retry-After", String(RETRY_AFTER_SECONDS)).type(answer.contentType).send(answer.body);
    } catch (error) {
      next(error);
    }
  });
  return app;
}

/**
 * Listens with the app's connection timeouts. An idle keep-alive connection stays open longer
 * than a front proxy keeps its own (often 60 s), so a client never sends a request on a socket
 * this server is just closing: with Node's default of 5 s such requests failed with a reset under
 * load, behind a proxy and in the tests alike.
 * @param {import("express").Express} app
 * @param {number} port
 * @param {string | undefined} host
 * @param {() => void} [onListening]
 */
export function listen(app, port, host, onListening) {
  const server = host === undefined ? app.listen(port, onListening) : app.listen(port, host, onListening);
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  return server;
}
