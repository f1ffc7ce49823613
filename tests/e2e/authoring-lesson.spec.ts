/**
 * The lesson editor in Chromium: the demo trainer edits a lesson of their city's copy of a network
 * course with the live preview; and without JavaScript, previews by the button, saves and publishes
 * as plain form posts. (Translating a lesson: tests/e2e/authoring-home.spec.ts, after copying.)
 */
import { copyCourseForTrainer, DEMO_TRAINER } from "./authoring-support.ts";
import { expect, test } from "./fixtures.ts";
import { logIn, messagesFor } from "./support.ts";

const t = messagesFor("es");
const LESSON = "what-ai-is";
// Each test first makes its own copy of the course (a child process on the database).
test.describe.configure({ timeout: 120_000 });

test.describe("with JavaScript", () => {
  test("edits a lesson's Spanish text with the live preview and saves it", async ({ page }) => {
    const course = copyCourseForTrainer("ai-fundamentals");
    await logIn(page, DEMO_TRAINER);
    await page.waitForURL((url) => url.pathname === "/");
    await page.goto(`/author/${course}/lessons/${LESSON}`);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expect(page.getByText(t("authoring.lesson.previewLive"))).toBeVisible();

    const body = page.getByLabel(t("authoring.lesson.field.body"));
    await body.fill("## Qué es la IA\n\nUn texto **revisado** por el equipo de formación.\n");
    const preview = page.getByTestId("lesson-preview");
    await expect(preview.getByRole("heading", { level: 2, name: "Qué es la IA" })).toBeVisible({ timeout: 20_000 });
    await expect(preview.locator("strong")).toHaveText("revisado");
    await page.getByLabel(t("authoring.lesson.field.title")).fill("Qué es la inteligencia artificial");
    await page.getByRole("button", { name: t("authoring.lesson.save"), exact: true }).click();
    await expect(page.getByText(t("authoring.lesson.saved"))).toBeVisible({ timeout: 20_000 });
    await expect(body).toHaveValue(/Un texto \*\*revisado\*\* por el equipo de formación\./);
  });
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("previews by the button without saving, saves, then publishes from the publish page", async ({ page }) => {
    const course = copyCourseForTrainer("ai-fundamentals");
    await logIn(page, DEMO_TRAINER);
    await page.waitForURL((url) => url.pathname === "/");
    await page.goto(`/author/${course}/lessons/${LESSON}`);
    await expect(page.getByText(t("authoring.lesson.previewStatic"))).toBeVisible();
    const body = page.getByLabel(t("authoring.lesson.field.body"));
    await body.fill("## Sin JavaScript\n\nUn texto *sin guiones* en el navegador.\n");
    await page.getByRole("button", { name: t("authoring.lesson.preview"), exact: true }).click();
    await expect(page.getByText(t("authoring.lesson.previewShown"))).toBeVisible({ timeout: 20_000 });
    await expect(page.getByTestId("lesson-preview").locator("em")).toHaveText("sin guiones");
    await expect(body).toHaveValue(/Un texto \*sin guiones\* en el navegador\./);
    // Nothing was saved by the preview.
    await page.goto(`/author/${course}/lessons/${LESSON}`);
    await expect(body).not.toHaveValue(/sin guiones/);

    // The lesson's practice activity keeps its place: a lesson that leaves one out cannot be published.
    await body.fill("## Sin JavaScript\n\nUn texto *guardado* sin guiones.\n\n{{activity: output-families-and-fixed-rules}}\n");
    await page.getByRole("button", { name: t("authoring.lesson.save"), exact: true }).click();
    await expect(page.getByText(t("authoring.lesson.saved"))).toBeVisible({ timeout: 20_000 });
    await expect(body).toHaveValue(/Un texto \*guardado\* sin guiones\./);
    await expect(page.getByTestId("lesson-preview").locator("em")).toHaveText("guardado");

    await page.getByRole("link", { name: t("authoring.nav.publish") }).click();
    await page.getByRole("button", { name: t("authoring.publish.action.button"), exact: true }).click();
    await expect(page.getByRole("status")).toHaveText(t("authoring.publish.published", { number: 1 }), { timeout: 20_000 });
    await expect(page.getByText(t("authoring.publish.status.published"))).toBeVisible();
  });
});
