/** A trainer previews a city copy of a network course as a learner: a lesson, an activity, the quiz; nothing reaches learners. */
import { expect, test } from "./fixtures.ts";
import { answerKey, logIn, withE2eDatabase } from "./support.ts";
import { copyCourseForTrainer, DEMO_TRAINER } from "./authoring-support.ts";

test.use({ locale: "es-ES" });

const slow = { timeout: 20_000 };

function writtenFor(email: string) {
  return withE2eDatabase((database) =>
    database
      .prepare(
        `SELECT (SELECT COUNT(*) FROM Enrollment e WHERE e.userId = u.id) AS enrollments,
                (SELECT COUNT(*) FROM QuizAttempt a JOIN Enrollment e ON e.id = a.enrollmentId WHERE e.userId = u.id) AS attempts,
                (SELECT COUNT(*) FROM ActivityAnswer r JOIN Enrollment e ON e.id = r.enrollmentId WHERE e.userId = u.id) AS answers
         FROM User u WHERE u.email = ?`,
      )
      .get(email),
  );
}

test("a trainer previews a copied course's lesson, activity and quiz, and learners see nothing of it", async ({ page }) => {
  // Previewing runs the course checker over the whole draft: slower than a learner's page.
  test.setTimeout(180_000);
  const key = copyCourseForTrainer("ai-fundamentals");
  const before = writtenFor(DEMO_TRAINER);
  await logIn(page, DEMO_TRAINER);
  await page.waitForURL((url) => url.pathname === "/");

  await page.goto(`/author/${key}/preview`);
  await expect(page.getByText("Vista previa: los alumnos no ven este borrador")).toBeVisible();
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await page.getByRole("link", { name: "Alucinaciones y otros límites de la IA generativa" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Alucinaciones y otros límites de la IA generativa" })).toBeVisible(
    slow,
  );
  await expect(page.getByText("Lección 4 de 4")).toBeVisible();

  const activity = page.locator("#activity-avianca-what-was-sanctioned");
  await activity.getByLabel("No haber comprobado los casos que la herramienta inventó").check();
  await activity.getByRole("button", { name: "Comprobar" }).click();
  await expect(activity.getByRole("status")).toContainText("Correcto", slow);
  await expect(activity.getByText("Comprobado, pero no guardado")).toHaveCount(0);

  await page.getByRole("link", { name: /Ir al cuestionario/ }).click();
  await expect(page).toHaveURL(new RegExp(`/author/${key.replace(".", "\\.")}/preview/quiz`), slow);
  await expect(page.getByRole("button", { name: "Corregir" })).toBeVisible(slow);
  const answers = answerKey("ai-fundamentals");
  for (const [question, options] of answers) {
    for (const option of options) await page.locator(`input[name="answer.${question}"][value="${option}"]`).check();
  }
  await page.getByRole("button", { name: "Corregir" }).click();
  await expect(page.getByRole("status")).toContainText("¡Aprobado!", slow);
  await expect(page.getByRole("status")).toContainText("100");

  // Nothing was written for the trainer, and the copy is not a course learners can open.
  expect(writtenFor(DEMO_TRAINER)).toEqual(before);
  await page.request.post("/logout");
  await logIn(page, "ana.garcia@madrid.example");
  const response = await page.goto(`/courses/${key}`);
  expect(response?.status()).toBe(404);
  await page.goto("/courses/ai-fundamentals");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
});
