/**
 * The HR benchmark's data: `tsx scripts/bench-hr-seed.ts --scale <learners> --database <url>`
 * writes a network of that many learners (largest city 30 %, 7 courses, about 1.5 assignments or
 * enrolments each, a year of lessons, attempts and certificates; the generator of
 * app/cities/demo-activity.server.ts) into an empty, migrated SQLite or PostgreSQL database,
 * loading the cities and courses first, and prints the rows written per table and rows/s.
 * Learners' password: "bench password 2026".
 */
import path from "node:path";
import { parseArgs } from "node:util";

const { values } = parseArgs({
  options: { scale: { type: "string" }, database: { type: "string" }, seed: { type: "string", default: "2026" } },
});
const learners = Number(values.scale);
if (!values.database || !Number.isInteger(learners) || learners < 1) {
  console.error("Usage: tsx scripts/bench-hr-seed.ts --scale <learners> --database <file:… or postgresql://… URL>");
  process.exit(2);
}
process.env.DATABASE_URL = values.database;
process.env.DEMO = "false";

const { db } = await import("../app/db.server.ts");
const { seedCities } = await import("../app/cities/seed.server.ts");
const { importAllCourses } = await import("../app/courses/importer.server.ts");
const { seedNetworkActivity } = await import("../app/cities/demo-activity.server.ts");
const { hashPassword } = await import("../app/auth/password.server.ts");

if ((await db().user.count()) > 0) {
  console.error("The database already has people: the benchmark writes into an empty, migrated database.");
  process.exit(1);
}
const setUp = performance.now();
await seedCities({ demo: false });
for (const outcome of await importAllCourses(path.resolve("courses")))
  if (outcome.status === "refused") throw new Error(`Course ${outcome.key} refused`);
console.log(`Cities and courses: ${((performance.now() - setUp) / 1000).toFixed(1)} s`);

const started = performance.now();
const cpuBefore = process.cpuUsage();
const written = await seedNetworkActivity(values.database, {
  learners,
  now: new Date(),
  seed: Number(values.seed),
  tag: "bench",
  passwordHash: await hashPassword("bench password 2026"),
});
const seconds = (performance.now() - started) / 1000;
const cpu = process.cpuUsage(cpuBefore);
const total = Object.values(written).reduce((sum, rows) => sum + rows, 0);
for (const [table, rows] of Object.entries(written)) console.log(`  ${table.padEnd(18)} ${rows.toLocaleString("en")}`);
console.log(
  `${learners.toLocaleString("en")} learners: ${total.toLocaleString("en")} rows in ${seconds.toFixed(1)} s, ` +
    `${Math.round(total / seconds).toLocaleString("en")} rows/s (departments and assignments included; ` +
    `this process's CPU ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s)`,
);
await db().$disconnect();
