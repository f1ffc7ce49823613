/**
 * For the authoring end-to-end tests: a city copy of a network course made for the demo trainer
 * through the domain's own `copyNetworkCourse` (a child process on the e2e database, as the
 * server's own code would do it), so a test starts from a draft of its own.
 */
import { execFileSync } from "node:child_process";
import path from "node:path";

export const DEMO_TRAINER = "tomas.formador@madrid.example";

/** Copies a network course into the trainer's city; returns the copy's key (`madrid.<key>`, numbered when taken). */
export function copyCourseForTrainer(courseKey: string, email = DEMO_TRAINER): string {
  const output = execFileSync("node_modules/.bin/tsx", ["tests/e2e/copy-course.ts", email, courseKey], {
    env: { ...process.env, DATABASE_URL: `file:${path.resolve("test-results/e2e-data/e2e.db")}`, NODE_ENV: "production" },
    encoding: "utf8",
  });
  return output.trim().split("\n").at(-1)!;
}
