import { parse } from "csv-parse/sync";
import { readFileSync } from "node:fs";
import { expect, test } from "./fixtures.ts";
import { expectAccessible, logIn } from "./support.ts";

test.use({ locale: "es-ES" });

test("a network admin creates a city and its first admin sets a password through the one-time link", async ({
  page,
  browser,
}) => {
  const slug = `lima-${Date.now()}`;
  await logIn(page, "red@madrid.example");
  await page.waitForURL((url) => url.pathname === "/");
  await page.goto("/network/cities");
  await expect(page.getByRole("heading", { level: 1, name: "Ciudades de la red" })).toBeVisible();
  await page.getByRole("link", { name: "Crear una ciudad" }).click();

  await page.getByLabel("Identificador en las direcciones").fill(slug);
  await page.getByLabel("Nombre de la ciudad").fill("Lima");
  await page.getByLabel("Zona horaria").fill("America/Lima");
  await page.getByLabel("Prefijo de los certificados").fill("LIM");
  await page.getByLabel("Dominios de correo permitidos").fill(`${slug}.example`);
  await page.getByLabel("Color principal").fill("#ffff00");
  await page.getByLabel("Nombre de la primera persona administradora").fill("Rosa Quispe");
  await page.getByLabel("Correo de la primera persona administradora").fill(`rosa@${slug}.example`);
  await page.getByRole("button", { name: "Crear la ciudad" }).click();
  // A colour too light for white text is refused with the measured contrast.
  await expect(page.getByLabel("Color principal")).toHaveAccessibleDescription(
    /el contraste es 1,07:1 y se necesita al menos 4,5:1/,
  );
  await expectAccessible(page);

  await page.getByLabel("Color principal").fill("#7c2d12");
  await page.getByRole("button", { name: "Crear la ciudad" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Lima está creada" })).toBeVisible();
  await expect(page.getByText("Una ciudad nueva empieza sin departamentos")).toBeVisible();
  const link = (await page.getByTestId("first-admin-link").innerText()).trim();
  expect(link).toMatch(/\/reset-password\/[\w-]+$/);

  // The new admin, on their own device, chooses a password and signs in to their city.
  const context = await browser.newContext({ locale: "es-ES" });
  const rosa = await context.newPage();
  await rosa.goto(new URL(link).pathname);
  await rosa.getByLabel(/^Nueva contraseña$/).fill("la frase de Rosa en Lima");
  await rosa.getByLabel("Repite la contraseña").fill("la frase de Rosa en Lima");
  await rosa.getByRole("button", { name: "Guardar la contraseña" }).click();
  await rosa.waitForURL(/\/login\?reset=done/);
  await logIn(rosa, `rosa@${slug}.example`, "la frase de Rosa en Lima");
  await rosa.waitForURL((url) => url.pathname === "/");
  await rosa.goto("/admin/people");
  await expect(rosa.getByRole("heading", { level: 1, name: "Personas de Lima" })).toBeVisible();
  await context.close();

  // The network's audit view shows the creation.
  await page.goto("/network/audit?action=network.city.create");
  await expect(page.getByRole("region", { name: "Registro de auditoría de la red" }).getByText(`slug: ${slug}`)).toBeVisible();
});

test("a city admin filters the audit log by action and person, is told of a bad date range, and exports it", async ({ page }) => {
  await logIn(page, "admin@madrid.example");
  await page.waitForURL((url) => url.pathname === "/");
  // Something to find: a password link, which is audited.
  await page.goto("/admin/people");
  await page.getByRole("button", { name: "Generar enlace de contraseña" }).first().click();
  await expect(page.getByRole("status").first()).toBeVisible();

  await page
    .getByRole("navigation", { name: /administración/i })
    .getByRole("link", { name: "Registro de auditoría" })
    .click();
  await expect(page.getByRole("heading", { level: 1, name: "Registro de auditoría de Madrid" })).toBeVisible();
  await page.getByLabel("Acción").selectOption({ label: "Enlace de contraseña creado" });
  await page.getByRole("searchbox", { name: "Quién lo hizo" }).fill("javier MORENO");
  await page.getByRole("button", { name: "Aplicar filtros" }).click();
  await expect(page).toHaveURL(/action=password-reset.create/);
  const log = page.getByRole("region", { name: "Registro de auditoría de Madrid" });
  const row = log.getByRole("row").filter({ hasText: "Enlace de contraseña creado" }).first();
  await expect(row).toContainText("Javier Moreno");
  await expectAccessible(page);

  // A date range that ends before it starts is refused, and says so.
  await page.goto("/admin/audit?from=2026-12-01&to=2026-11-01");
  await expect(page.getByText("La fecha final es anterior a la inicial.")).toBeVisible();

  // The export holds the filtered list, in Spanish.
  await page.goto("/admin/audit?action=password-reset.create");
  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "CSV" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^madrid-auditoria\.csv$/);
  const [header, ...rows] = parse(readFileSync((await download.path())!).toString("utf8"), { bom: true }) as string[][];
  expect(header).toEqual(["Fecha", "Quién", "Acción", "Sobre quién", "Objeto", "Detalles"]);
  expect(rows.length).toBeGreaterThan(0);
  expect(rows.every((cells) => cells[2] === "Enlace de contraseña creado")).toBe(true);
});
