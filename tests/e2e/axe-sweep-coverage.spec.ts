/**
 * The axe sweep's route coverage: every page route of the build's manifest has a scan in every
 * pass of axe-sweep.spec.ts, so a new page (HR, authoring, admin) cannot be forgotten, and every
 * language of a pass has scans. Runs after the passes (its own Playwright project depends on
 * theirs) from the records they wrote.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "./fixtures.ts";
import { passes, RECORDS_DIR } from "./axe-sweep-passes.ts";

/** Routes of the manifest that are not pages a person sees, with the reason they have no scan. */
const NOT_PAGES: Record<string, string> = {
  "routes/author.$course.lessons.$lesson.preview":
    "resource route: the lesson editor's live preview, sanitised HTML answered to a POST",
  "routes/network.export.$file": "resource route: the network view's figures as CSV or XLSX",
  "routes/certificates.$code.pdf": "resource route: the certificate PDF (its tagging is tested on the PDF itself)",
  "routes/course-assets.$file": "resource route: images used inside lessons",
  "routes/themes.$city": "resource route: a city's stylesheet",
  "routes/healthz": "resource route: the health check's plain-text answer for load balancers",
  "routes/quiz.$attempt.events": "resource route: the quiz's JSON endpoint for answers sent with JavaScript",
  "routes/language": "action only: the language switcher posts here and is redirected back",
  "routes/logout": "action only: logging out redirects to the login page",
  "routes/notices": "action only: a dashboard notice's mark-as-read button posts here and is redirected back",
  "routes/test-clock": "action only, test servers only: moves the clock",
  "routes/test-form": "test servers with TEST_FORMS only (a 404 here): a fixture of the form tests, never shown to a person",
  "routes/hr.export.$file": "resource route: the HR lists and the dashboard's tables as CSV or XLSX downloads",
  "routes/files.$hash": "resource route: stored files (city logos) by hash",
  "routes/admin.import.sample[.]csv": "resource route: the staff import's sample CSV",
  "routes/admin.import.refused[.]csv": "resource route: every refused row of a staff file's dry run, as CSV",
  "routes/admin.audit.export.$file": "resource route: the city's audit log as CSV or XLSX",
  "routes/network.audit.export.$file": "resource route: the network's audit log as CSV or XLSX",
  "routes/profile_.data": "resource route: a person's own data as a JSON download",
  "routes/admin.privacy_.export.$id": "resource route: a person's data as a JSON download, for a city admin",
  "routes/author.$course.export[.]zip": "resource route: a course's draft or version as a zip download",
};

test("every page route of the build has a scan in every pass; routes that are not pages say why", async () => {
  // The build's route manifest, as the browser receives it (every route of the app, by id).
  const assets = path.resolve("build/client/assets");
  const manifestFile = readdirSync(assets).find((file) => /^manifest-.*\.js$/.test(file));
  expect(manifestFile, "the build's route manifest").toBeTruthy();
  const manifestText = readFileSync(path.join(assets, manifestFile!), "utf8");
  const build = JSON.parse(manifestText.slice(manifestText.indexOf("{"), manifestText.lastIndexOf("}") + 1)) as {
    routes: Record<string, unknown>;
  };
  const routeIds = Object.keys(build.routes).filter((id) => id !== "root");
  const recorded = readdirSync(RECORDS_DIR).map((file) => {
    const scans = JSON.parse(readFileSync(path.join(RECORDS_DIR, file), "utf8")) as Array<{ route: string; locale: string }>;
    return {
      pass: path.basename(file, ".json"),
      routes: new Set(scans.map((scan) => scan.route)),
      locales: [...new Set(scans.map((scan) => scan.locale))].sort(),
    };
  });
  expect(recorded.map((record) => record.pass).sort()).toEqual(passes.map((pass) => pass.name).sort());
  // A pass of several languages walks its flows in each of them in turn.
  for (const record of recorded)
    expect(record.locales, record.pass).toEqual([...passes.find((pass) => pass.name === record.pass)!.locales].sort());
  const missing = recorded.flatMap((record) =>
    routeIds.filter((id) => !(id in NOT_PAGES) && !record.routes.has(id)).map((id) => `${record.pass}: ${id}`),
  );
  expect(missing, "page routes with no axe scan: add their states to the sweep").toEqual([]);
  // A listed exception must still be a route, and one the sweep does not scan anyway.
  expect(Object.keys(NOT_PAGES).filter((id) => !routeIds.includes(id))).toEqual([]);
  expect(Object.keys(NOT_PAGES).filter((id) => recorded.some((record) => record.routes.has(id)))).toEqual([]);
});
