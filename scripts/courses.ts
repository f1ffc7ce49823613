/**
 * `npm run courses:check` prints every problem in courses/ (file:line: message), warnings too, and exits 1 if any.
 * `npm run courses:import` loads courses/ into the database (also run by `npm start`).
 */
import path from "node:path";
import {
  crossCourseProblems,
  formatProblem,
  listCourseFolders,
  loadCourse,
  type CourseSource,
} from "../app/courses/checker.server.ts";
import { importAllCourses } from "../app/courses/importer.server.ts";
import { db } from "../app/db.server.ts";

const [command, folder = "courses"] = process.argv.slice(2);
const coursesDir = path.resolve(folder);

if (command === "check") {
  const folders = listCourseFolders(coursesDir);
  let count = 0;
  const sources: CourseSource[] = [];
  const report = (problems: ReturnType<typeof crossCourseProblems>) => {
    for (const problem of problems) console.error(formatProblem(problem));
    count += problems.length;
  };
  for (const dir of folders) {
    const { source, problems } = loadCourse(dir, coursesDir);
    report(problems);
    if (source) sources.push(source);
  }
  report(crossCourseProblems(sources));
  console.log(`${folders.length} courses checked, ${count} problem${count === 1 ? "" : "s"}.`);
  process.exit(count > 0 ? 1 : 0);
} else if (command === "import") {
  const outcomes = await importAllCourses(coursesDir);
  for (const outcome of outcomes) {
    if (outcome.status === "refused") {
      console.error(`${outcome.key}: refused, the previous version stays live:`);
      for (const problem of outcome.problems) console.error(`  ${formatProblem(problem)}`);
    } else console.log(`${outcome.key}: ${outcome.status} (version ${outcome.version})`);
  }
  await db().$disconnect();
} else {
  console.error("usage: courses.ts check|import [folder]");
  process.exit(2);
}
