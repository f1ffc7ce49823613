/**
 * Whether `npm start` applies the migrations itself (decision 035): always for the embedded
 * default, SQLite (one server, one file); on PostgreSQL only when told to, with
 * MIGRATE_ON_START=true, since several servers share it and migrations run once per deploy
 * (`npm run db:deploy`).
 */
import { databaseKind } from "../../prisma/driver-adapters.ts";
import { defaultDatabaseUrl } from "../env-defaults.ts";

export function migratesOnStart(environment: Record<string, string | undefined>): boolean {
  if (databaseKind(environment["DATABASE_URL"] ?? defaultDatabaseUrl) === "sqlite") return true;
  return ["1", "true", "yes"].includes((environment["MIGRATE_ON_START"] ?? "").trim().toLowerCase());
}
