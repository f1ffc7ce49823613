import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";
import { readdirSync, readFileSync, existsSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";

/** An axe scan of the page as it is now: WCAG 2.x A and AA, zero violations. */
export async function expectAccessible(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]).analyze();
  expect(
    results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`),
  ).toEqual([]);
}

export const DEMO_PASSWORD = "aula-demo-2026";

/** The newest email sent to an address (written to the outbox when no SMTP server is set). */
export function lastMailTo(address: string): { subject: string; text: string } | undefined {
  const dir = path.resolve("test-results/e2e-data/outbox");
  if (!existsSync(dir)) return undefined;
  const mails = readdirSync(dir)
    .sort()
    .flatMap((file) => {
      // A mail still being written is read on the next poll.
      try {
        return [JSON.parse(readFileSync(path.join(dir, file), "utf8")) as { to: string; subject: string; text: string }];
      } catch {
        return [];
      }
    });
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
  const database = new Database(path.resolve("test-results/e2e-data/e2e.db"), { readonly: true });
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

/** Moves the test server's clock forward (TEST_CLOCK=true), instead of waiting. */
export async function setServerClock(page: Page, offsetMinutes: number): Promise<void> {
  const response = await page.request.post("/test-clock", { form: { offsetMinutes: String(offsetMinutes) } });
  expect(response.ok()).toBe(true);
}

/** Answers the quiz on screen, every question right or every question wrong, then submits. */
export async function takeQuiz(page: Page, courseKey: string, answerRightly: boolean): Promise<void> {
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
  await page.getByRole("button", { name: /Enviar mis respuestas|Submit my answers|Enviar minhas respostas/ }).click();
}
