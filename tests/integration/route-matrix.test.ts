/**
 * Every route and action from the build's route manifest, called by every kind of user.
 * A new route fails this test until its row is added to `expected`.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCityCourse } from "~/authoring/drafts.server.ts";
import { newCourseModel } from "~/authoring/draft-model.ts";
import { courseFolderFiles } from "~/courses/course-writer.ts";
import { db } from "~/db.server.ts";
import { createUser, sessionCookie } from "../support/factories.ts";
import { startTestServer, type TestServer } from "../support/server.ts";

// scopedHr: HR limited to one department subtree of Madrid (decision 018).
const personas = ["anonymous", "learner", "trainer", "hr", "scopedHr", "cityAdmin", "networkAdmin", "otherCityAdmin"] as const;
type Persona = (typeof personas)[number];
type Row = Record<Persona, number>;

const all = (status: number): Row => Object.fromEntries(personas.map((persona) => [persona, status])) as Row;
const signedIn = (anonymous: number, user: number): Row => ({ ...all(user), anonymous });
const cityAdminOnly = (admin: number): Row => ({
  anonymous: 302,
  learner: 403,
  trainer: 403,
  hr: 403,
  scopedHr: 403,
  cityAdmin: admin,
  networkAdmin: 403,
  otherCityAdmin: admin,
});

const hrOnly = (status: number): Row => ({ ...cityAdminOnly(status), hr: status, scopedHr: status });
/**
 * An /author route: the login page for anonymous visitors, `status` for a city's authors (its
 * trainers and admins), `otherCity` for another city's author (the same unless given), 403 for the rest.
 */
const authorsOnly = (status: number, otherCity = status): Row => ({
  ...cityAdminOnly(status),
  trainer: status,
  otherCityAdmin: otherCity,
});
/** The preview of a course that is not one of the viewer's city's: 404 for authors. */
const previewOfNoCourse = authorsOnly(404);

/** Route id → [GET status, POST status (routes with an action; an empty form)]. */
const expected: Record<string, { path: string; get: Row; post?: Row }> = {
  "routes/_index": { path: "/", get: all(200) },
  "routes/login": { path: "/login", get: signedIn(200, 302), post: signedIn(400, 302) },
  "routes/logout": { path: "/logout", get: all(302), post: all(302) },
  "routes/signup": { path: "/signup", get: signedIn(200, 302), post: signedIn(400, 302) },
  "routes/forgot-password": { path: "/forgot-password", get: all(200), post: all(400) },
  "routes/reset-password.$token": { path: "/reset-password/not-a-token", get: all(200), post: all(400) },
  "routes/confirm-email._index": { path: "/confirm-email", get: all(200) },
  "routes/confirm-email.$token": { path: "/confirm-email/not-a-token", get: all(200), post: all(400) },
  "routes/profile": { path: "/profile", get: signedIn(302, 200), post: signedIn(302, 400) },
  "routes/language": { path: "/language", get: all(302), post: all(400) },
  "routes/privacy": { path: "/privacy", get: all(200) },
  "routes/admin.invitations": { path: "/admin/invitations", get: cityAdminOnly(200), post: cityAdminOnly(400) },
  "routes/admin.people": { path: "/admin/people", get: cityAdminOnly(200), post: cityAdminOnly(400) },
  "routes/admin.departments._index": { path: "/admin/departments", get: cityAdminOnly(200), post: cityAdminOnly(400) },
  "routes/admin.departments.$id": {
    path: "/admin/departments/no-such-department",
    get: cityAdminOnly(404),
    post: cityAdminOnly(400),
  },
  "routes/admin.import": { path: "/admin/import", get: cityAdminOnly(200), post: cityAdminOnly(400) },
  "routes/admin.import.sample[.]csv": { path: "/admin/import/sample.csv", get: cityAdminOnly(200) },
  "routes/admin.import.refused[.]csv": { path: `/admin/import/refused.csv?file=${"0".repeat(64)}`, get: cityAdminOnly(404) },
  "routes/admin.people_.$id": { path: "/admin/people/no-such-person", get: cityAdminOnly(404), post: cityAdminOnly(400) },
  "routes/courses._index": { path: "/courses", get: all(200) },
  "routes/courses.$key": { path: "/courses/ai-fundamentals", get: all(200), post: signedIn(302, 302) },
  "routes/learn.$course.$lesson": {
    path: "/learn/personal-data-and-privacy/what-personal-data-is",
    get: all(302),
    post: all(302),
  },
  "routes/learn.$course.quiz": { path: "/learn/personal-data-and-privacy/quiz", get: all(302), post: signedIn(302, 404) },
  "routes/quiz.$attempt": { path: "/quiz/no-such-attempt", get: signedIn(302, 404), post: signedIn(302, 400) },
  "routes/quiz.$attempt.events": { path: "/quiz/no-such-attempt/events", get: all(405), post: signedIn(302, 400) },
  "routes/certificates._index": { path: "/certificates", get: signedIn(302, 200) },
  "routes/certificates.$code.pdf": { path: "/certificates/MAD-2222-3333-4444/pdf", get: signedIn(302, 404) },
  "routes/verify._index": { path: "/verify", get: all(200) },
  "routes/verify.$code": { path: "/verify/MAD-2222-3333-4444", get: all(404) },
  "routes/hr.assignments._index": { path: "/hr/assignments", get: hrOnly(200), post: hrOnly(400) },
  "routes/hr.assignments.new": { path: "/hr/assignments/new", get: hrOnly(200), post: hrOnly(400) },
  "routes/admin.certificates": { path: "/admin/certificates", get: cityAdminOnly(200), post: cityAdminOnly(400) },
  "routes/themes.$city": { path: "/themes/madrid", get: all(200) },
  "routes/healthz": { path: "/healthz", get: all(200), post: all(405) },
  "routes/test-clock": { path: "/test-clock", get: all(404), post: all(404) },
  "routes/test-form": { path: "/test-form", get: all(404), post: all(404) },
  "routes/course-assets.$file": { path: `/course-assets/${"0".repeat(64)}.png`, get: all(404) },
  "routes/hr._index": {
    path: "/hr",
    get: { ...all(403), anonymous: 302, hr: 200, scopedHr: 200, cityAdmin: 200, otherCityAdmin: 200 },
  },
  "routes/network._index": { path: "/network", get: { ...all(403), anonymous: 302, networkAdmin: 200 } },
  "routes/$": { path: "/no/such/page", get: all(404), post: all(404) },
  "routes/profile_.data": { path: "/profile/data", get: signedIn(302, 200) },
  "routes/profile_.erasure": { path: "/profile/erasure", get: signedIn(302, 200), post: signedIn(302, 400) },
  "routes/admin.privacy": { path: "/admin/privacy", get: cityAdminOnly(200), post: cityAdminOnly(400) },
  "routes/admin.privacy_.export.$id": { path: "/admin/privacy/export/no-such-person", get: cityAdminOnly(404) },
  "routes/admin.erasure": { path: "/admin/erasure", get: cityAdminOnly(200) },
  "routes/admin.erasure_.$id": {
    path: "/admin/erasure/no-such-person",
    get: cityAdminOnly(404),
    post: cityAdminOnly(400),
  },
  "routes/hr.people._index": { path: "/hr/people", get: hrOnly(200) },
  "routes/hr.people.$id._index": { path: "/hr/people/no-such-person", get: hrOnly(404) },
  "routes/hr.overdue": { path: "/hr/overdue", get: hrOnly(200) },
  "routes/hr.expiring": { path: "/hr/expiring", get: hrOnly(200) },
  "routes/hr.export.$file": { path: "/hr/export/people.csv", get: hrOnly(200) },
  "routes/network.export.$file": {
    path: "/network/export/cities.csv",
    get: { ...all(403), anonymous: 302, networkAdmin: 200 },
  },
  "routes/hr.people.$id_.accommodations": {
    path: "/hr/people/no-such-person/accommodations",
    get: hrOnly(404),
    post: hrOnly(400),
  },
  "routes/hr.summary": { path: "/hr/summary", get: hrOnly(200), post: hrOnly(400) },
  "routes/notices": { path: "/notices", get: all(405), post: signedIn(302, 400) },
  "routes/admin.branding": { path: "/admin/branding", get: cityAdminOnly(200), post: cityAdminOnly(400) },
  "routes/files.$hash": { path: `/files/${"0".repeat(64)}`, get: all(404) },
  "routes/admin.audit._index": { path: "/admin/audit", get: cityAdminOnly(200) },
  "routes/admin.audit.export.$file": { path: "/admin/audit/export/audit.csv", get: cityAdminOnly(200) },
  "routes/network.cities._index": { path: "/network/cities", get: { ...all(403), anonymous: 302, networkAdmin: 200 } },
  "routes/network.cities.new": {
    path: "/network/cities/new",
    get: { ...all(403), anonymous: 302, networkAdmin: 200 },
    post: { ...all(403), anonymous: 302, networkAdmin: 400 },
  },
  "routes/network.cities.$slug": {
    path: "/network/cities/bogota",
    get: { ...all(403), anonymous: 302, networkAdmin: 200 },
    post: { ...all(403), anonymous: 302, networkAdmin: 400 },
  },
  "routes/network.audit._index": { path: "/network/audit", get: { ...all(403), anonymous: 302, networkAdmin: 200 } },
  "routes/author.$course_.lessons.$lesson_.activities": {
    path: "/author/madrid.no-such-course/lessons/first-steps/activities",
    get: authorsOnly(404),
    post: authorsOnly(404),
  },
  "routes/network.audit.export.$file": {
    path: "/network/audit/export/audit.csv",
    get: { ...all(403), anonymous: 302, networkAdmin: 200 },
  },
  "routes/network.courses": {
    path: "/network/courses",
    get: { ...all(403), anonymous: 302, networkAdmin: 200 },
    post: { ...all(403), anonymous: 302, networkAdmin: 400 },
  },
  // No such course in the author's city: 404 for a city's authors (another city's course too).
  "routes/author.$course.publish": {
    path: "/author/madrid.no-such-course/publish",
    get: authorsOnly(404),
    post: authorsOnly(404),
  },
  "routes/author._index": {
    path: "/author",
    get: authorsOnly(200),
    post: authorsOnly(400),
  },
  // A Madrid course made in the setup below: another city's author finds no such course.
  "routes/author.$course._index": {
    path: "/author/madrid.curso-de-la-matriz",
    get: authorsOnly(200, 404),
    post: authorsOnly(400, 404),
  },
  // Sharing: a Madrid course's export and new-draft import; another city's author finds no such course.
  "routes/author.$course.export": {
    path: "/author/madrid.curso-de-la-matriz/export",
    get: { ...all(403), anonymous: 302, trainer: 200, cityAdmin: 200, otherCityAdmin: 404 },
  },
  "routes/author.$course.export[.]zip": {
    path: "/author/madrid.curso-de-la-matriz/export.zip?from=draft",
    get: { ...all(403), anonymous: 302, trainer: 200, cityAdmin: 200, otherCityAdmin: 404 },
  },
  "routes/author.$course.import": {
    path: "/author/madrid.curso-de-la-matriz/import",
    get: { ...all(403), anonymous: 302, trainer: 200, cityAdmin: 200, otherCityAdmin: 404 },
    post: { ...all(403), anonymous: 302, trainer: 400, cityAdmin: 400, otherCityAdmin: 404 },
  },
  "routes/author.import": {
    path: "/author/import",
    get: { ...all(403), anonymous: 302, trainer: 200, cityAdmin: 200, otherCityAdmin: 200 },
    post: { ...all(403), anonymous: 302, trainer: 400, cityAdmin: 400, otherCityAdmin: 400 },
  },
  "routes/author.$course.translations": {
    path: "/author/no-such-course/translations",
    get: authorsOnly(404),
    post: authorsOnly(400),
  },
  "routes/author.$course.history": {
    path: "/author/no-such-course/history",
    get: authorsOnly(404),
    post: authorsOnly(400),
  },
  // A lesson of a course that is not the author's city's (here no such course): 404 to every author.
  "routes/author.$course.lessons.$lesson._index": {
    path: "/author/madrid.no-such-course/lessons/intro",
    get: authorsOnly(404),
    post: authorsOnly(404),
  },
  "routes/author.$course.lessons.$lesson.preview": {
    path: "/author/madrid.no-such-course/lessons/intro/preview",
    get: authorsOnly(405),
    post: authorsOnly(404),
  },
  "routes/author.$course_.preview._index": { path: "/author/madrid.no-such-course/preview", get: previewOfNoCourse },
  "routes/author.$course_.preview.$lesson": {
    path: "/author/madrid.no-such-course/preview/first-steps",
    get: previewOfNoCourse,
    post: previewOfNoCourse,
  },
  "routes/author.$course_.preview.quiz": {
    path: "/author/madrid.no-such-course/preview/quiz",
    get: previewOfNoCourse,
    post: previewOfNoCourse,
  },
  "routes/author.$course.quiz": {
    path: "/author/madrid.no-such-course/quiz",
    get: authorsOnly(404),
    post: authorsOnly(400),
  },
  // A Madrid course made in the setup below (no published version): another city's author finds no such course.
  "routes/author.$course.quiz_.analysis": {
    path: "/author/madrid.curso-de-la-matriz/quiz/analysis",
    get: { ...all(403), anonymous: 302, trainer: 200, cityAdmin: 200, otherCityAdmin: 404 },
    post: all(405),
  },
  "routes/author.$course.quiz_.$question": {
    path: "/author/madrid.no-such-course/quiz/no-such-question",
    get: authorsOnly(404),
    post: authorsOnly(400),
  },
};

let server: TestServer;
const userIds: Partial<Record<Persona, string>> = {};
const userNames: Partial<Record<Persona, string>> = {};
/** A new session for every request, so that calling logout does not sign out later rows. */
const cookieFor = async (persona: Persona) => (userIds[persona] ? sessionCookie(userIds[persona]) : undefined);
const MADRID_MARKER = "Madrileña Marcadora";
const markerIds: { madrid?: string } = {};
const SAO_PAULO_MARKER = "Paulistana Marcadora";

beforeAll(async () => {
  server = await startTestServer();
  markerIds.madrid = (await createUser({ city: "madrid", name: MADRID_MARKER, email: "marcadora@madrid.example" })).id;
  await createUser({ city: "sao-paulo", name: SAO_PAULO_MARKER, email: "marcadora@sao-paulo.example" });
  const madrid: Record<Exclude<Persona, "anonymous" | "otherCityAdmin">, Parameters<typeof createUser>[0]> = {
    learner: {},
    trainer: { roles: ["TRAINER"] },
    hr: { roles: ["HR"] },
    scopedHr: { roles: ["HR"], hrDepartment: "Servicios Sociales" },
    cityAdmin: { roles: ["CITY_ADMIN"] },
    networkAdmin: { roles: ["NETWORK_ADMIN"] },
  };
  const people: [Persona, Parameters<typeof createUser>[0]][] = [
    ...(Object.entries(madrid) as [Persona, Parameters<typeof createUser>[0]][]),
    ["otherCityAdmin", { city: "sao-paulo", roles: ["CITY_ADMIN"] }],
  ];
  for (const [persona, options] of people) {
    const user = await createUser(options);
    userIds[persona] = user.id;
    userNames[persona] = user.name;
  }
  const author = {
    cityId: (await db().city.findUniqueOrThrow({ where: { slug: "madrid" } })).id,
    citySlug: "madrid",
    userId: userIds.trainer!,
  };
  const title = "Curso de la matriz";
  await createCityCourse(author, {
    title,
    sourceLocale: "es",
    files: (key) =>
      courseFolderFiles(
        newCourseModel({
          key,
          sourceLocale: "es",
          title,
          summary: "Resumen",
          level: "introductory",
          minutes: 30,
          competencies: ["security"],
          firstLessonTitle: "Primera",
        }),
      ),
  });
});

afterAll(async () => {
  await server.close();
});

describe("route-by-role matrix", () => {
  it("has a row for every route in the manifest", () => {
    const routeIds = Object.keys(server.build.routes).filter((id) => id !== "root");
    expect(routeIds.sort()).toEqual(Object.keys(expected).sort());
  });

  for (const [routeId, row] of Object.entries(expected)) {
    for (const persona of personas) {
      it(`${routeId} GET as ${persona} → ${row.get[persona]}`, async () => {
        const response = await server.request(row.path, { cookie: await cookieFor(persona) });
        expect(response.status).toBe(row.get[persona]);
        const body = await response.text();
        if (persona === "otherCityAdmin") expect(body).not.toContain(MADRID_MARKER);
        else expect(body).not.toContain(SAO_PAULO_MARKER);
      });
      // A shared cache must never keep an answer that names the viewer or sets a cookie
      // (decision 010): checked for the page and for its single-fetch data.
      it(`${routeId} as ${persona}: no cacheable answer that is personal or sets a cookie`, async () => {
        const dataPath = row.path === "/" ? "/_root.data" : `${row.path}.data`;
        for (const path of [row.path, dataPath]) {
          const response = await server.request(path, { cookie: await cookieFor(persona) });
          const body = await response.text();
          const personal =
            (userNames[persona] !== undefined && body.includes(userNames[persona])) || response.headers.has("set-cookie");
          const cacheControl = response.headers.get("cache-control") ?? "";
          const cacheable = !/\bno-store\b/.test(cacheControl) || /\bpublic\b/.test(cacheControl);
          expect({ path, personal, cacheable }).not.toMatchObject({ personal: true, cacheable: true });
          if (personal) expect(cacheControl, path).toBe("private, no-store");
        }
      });
      if (row.post) {
        const status = row.post[persona];
        it(`${routeId} POST as ${persona} → ${status}`, async () => {
          const response = await server.request(row.path, { cookie: await cookieFor(persona), form: {} });
          expect(response.status).toBe(status);
          const body = await response.text();
          if (persona === "otherCityAdmin") expect(body).not.toContain(MADRID_MARKER);
          else expect(body).not.toContain(SAO_PAULO_MARKER);
        });
      }
    }
  }

  it("shows a learner's page to HR of the person's city and scope only (404 otherwise)", async () => {
    const path = `/hr/people/${markerIds.madrid}`;
    const statuses: Partial<Row> = {};
    for (const persona of ["hr", "scopedHr", "cityAdmin", "otherCityAdmin"] as const) {
      const response = await server.request(path, { cookie: await cookieFor(persona) });
      statuses[persona] = response.status;
      if (response.status !== 200) expect(await response.text()).not.toContain(MADRID_MARKER);
    }
    // The marker is in Madrid's first department, outside the scoped HR person's "Servicios Sociales".
    expect(statuses).toEqual({ hr: 200, scopedHr: 404, cityAdmin: 200, otherCityAdmin: 404 });
  });

  it("shows a city admin the people of their city and not of another", async () => {
    // The list shows a page at a time: the search finds the marker wherever it falls.
    const madrid = await (await server.request("/admin/people?q=marcadora", { cookie: await cookieFor("cityAdmin") })).text();
    expect(madrid).toContain(MADRID_MARKER);
    expect(madrid).not.toContain(SAO_PAULO_MARKER);
    const saoPaulo = await (
      await server.request("/admin/people?q=marcadora", { cookie: await cookieFor("otherCityAdmin") })
    ).text();
    expect(saoPaulo).toContain(SAO_PAULO_MARKER);
  });
});
