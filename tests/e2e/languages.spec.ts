import { expect, test } from "./fixtures.ts";
import { expectAccessible, logIn } from "./support.ts";

test.use({ locale: "es-ES" });

test("the language switcher changes the whole page, and the choice sticks", async ({ page }) => {
  await page.goto("/login");
  await expect(page.locator("html")).toHaveAttribute("lang", "es");
  await page.getByLabel("Idioma").selectOption("en");
  await page.getByRole("button", { name: "Cambiar" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByRole("heading", { name: "Log in" })).toBeVisible();
  await expectAccessible(page);

  await page.getByLabel("Language").selectOption("pt");
  await page.getByRole("button", { name: "Change" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "pt-BR");
  await expect(page.getByRole("heading", { name: "Entrar" })).toBeVisible();
  await page.goto("/signup");
  await expect(page.getByRole("heading", { name: "Criar conta" })).toBeVisible();
  await expectAccessible(page);
});

test("a signed-in user's language is saved to their profile", async ({ page }) => {
  await logIn(page, "joao.silva@sao-paulo.example");
  await expect(page.locator("html")).toHaveAttribute("lang", "pt-BR");
  await page.getByRole("link", { name: "Meu perfil" }).click();
  await expectAccessible(page);
  await page.getByLabel("Idioma da sua conta").selectOption("en");
  await page.getByRole("button", { name: "Salvar alterações" }).click();
  await expect(page.getByRole("status")).toHaveText("Changes saved.");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
});

test("an unknown address shows a friendly page in the visitor's language", async ({ browser }) => {
  const context = await browser.newContext({ locale: "en-GB" });
  const page = await context.newPage();
  const response = await page.goto("/this/does/not/exist");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  await expectAccessible(page);
  await context.close();
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false, locale: "es-ES" });

  test("logging in, changing language and logging out all work as plain forms", async ({ page }) => {
    await logIn(page, "ana.garcia@madrid.example");
    await expect(page.getByRole("heading", { name: "Hola, Ana García Ruiz" })).toBeVisible();
    await page.getByLabel("Idioma").selectOption("en");
    await page.getByRole("button", { name: "Cambiar" }).click();
    await expect(page.getByRole("heading", { name: "Hello, Ana García Ruiz" })).toBeVisible();
    await page.getByRole("button", { name: "Log out" }).click();
    await expect(page.getByText("You have logged out.")).toBeVisible();
  });
});
