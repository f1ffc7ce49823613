import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getCourseOverview, listCatalog } from "~/courses/catalog.server.ts";
import { db } from "~/db.server.ts";
import { enroll, markLessonComplete } from "~/learning/enrollments.server.ts";
import { sessionCookie } from "../support/factories.ts";
import { currentUserFor } from "../support/learning.ts";
import { startTestServer, type TestServer } from "../support/server.ts";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
});

describe("catalog", () => {
  it("lists all seven programme courses in each language", async () => {
    const titles = { es: "Fundamentos de la IA", pt: "Fundamentos da IA", en: "AI and generative AI fundamentals" };
    for (const [language, title] of Object.entries(titles)) {
      const html = await (await server.request("/courses", { headers: { "Accept-Language": language } })).text();
      expect(html).toContain(title);
      expect(html.match(/href="\/courses\/[a-z0-9-]+"/g)?.length).toBeGreaterThanOrEqual(7);
    }
    expect((await listCatalog("pt")).length).toBeGreaterThanOrEqual(7);
  });

  it("searches titles and summaries ignoring case and accents", async () => {
    const accented = await listCatalog("es", { query: "PROTECCIÓN" });
    const plain = await listCatalog("es", { query: "proteccion" });
    expect(plain.map((course) => course.key)).toEqual(accented.map((course) => course.key));
    expect(plain.map((course) => course.key)).toContain("personal-data-and-privacy");
    // Summaries in another language are searched too.
    expect((await listCatalog("es", { query: "privacy" })).map((course) => course.key)).toContain("personal-data-and-privacy");
    expect(await listCatalog("es", { query: "zzzz-nothing" })).toEqual([]);
  });

  it("filters by competency, level and what is mandatory for me", async () => {
    const security = await listCatalog("en", { competency: "security" });
    expect(security.every((course) => course.competencies.includes("security"))).toBe(true);
    expect(security.map((course) => course.key)).toContain("security-and-ai-threats");
    const advanced = await listCatalog("en", { level: "advanced" });
    expect(advanced.length).toBeGreaterThan(0);
    expect(advanced.every((course) => course.level === "advanced")).toBe(true);

    const user = await currentUserFor({ city: "quito" });
    const course = await db().course.findUniqueOrThrow({ where: { key: "bias-rights-and-equity" }, select: { id: true } });
    const assignment = await db().assignment.create({ data: { cityId: user.city.id, courseId: course.id } });
    await db().personAssignment.create({
      data: {
        assignmentId: assignment.id,
        userId: user.id,
        cityId: user.city.id,
        courseId: course.id,
        assignedAt: new Date(),
        dueAt: new Date(),
      },
    });
    const reader = { userId: user.id, cityId: user.city.id, departmentId: user.department?.id ?? null };
    const mine = await listCatalog("es", { mandatoryOnly: true }, reader);
    expect(mine.map((entry) => entry.key)).toEqual(["bias-rights-and-equity"]);
    expect(mine[0]?.mandatory).toBe(true);
    const colleague = await currentUserFor({ city: "guatemala" });
    expect(
      await listCatalog("es", { mandatoryOnly: true }, { userId: colleague.id, cityId: colleague.city.id, departmentId: null }),
    ).toEqual([]);
  });

  it("shows a city's own course only to that city's people", async () => {
    const madrid = await db().city.findUniqueOrThrow({ where: { slug: "madrid" }, select: { id: true } });
    await db().course.update({ where: { key: "transparency-and-accountability" }, data: { ownerCityId: madrid.id } });
    try {
      const madrileno = await currentUserFor({ city: "madrid" });
      const bogotano = await currentUserFor({ city: "bogota" });
      const readerOf = (user: typeof madrileno) => ({ userId: user.id, cityId: user.city.id, departmentId: null });
      const keys = async (reader: ReturnType<typeof readerOf> | null) =>
        (await listCatalog("es", {}, reader)).map((entry) => entry.key);
      expect(await keys(readerOf(madrileno))).toContain("transparency-and-accountability");
      expect(await keys(readerOf(bogotano))).not.toContain("transparency-and-accountability");
      expect(await keys(null)).not.toContain("transparency-and-accountability");
      expect(await getCourseOverview("transparency-and-accountability", "es", bogotano.city.id)).toBeNull();
      expect(await enroll(bogotano, "transparency-and-accountability")).toBeNull();
      const page = await server.request("/courses/transparency-and-accountability", { cookie: await sessionCookie(bogotano.id) });
      expect(page.status).toBe(404);
      expect(await enroll(madrileno, "transparency-and-accountability")).not.toBeNull();
    } finally {
      await db().course.update({ where: { key: "transparency-and-accountability" }, data: { ownerCityId: null } });
    }
  });

  it("shows a course in its source language, with a note, when it lacks the reader's", async () => {
    await db().courseVersion.updateMany({
      where: { course: { key: "bias-rights-and-equity" } },
      data: { languages: JSON.stringify(["es"]) },
    });
    try {
      const entry = (await listCatalog("en")).find((course) => course.key === "bias-rights-and-equity");
      expect(entry?.shownLocale).toBe("es");
      const html = await (await server.request("/courses", { headers: { "Accept-Language": "en" } })).text();
      expect(html).toContain("This course is not yet available in your language; it is shown in Español.");
    } finally {
      await db().courseVersion.updateMany({
        where: { course: { key: "bias-rights-and-equity" } },
        data: { languages: JSON.stringify(["es", "pt", "en"]) },
      });
    }
  });

  it("shows a signed-in learner their progress on the courses they take", async () => {
    const user = await currentUserFor({ city: "guatemala", locale: "en" });
    await enroll(user, "ai-fundamentals");
    await markLessonComplete(user, "ai-fundamentals", "what-ai-is");
    const html = await (await server.request("/courses", { cookie: await sessionCookie(user.id) })).text();
    expect(html).toContain("Your progress: 20%");
  });

  it("enrols from the course page; an unknown certificate code is answered but not cached", async () => {
    const user = await currentUserFor();
    expect(await enroll(user, "no-such-course")).toBeNull();
    const response = await server.request("/verify/MAD-2222-3333-4444");
    expect(response.status).toBe(404);
    // Only a found certificate is public for a minute (sessions.test.ts); errors are never stored.
    expect(response.headers.get("cache-control")).toBe("private, no-store");
  });
});
