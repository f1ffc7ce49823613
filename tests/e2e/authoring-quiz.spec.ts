import { problemText } from "~/courses/problems.ts";
import { expect, test } from "./fixtures.ts";
import { logIn, messagesFor } from "./support.ts";
import { copyCourseForTrainer, DEMO_TRAINER } from "./authoring-support.ts";

test.use({ locale: "es-ES" });
const t = messagesFor("es");

test("a trainer edits a question and its correct option, adds a true-false question, and sees the draw-too-large error after shrinking the pool", async ({
  page,
}) => {
  test.setTimeout(120_000);
  const key = copyCourseForTrainer("ai-fundamentals");
  await logIn(page, DEMO_TRAINER);
  await page.waitForURL((url) => url.pathname === "/");
  await page.goto(`/author/${key}/quiz`);
  await expect(page.getByRole("heading", { level: 1, name: t("authoring.quiz.title") })).toBeVisible();
  await expect(page.getByRole("heading", { name: t("authoring.quiz.questions.title", { count: 14 }) })).toBeVisible();

  // The first question: a new text, and the second option correct instead of the first.
  await page.getByRole("link", { name: t("authoring.quiz.questions.edit", { number: 1 }), exact: true }).click();
  await page
    .getByLabel(t("authoring.quiz.question.text"), { exact: true })
    .fill("¿Cómo escribe su texto un modelo de lenguaje grande?");
  await page.getByLabel(t("authoring.quiz.question.correct", { number: 1 }), { exact: true }).uncheck();
  await page.getByLabel(t("authoring.quiz.question.correct", { number: 2 }), { exact: true }).check();
  await page.getByRole("button", { name: t("authoring.quiz.question.save") }).click();
  // Every save runs the course checker over the draft: on a busy machine it takes a few seconds.
  await page.waitForURL((url) => url.searchParams.get("saved") === "1");
  await expect(page.getByRole("status").filter({ hasText: t("authoring.quiz.saved") })).toBeVisible();
  await expect(page.getByLabel(t("authoring.quiz.question.text"), { exact: true })).toHaveValue(
    "¿Cómo escribe su texto un modelo de lenguaje grande?",
  );
  await expect(page.getByLabel(t("authoring.quiz.question.correct", { number: 1 }), { exact: true })).not.toBeChecked();
  await expect(page.getByLabel(t("authoring.quiz.question.correct", { number: 2 }), { exact: true })).toBeChecked();

  // A true-false question at the end of the pool.
  await page.getByRole("link", { name: t("authoring.quiz.question.back") }).click();
  await page.getByRole("link", { name: t("authoring.quiz.add.true-false") }).click();
  await page
    .getByLabel(t("authoring.quiz.question.text"), { exact: true })
    .fill("Un texto bien redactado por la IA es siempre correcto.");
  await page.getByLabel(t("authoring.quiz.false")).check();
  await page
    .getByLabel(t("authoring.quiz.question.explanation"), { exact: true })
    .fill("No: la fluidez no garantiza que sea verdad.");
  await page.getByRole("button", { name: t("authoring.quiz.question.add") }).click();
  await page.waitForURL((url) => url.searchParams.get("saved") === "1");
  await expect(page.getByRole("heading", { level: 1, name: t("authoring.quiz.question.heading", { number: 15 }) })).toBeVisible();
  await expect(page.getByLabel(t("authoring.quiz.false"))).toBeChecked();

  // Each attempt draws 8: with 7 questions left the checker says so next to the draw.
  await page.getByRole("link", { name: t("authoring.quiz.question.back") }).click();
  for (let left = 14; left >= 7; left -= 1) {
    await page.getByRole("button", { name: t("authoring.quiz.questions.remove", { number: 1 }), exact: true }).click();
    await expect(page.getByRole("heading", { name: t("authoring.quiz.questions.title", { count: left }) })).toBeVisible({
      timeout: 20_000,
    });
  }
  const drawError = problemText({ code: "checker.drawLargerThanPool", params: { draw: 8, count: 7 } }, "es");
  await expect(page.locator("#draw-problems")).toContainText(drawError);
  await expect(page.getByLabel(t("authoring.quiz.settings.draw"))).toHaveAttribute("aria-invalid", "true");
});
