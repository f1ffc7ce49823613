/** The defects a new user found on a phone and a desktop, with and without JavaScript (issue 10). */
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures.ts";
import { expectAccessible, logIn, signUp } from "./support.ts";

test.use({ locale: "es-ES" });

const viewports = [
  { name: "phone", size: { width: 320, height: 640 } },
  { name: "desktop", size: { width: 1280, height: 800 } },
];

async function startQuiz(page: Page, courseKey: string) {
  await page.goto(`/courses/${courseKey}`);
  await page.getByRole("button", { name: "Inscribirme en el curso" }).click();
  await expect(page.getByText("Lección 1 de 4")).toBeVisible();
  await page.goto(`/learn/${courseKey}/quiz`);
  await page.getByRole("button", { name: "Empezar el intento" }).click();
}

/** The step's heading is the page's h1, at the top of the screen; with JavaScript it also has the focus. */
async function expectStepStart(page: Page, name: string | RegExp, focused: boolean) {
  const heading = page.getByRole("heading", { level: 1, name });
  await expect(heading).toBeVisible();
  await expect(page.getByRole("heading", { level: 1 })).toHaveCount(1);
  await expect(heading).toBeInViewport();
  if (focused) await expect(heading).toBeFocused();
}

/** The text's characters all sit on one line of the element. */
async function expectOnOneLine(element: import("@playwright/test").Locator, text: string) {
  const lines = await element.evaluate((node, wanted) => {
    const textNode = [...node.childNodes].find((child) => child.textContent?.includes(wanted));
    if (!textNode) return -1;
    const range = document.createRange();
    const start = textNode.textContent!.indexOf(wanted);
    range.setStart(textNode, start);
    range.setEnd(textNode, start + wanted.length);
    return new Set([...range.getClientRects()].map((rect) => Math.round(rect.top))).size;
  }, text);
  expect(lines).toBe(1);
}

for (const { name, size } of viewports) {
  test.describe(`on a ${name}`, () => {
    test.use({ viewport: size });

    test("each quiz step starts at its h1, which takes the focus, and the result is in sight", async ({ page }) => {
      await signUp(page, "Paso Enfocado");
      await startQuiz(page, "security-and-ai-threats");
      await expectStepStart(page, "Pregunta 1 de 8", false);
      await expectAccessible(page);

      const next = page.getByRole("button", { name: "Siguiente pregunta" });
      await next.scrollIntoViewIfNeeded();
      await next.click();
      await expectStepStart(page, "Pregunta 2 de 8", true);

      const review = page.getByRole("button", { name: "Revisar mis respuestas" });
      await review.scrollIntoViewIfNeeded();
      await review.click();
      await expectStepStart(page, "Revisa tus respuestas antes de enviarlas", true);
      await expectAccessible(page);

      const submit = page.getByRole("button", { name: "Enviar mis respuestas" });
      await submit.scrollIntoViewIfNeeded();
      await submit.click();
      await expectStepStart(page, /^Intento 1: /, true);
      await expect(page.getByRole("status").filter({ hasText: "No aprobado" })).toBeInViewport();
      // The percentage is Intl's, whose no-break space keeps "0 %" together at 320 px.
      await expect(page.getByRole("heading", { level: 1 })).toHaveJSProperty("textContent", "Intento 1: 0\u00a0%");
      await expectOnOneLine(page.getByRole("heading", { level: 1 }), "0\u00a0%");
      // The cool-down names its time zone (Madrid's, in December).
      await expect(
        page.getByText(/^Podrás volver a intentarlo a partir del .+ hora estándar de Europa central\.$/),
      ).toBeVisible();
      await expectAccessible(page);
    });

    test("a lesson table sits in a named region the keyboard reaches, shaded where it goes on", async ({ page }) => {
      await signUp(page, "Tabla Ancha");
      await page.goto("/courses/judging-ai-with-numbers");
      await page.getByRole("button", { name: "Inscribirme en el curso" }).click();
      await expect(page.getByText("Lección 1 de 5")).toBeVisible();
      const region = page.getByRole("region", { name: /^Tabla 1: El sistema dice "urgente"/ });
      await expect(region).toHaveAttribute("tabindex", "0");
      await expect(region.getByRole("table")).toBeVisible();
      await expect(region).toHaveCSS("background-image", /radial-gradient/);
      await expectAccessible(page);
      const { scrollWidth, clientWidth } = await region.evaluate((node) => ({
        scrollWidth: node.scrollWidth,
        clientWidth: node.clientWidth,
      }));
      if (size.width === 320) {
        // Too wide for a phone: reached with Tab, it scrolls with the arrow keys.
        expect(scrollWidth).toBeGreaterThan(clientWidth);
        for (let stop = 0; stop < 40 && !(await region.evaluate((node) => node === document.activeElement)); stop += 1) {
          await page.keyboard.press("Tab");
        }
        await expect(region).toBeFocused();
        await page.keyboard.press("ArrowRight");
        await expect.poll(() => region.evaluate((node) => node.scrollLeft)).toBeGreaterThan(0);
      }
    });

    test("sign-up names the page's language and the account's language differently", async ({ page }) => {
      await page.goto("/signup");
      await expect(page.getByRole("combobox", { name: "Idioma de la página", exact: true })).toHaveValue("es");
      await expect(page.getByRole("combobox", { name: "Idioma de tu cuenta", exact: true })).toHaveValue("es");
      const names = await page
        .getByRole("combobox")
        .evaluateAll((boxes) => boxes.map((box) => (box as HTMLSelectElement).labels?.[0]?.textContent?.trim() ?? ""));
      expect(new Set(names).size).toBe(names.length);
      await expectAccessible(page);
    });
  });
}

test("after logging in to a Spanish account from an English browser, the switcher shows Spanish", async ({ page, browser }) => {
  const email = await signUp(page, "Cuenta Española");
  await page.getByRole("button", { name: "Cerrar sesión" }).click();

  const context = await browser.newContext({ locale: "en-GB" });
  const english = await context.newPage();
  await english.goto("/login");
  await expect(english.getByRole("combobox", { name: "Page language" })).toHaveValue("en");
  await logIn(english, email, "una frase de acceso larga");
  await expect(english.getByRole("heading", { name: "Hola, Cuenta Española" })).toBeVisible();
  await expect(english.locator("html")).toHaveAttribute("lang", "es");
  await expect(english.getByRole("combobox", { name: "Idioma de la página" })).toHaveValue("es");
  // Pressing "Change" now keeps the account in Spanish.
  await english.getByRole("button", { name: "Cambiar" }).click();
  await expect(english.locator("html")).toHaveAttribute("lang", "es");
  await context.close();
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false, viewport: { width: 320, height: 640 } });

  test("each quiz step is a page that starts at its h1", async ({ page }) => {
    await signUp(page, "Sin Script Paso");
    await startQuiz(page, "personal-data-and-privacy");
    await expectStepStart(page, "Pregunta 1 de 8", false);
    const next = page.getByRole("button", { name: "Siguiente pregunta" });
    await next.scrollIntoViewIfNeeded();
    await next.click();
    await expectStepStart(page, "Pregunta 2 de 8", false);
    await page.getByRole("button", { name: "Revisar mis respuestas" }).click();
    await expectStepStart(page, "Revisa tus respuestas antes de enviarlas", false);
    await page.getByRole("button", { name: "Enviar mis respuestas" }).click();
    await expectStepStart(page, /^Intento 1: /, false);
  });
});
