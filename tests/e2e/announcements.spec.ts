/**
 * Every live change is announced: with JavaScript the message is the text of a live region
 * (role="status", role="alert" or aria-live), which is what a screen reader reads out; without
 * JavaScript the same text is in the page that the form post returns. A refused form also says
 * each error next to its field (aria-invalid, aria-describedby) and in a summary that lists them,
 * which takes the focus with JavaScript.
 */
import type { Browser, Page } from "@playwright/test";
import type { MessageKey } from "../../app/i18n/translate.ts";
import { expect, test } from "./fixtures.ts";
import { inPracticeQuiz, lastMailTo, logIn, messagesFor, signUpLearner, takeQuiz } from "./support.ts";

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

/**
 * Records what live regions already in the page came to say: a screen reader announces a change
 * inside a region it knows, not a region inserted with its text already in it.
 */
async function listenToLiveRegions(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const heard: string[] = [];
    Object.assign(window, { heardInLiveRegions: heard });
    new MutationObserver((records) => {
      for (const record of records) {
        const target = record.target instanceof Element ? record.target : record.target.parentElement;
        const region = target?.closest<HTMLElement>("[role=status], [role=alert], [aria-live]:not([aria-live=off])");
        if (region?.innerText.trim()) heard.push(region.innerText);
      }
    }).observe(document, { subtree: true, childList: true, characterData: true });
  });
}

const heard = (page: Page) =>
  page.evaluate(() => ((window as unknown as { heardInLiveRegions?: string[] }).heardInLiveRegions ?? []).join("\n"));

interface Path {
  javaScript: boolean;
  /** Asserts a message the way this path must show it. */
  shown: (text: string) => Promise<void>;
}

const withJavaScript = (page: Page): Path => ({
  javaScript: true,
  shown: (text) => expect.poll(() => liveText(page)).toContain(text),
});
const withoutJavaScript = (page: Page): Path => ({
  javaScript: false,
  shown: (text) => expect(page.getByText(text, { exact: false }).first()).toBeVisible(),
});

const escaped = (text: string) => new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));

/**
 * After a refused submit: each field named is invalid and described by its message; the summary
 * lists "field: message" for each (a live region), and with JavaScript it has the focus.
 */
async function expectFieldErrors(page: Page, path: Path, errors: Array<[label: string, message: MessageKey]>): Promise<void> {
  const summary = page.getByRole("alert").filter({ hasText: t("form.errorSummary") });
  await expect(summary).toBeVisible();
  if (path.javaScript) await expect(summary).toBeFocused();
  for (const [label, message] of errors) {
    const field = page.getByLabel(label, { exact: true });
    await expect(field).toHaveAttribute("aria-invalid", "true");
    await expect(field).toHaveAccessibleDescription(escaped(t(message)));
    await path.shown(t("form.errorItem", { field: label, message: t(message) }));
    await expect(summary.getByRole("link", { name: t("form.errorItem", { field: label, message: t(message) }) })).toBeVisible();
  }
}

/** The forms of a visitor, refused: login, forgotten password, sign-up. */
async function anonymousForms(page: Page, path: Path): Promise<void> {
  await page.goto("/login");
  await page.getByRole("button", { name: t("login.submit") }).click();
  await expectFieldErrors(page, path, [
    [t("field.email"), "validation.required"],
    [t("field.password"), "validation.required"],
  ]);
  await page.goto("/forgot-password");
  await page.getByRole("button", { name: t("forgot.submit") }).click();
  await expectFieldErrors(page, path, [[t("field.email"), "validation.required"]]);
  await page.goto("/signup");
  await page.getByRole("button", { name: t("signup.submit") }).click();
  await expectFieldErrors(page, path, [
    [t("field.name"), "validation.nameLength"],
    [t("field.email"), "validation.required"],
    [t("field.city"), "validation.city"],
    [t("field.department"), "validation.department"],
    [t("field.privacy"), "validation.privacy"],
  ]);
  if (path.javaScript) {
    // A link of the summary takes the focus to its field, and the errors stay.
    await page
      .getByRole("link", { name: t("form.errorItem", { field: t("field.city"), message: t("validation.city") }) })
      .click();
    await expect(page.getByLabel(t("field.city"), { exact: true })).toBeFocused();
    await expect(page.getByLabel(t("field.city"), { exact: true })).toHaveAttribute("aria-invalid", "true");
  }
}

/** The journey whose every change is checked. */
async function journey(page: Page, path: Path): Promise<void> {
  await anonymousForms(page, path);
  const email = await signUpLearner(page, "Lectora de Pantalla");

  // Form errors and saved changes.
  await page.goto("/profile");
  await page.getByLabel(t("field.name")).fill("");
  await page.getByRole("button", { name: t("profile.save") }).click();
  await expectFieldErrors(page, path, [[t("field.name"), "validation.nameLength"]]);
  await page.getByLabel(t("field.name")).fill("Lectora de Pantalla");
  await page.getByRole("button", { name: t("profile.save") }).click();
  await path.shown(t("profile.saved"));

  // A new password that does not match its repetition.
  await page.goto("/forgot-password");
  await page.getByLabel(t("field.email")).fill(email);
  await page.getByRole("button", { name: t("forgot.submit") }).click();
  await path.shown(t("forgot.sent"));
  let link: string | undefined;
  await expect.poll(() => (link = lastMailTo(email)?.text.match(/https?:\/\/\S+\/reset-password\/\S+/)?.[0])).toBeTruthy();
  await page.goto(new URL(link!).pathname);
  await page.getByLabel(t("field.newPassword"), { exact: true }).fill("una frase de acceso larga");
  await page.getByLabel(t("field.passwordConfirm")).fill("otra frase distinta");
  await page.getByRole("button", { name: t("reset.submit") }).click();
  await expectFieldErrors(page, path, [[t("field.passwordConfirm"), "validation.passwordMismatch"]]);

  // Saved progress in a lesson, said on the page that follows, each time.
  await page.goto("/courses/ai-fundamentals");
  await page.getByRole("button", { name: t("course.enroll") }).click();
  await expect(page.getByText(t("lesson.position", { position: 1, count: 4 }))).toBeVisible();
  for (const position of [2, 3]) {
    await page.getByRole("button", { name: t("lesson.markComplete") }).click();
    await expect(page.getByText(t("lesson.position", { position, count: 4 }))).toBeVisible();
    await path.shown(t("lesson.saved"));
    if (path.javaScript)
      await expect.poll(async () => (await heard(page)).split(t("lesson.saved")).length - 1).toBe(position - 1);
  }
  await page.getByRole("link", { name: new RegExp(t("lesson.previous", { title: "" }).trim()) }).click();
  await path.shown(t("lesson.isComplete"));

  // A practice activity in a lesson: a check refused, then a wrong answer's verdict.
  await page.goto("/learn/ai-fundamentals/hallucinations-and-limits");
  const sort = page.locator("#activity-where-ai-fits");
  await sort.getByRole("button", { name: t("activity.check") }).click();
  await path.shown(t("activity.error.sortAll"));
  const choice = page.locator("#activity-avianca-what-was-sanctioned");
  await choice.locator("input[value=using-ai]").check();
  await choice.getByRole("button", { name: t("activity.check") }).click();
  await path.shown(t("activity.summaryIncorrect", { right: 1, total: 3 }));
  if (path.javaScript) {
    await expect.poll(() => heard(page)).toContain(t("activity.error.sortAll"));
    await expect.poll(() => heard(page)).toContain(t("activity.summaryIncorrect", { right: 1, total: 3 }));
  }

  // The quiz's verdict.
  await page.goto("/learn/ai-fundamentals/quiz");
  await page.getByRole("button", { name: t("quiz.start") }).click();
  await takeQuiz(page, "ai-fundamentals", false);
  await path.shown(t("quiz.resultFailed", { score: 0, passMark: 70 }).split(":")[0]!);

  // Practice mode: a checked answer's feedback, right and then wrong.
  await inPracticeQuiz(page, "es", {
    afterCheck: async (rightly) => {
      const verdict = t(rightly ? "quiz.correct" : "quiz.incorrect");
      await path.shown(verdict);
      if (!path.javaScript) return;
      await expect.poll(() => heard(page)).toContain(verdict);
      // The "check" button is gone; the focus went on to the next step.
      await expect(page.getByRole("button", { name: t("quiz.next") })).toBeFocused();
    },
  });
}

/** The city admin's invitation form, refused. */
async function invitationErrors(browser: Browser, javaScriptEnabled: boolean): Promise<void> {
  const context = await browser.newContext({ locale: "es-ES", javaScriptEnabled });
  const page = await context.newPage();
  const path = javaScriptEnabled ? withJavaScript(page) : withoutJavaScript(page);
  await logIn(page, "admin@madrid.example");
  await page.waitForURL((url) => url.pathname === "/");
  await page.goto("/admin/invitations");
  const label = `${t("field.email")} ${t("field.optional")}`;
  await page.getByLabel(label).fill("not an email");
  await page.getByRole("button", { name: t("invitations.create") }).click();
  await expectFieldErrors(page, path, [[label, "validation.email"]]);
  await context.close();
}

async function newVisitor(browser: Browser, javaScriptEnabled: boolean): Promise<Page> {
  const context = await browser.newContext({ locale: "es-ES", javaScriptEnabled });
  return context.newPage();
}

test("with JavaScript, errors, saved changes, progress, feedback and the quiz verdict are in live regions", async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const page = await newVisitor(browser, true);
  await listenToLiveRegions(page);
  await journey(page, withJavaScript(page));

  // An answer the server did not save is announced at once.
  await page.goto("/courses/security-and-ai-threats");
  await page.getByRole("button", { name: t("course.enroll") }).click();
  await expect(page.getByText(t("lesson.position", { position: 1, count: 4 }))).toBeVisible();
  await page.goto("/learn/security-and-ai-threats/quiz");
  await page.getByRole("button", { name: t("quiz.start") }).click();
  await page.route("**/events", (route) => route.fulfill({ status: 200, contentType: "text/html", body: "<p>Proxy</p>" }));
  await page.getByRole("button", { name: t("quiz.next") }).click();
  await expect.poll(() => liveText(page)).toContain(t("quiz.saveFailed"));
  await page.context().close();
  await invitationErrors(browser, true);
});

test("without JavaScript, the same messages are in the page", async ({ browser }) => {
  test.setTimeout(180_000);
  const page = await newVisitor(browser, false);
  await journey(page, withoutJavaScript(page));
  await page.context().close();
  await invitationErrors(browser, false);
});
