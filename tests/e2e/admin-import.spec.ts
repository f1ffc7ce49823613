import { expect, test } from "./fixtures.ts";
import { expectAccessible, logIn } from "./support.ts";

test.use({ locale: "es-ES" });

test("a city admin imports staff: the sample, a dry run with a refused row, the fix, the apply", async ({ page }) => {
  await logIn(page, "admin@madrid.example");
  await page.waitForURL((url) => url.pathname === "/");
  await page.goto("/admin/import");
  await expect(page.getByRole("heading", { level: 1, name: /Importar personal de Madrid/ })).toBeVisible();
  await expectAccessible(page);

  // The sample file uses the city's own departments; the admin builds their file from it.
  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "Descargar un CSV de ejemplo" }).click();
  const sample = await (await downloading).createReadStream();
  const chunks: Buffer[] = [];
  for await (const chunk of sample) chunks.push(Buffer.from(chunk));
  const tag = Date.now().toString(36);
  const text = Buffer.concat(chunks)
    .toString("utf8")
    .replace("ana.perez@", `ana.perez.${tag}@`)
    .replace("bruno.lima@", `bruno.lima.${tag}@`)
    .replace(/E-100(\d)/g, `E-${tag}-$1`);
  expect(text).toContain("nombre;correo;departamento");

  // A first try with Bruno's address outside the city's domains: his row is refused, with its row and column.
  const upload = async (content: string) => {
    await page
      .getByLabel("Archivo CSV del personal")
      .setInputFiles({ name: "personal.csv", mimeType: "text/csv", buffer: Buffer.from(content) });
    await page.getByRole("button", { name: "Probar sin guardar" }).click();
  };
  await upload(text.replace(`bruno.lima.${tag}@madrid.es`, `bruno.lima.${tag}@gmail.com`));
  const refused = page.getByRole("region", { name: "Filas con errores" });
  await expect(refused.getByRole("row").filter({ hasText: "no es de un dominio de correo de la ciudad" })).toContainText("3");
  await expect(refused.getByRole("row").nth(1)).toContainText("Correo");
  await expect(page.getByText("1 persona nueva", { exact: true })).toBeVisible();
  await expect(page.getByRole("button", { name: "Aplicar la importación" })).toHaveCount(0);
  await expectAccessible(page);

  // Fixed (Bruno's city address), the dry run is clean and can be applied, his trainer role included.
  await upload(text);
  await expect(page.getByText("Sin errores. Revisa el resultado y aplica la importación.")).toBeVisible();
  await expect(page.getByText("2 personas nuevas", { exact: true })).toBeVisible();
  const created = page.getByRole("region", { name: "Personas nuevas" });
  await expect(created).toContainText(`bruno.lima.${tag}@madrid.es`);
  await page.getByRole("button", { name: "Aplicar la importación" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Importación aplicada: 2 personas nuevas" })).toBeVisible();
  await expectAccessible(page);

  // The same file again changes nothing.
  await page.goto("/admin/import");
  await upload(text);
  await expect(page.getByText("El archivo no cambia nada: todas las personas están ya como dice.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Aplicar la importación" })).toHaveCount(0);
});
