import { readFileSync } from "node:fs";
import { expect, test } from "./fixtures.ts";
import { expectAccessible, logIn, messagesFor, signUpLearner } from "./support.ts";

test.use({ locale: "es-ES" });
const t = messagesFor("es");

test("a person downloads their data and asks for erasure; a city admin erases them after the confirmation", async ({ page }) => {
  const name = "Oriana Privacidad Ejemplo";
  const email = await signUpLearner(page, name);

  await page.goto("/profile");
  const data = page.getByRole("region", { name: t("rights.profile.title") });
  await expect(data).toBeVisible();
  const downloading = page.waitForEvent("download");
  await data.getByRole("link", { name: t("rights.profile.download") }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^aula-ia-data-.+\.json$/);
  const exported = JSON.parse(readFileSync((await download.path())!, "utf8"));
  expect(exported.account).toMatchObject({ name, email });

  await data.getByRole("link", { name: t("rights.profile.erasure") }).click();
  await expect(page.getByRole("heading", { level: 1, name: t("rights.request.title") })).toBeVisible();
  await expect(page.getByText(t("rights.request.irreversible"))).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: t("rights.request.confirm") }).click();
  await expect(page.getByRole("status").filter({ hasText: t("rights.request.done") })).toBeVisible();

  await page.context().clearCookies();
  await logIn(page, "admin@madrid.example");
  await page.waitForURL((url) => url.pathname === "/");
  await page.goto("/admin/erasure");
  const requests = page.getByRole("region", { name: t("rights.requests.table") });
  const row = requests.getByRole("row").filter({ hasText: email });
  await expect(row).toContainText(name);
  await row.getByRole("link", { name: `${t("rights.admin.erase")}: ${name}` }).click();

  await expect(page.getByRole("heading", { level: 1, name: t("rights.erase.title", { name }) })).toBeVisible();
  await expect(page.getByText(t("rights.erase.identity", { email }))).toBeVisible();
  await expectAccessible(page);
  // Not without the confirmation ticked.
  await page.getByRole("button", { name: t("rights.erase.confirm") }).click();
  await expect(page.getByRole("alert").first()).toContainText(t("rights.erase.mustConfirm"));
  await page.getByLabel(t("rights.erase.confirmLabel")).check();
  await page.getByRole("button", { name: t("rights.erase.confirm") }).click();
  await expect(page.getByRole("status").filter({ hasText: t("rights.erase.done") })).toBeVisible();
  await expect(page.getByText(email)).toHaveCount(0);

  // The erased person can no longer sign in.
  await page.context().clearCookies();
  await logIn(page, email, "una frase de acceso larga");
  await expect(page).toHaveURL(/\/login/);
});
