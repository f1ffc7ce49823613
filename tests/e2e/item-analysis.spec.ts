/**
 * A trainer opens the item analysis of a course's quiz (first attempts seeded by
 * tests/e2e/analysis-data.ts) and sees a question flagged as too easy, with its option table.
 */
import { expect, test } from "./fixtures.ts";
import { analysisData } from "./analysis-support.ts";
import { DEMO_TRAINER } from "./authoring-support.ts";
import { expectAccessible, logIn } from "./support.ts";

test.use({ locale: "es-ES" });

test("a trainer opens item analysis and sees a flagged question", async ({ page }) => {
  // The data script (a copy, a publish and the rows) runs first; the journey itself takes a few seconds.
  test.setTimeout(60_000);
  const key = analysisData("course", DEMO_TRAINER, "ai-fundamentals", "6");
  await logIn(page, DEMO_TRAINER);
  await page.waitForURL((url) => url.pathname === "/");
  await page.goto(`/author/${key}/quiz`);
  await page.getByRole("link", { name: "Ver el análisis de preguntas" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Análisis de preguntas");
  await expect(page.getByText("6 personas hicieron su primer intento en esta versión.")).toBeVisible();
  await expect(page.getByRole("img", { name: "Distribución de puntuaciones" })).toBeVisible();
  const first = page.getByRole("region", { name: /^Pregunta 1:/ });
  await expect(first.getByText(/Muy fácil: más de 90\s%\saciertan/)).toBeVisible();
  await expect(first.getByRole("table", { name: "Respuestas elegidas en la pregunta 1" })).toBeVisible();
  await expectAccessible(page);
});
