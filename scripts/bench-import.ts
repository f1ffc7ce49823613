/**
 * `npm run bench -- --import [--scale <rows>] [--runs <n>]`, or `tsx scripts/bench-import.ts`: the
 * staff import on SQLite, in process. Each run starts from a fresh copy of a seeded database
 * (`.cache/bench-import/base.db`, kept between runs) and imports a file of `scale` new people into
 * Madrid's departments: the dry run, the apply (plan again, then writes in batches), the longest
 * write transaction (an upper bound of how long SQLite's write lock was held, against its 5 s
 * busy timeout), the welcome mail, and the dry run of the same file once applied (all unchanged).
 */
import { execFileSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";

const { values } = parseArgs({
  options: { scale: { type: "string", default: "20000" }, runs: { type: "string", default: "3" } },
  strict: false,
});
const scale = Number(values.scale);
const runs = Number(values.runs);
const cacheDir = path.resolve(".cache/bench-import");
const baseDb = path.join(cacheDir, "base.db");
const runDb = path.join(cacheDir, "run.db");
const bin = (name: string) => path.resolve("node_modules/.bin", name);

if (!existsSync(baseDb)) {
  mkdirSync(cacheDir, { recursive: true });
  const env = { ...process.env, DATABASE_URL: `file:${baseDb}`, DEMO: "false" };
  try {
    execFileSync(bin("tsx"), ["scripts/db.ts", "deploy"], { env, stdio: "inherit" });
    execFileSync(bin("tsx"), ["prisma/seed.ts"], { env, stdio: "inherit" });
  } catch (error) {
    rmSync(baseDb, { force: true });
    throw error;
  }
}
process.env.DATABASE_URL = `file:${runDb}`;
process.env.OUTBOX_DIR = mkdtempSync(path.join(cacheDir, "outbox-"));

const { db, resetDb } = await import("../app/db.server.ts");
const { backgroundWorkDone } = await import("../app/http/after-response.server.ts");
const { applyImport, dryRunImport } = await import("../app/people/staff-import.server.ts");
const { departmentPaths } = await import("../app/people/staff-import.ts");
const { currentUserFor } = await import("../tests/support/learning.ts");

function spread(samples: number[]): string {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
  return `median ${at(50).toFixed(0)} ms (min ${sorted[0]!.toFixed(0)}, max ${sorted.at(-1)!.toFixed(0)}, ${samples.length} runs)`;
}

const letters = (n: number) => {
  let text = "";
  for (let rest = n + 1; rest > 0; rest = Math.floor((rest - 1) / 26)) text = String.fromCharCode(97 + ((rest - 1) % 26)) + text;
  return text;
};

const measures = {
  dryRun: [] as number[],
  apply: [] as number[],
  longest: [] as number[],
  mail: [] as number[],
  again: [] as number[],
};
let batches = 0;
for (let run = 0; run < runs; run += 1) {
  await resetDb();
  for (const suffix of ["", "-wal", "-shm"]) rmSync(runDb + suffix, { force: true });
  copyFileSync(baseDb, runDb);
  const admin = await currentUserFor({ city: "madrid", roles: ["CITY_ADMIN", "TRAINER"] });
  const departments = await db().department.findMany({
    where: { cityId: admin.city.id },
    select: { id: true, parentId: true, name: true, archivedAt: true },
  });
  const paths = [...departmentPaths(departments).keys()].map((key) => key.split(">").join(" > "));
  const lines = ["nombre,correo,departamento,roles,idioma,número de empleado,estado"];
  for (let index = 0; index < scale; index += 1) {
    const role = index % 50 === 0 ? "TRAINER" : "";
    lines.push(
      `Persona ${letters(index)},persona.${index}@madrid.es,${paths[index % paths.length]},${role},es,M-${index},activo`,
    );
  }
  const file = new TextEncoder().encode(lines.join("\n"));

  let started = performance.now();
  const dry = await dryRunImport(admin, file);
  measures.dryRun.push(performance.now() - started);
  if (!dry.ok || dry.plan.refused.length > 0 || dry.plan.create.length !== scale)
    throw new Error("the benchmark's file did not plan cleanly");

  const holds: number[] = [];
  started = performance.now();
  const applied = await applyImport(admin, dry.hash, dry.digest, { onBatch: (ms) => void holds.push(ms) });
  measures.apply.push(performance.now() - started);
  if (applied.outcome !== "applied") throw new Error(`apply: ${applied.outcome}`);
  measures.longest.push(Math.max(...holds));
  batches = holds.length;

  started = performance.now();
  await backgroundWorkDone();
  measures.mail.push(performance.now() - started);

  started = performance.now();
  const again = await dryRunImport(admin, file);
  measures.again.push(performance.now() - started);
  if (!again.ok || again.plan.unchanged.length !== scale) throw new Error("the applied file is not all unchanged");
  const last = (list: number[]) => `${list.at(-1)!.toFixed(0)} ms`;
  console.log(
    `run ${run + 1}: dry run ${last(measures.dryRun)}, apply ${last(measures.apply)}, longest write ${last(measures.longest)},` +
      ` mail ${last(measures.mail)}, unchanged dry run ${last(measures.again)}`,
  );
}
await resetDb();
rmSync(process.env.OUTBOX_DIR, { recursive: true, force: true });

console.log(`\nStaff import · ${scale} new people · SQLite (WAL, busy timeout 5000 ms) · in process · Node ${process.version}`);
console.log(`${"dry run (parse, validate, plan)".padEnd(48)} ${spread(measures.dryRun)}`);
console.log(`${"apply (plan again + writes)".padEnd(48)} ${spread(measures.apply)}`);
console.log(`${`longest write transaction (${batches} transactions)`.padEnd(48)} ${spread(measures.longest)}`);
console.log(`${"welcome emails (after the commit)".padEnd(48)} ${spread(measures.mail)}`);
console.log(`${"dry run of the applied file (all unchanged)".padEnd(48)} ${spread(measures.again)}`);
process.exit(0);
