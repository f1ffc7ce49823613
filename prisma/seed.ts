/**
 * `npm run db:seed` (also run by `npm start`): the cities, the courses in courses/ (imported
 * idempotently), and on an empty database the demo accounts, assignments and a year of demo
 * activity unless DEMO=false.
 */
import path from "node:path";
import { seedDemoActivity } from "../app/cities/demo-activity.server.ts";
import { seedCities, seedDemoAccounts, seedDemoLearning } from "../app/cities/seed.server.ts";
import { formatProblem } from "../app/courses/checker.server.ts";
import { importAllCourses } from "../app/courses/importer.server.ts";
import { db } from "../app/db.server.ts";
import { env } from "../app/env.server.ts";
import { backfillSearchText } from "../app/people/search-text.server.ts";

const { DEMO } = env();
await seedCities({ demo: DEMO });
for (const outcome of await importAllCourses(path.resolve("courses"))) {
  if (outcome.status === "refused") {
    console.error(`Course ${outcome.key} refused; its previous version stays live:`);
    for (const problem of outcome.problems) console.error(`  ${formatProblem(problem)}`);
  } else if (outcome.status !== "unchanged") console.log(`Course ${outcome.key}: ${outcome.status} (version ${outcome.version})`);
}
const loadedDemo = DEMO ? await seedDemoAccounts() : false;
if (loadedDemo) {
  await seedDemoLearning();
  const started = performance.now();
  const cpu = process.cpuUsage();
  await seedDemoActivity(env().DATABASE_URL, new Date());
  const { user, system } = process.cpuUsage(cpu);
  const took = `${Math.round(performance.now() - started)} ms, CPU ${Math.round((user + system) / 1000)} ms`;
  console.log(`Demo activity: a year of learning in Madrid and São Paulo (${took}).`);
}
// People written without search text (before it existed, or by the bulk demo writer) get theirs;
// a no-op once every row has it.
const backfilled = await backfillSearchText();
if (backfilled > 0) console.log(`Search text filled for ${backfilled} people.`);
console.log(`Seed: ${loadedDemo ? "cities, courses and demo accounts loaded" : "cities and courses up to date"}.`);
await db().$disconnect();
