// Prisma CLI configuration. Runs inside every `prisma` command.
import path from "node:path";
import { defineConfig } from "prisma/config";
import { defaultDatabaseUrl } from "./app/env-defaults.ts";
import { migrationAdapterFactory, databaseKind } from "./prisma/driver-adapters.ts";

// Prisma 6.19 runs on its WebAssembly engines here; never let a command try to download native ones.
process.env.PRISMA_QUERY_ENGINE_LIBRARY ??= "/bin/false";
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= "/bin/false";

const databaseUrl = process.env.DATABASE_URL ?? defaultDatabaseUrl;
const kind = databaseKind(databaseUrl);
const folder = kind === "postgres" ? "prisma/postgres" : "prisma";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join(folder, "schema.prisma"),
  migrations: { path: path.join(folder, "migrations") },
  adapter: async () => migrationAdapterFactory(databaseUrl),
});
