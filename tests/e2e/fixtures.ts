/** Every end-to-end test fails when the page logs an error (a CSP violation, a failed hydration...). */
import { expect, test as base } from "@playwright/test";

export const test = base.extend<{ consoleErrors: string[] }>({
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
