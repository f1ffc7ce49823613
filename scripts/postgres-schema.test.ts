import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { derivePostgresSchema } from "./postgres-schema.ts";

const schema = readFileSync("prisma/schema.prisma", "utf8");

describe("derivePostgresSchema", () => {
  it("turns the hand-edited schema into the committed PostgreSQL one", () => {
    const derived = derivePostgresSchema(schema);
    expect(derived).toBe(readFileSync("prisma/postgres/schema.prisma", "utf8"));
    expect(derived).toContain('provider = "postgresql"');
    expect(derived).not.toContain('provider = "sqlite"');
  });

  it("fails loudly, naming what did not match, when the schema's generator block changes", () => {
    const moved = schema.replace('output       = "../app/generated/sqlite"', 'output = "../app/generated/sqlite"');
    expect(() => derivePostgresSchema(moved)).toThrow(/the client's output folder .* found 0 times/);
  });

  it("fails when a replacement would match twice", () => {
    const doubled = `${schema}\n// provider = "sqlite"\n`;
    expect(() => derivePostgresSchema(doubled)).toThrow(/the datasource provider .* found 2 times/);
  });

  it("fails when the header comment is gone", () => {
    const bare = schema.replace(/^\/\/ The one hand-edited schema.*$/m, "// a schema");
    expect(() => derivePostgresSchema(bare)).toThrow(/the header comment/);
  });
});
