/**
 * Reflow and spacing at 320 CSS px (a 1280 px screen at 400 % zoom): no page scrolls sideways
 * (only data tables may, inside their own region; WCAG 1.4.10), the WCAG text-spacing overrides
 * clip no text (1.4.12), every target is at least 24 × 24 px or has that much room (2.5.8), and
 * with prefers-reduced-motion nothing animates.
 */
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures.ts";
import { messagesFor, signUpLearner } from "./support.ts";

// The text-spacing overrides are a style sheet added to the page, as a reader's extension adds it.
test.use({ locale: "es-ES", viewport: { width: 320, height: 640 }, bypassCSP: true });
const t = messagesFor("es");

/** The WCAG 1.4.12 text-spacing bookmarklet's values, forced on every element. */
const TEXT_SPACING = `* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; }
p { margin-bottom: 2em !important; }`;

async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

/** Elements whose text is cut: content larger than a box that hides its overflow. */
async function clippedText(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>("body *")]
      .filter((element) => {
        const style = getComputedStyle(element);
        const hides = (value: string) => value === "hidden" || value === "clip";
        if (!hides(style.overflowX) && !hides(style.overflowY)) return false;
        if (element.clientWidth <= 1 || element.clientHeight <= 1) return false; // visually hidden text
        if (!element.innerText?.trim()) return false;
        return (
          (hides(style.overflowY) && element.scrollHeight > element.clientHeight + 1) ||
          (hides(style.overflowX) && element.scrollWidth > element.clientWidth + 1)
        );
      })
      .map((element) => `${element.tagName.toLowerCase()} "${element.innerText.trim().slice(0, 40)}"`),
  );
}

/**
 * Targets smaller than 24 × 24 px with another target inside the 24 px circle around their centre
 * (the spacing exception of 2.5.8); links inside a sentence are exempt (the inline exception).
 */
async function smallTargets(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const targets = [
      ...document.querySelectorAll<HTMLElement>("a[href], button, input:not([type=hidden]), select, textarea, summary"),
    ]
      .filter((element) => element.getClientRects().length > 0 && getComputedStyle(element).visibility !== "hidden")
      .filter(
        (element) =>
          !(element.tagName === "A" && getComputedStyle(element).display === "inline" && element.closest("p, li, td, dd")),
      );
    const boxes = targets.map((element) => element.getBoundingClientRect());
    const labelOf = (element: HTMLElement) => (element instanceof HTMLInputElement ? [...(element.labels ?? [])] : []);
    return targets.flatMap((element, index) => {
      const box = boxes[index]!;
      if (box.width >= 24 && box.height >= 24) return [];
      const cx = box.left + box.width / 2;
      const cy = box.top + box.height / 2;
      const crowded = targets.some((other, otherIndex) => {
        if (otherIndex === index || labelOf(element).some((label) => label.contains(other))) return false;
        const o = boxes[otherIndex]!;
        return Math.hypot(Math.max(o.left - cx, 0, cx - o.right), Math.max(o.top - cy, 0, cy - o.bottom)) < 12;
      });
      const name = (element.innerText || element.getAttribute("aria-label") || element.getAttribute("name") || "")
        .trim()
        .slice(0, 40);
      return crowded ? [`${element.tagName.toLowerCase()} "${name}" ${Math.round(box.width)}×${Math.round(box.height)}`] : [];
    });
  });
}

async function checkPage(page: Page, where: string): Promise<string[]> {
  const problems: string[] = [];
  if ((await horizontalOverflow(page)) > 0) problems.push(`${where}: scrolls sideways at 320 px`);
  for (const target of await smallTargets(page)) problems.push(`${where}: target under 24 × 24 px: ${target}`);
  const spacing = await page.addStyleTag({ content: TEXT_SPACING });
  for (const clipped of await clippedText(page)) problems.push(`${where}: text clipped with WCAG text spacing: ${clipped}`);
  if ((await horizontalOverflow(page)) > 0) problems.push(`${where}: scrolls sideways with WCAG text spacing`);
  await spacing.evaluate((style) => style.parentNode?.removeChild(style));
  return problems;
}

test("at 320 px no page scrolls sideways, text spacing clips nothing, and targets are large enough", async ({ page }) => {
  test.setTimeout(120_000);
  const problems: string[] = [];
  for (const url of [
    "/",
    "/login",
    "/signup",
    "/forgot-password",
    "/privacy",
    "/courses",
    "/courses/judging-ai-with-numbers",
    "/verify",
  ]) {
    await page.goto(url);
    problems.push(...(await checkPage(page, url)));
  }

  // A new learner's pages: a lesson with a wide data table and a quiz question.
  await signUpLearner(page, "Pantalla Estrecha");
  problems.push(...(await checkPage(page, "dashboard")));
  await page.goto("/profile");
  problems.push(...(await checkPage(page, "/profile")));

  await page.goto("/courses/judging-ai-with-numbers");
  await page.getByRole("button", { name: t("course.enroll") }).click();
  await expect(page.getByText(t("lesson.position", { position: 1, count: 5 }))).toBeVisible();
  await page.goto("/learn/judging-ai-with-numbers/comparing-groups");
  await expect(page.locator("table").first()).toBeVisible();
  // The table itself is wider than the screen and scrolls inside its region; the page does not.
  expect(
    await page
      .locator("table")
      .first()
      .evaluate((table) => table.scrollWidth > window.innerWidth),
  ).toBe(true);
  problems.push(...(await checkPage(page, "lesson with a data table")));
  await page.goto("/learn/judging-ai-with-numbers/quiz");
  await page.getByRole("button", { name: t("quiz.start") }).click();
  await expect(page.getByText(t("quiz.question", { position: 1, count: 8 }))).toBeVisible();
  problems.push(...(await checkPage(page, "quiz question")));
  expect(problems).toEqual([]);
});

test.describe("with prefers-reduced-motion", () => {
  test.use({ reducedMotion: "reduce" });

  test("nothing animates, transitions or scrolls smoothly", async ({ page }) => {
    const moving: string[] = [];
    for (const url of ["/", "/courses", "/login"]) {
      await page.goto(url);
      moving.push(
        ...(await page.evaluate(() =>
          [document.documentElement, ...document.querySelectorAll<HTMLElement>("body, body *")]
            .filter((element) => {
              const style = getComputedStyle(element);
              const seconds = (value: string) =>
                Math.max(...value.split(",").map((part) => parseFloat(part) * (part.trim().endsWith("ms") ? 0.001 : 1)));
              return (
                (style.animationName !== "none" && seconds(style.animationDuration) > 0.001) ||
                (style.transitionProperty !== "none" && seconds(style.transitionDuration) > 0.001) ||
                style.scrollBehavior === "smooth"
              );
            })
            .map((element) => `${location.pathname} ${element.tagName.toLowerCase()}.${element.className}`),
        )),
      );
    }
    expect(moving).toEqual([]);
  });
});
