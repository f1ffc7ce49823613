/**
 * The demo trainer's journey through a course's translations and history: a copied network course
 * whose lesson is edited (the copy, the edit and the publishes go through tests/e2e/authoring-script.ts
 * while their pages are built elsewhere), outdated translations confirmed as still correct, versions
 * 1 and 2 compared, and version 1 restored as the draft after a confirmation.
 */
import { expect, test } from "./fixtures.ts";
import { authoringData, DEMO_TRAINER } from "./authoring-support.ts";
import { expectAccessible, logIn } from "./support.ts";

test.use({ locale: "es-ES" });

test("a trainer confirms outdated translations, compares two versions and restores the first", async ({ page }) => {
  test.setTimeout(120_000);
  const key = authoringData("copy", DEMO_TRAINER, "ai-fundamentals");
  expect(authoringData("publish", DEMO_TRAINER, key)).toBe("1");
  authoringData("append", DEMO_TRAINER, key, "1", "es", "Un párrafo nuevo de la formadora.");

  await logIn(page, DEMO_TRAINER);
  await page.waitForURL((url) => url.pathname === "/");
  await page.goto(`/author/${key}/translations`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Traducciones");
  const lesson = page.getByRole("row", { name: /Lección «Qué es \(y qué no es\) la inteligencia artificial»/ });
  await expect(lesson.getByRole("cell").nth(1)).toContainText("Desactualizada");
  await expect(lesson.getByRole("cell").nth(2)).toContainText("Desactualizada");
  await expect(page.getByText("Idiomas que se publicarían: español.")).toBeVisible();
  // The current source, with the new paragraph, beside the translation.
  await expect(page.getByRole("region", { name: /en portugués: Original actual \(español\)/ })).toContainText(
    "Un párrafo nuevo de la formadora.",
  );
  await expectAccessible(page);

  for (const language of ["portugués", "inglés"]) {
    await page.getByRole("button", { name: new RegExp(`Sigue siendo correcta\\s*: .* en ${language}`) }).click();
    await expect(page.getByText("La traducción quedó marcada como correcta.")).toBeVisible();
  }
  await expect(lesson.getByRole("cell").nth(1)).toContainText("Completa");
  await expect(lesson.getByRole("cell").nth(2)).toContainText("Completa");
  await expect(page.getByText("Idiomas que se publicarían: español, portugués e inglés.")).toBeVisible();

  expect(authoringData("publish", DEMO_TRAINER, key)).toBe("2");
  await page.goto(`/author/${key}/history`);
  await expect(page.getByRole("row", { name: /Versión 2/ })).toContainText("Tomás");
  await page.getByLabel("Desde la versión").selectOption("1");
  await page.getByLabel("Hasta la versión").selectOption("2");
  await page.getByRole("button", { name: "Comparar" }).click();
  await expect(page).toHaveURL(new RegExp(`/author/${key.replace(".", "\\.")}/history\\?from=1&to=2$`));
  await expect(page.getByRole("heading", { name: "Cambios de la versión 1 a la versión 2" })).toBeVisible();
  await expect(
    page.getByRole("heading", { name: /Lección «Qué es \(y qué no es\) la inteligencia artificial» en español/ }),
  ).toBeVisible();
  await expect(page.getByRole("row", { name: /añadida\s*: Un párrafo nuevo de la formadora\./ })).toBeVisible();
  await expectAccessible(page);

  await page
    .getByRole("row", { name: /Versión 1/ })
    .getByRole("link", { name: /Restaurar como borrador/ })
    .click();
  await expect(page.getByRole("heading", { name: "¿Restaurar la versión 1 como borrador?" })).toBeVisible();
  await page.getByRole("button", { name: "Sí, restaurar la versión 1" }).click();
  await expect(page).toHaveURL(new RegExp(`/author/${key.replace(".", "\\.")}\\?restored=1$`));

  await page.goto(`/author/${key}/history`);
  await expect(page.getByRole("row", { name: /Versión 1/ })).toContainText("El borrador es igual a esta versión.");
  await expect(page.getByRole("row", { name: /Versión 2/ })).not.toContainText("El borrador es igual a esta versión.");
  await page.goto(`/author/${key}/translations`);
  await expect(page.getByText("Un párrafo nuevo de la formadora.")).toHaveCount(0);
  await expect(page.getByText("Ninguna traducción está desactualizada.")).toBeVisible();
});
