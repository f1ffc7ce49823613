import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures.ts";
import { expectAccessible, logIn, messagesFor } from "./support.ts";

test.use({ locale: "es-ES" });
const t = messagesFor("es");

/** A headline figure as shown: the value under its label. */
const headline = (page: Page, label: string) =>
  page
    .locator("dl > div")
    .filter({ has: page.getByText(label, { exact: true }) })
    .locator("dd");

async function hrDashboard(page: Page) {
  await logIn(page, "rrhh@madrid.example");
  await page.waitForURL((url) => url.pathname === "/");
  await page.getByRole("link", { name: t("reports.nav") }).click();
  await expect(page.getByRole("heading", { level: 1, name: t("reports.title", { city: "Madrid" }) })).toBeVisible();
}

test("HR filters the dashboard by a department and the figures follow it, in the URL", async ({ page }) => {
  await hrDashboard(page);
  const people = headline(page, t("reports.fig.people"));
  const cityPeople = await people.textContent();
  await expect(page.getByRole("rowheader", { name: t("reports.dept.cityTotal") })).toBeVisible();

  await page.getByLabel(t("reports.filter.department")).selectOption({ label: "Contratación" });
  await page.getByLabel(t("reports.filter.mandatoryOnly")).check();
  await page.getByRole("button", { name: t("reports.filter.apply") }).click();
  await expect(page).toHaveURL(/department=.+&.*mandatory=1/);
  await expect(page.getByRole("rowheader", { name: t("reports.dept.total", { name: "Contratación" }) })).toBeVisible();
  await expect(people).not.toHaveText(cityPeople!);
  // The view is bookmarkable: the same address shows the same figures.
  const filtered = await people.textContent();
  await page.goto(page.url());
  await expect(people).toHaveText(filtered!);
  await expect(page.getByLabel(t("reports.filter.mandatoryOnly"))).toBeChecked();
  await expectAccessible(page);

  await page.getByRole("link", { name: t("reports.dept.upToCity") }).click();
  await expect(people).toHaveText(cityPeople!);
});

test("a foreign or unknown filter value is refused with a message and no figures", async ({ page }) => {
  await hrDashboard(page);
  const response = await page.goto("/hr?department=not-a-department-of-madrid");
  expect(response?.status()).toBe(400);
  await expect(page.locator("#department-error")).toHaveText(t("reports.filter.unknownDepartment"));
  await expect(page.getByText(t("reports.filter.refused"))).toBeVisible();
  await expect(page.getByRole("heading", { name: t("reports.headline") })).toHaveCount(0);
  await expect(page.getByLabel(t("reports.filter.department"))).toHaveAttribute("aria-invalid", "true");
  await expectAccessible(page);

  expect((await page.goto("/hr?from=2026-02-30"))?.status()).toBe(400);
  await expect(page.locator("#from-error")).toHaveText(t("reports.filter.badDate"));
  await expect(page.getByLabel(t("reports.filter.from"))).toHaveValue("2026-02-30");
  await expect(page.getByRole("heading", { name: t("reports.headline") })).toHaveCount(0);
  await expectAccessible(page);
});

test("the dashboard without JavaScript shows the same figures and the chart with its data table", async ({ page, browser }) => {
  await hrDashboard(page);
  const figures = await page.locator("dl dd").allTextContents();

  const context = await browser.newContext({ locale: "es-ES", javaScriptEnabled: false });
  const plain = await context.newPage();
  await logIn(plain, "rrhh@madrid.example");
  await plain.waitForURL((url) => url.pathname === "/");
  await plain.goto("/hr");
  expect(await plain.locator("dl dd").allTextContents()).toEqual(figures);
  const chart = plain.getByRole("img", { name: t("reports.chart.title") });
  await expect(chart).toBeVisible();
  await expect(chart.locator("path").first()).toHaveAttribute("d", /^M/);
  await expect(plain.getByRole("table", { name: t("reports.chart.table") })).toBeVisible();
  // The filters work as a plain GET form.
  await plain.getByLabel(t("reports.filter.department")).selectOption({ label: "Contratación" });
  await plain.getByRole("button", { name: t("reports.filter.apply") }).click();
  await expect(plain).toHaveURL(/department=/);
  await expect(plain.getByRole("rowheader", { name: t("reports.dept.total", { name: "Contratación" }) })).toBeVisible();
  await context.close();
});

test("a network admin sees each city side by side, small groups shown as < 5", async ({ page }) => {
  await logIn(page, "red@madrid.example");
  await page.waitForURL((url) => url.pathname === "/");
  await page.getByRole("link", { name: t("network.nav") }).click();
  await expect(page.getByRole("heading", { level: 1, name: t("network.title") })).toBeVisible();
  const table = page.getByRole("table", { name: t("network.table") });
  await expect(table.getByRole("rowheader", { name: "Madrid" })).toBeVisible();
  await expect(table.getByRole("rowheader", { name: "São Paulo" })).toBeVisible();
  await expect(table.getByText("Ana García")).toHaveCount(0);
  // The demo cities have few people with mandatory courses due: such figures are hidden.
  await expect(table.getByText(t("network.fewer", { min: 5 }), { exact: true }).first()).toBeVisible();
  await expectAccessible(page);
});

test("at 320 px the dashboard and the network view do not scroll sideways; only tables scroll in their region", async ({
  browser,
}) => {
  const context = await browser.newContext({ locale: "es-ES", viewport: { width: 320, height: 640 } });
  const page = await context.newPage();
  for (const [email, path] of [
    ["rrhh@madrid.example", "/hr"],
    ["red@madrid.example", "/network"],
  ] as const) {
    await logIn(page, email);
    await page.waitForURL((url) => url.pathname === "/");
    await page.goto(path);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth), path).toBe(0);
    const chart = await page.getByRole("img").first().boundingBox();
    expect(chart!.width, path).toBeLessThanOrEqual(320);
    await page.request.post("/logout");
  }
  await context.close();
});
