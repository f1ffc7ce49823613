/**
 * The lesson editor in Chromium: the demo trainer edits a lesson of their city's copy of a network
 * course with the live preview, translates it to Portuguese; and the same edit without JavaScript
 * (save, preview by the button).
 */
import { copyCourseForTrainer, DEMO_TRAINER } from "./authoring-support.ts";
import { expect, test } from "./fixtures.ts";
import { logIn, messagesFor } from "./support.ts";

const t = messagesFor("es");
const LESSON = "what-ai-is";
// Each test first makes its own copy of the course (a child process on the database).
test.describe.configure({ timeout: 120_000 });

test.describe("with JavaScript", () => {
  test("edits a lesson's Spanish text with the live preview, then translates it to Portuguese", async ({ page }) => {
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

    await page.getByRole("link", { name: "Português" }).click();
    await expect(
      page.getByText(t("authoring.lesson.state.label", { state: t("authoring.lesson.state.outdated") })),
    ).toBeVisible();
    await expect(page.getByRole("region", { name: t("authoring.lesson.source.heading", { language: "Español" }) })).toContainText(
      "Un texto **revisado** por el equipo de formación.",
    );
    await body.fill("## O que é a IA\n\nUm texto **revisado** pela equipe de formação.\n");
    await expect(preview.getByRole("heading", { level: 2, name: "O que é a IA" })).toBeVisible({ timeout: 20_000 });
    await expect(preview.getByText("Um texto revisado pela equipe de formação.")).toBeVisible();
    await page.getByRole("button", { name: t("authoring.lesson.save"), exact: true }).click();
    await expect(page.getByText(t("authoring.lesson.saved"))).toBeVisible({ timeout: 20_000 });
    await expect(
      page.getByText(t("authoring.lesson.state.label", { state: t("authoring.lesson.state.complete") })),
    ).toBeVisible();
  });
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("previews by the button without saving, then saves", async ({ page }) => {
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

    await body.fill("## Sin JavaScript\n\nUn texto *guardado* sin guiones.\n");
    await page.getByRole("button", { name: t("authoring.lesson.save"), exact: true }).click();
    await expect(page.getByText(t("authoring.lesson.saved"))).toBeVisible({ timeout: 20_000 });
    await expect(body).toHaveValue(/Un texto \*guardado\* sin guiones\./);
    await expect(page.getByTestId("lesson-preview").locator("em")).toHaveText("guardado");
  });
});
