/**
 * The whole journey with the keyboard only: sign up, enrol, read, take the quiz and download the
 * certificate with Tab, Shift+Tab, Enter and Space (and typing into fields, and the arrow keys
 * inside a list box or a group of radio buttons, which is how a keyboard chooses there). Every focus stop on the way is checked for a
 * visible focus indicator that nothing covers.
 */
import { execFileSync } from "node:child_process";
import type { Locator } from "@playwright/test";
import { expect, test } from "./fixtures.ts";
import { answerKey, lastMailTo, messagesFor, tabTo } from "./support.ts";

test.use({ locale: "es-ES" });
const t = messagesFor("es");

/** Moves through a focused list box with the down arrow until the option is chosen. */
async function chooseWithArrows(select: Locator, label: string): Promise<void> {
  for (let step = 0; step < 60; step += 1) {
    if (
      (await select.evaluate((element) =>
        element instanceof HTMLSelectElement ? element.selectedOptions[0]?.label : undefined,
      )) === label
    )
      return;
    await select.page().keyboard.press("ArrowDown");
  }
  throw new Error(`no option "${label}"`);
}

test("a new learner goes from sign-up to a downloaded certificate with the keyboard alone", async ({ page }) => {
  test.setTimeout(180_000);
  const checked = new Set<string>();
  const tab = (target: Parameters<typeof tabTo>[1], backwards = false) => tabTo(page, target, { checked, backwards });

  await page.goto("/");
  await tab(page.getByRole("link", { name: t("home.start") }).first());
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: t("signup.title") })).toBeVisible();

  // A first try with two mistakes: the address lacks its ending, the privacy box is left unticked.
  const email = `teclado.${Date.now()}@madrid.example`;
  await tab(page.getByLabel(t("field.name")));
  await page.keyboard.type("Teclado Sin Ratón");
  await tab(page.getByLabel(t("field.email")));
  await page.keyboard.type(email.replace(/\.example$/, ""));
  await tab(page.getByLabel(t("field.city"), { exact: true }));
  await chooseWithArrows(page.getByLabel(t("field.city"), { exact: true }), "Madrid");
  await tab(page.getByLabel(t("field.department")));
  await chooseWithArrows(page.getByLabel(t("field.department")), "Movilidad y Transportes");
  await tab(page.getByRole("button", { name: t("signup.submit") }));
  await page.keyboard.press("Enter");

  // The summary takes the focus; its link leads to the box, and Shift+Tab back up to the address.
  const summary = page.getByRole("alert").filter({ hasText: t("form.errorSummary") });
  await expect(summary).toBeFocused();
  await tab(summary.getByRole("link", { name: new RegExp(t("validation.privacy")) }));
  await page.keyboard.press("Enter");
  await expect(page.getByLabel(t("field.privacy"))).toBeFocused();
  await page.keyboard.press("Space");
  await expect(page.getByLabel(t("field.privacy"))).toBeChecked();
  await tab(page.getByLabel(t("field.email")), true);
  await page.keyboard.press("End");
  await page.keyboard.type(".example");
  await expect(page.getByLabel(t("field.email"))).toHaveValue(email);
  await tab(page.getByRole("button", { name: t("signup.submit") }));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: t("confirm.sentTitle") })).toBeVisible();

  // The link arrives by email, outside the product.
  let link: string | undefined;
  await expect.poll(() => (link = lastMailTo(email)?.text.match(/https?:\/\/\S+\/confirm-email\/\S+/)?.[0])).toBeTruthy();
  await page.goto(new URL(link!).pathname);
  await tab(page.getByLabel(t("field.password"), { exact: true }));
  await page.keyboard.type("una frase de acceso larga");
  await tab(page.getByLabel(t("field.passwordConfirm")));
  await page.keyboard.type("una frase de acceso larga");
  await tab(page.getByRole("button", { name: t("confirm.submit") }));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: t("dashboard.title", { name: "Teclado Sin Ratón" }) })).toBeVisible();

  // Enrol from the catalogue and read every lesson.
  await tab(page.getByRole("navigation").getByRole("link", { name: t("nav.catalog") }));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: t("catalog.title") })).toBeVisible();
  await tab(page.getByRole("link", { name: /Fundamentos/ }).first());
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1, name: /Fundamentos/ })).toBeVisible();
  await tab(page.getByRole("button", { name: t("course.enroll") }));
  await page.keyboard.press("Space");
  for (let lesson = 1; lesson <= 4; lesson += 1) {
    await expect(page.getByText(t("lesson.position", { position: lesson, count: 4 }))).toBeVisible();
    await tab(page.getByRole("button", { name: t("lesson.markComplete") }));
    await page.keyboard.press("Enter");
  }

  // The quiz: radio buttons and checkboxes by keyboard, then review and submit. Each question is
  // answered on the way back: Tab to the next step's button, Shift+Tab back to the options.
  // The last lesson's Enter leaves for the course's end: Tab only once that page is there.
  await expect(page.getByRole("button", { name: t("quiz.start") })).toBeVisible();
  await tab(page.getByRole("button", { name: t("quiz.start") }));
  await page.keyboard.press("Enter");
  const key = answerKey("ai-fundamentals");
  for (;;) {
    await expect(page.locator("input[name=questionKey]")).toHaveCount(1);
    const questionKey = await page.locator("input[name=questionKey]").inputValue();
    const right = key.get(questionKey) ?? [];
    const options = page.locator("input[name=option]");
    const type = await options.first().getAttribute("type");
    const values = await options.evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).value));
    const next = page.getByRole("button", { name: t("quiz.next") });
    const onward = (await next.count()) > 0 ? next : page.getByRole("button", { name: t("quiz.review") });
    await tab(onward);
    if (type === "checkbox") {
      // Backwards, the last right option first.
      for (const value of [...right].sort((a, b) => values.indexOf(b) - values.indexOf(a))) {
        await tab(page.locator(`input[name=option][value="${value}"]`), true);
        await page.keyboard.press("Space");
      }
    } else {
      // Shift+Tab enters the group on its last option (none is chosen yet); the arrows move and choose.
      await tab(options, true);
      const at = await options.evaluateAll((inputs) => inputs.findIndex((input) => input === document.activeElement));
      const by = values.indexOf(right[0]!) - at;
      for (let step = 0; step < Math.abs(by); step += 1) await page.keyboard.press(by > 0 ? "ArrowDown" : "ArrowUp");
      await page.keyboard.press("Space");
    }
    await expect(page.locator(`input[name=option][value="${right[0]}"]`)).toBeChecked();
    if ((await next.count()) > 0) {
      await tab(next);
      await page.keyboard.press("Enter");
      await expect(page.locator("input[name=questionKey]")).not.toHaveValue(questionKey);
      continue;
    }
    await tab(page.getByRole("button", { name: t("quiz.review") }));
    await page.keyboard.press("Enter");
    break;
  }
  await expect(page.getByRole("heading", { name: t("quiz.reviewTitle") })).toBeVisible();
  await tab(page.getByRole("button", { name: t("quiz.submit") }));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("link", { name: t("course.viewCertificate") })).toBeVisible();

  // The certificate, downloaded with Enter on its link.
  await tab(page.getByRole("link", { name: t("course.viewCertificate") }));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: t("certificates.title") })).toBeVisible();
  const download = page.waitForEvent("download");
  await tab(page.getByRole("link", { name: new RegExp(t("certificates.download", { course: "" }).trim()) }).first());
  await page.keyboard.press("Enter");
  const text = execFileSync("pdftotext", ["-layout", await (await download).path(), "-"], { encoding: "utf8" });
  expect(text).toContain("Teclado Sin Ratón");
});
