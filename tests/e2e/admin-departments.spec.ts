import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures.ts";
import { expectAccessible, logIn } from "./support.ts";

test.use({ locale: "es-ES" });

async function createDepartment(page: Page, name: string, parent?: string) {
  await page.goto("/admin/departments");
  await page.getByLabel("Nombre", { exact: true }).fill(name);
  if (parent) await page.getByLabel("Dentro de").selectOption({ label: parent });
  await page.getByRole("button", { name: "Crear el área" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Área creada." })).toBeVisible();
}

async function openDepartment(page: Page, name: string) {
  await page.goto("/admin/departments");
  await page.getByRole("link", { name, exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Área: ${name}` })).toBeVisible();
}

test("a city admin creates departments, refuses a repeated name, moves one and merges another after a confirmation", async ({
  page,
}) => {
  const tag = Date.now().toString(36);
  const origin = `Origen ${tag}`;
  const target = `Destino ${tag}`;
  await logIn(page, "admin@madrid.example");
  await page.waitForURL((url) => url.pathname === "/");

  await createDepartment(page, origin);
  await createDepartment(page, target);
  await createDepartment(page, "Sección", origin);
  await expectAccessible(page);

  // The same name under the same parent is refused next to the field, and what was typed stays.
  await page.getByLabel("Nombre", { exact: true }).fill("Sección");
  await page.getByLabel("Dentro de").selectOption({ label: origin });
  await page.getByRole("button", { name: "Crear el área" }).click();
  await expect(page.locator("#name-error")).toContainText("Ya hay un área con ese nombre");
  await expect(page.getByLabel("Nombre", { exact: true })).toHaveValue("Sección");
  await expectAccessible(page);

  // Moving: the picker never offers the department itself or its sub-departments.
  await openDepartment(page, origin);
  const parents = page.getByLabel("Nueva área superior");
  await expect(parents.locator("option", { hasText: `${origin} › Sección` })).toHaveCount(0);
  await expect(parents.locator("option", { hasText: target })).toHaveCount(1);
  await page.goto("/admin/departments");
  await page.getByRole("link", { name: "Sección", exact: true }).first().click();
  await page.getByLabel("Nueva área superior").selectOption({ label: target });
  await page.getByRole("button", { name: "Mover el área" }).click();
  await expect(page.getByRole("status")).toContainText("Área movida.");
  await expect(page.getByText(`Ubicación: ${target} › Sección`)).toBeVisible();

  // Merging asks first, saying what will move; only the confirmation merges.
  await openDepartment(page, origin);
  await page.getByLabel("Área de destino").selectOption({ label: target });
  await page.getByRole("button", { name: "Revisar la fusión" }).click();
  const confirmation = page.getByRole("region", { name: "Confirmar la fusión" });
  await expect(confirmation).toContainText(`Vas a fusionar «${origin}» con «${target}»`);
  await expect(confirmation).toContainText(`0 personas pasan a «${target}»`);
  await expectAccessible(page);
  await confirmation.getByRole("button", { name: "Fusionar ahora" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Área: ${target}` })).toBeVisible();
  await expect(page.getByRole("status")).toContainText("Fusión hecha.");

  // The tree shows the merged department archived, and the target with its moved section.
  await page.goto("/admin/departments");
  const originItem = page.getByRole("listitem").filter({ has: page.getByRole("link", { name: origin, exact: true }) });
  await expect(originItem).toContainText("archivada");
  const targetItem = page.getByRole("listitem").filter({ has: page.getByRole("link", { name: target, exact: true }) });
  await expect(targetItem.getByRole("link", { name: "Sección", exact: true })).toBeVisible();
  await expectAccessible(page);
});

test("without JavaScript, a merge still asks for confirmation and then merges", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, locale: "es-ES" });
  const page = await context.newPage();
  const tag = Date.now().toString(36);
  const source = `Sin JS ${tag}`;
  const target = `Sin JS destino ${tag}`;
  await logIn(page, "admin@madrid.example");
  await page.waitForURL((url) => url.pathname === "/");
  await createDepartment(page, source);
  await createDepartment(page, target);
  await openDepartment(page, source);
  await page.getByLabel("Área de destino").selectOption({ label: target });
  await page.getByRole("button", { name: "Revisar la fusión" }).click();
  await page.getByRole("button", { name: "Fusionar ahora" }).click();
  await expect(page.getByRole("status")).toContainText("Fusión hecha.");
  await context.close();
});
