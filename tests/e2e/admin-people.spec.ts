/**
 * A city admin finds a person by a search without accents, opens their page, makes them HR for
 * one department, and deactivates them: the person's open session is signed out at once.
 */
import { expect, test } from "./fixtures.ts";
import { expectAccessible, logIn, messagesFor, signUpLearner } from "./support.ts";

const t = messagesFor("es");
test.use({ locale: "es-ES" });

/** Letters only (the name rule refuses digits), different on every run. */
function tag(): string {
  return Array.from({ length: 6 }, () => String.fromCharCode(97 + Math.floor(Math.random() * 26))).join("");
}

test("an admin finds a person, grants HR for a department, and deactivating them signs them out", async ({ page, browser }) => {
  test.setTimeout(120_000);
  const surname = tag();
  const name = `Begoña Núñez ${surname}`;
  const email = await signUpLearner(page, name);

  const adminContext = await browser.newContext({ locale: "es-ES" });
  const admin = await adminContext.newPage();
  await logIn(admin, "admin@madrid.example");
  await admin.waitForURL((url) => url.pathname === "/");
  await admin.goto("/admin/people");
  await admin.getByRole("searchbox", { name: t("staff.filter.search") }).fill(`BEGONA NUNEZ ${surname}`);
  await admin.getByRole("button", { name: t("staff.filter.apply") }).click();
  await expect(admin.getByRole("status")).toHaveText(t("staff.found", { count: 1 }));
  await expectAccessible(admin);
  await admin.getByRole("link", { name, exact: true }).click();
  await expect(admin.getByRole("heading", { level: 1, name })).toBeVisible();
  await expect(admin.getByText(t("staff.roles.onlyLearner"))).toBeVisible();

  // A department scope is for HR only: a trainer limited to one is refused, and nothing changes.
  await admin.getByLabel(t("staff.grant.role")).selectOption("TRAINER");
  await admin.getByLabel(t("staff.grant.hrDepartment")).selectOption({ label: "Servicios Sociales" });
  await admin.getByRole("button", { name: t("staff.grant.submit") }).click();
  await expect(admin.getByRole("alert")).toContainText(t("staff.problem.hrOnlyScope"));
  await expect(admin.getByText(t("staff.roles.onlyLearner"))).toBeVisible();
  await expectAccessible(admin);

  // HR, limited to one department.
  await admin.getByLabel(t("staff.grant.role")).selectOption({ label: t("role.HR") });
  await admin.getByLabel(t("staff.grant.hrDepartment")).selectOption({ label: "Servicios Sociales" });
  await admin.getByRole("button", { name: t("staff.grant.submit") }).click();
  await expect(admin.getByRole("status")).toHaveText(t("staff.done.grant", { role: t("role.HR") }));
  const hrLine = `${t("role.HR")} (${t("staff.roles.hrLimited", { department: "Servicios Sociales" })})`;
  await expect(admin.getByText(hrLine)).toBeVisible();
  await expectAccessible(admin);

  // The role change signed the person out; they sign in again and see HR for their department.
  await page.goto("/profile");
  await expect(page).toHaveURL(/\/login/);
  await logIn(page, email, "una frase de acceso larga");
  await page.waitForURL((url) => url.pathname === "/");
  await page.goto("/hr/people");
  await expect(page.getByText(t("hrPeople.scope.subtree", { department: "Servicios Sociales" }))).toBeVisible();

  // Deactivated: the open session ends at once, and the password no longer opens the account.
  await admin.getByRole("button", { name: t("staff.access.deactivate") }).click();
  await expect(admin.getByRole("status")).toHaveText(t("staff.done.deactivate"));
  await expect(admin.getByText(t("staff.access.deactivated"))).toBeVisible();
  await page.goto("/profile");
  await expect(page).toHaveURL(/\/login/);
  await logIn(page, email, "una frase de acceso larga");
  await expect(page.getByText(t("auth.invalidCredentials"))).toBeVisible();

  // The list shows the account as deactivated when filtered by status.
  await admin.goto("/admin/people");
  await admin.getByRole("searchbox", { name: t("staff.filter.search") }).fill(surname);
  await admin.getByLabel(t("staff.filter.status")).selectOption("deactivated");
  await admin.getByRole("button", { name: t("staff.filter.apply") }).click();
  const row = admin.getByRole("row").filter({ has: admin.getByRole("link", { name }) });
  await expect(row).toContainText(t("staff.status.deactivated"));
  await adminContext.close();
});
