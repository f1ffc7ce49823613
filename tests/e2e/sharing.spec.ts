/**
 * Sharing a course between cities in the browser: a trainer of Madrid downloads a course's zip, a
 * trainer of São Paulo uploads a broken copy of it first and reads the report, then imports the good
 * one and publishes it.
 */
import { readFile } from "node:fs/promises";
import { courseKeyName } from "../../app/courses/format.ts";
import { copyCourseForTrainer, DEMO_TRAINER, signInInSpanish, signOutWhenIdle } from "./authoring-support.ts";
import { expect, test } from "./fixtures.ts";
import { messagesFor } from "./support.ts";
import { unzip, zipOf } from "./sharing-support.ts";

test.use({ locale: "es-ES" });
const t = messagesFor("es");

test("Madrid exports a course; São Paulo sees the report of a broken copy, imports the good one and publishes it", async ({
  page,
}) => {
  test.setTimeout(90_000);
  const key = copyCourseForTrainer("ai-fundamentals");

  await signInInSpanish(page, DEMO_TRAINER);
  await page.goto(`/author/${key}`);
  await page.getByRole("link", { name: t("sharing.nav.share") }).click();
  const downloading = page.waitForEvent("download");
  // "Descargar el borrador (idiomas: …)".
  await page.getByRole("link", { name: t("sharing.export.draftUnreadable") }).click();
  const download = await downloading;
  // Named by the key without the city ("madrid.ai-fundamentals-2" → "ai-fundamentals-2-draft.zip").
  expect(download.suggestedFilename()).toBe(`${courseKeyName(key)}-draft.zip`);
  const good = await readFile((await download.path())!);
  await signOutWhenIdle(page);

  // The broken copy: a lesson's Portuguese file taken out.
  const files = await unzip(good);
  const missing = [...files.keys()].find((name) => name.endsWith("/pt.md"))!;
  const broken = await zipOf(new Map([...files].filter(([name]) => name !== missing)));

  await signInInSpanish(page, "formadora@sao-paulo.example");
  await page.goto("/author");
  await page.getByRole("link", { name: t("sharing.import.link") }).click();
  const field = page.getByLabel(t("sharing.import.file"));
  await field.setInputFiles({ name: "curso.zip", mimeType: "application/zip", buffer: broken });
  await page.getByRole("button", { name: t("sharing.import.submit") }).click();
  const report = page.getByRole("alert").filter({ hasText: t("sharing.import.fix") });
  await expect(report).toBeVisible();
  await expect(report).toContainText(missing.slice(missing.indexOf("/") + 1));

  await field.setInputFiles({ name: "curso.zip", mimeType: "application/zip", buffer: good });
  await page.getByRole("button", { name: t("sharing.import.submit") }).click();
  await expect(page.getByRole("status").filter({ hasText: t("sharing.import.done.new") })).toBeVisible();
  const imported = new URL(page.url()).pathname;
  expect(imported).toMatch(/^\/author\/sao-paulo\.ai-fundamentals/);

  await page.goto(`${imported}/publish`);
  await page.getByRole("button", { name: t("authoring.publish.action.button"), exact: true }).click();
  await expect(page.getByRole("status")).toHaveText(t("authoring.publish.published", { number: 1 }), { timeout: 30_000 });
  await signOutWhenIdle(page);
});
