// Production entry: serves the built app on PORT (default 3000). WEB_CONCURRENCY=N runs N
// workers sharing the port (one per core is a good choice); sessions and throttles live in
// the database, so any worker can answer any request.
import cluster from "node:cluster";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { schemaBehindMessage, schemaStatus } from "../app/operations/schema-status.server.ts";
import { defaultDatabaseUrl } from "../app/env-defaults.ts";
import { createApp, listen } from "./app.js";

const port = Number(process.env.PORT ?? 3000);
const workers = Math.max(1, Number(process.env.WEB_CONCURRENCY ?? 1));

// A schema behind this version's migrations: refuse to start (migrations are the deploy's step).
if (cluster.isPrimary) {
  const status = await schemaStatus(process.env.DATABASE_URL ?? defaultDatabaseUrl);
  if (!status.current) {
    console.error(schemaBehindMessage(status.missing));
    process.exit(1);
  }
}

if (workers > 1 && cluster.isPrimary) {
  for (let index = 0; index < workers; index += 1) cluster.fork();
  cluster.on("exit", (worker, code) => {
    if (code !== 0) cluster.fork();
  });
  console.log(`Aula IA is listening on http://localhost:${port} (${workers} workers)`);
} else {
  // BUILD_DIR lets the benchmark serve its own build without touching ./build.
  const buildDir = process.env.BUILD_DIR ?? "build";
  const build = await import(pathToFileURL(path.resolve(buildDir, "server/index.js")).href);
  const trustProxy = ["1", "true", "yes"].includes(String(process.env.TRUST_PROXY ?? "").toLowerCase());
  listen(createApp({ build, trustProxy, clientDir: `${buildDir}/client` }), port, undefined, () => {
    if (workers === 1) console.log(`Aula IA is listening on http://localhost:${port}`);
  });
}
