/**
 * The authoring journey end to end: the demo trainer edits a lesson, its practice activity and a
 * question of a published city course, previews them as a learner, publishes; a learner who was
 * half-way through the course then reads the new texts with their progress as it was. The
 * published course and the learner's progress are made by tests/e2e/authoring-script.ts.
 */
import type { Page } from "@playwright/test";
import { formatsFor } from "../../app/i18n/formats.ts";
import { TEST_PASSWORD } from "../support/factories.ts";
import { authoringData, DEMO_TRAINER } from "./authoring-support.ts";
import { expect, test } from "./fixtures.ts";
import { logIn, messagesFor, routerIdle } from "./support.ts";

test.use({ locale: "es-ES" });
const t = messagesFor("es");
// Every save and preview runs the course checker over the whole draft: seconds on a busy machine.
const expectSoon = expect.configure({ timeout: 20_000 });

const LESSON = "what-ai-is";
const ACTIVITY = "output-families-and-fixed-rules";
const QUESTION = "llm-next-token";
const LESSON_TITLES = [
  "Qué es (y qué no es) la inteligencia artificial",
  "El aprendizaje automático en palabras sencillas",
  "Cómo escribe un modelo de lenguaje grande",
  "Alucinaciones y otros límites de la IA generativa",
];

async function signIn(page: Page, email: string, password?: string) {
  await logIn(page, email, password);
  await page.waitForURL((url) => url.pathname === "/");
}

test("a trainer edits a lesson, an activity and a question, previews and publishes; a learner mid-course sees them with their progress intact", async ({
  page,
}) => {
  test.setTimeout(90_000);
  // Published with each attempt drawing the whole pool (so the edited question is in the learner's
  // quiz), and a learner with the first two lessons complete.
  const [key = "", learner = ""] = authoringData("mid-course", DEMO_TRAINER, "ai-fundamentals", "2").split(" ");
  const stamp = Date.now().toString(36);
  const paragraph = `Un párrafo que la formadora añadió (${stamp}).`;
  const prompt = `Clasifique cada herramienta del ayuntamiento según lo que entrega (${stamp}).`;
  const question = `¿Cómo produce su texto un modelo de lenguaje grande? (${stamp})`;

  await signIn(page, DEMO_TRAINER);
  await page.goto(`/author/${key}/lessons/${LESSON}`);
  const body = page.getByLabel(t("authoring.lesson.field.body"));
  await body.fill(`${(await body.inputValue()).trimEnd()}\n\n${paragraph}\n`);
  await page.getByRole("button", { name: t("authoring.lesson.save"), exact: true }).click();
  await expectSoon(page.getByText(t("authoring.lesson.saved"))).toBeVisible();

  await page.goto(`/author/${key}/lessons/${LESSON}/activities?edit=${ACTIVITY}`);
  const editor = page.locator("#editor");
  await editor.getByLabel(t("authoring.activities.field.prompt")).fill(prompt);
  await editor.getByRole("button", { name: t("authoring.activities.save") }).click();
  await expectSoon(page.getByText(t("authoring.activities.notice.saved"))).toBeVisible();

  await page.goto(`/author/${key}/quiz/${QUESTION}`);
  await page.getByLabel(t("authoring.quiz.question.text"), { exact: true }).fill(question);
  await page.getByRole("button", { name: t("authoring.quiz.question.save") }).click();
  await page.waitForURL((url) => url.searchParams.get("saved") === "1");

  // The preview shows the draft as a learner would read it.
  await page.goto(`/author/${key}/preview/${LESSON}`);
  await expectSoon(page.getByText(paragraph)).toBeVisible();
  await expect(page.locator(`#activity-${ACTIVITY}`)).toContainText(prompt);
  await page.goto(`/author/${key}/preview/quiz`);
  await expectSoon(page.getByText(question)).toBeVisible();

  await page.goto(`/author/${key}/publish`);
  await page.getByRole("button", { name: t("authoring.publish.action.button"), exact: true }).click();
  await expectSoon(page.getByRole("status")).toHaveText(t("authoring.publish.published", { number: 2 }));
  await routerIdle(page);
  await page.request.post("/logout");

  // The learner's first two lessons are still complete, and their progress figure is what it was.
  await signIn(page, learner, TEST_PASSWORD);
  await page.goto(`/courses/${key}`);
  const syllabus = page.getByRole("listitem");
  for (const [index, title] of LESSON_TITLES.entries()) {
    const done = syllabus.filter({ hasText: title }).filter({ hasText: t("course.lessonDone") });
    await expect(done).toHaveCount(index < 2 ? 1 : 0);
  }
  // Two lessons of four, and the quiz not passed: two steps of five.
  await expect(page.getByText(t("course.progress", { percent: formatsFor("es").percent(40) }))).toBeVisible();

  await page.goto(`/learn/${key}/${LESSON}`);
  await expect(page.getByText(paragraph)).toBeVisible();
  await expect(page.locator(`#activity-${ACTIVITY}`)).toContainText(prompt);

  // The quiz's review lists every question drawn: here the whole pool.
  await page.goto(`/learn/${key}/quiz`);
  await page.getByRole("button", { name: t("quiz.start") }).click();
  await expect(page.getByText(t("quiz.question", { position: 1, count: 14 }))).toBeVisible();
  await page.getByRole("button", { name: t("quiz.review") }).click();
  await expect(page.getByRole("heading", { name: t("quiz.reviewTitle") })).toBeVisible();
  await expect(page.getByText(question)).toBeVisible();
});
