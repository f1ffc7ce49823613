/**
 * Review and publish in the browser: the demo trainer publishes a copy of a network course as it
 * stands and a learner of Madrid finds it in the catalog and opens its first lesson; in a city that
 * requires review, the trainer submits, cannot publish until someone else approves, then publishes.
 */
import { authoringData, copyCourseForTrainer, signInInSpanish, signOutWhenIdle } from "./authoring-support.ts";
import { expect, test } from "./fixtures.ts";
import { expectAccessible, messagesFor, routerIdle } from "./support.ts";

test.use({ locale: "es-ES" });

test("a trainer publishes a copied course unchanged; a learner of the city finds it and opens its first lesson", async ({
  page,
}) => {
  test.setTimeout(120_000);
  const t = messagesFor("es");
  const key = copyCourseForTrainer("ai-fundamentals");

  await signInInSpanish(page, "tomas.formador@madrid.example");
  await page.goto(`/author/${key}/publish`);
  await expect(page.getByText(t("authoring.publish.status.draftOnly"))).toBeVisible();
  await expect(page.getByText(t("authoring.publish.problems.none"))).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: t("authoring.publish.action.button"), exact: true }).click();
  await expect(page.getByRole("status")).toHaveText(t("authoring.publish.published", { number: 1 }), { timeout: 30_000 });
  await expect(page.getByText(t("authoring.publish.status.published"))).toBeVisible();
  await signOutWhenIdle(page);

  await signInInSpanish(page, "ana.garcia@madrid.example");
  await page.goto("/courses");
  await page.locator(`a[href="/courses/${key}"]`).first().click();
  await expect(page).toHaveURL(new RegExp(`/courses/${key.replace(".", "\\.")}$`));
  await page.getByRole("button", { name: t("course.enroll") }).click();
  await expect(page).toHaveURL(new RegExp(`/learn/${key.replace(".", "\\.")}/[a-z0-9-]+$`));
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
});

test("in a city that requires review, publishing waits for someone else's approval of that revision", async ({ page }) => {
  test.setTimeout(120_000);
  const t = messagesFor("es");
  authoringData("require-review", "formadora@sao-paulo.example", "on");
  try {
    const key = copyCourseForTrainer("ai-fundamentals", "formadora@sao-paulo.example");
    const path = `/author/${key}/publish`;
    await signInInSpanish(page, "formadora@sao-paulo.example");
    await page.goto(path);
    await page.getByRole("button", { name: t("authoring.publish.action.button"), exact: true }).click();
    await expect(page.getByRole("alert")).toHaveText(t("authoring.problem.needsApproval"), { timeout: 30_000 });
    await routerIdle(page);
    await page.getByRole("button", { name: t("authoring.review.submit") }).click();
    await expect(page.getByRole("status")).toHaveText(t("authoring.review.submitted"), { timeout: 30_000 });
    await expect(page.getByText(t("authoring.review.ownSubmission"))).toBeVisible();
    await expectAccessible(page);
    await signOutWhenIdle(page);

    await signInInSpanish(page, "admin@sao-paulo.example");
    await page.goto(path);
    await page.getByRole("button", { name: t("authoring.review.return") }).click();
    await expect(page.getByText(t("authoring.review.commentRequired"))).toBeVisible({ timeout: 30_000 });
    await routerIdle(page);
    await page.getByRole("button", { name: t("authoring.review.approve") }).click();
    await expect(page.getByRole("status")).toHaveText(t("authoring.review.approved"), { timeout: 30_000 });
    await signOutWhenIdle(page);

    await signInInSpanish(page, "formadora@sao-paulo.example");
    await page.goto(path);
    await page.getByRole("button", { name: t("authoring.publish.action.button"), exact: true }).click();
    await expect(page.getByRole("status")).toHaveText(t("authoring.publish.published", { number: 1 }), { timeout: 30_000 });
    await expect(page.getByRole("table")).toContainText(t("authoring.review.decision.APPROVED"));
  } finally {
    authoringData("require-review", "formadora@sao-paulo.example", "off");
  }
});
