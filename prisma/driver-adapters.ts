/**
 * Driver adapters for the Prisma CLI (migrations) and the app, with the workarounds that
 * Prisma 6.19.3's WebAssembly schema engine needs. Kept in one place so an upgrade can
 * remove them; `tests/integration/migrations.test.ts` runs `migrate deploy`, `migrate status`
 * and `migrate diff` on both databases to prove they still work.
 */
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import type { SqlDriverAdapter, SqlMigrationAwareDriverAdapterFactory, SqlQuery } from "@prisma/driver-adapter-utils";
import pg from "pg";

export type DatabaseKind = "sqlite" | "postgres";

export function databaseKind(url: string): DatabaseKind {
  return /^postgres(ql)?:\/\//.test(url) ? "postgres" : "sqlite";
}

/** `file:./data/aula.db` → `./data/aula.db` (relative to the working directory). */
export function sqlitePath(url: string): string {
  return url.replace(/^file:/, "");
}

/** Forward every member to `target`, except the ones in `overrides`. */
function withOverrides<T extends object>(target: T, overrides: Partial<Record<keyof T, unknown>>): T {
  return new Proxy(target, {
    get(object, property) {
      if (property in overrides) return overrides[property as keyof T];
      const value: unknown = Reflect.get(object, property, object);
      return typeof value === "function" ? value.bind(object) : value;
    },
  });
}

/**
 * Defect 1 (SQLite shadow database): the engine sends a whole migration file as one
 * argument-less `executeRaw`, which better-sqlite3 refuses when it holds several
 * statements (P3006). Such calls go to `executeScript` instead.
 */
function scriptAwareSqlite(adapter: SqlDriverAdapter): SqlDriverAdapter {
  return withOverrides(adapter, {
    executeRaw: async (query: SqlQuery) => {
      if (query.args.length > 0) return adapter.executeRaw(query);
      await adapter.executeScript(query.sql);
      return 0;
    },
  });
}

/**
 * Defect 2 (prisma/prisma#27403): the engine cannot read PostgreSQL's `char`, `name`,
 * `regproc`, `pg_node_tree` and `regconfig` columns ("Column type 'name' could not be
 * deserialized"), which its schema introspection selects. Their values arrive as plain
 * strings, so the pool relabels them as `text` before the adapter maps the types.
 */
const SYSTEM_TEXT_OIDS = new Set([18, 19, 24, 194, 2205]);
const TEXT_OID = 25;

function relabelSystemTypes(result: unknown): void {
  for (const one of Array.isArray(result) ? result : [result]) {
    if (one instanceof Object && "fields" in one && Array.isArray(one.fields)) {
      for (const field of one.fields as pg.FieldDef[]) {
        if (SYSTEM_TEXT_OIDS.has(field.dataTypeID)) field.dataTypeID = TEXT_OID;
      }
    }
  }
}

function textFriendlyPool(config: pg.PoolConfig): pg.Pool {
  const pool = new pg.Pool(config);
  // A connection dropped by the server (shutdown, DROP DATABASE) must not crash the CLI.
  pool.on("error", () => {});
  const query = pool.query.bind(pool) as (...args: unknown[]) => Promise<unknown>;
  Object.assign(pool, {
    query: async (...args: unknown[]) => {
      const result = await query(...args);
      relabelSystemTypes(result);
      return result;
    },
  });
  return pool;
}

function sqliteMigrationFactory(url: string): SqlMigrationAwareDriverAdapterFactory {
  const factory = new PrismaBetterSQLite3({ url: sqlitePath(url) });
  return withOverrides(factory, {
    connectToShadowDb: async () => scriptAwareSqlite(await factory.connectToShadowDb()),
  });
}

/**
 * Defect 3 (PostgreSQL shadow database): given a `connectionString`, the adapter's shadow
 * database reuses the real one. We create and drop a throwaway database ourselves and
 * connect to it with separate fields. Defect 4: the pool must let the CLI exit when idle.
 */
function pgMigrationFactory(url: string): SqlMigrationAwareDriverAdapterFactory {
  const parsed = new URL(url);
  const fields: pg.PoolConfig = {
    host: parsed.hostname,
    port: Number(parsed.port || 5432),
    user: decodeURIComponent(parsed.username),
    password: decodeURIComponent(parsed.password),
    database: parsed.pathname.slice(1),
    allowExitOnIdle: true,
  };
  const factory = new PrismaPg(textFriendlyPool(fields));
  return withOverrides(factory, {
    connectToShadowDb: async () => {
      const shadowName = `aula_shadow_${Date.now()}_${Math.floor(Math.random() * 1e6)}`;
      const admin = new pg.Client(fields);
      await admin.connect();
      await admin.query(`CREATE DATABASE "${shadowName}"`);
      await admin.end();
      const shadowPool = textFriendlyPool({ ...fields, database: shadowName });
      const shadow = await new PrismaPg(shadowPool).connect();
      return withOverrides(shadow, {
        dispose: async () => {
          await shadowPool.end();
          const cleanup = new pg.Client(fields);
          await cleanup.connect();
          await cleanup.query(`DROP DATABASE IF EXISTS "${shadowName}" WITH (FORCE)`);
          await cleanup.end();
        },
      });
    },
  });
}

export function migrationAdapterFactory(url: string): SqlMigrationAwareDriverAdapterFactory {
  return databaseKind(url) === "postgres" ? pgMigrationFactory(url) : sqliteMigrationFactory(url);
}
