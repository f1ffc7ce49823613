/**
 * Every live change is announced: with JavaScript the message is the text of a live region
 * (role="status", role="alert" or aria-live), which is what a screen reader reads out; without
 * JavaScript the same text is in the page that the form post returns.
 */
import type { Browser, Page } from "@playwright/test";
import { expect, test } from "./fixtures.ts";
import { messagesFor, signUpLearner, takeQuiz } from "./support.ts";

test.use({ locale: "es-ES" });
const t = messagesFor("es");

/** The text every live region of the page holds now. */
async function liveText(page: Page): Promise<string> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>("[role=status], [role=alert], [aria-live]:not([aria-live=off])")]
      .map((region) => region.innerText)
      .join("\n"),
  );
}

const expectAnnounced = (page: Page, text: string) => expect.poll(() => liveText(page)).toContain(text);

async function newLearner(browser: Browser, javaScriptEnabled: boolean): Promise<Page> {
  const context = await browser.newContext({ locale: "es-ES", javaScriptEnabled });
  const page = await context.newPage();
  await signUpLearner(page, "Lectora de Pantalla");
  return page;
}

/** The journey whose every change is checked; `shown` asserts a message the way this path must show it. */
async function journey(page: Page, shown: (text: string) => Promise<void>): Promise<void> {
  // Form errors.
  await page.goto("/profile");
  await page.getByLabel(t("field.name")).fill("");
  await page.getByRole("button", { name: t("profile.save") }).click();
  await shown(t("form.errorSummary"));
  // Saved changes.
  await page.getByLabel(t("field.name")).fill("Lectora de Pantalla");
  await page.getByRole("button", { name: t("profile.save") }).click();
  await shown(t("profile.saved"));
  // Saved progress in a lesson.
  await page.goto("/courses/ai-fundamentals");
  await page.getByRole("button", { name: t("course.enroll") }).click();
  await expect(page.getByText(t("lesson.position", { position: 1, count: 4 }))).toBeVisible();
  await page.getByRole("button", { name: t("lesson.markComplete") }).click();
  await expect(page.getByText(t("lesson.position", { position: 2, count: 4 }))).toBeVisible();
  await page.getByRole("link", { name: new RegExp(t("lesson.previous", { title: "" }).trim()) }).click();
  await shown(t("lesson.isComplete"));
  // The quiz's verdict.
  await page.goto("/learn/ai-fundamentals/quiz");
  await page.getByRole("button", { name: t("quiz.start") }).click();
  await takeQuiz(page, "ai-fundamentals", false);
  await shown(t("quiz.resultFailed", { score: 0, passMark: 70 }).split(":")[0]!);
}

test("with JavaScript, errors, saved changes, progress and the quiz verdict are in live regions", async ({ browser }) => {
  test.setTimeout(150_000);
  const page = await newLearner(browser, true);
  await journey(page, (text) => expectAnnounced(page, text));

  // An answer the server did not save is announced at once.
  await page.getByRole("link", { name: t("quiz.backToQuiz") }).click();
  await page.goto("/courses/security-and-ai-threats");
  await page.getByRole("button", { name: t("course.enroll") }).click();
  await expect(page.getByText(t("lesson.position", { position: 1, count: 4 }))).toBeVisible();
  await page.goto("/learn/security-and-ai-threats/quiz");
  await page.getByRole("button", { name: t("quiz.start") }).click();
  await page.route("**/events", (route) => route.fulfill({ status: 200, contentType: "text/html", body: "<p>Proxy</p>" }));
  await page.getByRole("button", { name: t("quiz.next") }).click();
  await expectAnnounced(page, t("quiz.saveFailed"));
  await page.context().close();
});

test("without JavaScript, the same messages are in the page", async ({ browser }) => {
  test.setTimeout(150_000);
  const page = await newLearner(browser, false);
  await journey(page, (text) => expect(page.getByText(text, { exact: false }).first()).toBeVisible());
  await page.context().close();
});
