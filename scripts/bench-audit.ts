/**
 * `npm run bench -- --audit [--audit-scale <entries>]`, or `tsx scripts/bench-audit.ts --scale <entries>`:
 * the city admin's audit log page at scale on SQLite, in process (the page's query and the
 * pseudonym lookup, no HTTP). Seeds `.cache/bench-audit/<scale>.db` once (kept between runs):
 * the network's cities, 5 000 people of Madrid with pseudonyms, and <scale> audit entries over two
 * years (85 % Madrid, the rest spread over the other cities and the network), written with raw
 * batched inserts. Then times, for Madrid: page 1, page 1 000 (by its keyset cursor), an action,
 * a person (name search), a month, the export's first chunk, and the network's view; p50/p95
 * over several runs (`--runs`, default 20). `npm run bench` runs it at 100 000 entries at its end;
 * the measure is `--audit` (1 000 000).
 */
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import Database from "better-sqlite3";

const { values } = parseArgs({
  options: { scale: { type: "string", default: "1000000" }, runs: { type: "string", default: "20" } },
});
const scale = Number(values.scale);
const runs = Number(values.runs);
const PEOPLE = 5_000;
const cacheDir = path.resolve(".cache/bench-audit");
const file = path.join(cacheDir, `${scale}.db`);
const url = `file:${file}`;
const bin = (name: string) => path.resolve("node_modules/.bin", name);

const actions = [
  "certificate.revoke",
  "assignment.create",
  "assignment.withdraw",
  "invitation.create",
  "password-reset.create",
  "hr.export.started",
  "hr.export.finished",
  "accommodation.granted",
];
const storedDate = (date: Date) => date.toISOString().replace("Z", "+00:00");

async function seed(): Promise<void> {
  const env = { ...process.env, DATABASE_URL: url, DEMO: "false" };
  execFileSync(bin("tsx"), ["scripts/db.ts", "deploy"], { env, stdio: "inherit" });
  process.env.DATABASE_URL = url;
  process.env.DEMO = "false";
  const { db } = await import("../app/db.server.ts");
  const { seedCities } = await import("../app/cities/seed.server.ts");
  await seedCities({ demo: false });
  const cities = await db().city.findMany({ select: { id: true, slug: true } });
  await db().$disconnect();
  const madrid = cities.find((city) => city.slug === "madrid")!.id;
  const others = cities.filter((city) => city.id !== madrid).map((city) => city.id);

  const started = performance.now();
  const database = new Database(file, { timeout: 5000 });
  database.pragma("synchronous = NORMAL");
  const now = storedDate(new Date());
  const refs: string[] = [];
  const insertUser = database.prepare(
    `INSERT INTO "User" ("id", "email", "name", "locale", "cityId", "active", "searchText", "createdAt", "updatedAt") VALUES (?, ?, ?, 'es', ?, 1, ?, ?, ?)`,
  );
  const insertPseudonym = database.prepare(`INSERT INTO "Pseudonym" ("id", "userId") VALUES (?, ?)`);
  database.transaction(() => {
    for (let index = 0; index < PEOPLE; index += 1) {
      const id = `benchaudituser${index}`;
      const name = `Persona ${index} Auditada`;
      const email = `persona${index}@madrid.bench`;
      insertUser.run(id, email, name, madrid, `${name.toLowerCase()} ${email}`, now, now);
      const ref = randomBytes(16).toString("hex");
      insertPseudonym.run(ref, id);
      refs.push(ref);
    }
  })();

  const ROWS = 500;
  const columns = `("id", "cityId", "actorRef", "action", "subjectRef", "targetType", "targetId", "details", "createdAt")`;
  const statement = database.prepare(
    `INSERT INTO "AuditLog" ${columns} VALUES ${Array.from({ length: ROWS }, () => "(?, ?, ?, ?, ?, ?, ?, ?, ?)").join(", ")}`,
  );
  const end = Date.now();
  const span = 2 * 365 * 86_400_000;
  let state = 2026;
  const random = () => {
    // A small deterministic generator (mulberry32), so every seed writes the same log.
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const batch = database.transaction((from: number) => {
    for (let start = from; start < Math.min(scale, from + 50_000); start += ROWS) {
      const values: Array<string | null> = [];
      for (let index = start; index < start + ROWS; index += 1) {
        const where = random();
        const cityId = where < 0.85 ? madrid : where < 0.99 ? pick(others) : null;
        const action = cityId === null ? "network.city.update" : pick(actions);
        // Evenly over two years, oldest first (as an append-only log grows).
        const at = new Date(end - span + Math.floor((index / scale) * span));
        values.push(
          `bench${String(index).padStart(8, "0")}`,
          cityId,
          pick(refs),
          action,
          random() < 0.6 ? pick(refs) : null,
          "Certificate",
          `MAD-${index}`,
          '{"reason":"bench"}',
          storedDate(at),
        );
      }
      statement.run(...values);
    }
  });
  for (let from = 0; from < scale; from += 50_000) batch(from);
  database.pragma("optimize");
  database.close();
  const seconds = (performance.now() - started) / 1000;
  console.log(`Seeded ${scale.toLocaleString("en")} audit entries in ${seconds.toFixed(1)} s`);
}

if (!Number.isInteger(scale) || scale < 1000 || scale % 500 !== 0) {
  console.error("Usage: tsx scripts/bench-audit.ts --scale <entries, a multiple of 500, at least 1000> [--runs <n>]");
  process.exit(2);
}
if (!existsSync(file)) {
  mkdirSync(cacheDir, { recursive: true });
  try {
    await seed();
  } catch (error) {
    rmSync(file, { force: true });
    throw error;
  }
}
process.env.DATABASE_URL = url;

const { db } = await import("../app/db.server.ts");
const { auditPage, auditEntriesForExport } = await import("../app/audit/audit-log.server.ts");
const { AUDIT_PAGE_SIZE } = await import("../app/audit/audit-filters.ts");

function spread(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
  return `p50 ${at(50).toFixed(1)} ms, p95 ${at(95).toFixed(1)} ms (min ${sorted[0]!.toFixed(1)}, max ${sorted.at(-1)!.toFixed(1)}, ${samples.length} runs)`;
}

async function timed(name: string, fn: () => Promise<unknown>): Promise<void> {
  await fn(); // warm-up
  const samples: number[] = [];
  for (let index = 0; index < runs; index += 1) {
    const started = performance.now();
    await fn();
    samples.push(performance.now() - started);
  }
  console.log(`${name.padEnd(40)} ${spread(samples)}`);
}

const madrid = await db().city.findUniqueOrThrow({ where: { slug: "madrid" }, select: { id: true, timeZone: true } });
const scope = { kind: "city", cityId: madrid.id, timeZone: madrid.timeZone } as const;
const entries = await db().auditLog.count({ where: { cityId: madrid.id } });
console.log(`Audit log: ${scale.toLocaleString("en")} entries, ${entries.toLocaleString("en")} of Madrid (SQLite, in process)`);
// Page 1 000's cursor: the last entry of page 999, found once (what following "earlier" 999 times reaches).
const deep = Math.min(999 * AUDIT_PAGE_SIZE, entries - 1) - 1;
const [cursorRow] = await db().auditLog.findMany({
  where: { cityId: madrid.id },
  orderBy: [{ createdAt: "desc" }, { id: "desc" }],
  skip: deep,
  take: 1,
  select: { createdAt: true, id: true },
});
const lastMonth = new Date(Date.now() - 60 * 86_400_000).toISOString().slice(0, 10);
const monthEnd = new Date(Date.now() - 30 * 86_400_000).toISOString().slice(0, 10);

await timed("page 1", () => auditPage(scope, {}));
await timed(`page ${Math.floor(deep / AUDIT_PAGE_SIZE) + 2} (keyset)`, () => auditPage(scope, { after: cursorRow! }));
await timed("one action", () => auditPage(scope, { action: "certificate.revoke" }));
await timed("one action, page 1 000", () => auditPage(scope, { action: "certificate.revoke", after: cursorRow! }));
await timed("one person (name search)", () => auditPage(scope, { actor: "Persona 4242 Auditada" }));
await timed("a month", () => auditPage(scope, { from: lastMonth, to: monthEnd }));
await timed("a month and an action", () => auditPage(scope, { from: lastMonth, to: monthEnd, action: "invitation.create" }));
await timed("export, first 500 rows", async () => {
  let rows = 0;
  for await (const _row of auditEntriesForExport(scope, {})) if (++rows >= 500) break;
});
await timed("network view, page 1", () => auditPage({ kind: "network", timeZone: "Europe/Madrid" }, {}));
await db().$disconnect();
