import { execFileSync } from "node:child_process";
import { expect, test } from "./fixtures.ts";
import { expectAccessible, logIn, routerIdle, setServerClock, signUp, takeQuiz } from "./support.ts";

test.use({ locale: "es-ES" });

test.afterEach(async ({ page }) => {
  await setServerClock(page, 0);
});

test("a new learner reads every lesson, fails, waits out the cool-down, passes and gets a verifiable certificate", async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  await signUp(page, "Żaneta Ñúñez");

  await page.getByRole("navigation").getByRole("link", { name: "Catálogo" }).click();
  await expectAccessible(page);
  await page.getByRole("searchbox", { name: "Buscar por título o resumen" }).fill("fundamentos");
  await page.getByRole("button", { name: "Filtrar" }).click();
  await page
    .getByRole("link", { name: /Fundamentos/ })
    .first()
    .click();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Inscribirme en el curso" }).click();

  // Every lesson, marked complete one after the other.
  for (let lesson = 1; lesson <= 4; lesson += 1) {
    await expect(page.getByText(`Lección ${lesson} de 4`)).toBeVisible();
    if (lesson === 1) await expectAccessible(page);
    await page.getByRole("button", { name: "Marcar como completada" }).click();
  }

  await expect(page.getByRole("heading", { name: /Cuestionario/ })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Empezar el intento" }).click();
  await expect(page.getByText("Pregunta 1 de 8")).toBeVisible();
  await expectAccessible(page);

  // With JavaScript, moving between questions needs no page load, and the server still records it.
  const documents: string[] = [];
  page.on("request", (request) => {
    if (request.resourceType() === "document") documents.push(request.url());
  });
  const saved = page.waitForResponse((response) => response.url().endsWith("/events") && response.status() === 200);
  await page.getByRole("button", { name: "Siguiente pregunta" }).click();
  await expect(page.getByText("Pregunta 2 de 8")).toBeVisible();
  await saved;
  expect(documents).toEqual([]);
  await page.reload();
  await expect(page.getByText("Pregunta 2 de 8")).toBeVisible();

  await takeQuiz(page, "ai-fundamentals", false);
  await expect(page.getByRole("status").filter({ hasText: "No aprobado" })).toBeVisible();
  await expect(page.getByText("Podrás volver a intentarlo a partir del")).toBeVisible();
  await expectAccessible(page);

  await page.getByRole("link", { name: "Volver al cuestionario" }).click();
  // On the quiz page (the reload below must not reload the result page the link left).
  await expect(page).toHaveURL(/\/learn\/ai-fundamentals\/quiz$/);
  await routerIdle(page);
  await expect(page.getByRole("button", { name: "Empezar el intento" })).toHaveCount(0);
  await setServerClock(page, 61);
  await page.reload();
  await page.getByRole("button", { name: "Empezar el intento" }).click();
  await takeQuiz(page, "ai-fundamentals", true);
  await expect(page.getByRole("status").filter({ hasText: "¡Aprobado!" })).toBeVisible();

  await page.getByRole("link", { name: "Ver mi certificado" }).click();
  await expect(page.getByRole("heading", { name: "Mis certificados" })).toBeVisible();
  await expectAccessible(page);
  const code = (await page.locator("p.font-mono").first().innerText()).trim();
  expect(code).toMatch(/^MAD-/);

  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: /Descargar PDF/ }).click();
  const download = await downloading;
  const file = await download.path();
  const text = execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" });
  expect(text).toContain("Żaneta Ñúñez");
  expect(text).toContain(code);

  await page.getByRole("link", { name: "Página pública de verificación" }).click();
  await expect(page.getByRole("heading", { name: "Certificado válido" })).toBeVisible();
  await expect(page.getByText("Żaneta Ñúñez")).toBeVisible();
  await expectAccessible(page);

  await page.goto("/");
  await expect(page.getByRole("heading", { name: "Completados" })).toBeVisible();
  await expect(page.getByRole("link", { name: `Certificado ${code}` })).toBeVisible();

  // The city admin revokes it with a reason; the public page says so at once.
  const adminContext = await browser.newContext({ locale: "es-ES" });
  const admin = await adminContext.newPage();
  await logIn(admin, "admin@madrid.example");
  await admin.getByRole("navigation").getByRole("link", { name: "Certificados emitidos" }).click();
  await expectAccessible(admin);
  const entry = admin.getByRole("listitem").filter({ hasText: code });
  await entry.getByLabel("Motivo de la revocación").fill("Emitido por error en una prueba");
  await entry.getByRole("button", { name: `Revocar ${code}` }).click();
  await expect(admin.getByText(`Certificado ${code} revocado.`)).toBeVisible();
  await adminContext.close();
  await page.goto(`/verify/${code}`);
  await expect(page.getByRole("heading", { name: "Certificado revocado" })).toBeVisible();
});

test("with JavaScript, an answer the server did not confirm is reported and the saved state shown", async ({ page }) => {
  await signUp(page, "Conexión Inestable");
  await page.goto("/courses/security-and-ai-threats");
  await page.getByRole("button", { name: "Inscribirme en el curso" }).click();
  // Enrolling opens the first lesson; going on before it has would race the enrolment.
  await expect(page.getByText("Lección 1 de 4")).toBeVisible();
  await page.goto("/learn/security-and-ai-threats/quiz");
  await page.getByRole("button", { name: "Empezar el intento" }).click();
  await expect(page.getByText("Pregunta 1 de 8")).toBeVisible();
  // What a learner whose session ended, or who sits behind a failing proxy, gets: a page, not the answer.
  await page.route("**/events", (route) => route.fulfill({ status: 200, contentType: "text/html", body: "<p>Proxy</p>" }));
  await page.getByRole("button", { name: "Siguiente pregunta" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "No se pudo guardar tu última respuesta" })).toBeVisible();
  await expect(page.getByText("Pregunta 1 de 8")).toBeVisible();
  await expectAccessible(page);
  await page.unroute("**/events");
  await page.getByRole("button", { name: "Siguiente pregunta" }).click();
  await expect(page.getByText("Pregunta 2 de 8")).toBeVisible();
  await expect(page.getByRole("alert")).toHaveCount(0);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the quiz works as plain form posts, and a post from an outdated tab changes nothing", async ({ page, context }) => {
    await signUp(page, "Sin Script");
    await page.goto("/courses/personal-data-and-privacy");
    await page.getByRole("button", { name: "Inscribirme en el curso" }).click();
    await expect(page.getByText("Lección 1 de 4")).toBeVisible();
    await page.getByRole("button", { name: "Marcar como completada" }).click();
    await expect(page.getByText("Lección 2 de 4")).toBeVisible();
    await page.goto("/courses/personal-data-and-privacy");
    await expect(page.getByText("Tu avance: 20 %")).toBeVisible();
    // "Continue" leads to where marking the last lesson led, from the server's record.
    await page.getByRole("link", { name: "Continuar", exact: true }).click();
    await expect(page.getByText("Lección 2 de 4")).toBeVisible();
    await page.goto("/learn/personal-data-and-privacy/quiz");
    await page.getByRole("button", { name: "Empezar el intento" }).click();
    await expect(page.getByText("Pregunta 1 de 8")).toBeVisible();
    const otherTab = await context.newPage();
    await otherTab.goto(page.url());
    await page.getByRole("button", { name: "Siguiente pregunta" }).click();
    await expect(page.getByText("Pregunta 2 de 8")).toBeVisible();
    // The other tab still shows question 1: its post is refused and it shows the current state.
    await otherTab.getByRole("button", { name: "Siguiente pregunta" }).click();
    await expect(otherTab.getByText("La página estaba desactualizada")).toBeVisible();
    await expect(otherTab.getByText("Pregunta 2 de 8")).toBeVisible();
    await otherTab.close();
    await takeQuiz(page, "personal-data-and-privacy", true);
    // (axe needs JavaScript in the page; the same pages are scanned in the journey above.)
    await expect(page.getByRole("status").filter({ hasText: "¡Aprobado!" })).toBeVisible();
  });
});

test("a visitor can check a certificate code, and an unknown code says so", async ({ page }) => {
  await page.goto("/verify");
  await expectAccessible(page);
  await page.getByLabel("Código del certificado").fill("mad-2222-3333-4444");
  await page.getByRole("button", { name: "Verificar" }).click();
  await expect(page.getByText("No existe ningún certificado con este código.")).toBeVisible();
  await expectAccessible(page);
});

test("the dashboard shows the demo learner's assigned courses, overdue ones marked", async ({ page }) => {
  await logIn(page, "ana.garcia@madrid.example");
  // Another test may have switched Ana to English; the dashboard follows her setting.
  await expect(page.getByRole("heading", { name: /Cursos asignados|Assigned courses/ })).toBeVisible();
  await expect(page.getByText(/Vencido el|Overdue since/).first()).toBeVisible();
  await expectAccessible(page);
});
