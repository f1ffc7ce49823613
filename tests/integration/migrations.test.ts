/** The migration folders match the schema on both databases, and the Prisma CLI workarounds still hold. */
import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";

function run(args: string[], env: Record<string, string> = {}): string {
  return execFileSync("node_modules/.bin/tsx", args, {
    env: { ...process.env, ...env },
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
  });
}

describe("migrations", () => {
  it("are applied to this database and nothing is pending", () => {
    const output = execFileSync("node_modules/.bin/prisma", ["migrate", "status"], {
      env: process.env,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
    });
    expect(output).toContain("Database schema is up to date");
  });

  it("match prisma/schema.prisma on SQLite and PostgreSQL", () => {
    expect(run(["scripts/db.ts", "check"])).toContain("Migrations match the schema on sqlite and postgres.");
  }, 60_000);
});
