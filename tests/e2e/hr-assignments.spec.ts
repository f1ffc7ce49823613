import { expect, test } from "./fixtures.ts";
import { confirmEmail, expectAccessible, logIn } from "./support.ts";

test.use({ locale: "es-ES" });

test("HR assigns a recurring course to a department; a learner who joins it sees the course and its due date on the dashboard", async ({
  page,
  browser,
}) => {
  await logIn(page, "rrhh@madrid.example");
  await page.waitForURL((url) => url.pathname === "/");
  await page.goto("/hr/assignments/new");
  await expect(page.getByRole("heading", { name: "Asignar un curso" })).toBeVisible();

  // A window longer than the validity is refused next to its field, and nothing is lost.
  const course = page.getByLabel("Curso", { exact: true });
  await course.selectOption({ index: 1 });
  const courseTitle = (await course.locator("option:checked").innerText()).trim();
  await page.getByLabel("Urbanismo y Licencias", { exact: true }).check();
  await page.getByLabel("Un número de días después de asignarse a cada persona").check();
  await page.getByLabel("Días (de 1 a 730)").fill("21");
  await page.getByLabel(/Validez del certificado/).fill("1");
  await page.getByLabel(/Abrir la renovación/).fill("45");
  await page.getByRole("button", { name: "Asignar" }).click();
  await expect(page.locator("#windowDays-error")).toHaveText(
    "La renovación debe abrirse antes de que termine la validez: usa menos días.",
  );
  await expect(page.getByLabel("Urbanismo y Licencias", { exact: true })).toBeChecked();
  await expectAccessible(page);

  await page.getByLabel(/Validez del certificado/).fill("12");
  await page.getByLabel(/Abrir la renovación/).fill("30");
  await page.getByRole("button", { name: "Asignar" }).click();
  await expect(page).toHaveURL(/\/hr\/assignments\?created=/);
  await expect(page.getByRole("status").first()).toContainText("Asignación creada");
  const row = page.getByRole("row").filter({ hasText: "Urbanismo y Licencias (con sus subáreas)" }).first();
  await expect(row).toContainText(courseTitle);
  await expect(row).toContainText("21 días tras asignarse");
  await expect(row).toContainText("Válido 12 meses, renovación 30 días antes");
  await expectAccessible(page);

  // A new public servant signs up in that department and finds the course assigned, due in 21 days.
  const learner = await (await browser.newContext({ locale: "es-ES" })).newPage();
  const email = `urbanismo.${Date.now()}@madrid.example`;
  await learner.goto("/signup");
  await learner.getByLabel("Nombre y apellidos").fill("Irene Calvo");
  await learner.getByLabel("Correo electrónico").fill(email);
  await learner.getByLabel("Ciudad").selectOption({ label: "Madrid" });
  await learner.getByLabel("Área o dependencia").selectOption({ label: "Urbanismo y Licencias" });
  await learner.getByLabel(/He leído el aviso de privacidad/).check();
  await learner.getByRole("button", { name: "Crear mi cuenta" }).click();
  await confirmEmail(learner, email);
  await expect(learner.getByRole("heading", { name: "Hola, Irene Calvo" })).toBeVisible();
  const assigned = learner.getByRole("region", { name: "Cursos asignados" });
  const item = assigned.getByRole("listitem").filter({ hasText: courseTitle });
  await expect(item).toBeVisible();
  const due = new Date(Date.now() + 21 * 86_400_000);
  const day = new Intl.DateTimeFormat("es-ES", {
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: "Europe/Madrid",
  }).format(due);
  await expect(item).toContainText(`Fecha límite: ${day}`);
  await expect(item).toContainText("23:59");
  await expect(item.getByRole("link", { name: `Empezar ${courseTitle}` })).toBeVisible();
  await expectAccessible(learner);
});
