/**
 * HR grants a learner extra time on timed quizzes (WCAG 2.2.1) from the person's accommodations
 * page; a refused amount is explained next to its field; the learner then sees the longer limit on
 * the quiz's start page.
 */
import { expect, test } from "./fixtures.ts";
import { expectAccessible, logIn, messagesFor, signUpLearner, withE2eDatabase } from "./support.ts";

// A course no other end-to-end test takes, given a time limit for this test only.
const COURSE = "fair-transition-at-work";
const t = messagesFor("es");

const setTimeLimit = (minutes: number | null) =>
  withE2eDatabase((database) =>
    database
      .prepare(`UPDATE Quiz SET timeLimitMinutes = ? WHERE versionId = (SELECT currentVersionId FROM Course WHERE key = ?)`)
      .run(minutes, COURSE),
  );

test.use({ locale: "es-ES" });

test.afterEach(() => {
  setTimeLimit(null);
});

test("HR grants extra time, and the learner sees the longer limit on the quiz", async ({ page, browser }) => {
  test.setTimeout(120_000);
  setTimeLimit(30);
  const email = await signUpLearner(page, "Inés Álvarez");
  await page.goto(`/courses/${COURSE}`);
  await page.getByRole("button", { name: "Inscribirme en el curso" }).click();
  await page.waitForURL((url) => url.pathname.startsWith(`/learn/${COURSE}/`));
  await page.goto(`/learn/${COURSE}/quiz`);
  await expect(page.getByText(t("quiz.rulesTime", { count: 30 }))).toBeVisible();

  const learnerId = withE2eDatabase(
    (database) => (database.prepare(`SELECT id FROM User WHERE email = ?`).get(email) as { id: string }).id,
  );
  const hrContext = await browser.newContext({ locale: "es-ES" });
  const hr = await hrContext.newPage();
  await logIn(hr, "rrhh@madrid.example");
  await hr.waitForURL((url) => url.pathname === "/");
  await hr.goto(`/hr/people/${learnerId}/accommodations`);
  await expect(
    hr.getByRole("heading", { level: 1, name: t("reminders.accommodations.title", { name: "Inés Álvarez" }) }),
  ).toBeVisible();
  await expect(hr.getByText(t("reminders.accommodations.none"))).toBeVisible();

  const timeForm = () => hr.getByRole("region", { name: t("reminders.accommodations.timeTitle") });
  const amount = timeForm().getByLabel(t("reminders.accommodations.timeAmount"));
  await amount.fill("500");
  await timeForm().getByLabel(t("reminders.accommodations.reason")).fill("Dislexia acreditada");
  await timeForm()
    .getByRole("button", { name: t("reminders.accommodations.timeSubmit") })
    .click();
  await expect(hr.locator("#extraTime-error")).toHaveText(t("reminders.accommodations.timeRange"));
  await expect(amount).toHaveAttribute("aria-invalid", "true");
  await expectAccessible(hr);

  await expect(timeForm().getByLabel(t("reminders.accommodations.reason"))).toHaveValue("Dislexia acreditada");
  await amount.fill("50");
  await timeForm()
    .getByRole("button", { name: t("reminders.accommodations.timeSubmit") })
    .click();
  await expect(hr.getByRole("status").filter({ hasText: t("reminders.accommodations.kind.EXTRA_TIME") })).toHaveText(
    t("reminders.accommodations.saved", { kind: t("reminders.accommodations.kind.EXTRA_TIME") }),
  );
  const granted = hr.getByRole("region", { name: t("reminders.accommodations.granted") });
  await expect(granted.getByRole("row").filter({ hasText: "Dislexia acreditada" })).toContainText(
    t("reminders.accommodations.about.allTimed"),
  );
  await expectAccessible(hr);
  await hrContext.close();

  await page.reload();
  const percent = new Intl.NumberFormat("es", { style: "percent" }).format(0.5);
  await expect(page.getByText(t("reminders.quiz.timeWithExtra", { count: 45, percent }))).toBeVisible();
  await expectAccessible(page);
});
