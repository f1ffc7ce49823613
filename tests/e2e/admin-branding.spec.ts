import { execFileSync } from "node:child_process";
import { contrastRatio } from "~/cities/contrast.ts";
import { formatsFor } from "~/i18n/formats.ts";
import { expect, test } from "./fixtures.ts";
import { expectAccessible, logIn, messagesFor, signUp, takeQuiz, withE2eDatabase } from "./support.ts";

test.use({ locale: "es-ES" });
const t = messagesFor("es");

/** A learner of Madrid takes ai-fundamentals to the end; the code of the certificate they get. */
async function certify(page: import("@playwright/test").Page, name: string): Promise<string> {
  await signUp(page, name);
  await page.goto("/courses/ai-fundamentals");
  await page.getByRole("button", { name: "Inscribirme en el curso" }).click();
  for (let lesson = 1; lesson <= 4; lesson += 1) {
    await expect(page.getByText(`Lección ${lesson} de 4`)).toBeVisible();
    await page.getByRole("button", { name: "Marcar como completada" }).click();
  }
  await page.getByRole("button", { name: "Empezar el intento" }).click();
  await takeQuiz(page, "ai-fundamentals", true);
  await page.getByRole("link", { name: "Ver mi certificado" }).click();
  return (await page.locator("p.font-mono").first().innerText()).trim();
}

const snapshotOf = (code: string) =>
  withE2eDatabase((database) => {
    const row = database.prepare("SELECT citySnapshot FROM Certificate WHERE code = ?").get(code) as { citySnapshot: string };
    return JSON.parse(row.citySnapshot) as {
      primaryColor: string;
      accentColor: string;
      signatoryTitle: string;
      logoHash: string | null;
    };
  });

test("a city admin changes the colours (a failing contrast refused first), previews, saves, and the next certificate uses them", async ({
  page,
  browser,
}) => {
  test.setTimeout(180_000);
  const before = await certify(page, "Berta Anterior");

  const adminContext = await browser.newContext({ locale: "es-ES" });
  const admin = await adminContext.newPage();
  await logIn(admin, "admin@madrid.example");
  await admin.waitForURL((url) => url.pathname === "/");
  await admin.goto("/admin/people");
  await admin
    .getByRole("navigation", { name: t("adminNav.label") })
    .getByRole("link", { name: t("branding.nav") })
    .click();
  await expect(admin.getByRole("heading", { level: 1, name: t("branding.title", { city: "Madrid" }) })).toBeVisible();
  await expectAccessible(admin);
  const primary = admin.getByLabel(t("branding.field.primaryColor"));
  const original = {
    primary: await primary.inputValue(),
    title: await admin.getByLabel(t("branding.field.signatoryTitle")).inputValue(),
  };
  try {
    // A light yellow under white text: refused, with the ratio measured and the nearest colour that passes.
    await primary.fill("#f3c64a");
    await admin.getByRole("button", { name: t("branding.save") }).click();
    const ratio = formatsFor("es").contrastRatio(contrastRatio("#f3c64a", "#ffffff"));
    await expect(admin.getByRole("alert")).toContainText(ratio);
    await expect(primary).toHaveAttribute("aria-invalid", "true");
    await expectAccessible(admin);
    expect(snapshotOf(before).primaryColor).toBe(original.primary);

    // With JavaScript the preview follows what is typed, before anything is saved.
    await primary.fill("#2b1d4f");
    await expect(
      admin
        .getByRole("img", { name: t("branding.previewHeaderLabel", { city: "Madrid" }) })
        .locator("rect")
        .first(),
    ).toHaveAttribute("fill", "#2b1d4f");
    await admin.getByLabel(t("branding.field.signatoryTitle")).fill("Alcaldía de Madrid, Área de Personal");
    await admin.getByRole("button", { name: t("branding.preview") }).click();
    await expect(admin.getByText(t("branding.previewShown"))).toBeVisible();
    await expectAccessible(admin);
    await admin.getByRole("button", { name: t("branding.save") }).click();
    await expect(admin.getByText(t("branding.saved"))).toBeVisible();
    await expect(admin.getByLabel(t("branding.field.primaryColor"))).toHaveValue("#2b1d4f");

    // The next certificate uses the new branding; the earlier one keeps its own.
    const learnerContext = await browser.newContext({ locale: "es-ES" });
    const learner = await learnerContext.newPage();
    const after = await certify(learner, "Bruno Siguiente");
    expect(snapshotOf(after)).toMatchObject({ primaryColor: "#2b1d4f", signatoryTitle: "Alcaldía de Madrid, Área de Personal" });
    expect(snapshotOf(before)).toMatchObject({ primaryColor: original.primary, signatoryTitle: original.title });
    const downloading = learner.waitForEvent("download");
    await learner.getByRole("link", { name: /Descargar PDF/ }).click();
    const text = execFileSync("pdftotext", ["-layout", await (await downloading).path(), "-"], { encoding: "utf8" });
    expect(text).toContain("Alcaldía de Madrid, Área de Personal");
    expect(text).toContain(after);
    await learnerContext.close();
  } finally {
    // The demo city goes back to its colours for the other tests.
    await admin.goto("/admin/branding");
    await admin.getByLabel(t("branding.field.primaryColor")).fill(original.primary);
    await admin.getByLabel(t("branding.field.signatoryTitle")).fill(original.title);
    await admin.getByRole("button", { name: t("branding.save") }).click();
    await expect(admin.getByText(t("branding.saved"))).toBeVisible();
    await adminContext.close();
  }
});
