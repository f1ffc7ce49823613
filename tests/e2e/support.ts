import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";
import { readdirSync, readFileSync, existsSync } from "node:fs";
import path from "node:path";

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
    .map((file) => JSON.parse(readFileSync(path.join(dir, file), "utf8")) as { to: string; subject: string; text: string });
  return mails.filter((mail) => mail.to === address).at(-1);
}

export async function logIn(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto("/login");
  await page.getByLabel(/correo|e-mail|email/i).fill(email);
  await page.getByLabel(/contraseña|senha|password/i).fill(password);
  await page.getByRole("button", { name: /entrar|log in/i }).click();
}
