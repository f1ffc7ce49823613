/**
 * The per-city stylesheet serves only colours that pass the contrast rule (app/cities/contrast.ts):
 * every seeded city's colours are served as stored, and colours that fail AA are not served, so the
 * header keeps the default colours of app/styles.css.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cityContrastFailures } from "~/cities/contrast.ts";
import { db } from "~/db.server.ts";
import { startTestServer, type TestServer } from "../support/server.ts";

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});

afterAll(async () => {
  await server.close();
});

describe("city themes", () => {
  it("serve each seeded city's colours, all of which pass WCAG AA", async () => {
    const cities = await db().city.findMany({ select: { slug: true, primaryColor: true, accentColor: true } });
    expect(cities.length).toBeGreaterThanOrEqual(10);
    for (const city of cities) {
      expect(cityContrastFailures(city), city.slug).toEqual([]);
      const response = await server.request(`/themes/${city.slug}`);
      expect(response.status).toBe(200);
      expect(await response.text()).toContain(`--city-primary:${city.primaryColor};--city-accent:${city.accentColor}`);
    }
  });

  it("do not serve colours that fail AA: the header keeps the default colours", async () => {
    await db().city.update({ where: { slug: "quito" }, data: { primaryColor: "#f3c64a" } });
    const response = await server.request("/themes/quito");
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toContain("text/css");
    expect(await response.text()).not.toContain("--city-primary");
  });

  it("answer 404 for an unknown city", async () => {
    expect((await server.request("/themes/atlantis")).status).toBe(404);
  });
});
