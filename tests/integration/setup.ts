/** Each test file gets a fresh copy of the template database and its own outbox folder. */
import { copyFileSync, mkdtempSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { afterAll, inject } from "vitest";
import { resetDb } from "~/db.server.ts";
import { backgroundWorkDone } from "~/http/after-response.server.ts";

const scratchDir = inject("scratchDir");
const unique = `t${Date.now()}_${Math.floor(Math.random() * 1e9)}`;

if (inject("databaseKind") === "postgres") {
  const admin = new pg.Client(inject("postgresAdminUrl"));
  await admin.connect();
  await admin.query(`CREATE DATABASE "${unique}" TEMPLATE "${inject("templatePostgresName")}"`);
  await admin.end();
  process.env.DATABASE_URL = inject("postgresAdminUrl").replace(/\/postgres$/, `/${unique}`);
} else {
  const file = path.join(scratchDir, `${unique}.db`);
  copyFileSync(inject("templateSqliteFile"), file);
  process.env.DATABASE_URL = `file:${file}`;
}
process.env.OUTBOX_DIR = mkdtempSync(path.join(scratchDir, "outbox-"));
process.env.APP_URL = "http://localhost:3000";

afterAll(async () => {
  await backgroundWorkDone();
  await resetDb();
});
