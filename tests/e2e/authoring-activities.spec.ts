/** A trainer adapts a copied network course's practice activities: edits a choice, adds an order activity. */
import { expect, test } from "./fixtures.ts";
import { expectAccessible, logIn, messagesFor } from "./support.ts";
import { copyCourseForTrainer, DEMO_TRAINER } from "./authoring-support.ts";

const LESSON = "hallucinations-and-limits";
// Each page and save runs the course checker over the whole copied course: slower than most pages.
const expectSoon = expect.configure({ timeout: 30_000 });

test("the demo trainer edits a choice activity's option and its feedback, then adds an order activity", async ({ page }) => {
  test.setTimeout(120_000);
  const t = messagesFor("es");
  const key = copyCourseForTrainer("ai-fundamentals");
  await logIn(page, DEMO_TRAINER);
  await page.waitForURL((url) => url.pathname === "/");
  await page.goto(`/author/${key}/lessons/${LESSON}/activities`);
  await expectSoon(page.getByRole("heading", { level: 1 })).toContainText(t("authoring.activities.title", { lesson: "" }).trim());
  await expectAccessible(page);

  const choice = page
    .getByRole("listitem")
    .filter({ hasText: t("authoring.activities.kind.choice") })
    .first();
  await choice.getByRole("link", { name: new RegExp(`^${t("authoring.activities.edit")}`) }).click();
  const editor = page.locator("#editor");
  const option = editor.getByRole("group", { name: t("authoring.activities.part.choice", { number: 1 }), exact: true });
  await option.getByLabel(t("authoring.activities.field.text"), { exact: true }).fill("Una opción reescrita por el formador");
  await option.getByLabel(t("authoring.activities.field.feedback")).fill("Un comentario nuevo para esta opción.");
  await editor.getByRole("button", { name: t("authoring.activities.save") }).click();
  await expectSoon(page.getByText(t("authoring.activities.notice.saved"))).toBeVisible();
  await expectSoon(option.getByLabel(t("authoring.activities.field.text"), { exact: true })).toHaveValue(
    "Una opción reescrita por el formador",
  );
  await expectSoon(option.getByLabel(t("authoring.activities.field.feedback"))).toHaveValue(
    "Un comentario nuevo para esta opción.",
  );

  await page.getByLabel(t("authoring.activities.newKind")).selectOption("order");
  await page.getByRole("button", { name: t("authoring.activities.add") }).click();
  await expectSoon(
    page.getByRole("heading", { name: t("authoring.activities.newTitle", { kind: t("authoring.activities.kind.order") }) }),
  ).toBeVisible();
  await editor.getByLabel(t("authoring.activities.field.prompt")).fill("Ordene los pasos para revisar una respuesta");
  const steps = ["Leer la respuesta completa", "Comprobar cada dato con su fuente", "Corregir y enviar"];
  for (const [index, step] of steps.entries()) {
    await editor
      .getByRole("group", { name: t("authoring.activities.part.order", { number: index + 1 }), exact: true })
      .getByLabel(t("authoring.activities.field.text"))
      .fill(step);
  }
  await editor.getByLabel(t("authoring.activities.field.explanation")).fill("Primero se lee, después se comprueba.");
  await editor.getByRole("button", { name: t("authoring.activities.create") }).click();
  const marker = "{{activity: ordene-los-pasos-para-revisar-una-respue}}";
  await expectSoon(page.getByText(t("authoring.activities.notice.added", { marker }))).toBeVisible();
  const added = page.getByRole("listitem").filter({ hasText: "Ordene los pasos para revisar una respuesta" });
  await expectSoon(added).toContainText(t("authoring.activities.kind.order"));
  await expectSoon(added).toContainText(
    t("authoring.activities.placedAfter", { language: t("checkerLanguage.es"), heading: "" }).split("«")[0]!,
  );
  await expectAccessible(page);
});
