import { parse } from "csv-parse/sync";
import { readFileSync } from "node:fs";
import { expect, test } from "./fixtures.ts";
import { expectAccessible, logIn } from "./support.ts";

test.use({ locale: "es-ES" });

test("HR finds a learner, opens the overdue list and exports the overdue people as CSV", async ({ page }) => {
  await logIn(page, "rrhh@madrid.example");
  await page.waitForURL((url) => url.pathname === "/");
  await page.goto("/hr/people");
  await expect(page.getByRole("heading", { level: 1, name: "Personas" })).toBeVisible();

  // Search ignores case and accents.
  await page.getByRole("searchbox", { name: "Nombre o correo" }).fill("GARCIA");
  await page.getByRole("button", { name: "Aplicar filtros" }).click();
  await expect(page).toHaveURL(/q=GARCIA/);
  const people = page.getByRole("region", { name: "Personas y su estado por curso" });
  await expect(people.getByRole("link", { name: "Ana García Ruiz" })).toBeVisible();

  // The overdue list, by department, with the search kept.
  await page.getByRole("navigation", { name: "Listas de personas" }).getByRole("link", { name: "Vencidas" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Asignaciones vencidas" })).toBeVisible();
  const overdue = page.getByRole("region", { name: "Asignaciones vencidas por área" });
  const row = overdue.getByRole("row").filter({ has: page.getByRole("link", { name: "Ana García Ruiz" }) });
  await expect(row).toContainText("Servicios Sociales");
  await expect(row.getByRole("cell").last()).toHaveText(/^\d+$/);
  await expectAccessible(page);

  // The people list filtered by status, exported as CSV with the same filters.
  await page.goto("/hr/people");
  const count = page.getByText(/^[\d.]+ personas?$/);
  const everyone = (await count.textContent()) ?? "";
  await page.getByLabel("Estado", { exact: true }).selectOption("overdue");
  await page.getByRole("button", { name: "Aplicar filtros" }).click();
  await expect(page).toHaveURL(/status=overdue/);
  // The address changes before the page shows the filtered list: wait for the count to change too.
  await expect(count).not.toHaveText(everyone);
  // The page lists 50 at a time and says how many there are in all; the export holds them all.
  const total = Number(((await count.textContent()) ?? "").replace(/\D/g, ""));
  expect(total).toBeGreaterThan(0);
  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "CSV" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^madrid-personas-\d{4}-\d{2}-\d{2}\.csv$/);
  const bytes = readFileSync((await download.path())!);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const [header, ...rows] = parse(bytes.toString("utf8"), { bom: true }) as string[][];
  expect(header).toEqual([
    "Nombre",
    "Correo",
    "Área",
    "Sin empezar",
    "En curso",
    "Completados",
    "Vencidos",
    "Certificados por caducar",
  ]);
  expect(rows.length).toBe(total);
  const ana = rows.find((cells) => cells[1] === "ana.garcia@madrid.example");
  expect(ana?.[0]).toBe("Ana García Ruiz");
  expect(ana?.[2]).toBe("Servicios Sociales");
  for (const cells of rows) expect(Number(cells[6])).toBeGreaterThan(0);

  // A learner's page, from the list.
  await page.getByRole("link", { name: "Ana García Ruiz" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Ana García Ruiz" })).toBeVisible();
  await expect(page.getByRole("heading", { name: /ciclo 1/ }).first()).toBeVisible();
  await expect(page.getByRole("link", { name: "Gestionar las adaptaciones de Ana García Ruiz" })).toBeVisible();
});

test("a filter value that does not exist is refused with a message and lists no one", async ({ page }) => {
  await logIn(page, "rrhh@madrid.example");
  await page.waitForURL((url) => url.pathname === "/");
  await page.goto("/hr/people?status=lost");
  await expect(page.getByRole("alert")).toContainText("Revisa los filtros");
  await expect(page.getByText("Ese estado no existe. Elige uno de la lista.")).toBeVisible();
  await expect(page.getByRole("region", { name: "Personas y su estado por curso" })).toHaveCount(0);
});
