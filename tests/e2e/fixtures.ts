/**
 * Every end-to-end test fails when the page logs an error (a CSP violation, a failed hydration...).
 * Each test talks to its worker's own server (tests/e2e/servers.ts).
 * Each test comes from an address of its own (the server trusts X-Forwarded-For in tests), so the
 * per-address limits on sign-up and login count each test apart, as they would separate people.
 */
import { createHash } from "node:crypto";
import { expect, test as base } from "@playwright/test";
import { e2eServer } from "./servers.ts";

function visitorAddress(testId: string, retry: number): string {
  const [a = 0, b = 0, c = 0] = createHash("sha256").update(`${testId}:${retry}`).digest();
  return `10.${a}.${b}.${Math.max(1, c)}`;
}

export const test = base.extend<{ consoleErrors: string[] }>({
  // Each worker has a server of its own (servers.ts); contexts a test opens itself get it too.
  // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this pattern: none here.
  baseURL: async ({}, provide, testInfo) => {
    await provide(e2eServer(testInfo.parallelIndex).url);
  },
  extraHTTPHeaders: async ({ extraHTTPHeaders }, provide, testInfo) => {
    await provide({ ...extraHTTPHeaders, "X-Forwarded-For": visitorAddress(testInfo.testId, testInfo.retry) });
  },
  consoleErrors: [
    async ({ page }, use) => {
      const errors: string[] = [];
      page.on("console", (message) => {
        if (message.type() === "error") errors.push(message.text());
      });
      page.on("pageerror", (error) => errors.push(error.message));
      await use(errors);
      // Answers with 400 (a form with errors), 404 (an unknown page) or 409 (a stale quiz step)
      // are expected and logged by the browser; any other error (a CSP violation, a script error) is not.
      expect(
        errors.filter((error) => !/Failed to load resource: the server responded with a status of (400|404|409)/.test(error)),
      ).toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
