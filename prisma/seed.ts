/** `npm run db:seed`: cities always; demo accounts on an empty database unless DEMO=false. */
import { seedCities, seedDemoAccounts, seedDemoLearning } from "../app/cities/seed.server.ts";
import { db } from "../app/db.server.ts";
import { env } from "../app/env.server.ts";

const { DEMO } = env();
await seedCities({ demo: DEMO });
const loadedDemo = DEMO ? await seedDemoAccounts() : false;
// Assignments need the courses: `npm start` imports them before seeding.
if (loadedDemo) await seedDemoLearning();
console.log(`Seed: ${loadedDemo ? "cities and demo accounts loaded" : "cities up to date"}.`);
await db().$disconnect();
