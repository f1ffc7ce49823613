import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";
import { readdirSync, readFileSync, existsSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { ownServer } from "./servers.ts";

import { translatorFor, type Translate } from "../../app/i18n/translate.ts";
import type { Locale } from "../../app/i18n/locales.ts";

export const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

/** The axe violations of the page as it is now (WCAG 2.x A and AA), one line per rule and its elements. */
export async function axeViolations(page: Page): Promise<Array<{ rule: string; line: string }>> {
  // Legacy mode runs axe in the page itself: the default opens a blank page per scan to merge
  // frame results, which trebles a scan's time, and the product has no frames. Only violations
  // are collected, the one result type read here. `options` replaces every option, so it comes
  // before `withTags` (the other way round it would drop the tags and run every rule).
  const results = await new AxeBuilder({ page })
    .options({ resultTypes: ["violations"] })
    .withTags(WCAG_TAGS)
    .setLegacyMode(true)
    .analyze();
  return results.violations.map((violation) => ({
    rule: violation.id,
    line: `${violation.id}: ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`,
  }));
}

/** An axe scan of the page as it is now: WCAG 2.x A and AA, zero violations. */
export async function expectAccessible(page: Page): Promise<void> {
  expect((await axeViolations(page)).map((violation) => violation.line)).toEqual([]);
}

/** The product's own messages in a language, so a test reads the words a person sees there. */
export function messagesFor(locale: Locale): Translate {
  return translatorFor(locale);
}

/** The id of the route that rendered the page (from the hydrated router), e.g. "routes/login". */
export async function renderedRouteId(page: Page): Promise<string> {
  await page.waitForFunction(() => "__remixRouter" in window);
  return page.evaluate(() => {
    const router = (window as unknown as { __remixRouter: { state: { matches: Array<{ route: { id: string } }> } } })
      .__remixRouter;
    return router.state.matches.at(-1)?.route.id ?? "root";
  });
}

/**
 * Waits until the hydrated router has no navigation or revalidation in flight. A click that
 * submits while the previous submission is still settling interrupts it, and the router's abort
 * of that request surfaces in the browser as an uncaught AbortError; a person reading the page's
 * message before the next click waits this long without noticing. `networkidle` does not help
 * here: it fires once per document, not after client-side navigations.
 */
export async function routerIdle(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const router = (window as unknown as { __remixRouter?: { state: { navigation: { state: string }; revalidation: string } } })
      .__remixRouter;
    return router !== undefined && router.state.navigation.state === "idle" && router.state.revalidation === "idle";
  });
}

export const DEMO_PASSWORD = "aula-demo-2026";

/** The newest email sent to an address (written to the outbox when no SMTP server is set). */
export function lastMailTo(address: string): { subject: string; text: string } | undefined {
  const dir = ownServer().outboxDir;
  if (!existsSync(dir)) return undefined;
  // Each message is renamed into place whole (app/mail/mailer.server.ts): only .json files are mail.
  const mails = readdirSync(dir)
    .filter((file) => file.endsWith(".json"))
    .sort()
    .map((file) => JSON.parse(readFileSync(path.join(dir, file), "utf8")) as { to: string; subject: string; text: string });
  return mails.filter((mail) => mail.to === address).at(-1);
}

/**
 * Opens the confirmation link emailed to a new account and chooses the password there, which
 * confirms the address and signs the person in.
 */
export async function confirmEmail(
  page: Page,
  address: string,
  options: { scan?: boolean; password?: string } = {},
): Promise<void> {
  let link: string | undefined;
  await expect.poll(() => (link = lastMailTo(address)?.text.match(/https?:\/\/\S+\/confirm-email\/\S+/)?.[0])).toBeTruthy();
  await page.goto(new URL(link!).pathname);
  if (options.scan) await expectAccessible(page);
  const password = options.password ?? "una frase de acceso larga";
  await page.getByLabel(/^(Contraseña|Senha|Password)$/).fill(password);
  await page.getByLabel(/^(Repite la contraseña|Repita a senha|Repeat the password)$/).fill(password);
  await page.getByRole("button", { name: /Confirmar mi correo|Confirmar meu e-mail|Confirm my email address/ }).click();
}

/** A new Madrid learner signed up in Spanish, confirmed and signed in; returns the address. */
export async function signUp(page: Page, name: string): Promise<string> {
  await page.goto("/signup");
  await page.getByLabel("Nombre y apellidos").fill(name);
  const email = `learner.${Date.now()}.${Math.floor(Math.random() * 1e6)}@madrid.example`;
  await page.getByLabel("Correo electrónico").fill(email);
  await page.getByLabel("Ciudad").selectOption({ label: "Madrid" });
  await page.getByLabel("Área o dependencia").selectOption({ label: "Movilidad y Transportes" });
  await page.getByLabel(/He leído el aviso de privacidad/).check();
  await page.getByRole("button", { name: "Crear mi cuenta" }).click();
  await confirmEmail(page, email);
  await expect(page.getByRole("heading", { name: `Hola, ${name}` })).toBeVisible();
  return email;
}

export async function logIn(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto("/login");
  await page.getByLabel(/correo|e-mail|email/i).fill(email);
  await page.getByLabel(/contraseña|senha|password/i).fill(password);
  await page.getByRole("button", { name: /entrar|log in/i }).click();
}

/** The answer key of a course's current quiz, read from the test server's database. */
export function answerKey(courseKey: string): Map<string, string[]> {
  const database = new Database(ownServer().databaseFile, { readonly: true });
  try {
    const rows = database
      .prepare(
        `SELECT q.key AS key, q.correct AS correct FROM Question q
         JOIN Quiz z ON z.id = q.quizId JOIN Course c ON c.currentVersionId = z.versionId WHERE c.key = ?`,
      )
      .all(courseKey) as Array<{ key: string; correct: string }>;
    return new Map(rows.map((row) => [row.key, JSON.parse(row.correct) as string[]]));
  } finally {
    database.close();
  }
}

/** Reads or writes the test server's database directly: for data no page can make yet (a timed quiz, a notice). */
export function withE2eDatabase<T>(fn: (database: Database.Database) => T): T {
  const database = new Database(ownServer().databaseFile, { timeout: 5000 });
  try {
    return fn(database);
  } finally {
    database.close();
  }
}

/**
 * Sets a course's current quiz to practice or exam mode in the test server's database (no course
 * shipped uses practice mode); the server reads the mode at each attempt's start.
 */
export function setQuizMode(courseKey: string, mode: "practice" | "exam"): void {
  withE2eDatabase((database) =>
    database
      .prepare(`UPDATE Quiz SET mode = ? WHERE versionId = (SELECT currentVersionId FROM Course WHERE key = ?)`)
      .run(mode, courseKey),
  );
}

/** A course whose quiz the tests switch to practice mode (no course shipped uses it). */
export const PRACTICE_COURSE = "transparency-and-accountability";

/**
 * The practice course's quiz in practice mode, for as long as this runs: enrols, opens the quiz
 * page (`atStart`), starts an attempt, then answers the first question rightly and the second
 * wrongly, checking each (`afterCheck`) before going on to the next question.
 */
export async function inPracticeQuiz(
  page: Page,
  locale: Locale,
  steps: { atStart?: () => Promise<void>; afterCheck: (rightly: boolean) => Promise<void> },
): Promise<void> {
  const t = messagesFor(locale);
  setQuizMode(PRACTICE_COURSE, "practice");
  try {
    await page.goto(`/courses/${PRACTICE_COURSE}`);
    await page.getByRole("button", { name: t("course.enroll") }).click();
    await expect(page.getByText(t("lesson.position", { position: 1, count: 4 }))).toBeVisible();
    await page.goto(`/learn/${PRACTICE_COURSE}/quiz`);
    await steps.atStart?.();
    await page.getByRole("button", { name: t("quiz.start") }).click();
    const key = answerKey(PRACTICE_COURSE);
    for (const rightly of [true, false]) {
      const questionKey = await page.locator("input[name=questionKey]").inputValue();
      const right = key.get(questionKey) ?? [];
      const values = await page
        .locator("input[name=option]")
        .evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).value));
      for (const value of rightly ? right : values.filter((value) => !right.includes(value)).slice(0, 1))
        await page.locator(`input[name=option][value="${value}"]`).check();
      await page.getByRole("button", { name: t("quiz.check") }).click();
      await steps.afterCheck(rightly);
      await page.getByRole("button", { name: t("quiz.next") }).click();
      await expect(page.locator("input[name=questionKey]")).not.toHaveValue(questionKey);
    }
  } finally {
    setQuizMode(PRACTICE_COURSE, "exam");
  }
}

/** Moves the test server's clock forward (TEST_CLOCK=true), instead of waiting. */
export async function setServerClock(page: Page, offsetMinutes: number): Promise<void> {
  const response = await page.request.post("/test-clock", { form: { offsetMinutes: String(offsetMinutes) } });
  expect(response.ok()).toBe(true);
}

/** Answers the quiz on screen, every question right or every question wrong, then submits. */
export async function takeQuiz(
  page: Page,
  courseKey: string,
  answerRightly: boolean,
  options: { beforeSubmit?: () => Promise<void> } = {},
): Promise<void> {
  const key = answerKey(courseKey);
  for (;;) {
    const questionKey = await page.locator("input[name=questionKey]").inputValue();
    const right = key.get(questionKey) ?? [];
    const options = page.locator("input[name=option]");
    const values: string[] = [];
    for (const option of await options.all()) values.push((await option.getAttribute("value")) ?? "");
    const chosen = answerRightly ? right : values.filter((value) => !right.includes(value)).slice(0, 1);
    for (const value of chosen) await page.locator(`input[name=option][value="${value}"]`).check();
    const next = page.getByRole("button", { name: /Siguiente pregunta|Next question|Próxima pergunta/ });
    if (await next.isVisible()) {
      await next.click();
      await expect(page.locator("input[name=questionKey]")).not.toHaveValue(questionKey);
      continue;
    }
    await page.getByRole("button", { name: /Revisar mis respuestas|Review my answers|Revisar minhas respostas/ }).click();
    break;
  }
  await options.beforeSubmit?.();
  await page.getByRole("button", { name: /Enviar mis respuestas|Submit my answers|Enviar minhas respostas/ }).click();
}

/** What is focused now, as a person would name it (for failure messages). */
async function describeFocus(page: Page): Promise<string> {
  return page.evaluate(() => {
    const element = document.activeElement;
    if (!element || element === document.body) return "(nothing)";
    const name = element.getAttribute("aria-label") ?? (element as HTMLElement).innerText?.trim().slice(0, 40) ?? "";
    return `${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ""} "${name}"`;
  });
}

/** The focused element's box with room for its focus ring, in viewport pixels; null when nothing is focused. */
async function focusedBox(page: Page): Promise<{ x: number; y: number; width: number; height: number } | null> {
  return page.evaluate(() => {
    const element = document.activeElement;
    if (!element || element === document.body) return null;
    element.scrollIntoView({ block: "nearest", inline: "nearest" });
    const rect = element.getBoundingClientRect();
    const margin = 10;
    const x = Math.max(0, rect.left - margin);
    const y = Math.max(0, rect.top - margin);
    return {
      x,
      y,
      width: Math.min(window.innerWidth, rect.right + margin) - x,
      height: Math.min(window.innerHeight, rect.bottom + margin) - y,
    };
  });
}

/**
 * The focused element shows its focus for real (WCAG 2.4.7, 2.4.11): a screenshot of it focused
 * differs from one of it unfocused, and the
 * element at the centre of its box is the element itself, not something covering it.
 */
export async function expectVisibleFocus(page: Page): Promise<void> {
  const which = await describeFocus(page);
  const box = await focusedBox(page);
  expect(box, `focus is on ${which}`).not.toBeNull();
  const onTop = await page.evaluate(() => {
    const element = document.activeElement as HTMLElement;
    // A link that wraps has one box per line: the centre of its first line is on the link.
    const rect = element.getClientRects()[0] ?? element.getBoundingClientRect();
    const hit = document.elementFromPoint(rect.left + rect.width / 2, rect.top + rect.height / 2);
    return (
      hit !== null && (hit === element || element.contains(hit) || (hit instanceof HTMLLabelElement && hit.control === element))
    );
  });
  expect(onTop, `${which} is covered by another element`).toBe(true);
  const focused = await page.screenshot({ clip: box!, animations: "disabled" });
  // Unfocused for a moment (focus moved by script, which after keyboard use keeps :focus-visible).
  await page.evaluate(() => {
    const element = document.activeElement as HTMLElement;
    element.dataset.focusCheck = "1";
    element.blur();
  });
  const unfocused = await page.screenshot({ clip: box!, animations: "disabled" });
  const back = await page.evaluate(() => {
    const element = document.querySelector<HTMLElement>("[data-focus-check]");
    if (!element) return false;
    delete element.dataset.focusCheck;
    element.focus({ preventScroll: true });
    return element === document.activeElement && element.matches(":focus-visible");
  });
  expect(back, `focus returns to ${which}`).toBe(true);
  expect(focused.equals(unfocused), `${which} looks the same focused and unfocused`).toBe(false);
}

/**
 * Presses Tab (or Shift+Tab) until the target has focus, checking the visible focus of every stop
 * on the way (each element once per page); fails after `maxStops`.
 */
export async function tabTo(
  page: Page,
  target: import("@playwright/test").Locator,
  options: { backwards?: boolean; maxStops?: number; checked?: Set<string> } = {},
): Promise<void> {
  const checked = options.checked ?? new Set<string>();
  for (let stop = 0; stop < (options.maxStops ?? 80); stop += 1) {
    await page.keyboard.press(options.backwards ? "Shift+Tab" : "Tab");
    const focus = await describeFocus(page);
    // Past the last element focus leaves the page (to the browser's own controls); Tab again.
    if (focus === "(nothing)") continue;
    const key = `${new URL(page.url()).pathname} ${focus}`;
    if (!checked.has(key)) {
      checked.add(key);
      await expectVisibleFocus(page);
    }
    if (await target.evaluateAll((elements) => elements.some((element) => element === document.activeElement))) return;
  }
  throw new Error(`Tab never reached ${target.toString()}; focus is on ${await describeFocus(page)}`);
}

/** A new learner of Madrid signed up, confirmed and signed in, in the page's language (es by default). */
export async function signUpLearner(page: Page, name: string, locale: Locale = "es"): Promise<string> {
  const t = messagesFor(locale);
  await page.goto("/signup");
  const email = `learner.${Date.now()}.${Math.floor(Math.random() * 1e6)}@madrid.example`;
  await page.getByLabel(t("field.name")).fill(name);
  await page.getByLabel(t("field.email")).fill(email);
  await page.getByLabel(t("field.city"), { exact: true }).selectOption({ label: "Madrid" });
  await page.getByLabel(t("field.department")).selectOption({ label: "Movilidad y Transportes" });
  await page.getByLabel(t("field.privacy")).check();
  await page.getByRole("button", { name: t("signup.submit") }).click();
  let link: string | undefined;
  await expect.poll(() => (link = lastMailTo(email)?.text.match(/https?:\/\/\S+\/confirm-email\/\S+/)?.[0])).toBeTruthy();
  await page.goto(new URL(link!).pathname);
  await page.getByLabel(t("field.password"), { exact: true }).fill("una frase de acceso larga");
  await page.getByLabel(t("field.passwordConfirm")).fill("una frase de acceso larga");
  await page.getByRole("button", { name: t("confirm.submit") }).click();
  await expect(page.getByRole("heading", { name: t("dashboard.title", { name }) })).toBeVisible();
  return email;
}
