/** Practice activities in a lesson: each kind checked with and without JavaScript, by keyboard, with an axe scan. */
import type { Locator, Page } from "@playwright/test";
import { expect, test } from "./fixtures.ts";
import { expectAccessible, signUp } from "./support.ts";

test.use({ locale: "es-ES" });

const LESSON = "/learn/ai-fundamentals/hallucinations-and-limits";
const STEPS = [
  "Pedir al asistente un borrador de respuesta",
  "Buscar la fecha en el calendario tributario oficial",
  "Corregir el borrador donde no coincida con la fuente",
  "Enviar la respuesta al contribuyente",
];

async function enrolledAtTheLesson(page: Page, name: string) {
  await signUp(page, name);
  await page.goto("/courses/ai-fundamentals");
  await page.getByRole("button", { name: "Inscribirme en el curso" }).click();
  await expect(page.getByText("Lección 1 de 4")).toBeVisible();
  await page.goto(LESSON);
}

const activity = (page: Page, key: string) => page.locator(`#activity-${key}`);
const check = (region: Locator) => region.getByRole("button", { name: "Comprobar" }).click();

async function sortRightly(region: Locator) {
  await region
    .getByLabel("Un primer borrador del aviso de un nuevo horario de la biblioteca")
    .selectOption({ label: "Útil, con revisión humana" });
  await region
    .getByLabel("Un resumen de ofertas que luego se contrasta con los documentos originales")
    .selectOption({ label: "Útil, con revisión humana" });
  await region
    .getByLabel("Decidir si una familia recibe una ayuda de vivienda")
    .selectOption({ label: "Nunca como única base de la decisión" });
}

test("with JavaScript: every kind is checked on the server without a page load, retried, and resumed later", async ({ page }) => {
  test.setTimeout(90_000);
  await enrolledAtTheLesson(page, "Práctica Con Script");
  await expect(page.getByText("Práctica", { exact: true })).toHaveCount(4);
  await expectAccessible(page);
  const documents: string[] = [];
  page.on("request", (request) => {
    if (request.resourceType() === "document") documents.push(request.url());
  });

  // Choice: a wrong answer, its feedback, then a retry.
  const choice = activity(page, "avianca-what-was-sanctioned");
  await choice.getByLabel("Haber usado ChatGPT para preparar el escrito").check();
  await check(choice);
  await expect(choice.getByRole("status")).toHaveText("Todavía no: 1 de 3 bien. Lea los comentarios y vuelva a intentarlo.");
  await expect(choice.getByText("No. El tribunal no sancionó el uso de IA en sí.")).toBeVisible();
  await expect(choice.getByText("No elegida: también era correcta")).toBeVisible();
  await choice.getByLabel("No haber comprobado los casos que la herramienta inventó").check();
  await check(choice);
  await expect(choice.getByRole("status")).toHaveText("Correcto: 3 de 3.");

  // Spot the problem: which problem was missed.
  const spot = activity(page, "tax-reply-problems");
  await spot.getByLabel(/artículo 47/).check();
  await spot.getByLabel(/vecino del número 14/).check();
  await check(spot);
  await expect(spot.getByRole("status")).toHaveText("Todavía no: 4 de 5 bien. Lea los comentarios y vuelva a intentarlo.");
  await expect(spot.getByText("Problema que se le pasó")).toBeVisible();
  await expect(spot.getByText(/Un tono seguro no es una respuesta verificada/)).toBeVisible();

  // Sort: one item left out is refused with a message; then a verdict per item.
  const sort = activity(page, "where-ai-fits");
  await sortRightly(sort);
  await check(sort);
  await expect(sort.getByText("Elige una categoría para cada elemento.").last()).toBeVisible();
  await sort.getByLabel("Resolver el recurso de un vecino contra una multa").selectOption({ label: "Útil, con revisión humana" });
  await check(sort);
  await expect(sort.getByRole("status")).toHaveText("Todavía no: 3 de 4 bien. Lea los comentarios y vuelva a intentarlo.");
  await expect(sort.getByText("Va en: Nunca como única base de la decisión")).toBeVisible();

  // Order, by keyboard only: move-up buttons keep the focus, a live region says where the step went.
  const order = activity(page, "checking-a-deadline");
  for (const [target, step] of STEPS.entries()) {
    const items = order.getByRole("listitem");
    const texts = await items.allInnerTexts();
    let at = texts.findIndex((text) => text.includes(step));
    if (at === target) continue;
    await order.getByRole("button", { name: `Subir «${step}»` }).focus();
    while (at > target) {
      await page.keyboard.press("Enter");
      at -= 1;
      await expect(order.getByRole("status").first()).toHaveText(`«${step}»: posición ${at + 1} de 4.`);
    }
  }
  await expect(order.getByRole("listitem")).toHaveText(STEPS.map((step, index) => new RegExp(`^${index + 1}\\. ${step}`)));
  await order.getByRole("button", { name: "Comprobar" }).focus();
  await page.keyboard.press("Enter");
  await expect(order.getByRole("status").last()).toHaveText("Correcto: 4 de 4.");
  await expectAccessible(page);
  expect(documents).toEqual([]);

  // Another visit: the last answers are filled in, and the course counts them.
  await page.reload();
  await expect(
    activity(page, "avianca-what-was-sanctioned").getByLabel("No haber comprobado los casos que la herramienta inventó"),
  ).toBeChecked();
  await expect(activity(page, "where-ai-fits").getByLabel("Resolver el recurso de un vecino contra una multa")).toHaveValue(
    "with-review",
  );
  await expect(page.getByText("Su última respuesta está marcada. Compruébela para ver los comentarios.")).toHaveCount(4);
  await page.goto("/courses/ai-fundamentals");
  await expect(page.getByText(/^4 de \d+ actividades practicadas$/)).toBeVisible();
});

test("at 320 px wide, an activity fits without scrolling sideways", async ({ page }) => {
  await enrolledAtTheLesson(page, "Pantalla Estrecha");
  await page.setViewportSize({ width: 320, height: 700 });
  await activity(page, "checking-a-deadline").scrollIntoViewIfNeeded();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
  await expectAccessible(page);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("each check is a form post; the page comes back at the activity with its feedback", async ({ page }) => {
    test.setTimeout(90_000);
    await enrolledAtTheLesson(page, "Práctica Sin Script");

    const choice = activity(page, "avianca-what-was-sanctioned");
    await choice.getByLabel("Haber citado demasiados casos en un solo escrito").check();
    await check(choice);
    await expect(page).toHaveURL(/#activity-avianca-what-was-sanctioned$/);
    await expect(activity(page, "avianca-what-was-sanctioned").getByText(/seis no existían/)).toBeVisible();

    const spot = activity(page, "tax-reply-problems");
    for (const sentence of [/artículo 47/, /vecino del número 14/, /no necesita revisión/])
      await spot.getByLabel(sentence).check();
    await check(spot);
    await expect(activity(page, "tax-reply-problems").getByRole("status")).toHaveText("Correcto: 5 de 5.");

    // A sort with an item left out comes back with a message and what was chosen.
    const sort = activity(page, "where-ai-fits");
    await sortRightly(sort);
    await check(sort);
    const sortAgain = activity(page, "where-ai-fits");
    await expect(sortAgain.getByText("Elige una categoría para cada elemento.").last()).toBeVisible();
    await expect(sortAgain.getByLabel("Decidir si una familia recibe una ayuda de vivienda")).toHaveValue("not-alone");
    await sortAgain
      .getByLabel("Resolver el recurso de un vecino contra una multa")
      .selectOption({ label: "Nunca como única base de la decisión" });
    await check(sortAgain);
    await expect(activity(page, "where-ai-fits").getByRole("status")).toHaveText("Correcto: 4 de 4.");

    // Order: a position number per step.
    const order = activity(page, "checking-a-deadline");
    await expect(order.getByText("Dé a cada paso su posición: 1 es el primero.")).toBeVisible();
    for (const [index, step] of STEPS.entries()) await order.getByLabel(`Posición de «${step}»`).selectOption(String(index + 1));
    await check(order);
    await expect(activity(page, "checking-a-deadline").getByRole("status")).toHaveText("Correcto: 4 de 4.");
    await expect(page.getByText("Lección 4 de 4")).toBeVisible();
  });
});
