/**
 * Prepares one migrated, seeded template database for the run (SQLite file or a real
 * PostgreSQL started here); every test file then gets its own fresh copy (setup.ts).
 * TEST_DATABASE=postgres selects PostgreSQL.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { startThrowawayPostgres, type ThrowawayPostgres } from "../../scripts/throwaway-postgres.ts";

declare module "vitest" {
  export interface ProvidedContext {
    databaseKind: "sqlite" | "postgres";
    templateSqliteFile: string;
    postgresAdminUrl: string;
    templatePostgresName: string;
    scratchDir: string;
  }
}

function prepare(databaseUrl: string): void {
  const env = { ...process.env, DATABASE_URL: databaseUrl, DEMO: "true" };
  execFileSync("node_modules/.bin/tsx", ["scripts/db.ts", "deploy"], { env, stdio: ["ignore", "ignore", "inherit"] });
  execFileSync("node_modules/.bin/tsx", ["prisma/seed.ts"], { env, stdio: ["ignore", "ignore", "inherit"] });
}

export default async function setup(project: TestProject) {
  const kind = process.env.TEST_DATABASE === "postgres" ? "postgres" : "sqlite";
  const scratchDir = mkdtempSync(path.join(os.tmpdir(), "aula-it-"));
  let postgres: ThrowawayPostgres | undefined;
  project.provide("databaseKind", kind);
  project.provide("scratchDir", scratchDir);
  if (kind === "postgres") {
    // Without autovacuum, no table's statistics change while the tests run: the plans the query-plan
    // test reads would otherwise depend on whether an analyse had passed since rows were written.
    postgres = await startThrowawayPostgres({ autovacuum: false });
    const templateName = "aula_template";
    prepare(await postgres.createDatabase(templateName));
    project.provide("postgresAdminUrl", postgres.url("postgres"));
    project.provide("templatePostgresName", templateName);
    project.provide("templateSqliteFile", "");
  } else {
    const file = path.join(scratchDir, "template.db");
    prepare(`file:${file}`);
    project.provide("templateSqliteFile", file);
    project.provide("postgresAdminUrl", "");
    project.provide("templatePostgresName", "");
  }
  return async () => {
    await postgres?.stop();
    rmSync(scratchDir, { recursive: true, force: true });
  };
}
