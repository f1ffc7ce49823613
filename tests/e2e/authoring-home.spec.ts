import { expect, test } from "./fixtures.ts";
import { expectAccessible, logIn } from "./support.ts";

test.use({ locale: "es-ES" });

test("the demo trainer creates a course, adds a lesson, moves it up and translates the title into Portuguese", async ({
  page,
}) => {
  const title = `Curso de prueba ${Date.now().toString(36)}`;
  await logIn(page, "tomas.formador@madrid.example");
  await page.waitForURL((url) => url.pathname === "/");
  await page.getByRole("link", { name: "Autoría" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Autoría de cursos" })).toBeVisible();

  // Refused first: the errors are next to their fields, in the trainer's language.
  await page.getByRole("button", { name: "Crear el curso" }).click();
  await expect(page.locator("#title-error")).toHaveText("Escribe un título de entre 3 y 120 caracteres.");
  await expect(page.locator("#competencies-error")).toHaveText("Elige al menos una opción.");

  await page.getByLabel("Título", { exact: true }).fill(title);
  await page.getByLabel("Resumen").fill("Un curso escrito en el navegador.");
  await page.getByLabel("Idioma original").selectOption("es");
  await page.getByLabel("Duración en minutos").fill("30");
  await page.getByLabel("Seguridad").check();
  await page.getByLabel("Título de la primera lección").fill("Primera parte");
  await page.getByRole("button", { name: "Crear el curso" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Datos y lecciones de «${title}»` })).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: "Curso creado." })).toBeVisible();

  await page.getByLabel("Título de la lección (en el idioma original)").fill("Segunda parte");
  await page.getByRole("button", { name: "Añadir la lección" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Lección añadida al final." })).toBeVisible();
  await page.getByRole("button", { name: "Subir «Segunda parte»" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Lección movida." })).toBeVisible();
  const lessons = page.getByRole("region", { name: "Lecciones" }).getByRole("listitem");
  await expect(lessons.first()).toContainText("Segunda parte");
  await expect(lessons.nth(1)).toContainText("Primera parte");
  await expect(page.getByRole("link", { name: "Editar «Segunda parte»" })).toHaveAttribute("href", /\/lessons\/segunda-parte$/);

  // Portuguese added as a language, then its title written beside the Spanish one.
  await page.getByLabel("Portugués").check();
  await page.getByRole("button", { name: "Guardar los datos" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Cambios guardados." })).toBeVisible();
  await page.getByRole("navigation", { name: "Idioma que editas" }).getByRole("link", { name: "Portugués" }).click();
  await expect(page.getByRole("group", { name: "Textos en Portugués" })).toBeVisible();
  await expect(page.getByText("Un curso escrito en el navegador.")).toBeVisible();
  await page.getByLabel("Título", { exact: true }).fill(`${title} em português`);
  await page.getByLabel("Resumen").fill("Um curso escrito no navegador.");
  await page.getByRole("button", { name: "Guardar los datos" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Cambios guardados." })).toBeVisible();
  await expect(page.getByLabel("Título", { exact: true })).toHaveValue(`${title} em português`);
  await expect(page.getByText("traducción al día")).toBeVisible();
  await expectAccessible(page);

  await page.getByRole("link", { name: "Todos los cursos" }).click();
  const row = page.getByRole("row").filter({ hasText: title });
  await expect(row).toContainText("Solo borrador");
  // The lessons are not yet in Portuguese: only Spanish is complete.
  await expect(row.getByRole("cell").nth(1)).toHaveText("Español");
});

test("the demo trainer copies a network course to the city and translates a lesson after adapting it", async ({ page }) => {
  test.setTimeout(90_000);
  const lessonTitle = "Qué es (y qué no es) la inteligencia artificial";
  await logIn(page, "tomas.formador@madrid.example");
  await page.waitForURL((url) => url.pathname === "/");
  await page.goto("/author");
  const network = page.getByRole("region", { name: "Cursos de la red que puedes copiar" });
  const courseTitle = "Fundamentos de la IA y la IA generativa";
  await network
    .getByRole("row")
    .filter({ has: page.getByRole("rowheader", { name: courseTitle, exact: true }) })
    .getByRole("button", { name: /Copiar a mi ciudad/ })
    .click();
  await expect(page.getByRole("status").filter({ hasText: "Curso copiado en tu ciudad." })).toBeVisible();
  await expect(page).toHaveURL(/\/author\/madrid\./);

  // The Spanish text adapted: its translations become outdated.
  await page.getByRole("link", { name: `Editar «${lessonTitle}»` }).click();
  const body = page.getByLabel("Texto de la lección (Markdown)");
  await body.fill(`${(await body.inputValue()).trimEnd()}\n\nEn nuestro ayuntamiento, pregunte antes al equipo de datos.\n`);
  await page.getByRole("button", { name: "Guardar", exact: true }).click();
  await expect(page.getByText("Lección guardada.")).toBeVisible({ timeout: 20_000 });

  // From the translations matrix to the Portuguese text, with the new Spanish text beside it.
  await page.getByRole("link", { name: "Traducciones", exact: true }).click();
  const lesson = page.getByRole("row", { name: new RegExp(`Lección «${lessonTitle.replace(/[()]/g, "\\$&")}»`) });
  await expect(lesson.getByRole("cell").nth(1)).toContainText("Desactualizada");
  await lesson.getByRole("cell").nth(1).getByRole("link").click();
  await expect(page.getByRole("region", { name: "Texto de origen (español)" })).toContainText(
    "En nuestro ayuntamiento, pregunte antes al equipo de datos.",
  );
  await body.fill(`${(await body.inputValue()).trimEnd()}\n\nNa nossa prefeitura, pergunte antes à equipe de dados.\n`);
  await page.getByRole("button", { name: "Guardar", exact: true }).click();
  await expect(page.getByText("Lección guardada.")).toBeVisible({ timeout: 20_000 });
  await expect(page.getByText("Estado de esta traducción: completa")).toBeVisible();

  await page.getByRole("link", { name: "Traducciones", exact: true }).click();
  await expect(lesson.getByRole("cell").nth(1)).toContainText("Completa");
  await expect(lesson.getByRole("cell").nth(2)).toContainText("Desactualizada");
  await expectAccessible(page);

  await page.getByRole("link", { name: "Todos los cursos" }).click();
  const copies = page
    .getByRole("region", { name: /^Cursos de Madrid/ })
    .getByRole("row")
    .filter({ hasText: `Copia de «${courseTitle}»` });
  await expect(copies.first()).toBeVisible();
});
