import { expect, test } from "./fixtures.ts";
import { confirmEmail, expectAccessible, lastMailTo, logIn } from "./support.ts";

test.use({ locale: "es-ES" });

test("a new public servant signs up, reaches the dashboard, logs out and logs back in", async ({ page }) => {
  const email = `marta.${Date.now()}@madrid.example`;
  await page.goto("/");
  await expectAccessible(page);
  await page.getByRole("link", { name: "Crear mi cuenta" }).click();
  await expect(page).toHaveTitle(/Crear cuenta/);
  await expectAccessible(page);

  // Sign-up asks no password; a first try with mistakes shows the errors next to the fields.
  await expect(page.getByLabel("Contraseña")).toHaveCount(0);
  await page.getByLabel("Nombre y apellidos").fill("Marta\u202e Núñez");
  await page.getByLabel("Correo electrónico").fill("marta@gmail.com");
  await page.getByRole("button", { name: "Crear mi cuenta" }).click();
  await expect(page.getByText("Escribe el nombre solo con letras").first()).toBeVisible();
  await expect(page.getByText("Debes aceptar el aviso de privacidad").first()).toBeVisible();
  await expectAccessible(page);

  await page.getByLabel("Nombre y apellidos").fill("Marta Núñez");
  await page.getByLabel("Correo electrónico").fill(email);
  await page.getByLabel("Ciudad").selectOption({ label: "Madrid" });
  await page.getByLabel("Área o dependencia").selectOption({ label: "Servicios Sociales" });
  await page.getByLabel(/He leído el aviso de privacidad/).check();
  await page.getByRole("button", { name: "Crear mi cuenta" }).click();

  // The account opens once the owner of the address chooses the password from the emailed link.
  await expect(page.getByRole("heading", { name: "Revisa tu correo" })).toBeVisible();
  await expectAccessible(page);
  await confirmEmail(page, email, { scan: true, password: "mi frase de acceso segura" });
  await expect(page.getByRole("heading", { name: "Hola, Marta Núñez" })).toBeVisible();
  await expect(page.getByRole("banner")).toContainText("Madrid");
  // The header takes the city's colours (Madrid: #7a1d2e), also after a client-side navigation.
  await expect(page.getByRole("banner")).toHaveCSS("background-color", "rgb(122, 29, 46)");
  await expectAccessible(page);

  await page.getByRole("button", { name: "Cerrar sesión" }).click();
  await expect(page.getByText("Has cerrado la sesión.")).toBeVisible();
  await logIn(page, email, "mi frase de acceso segura");
  await expect(page.getByRole("heading", { name: "Hola, Marta Núñez" })).toBeVisible();
});

test("a wrong password gives a clear message that does not reveal the account", async ({ page }) => {
  await logIn(page, "ana.garcia@madrid.example", "not the password");
  await expect(page.getByRole("alert")).toHaveText("El correo o la contraseña no son correctos.");
  await expectAccessible(page);
});

test("a forgotten password is reset by a one-time link", async ({ page }) => {
  await page.goto("/forgot-password");
  await expectAccessible(page);
  await page.getByLabel("Correo electrónico").fill("camilo.rojas@bogota.example");
  await page.getByRole("button", { name: "Enviar el enlace" }).click();
  await expect(page.getByRole("status")).toContainText("Si el correo corresponde a una cuenta");

  // The email is written just after the answer.
  let link: string | undefined;
  await expect
    .poll(() => (link = lastMailTo("camilo.rojas@bogota.example")?.text.match(/https?:\/\/\S+\/reset-password\/\S+/)?.[0]))
    .toBeTruthy();
  await page.goto(new URL(link!).pathname);
  await expectAccessible(page);
  await page.getByLabel("Nueva contraseña").fill("nueva frase de acceso");
  await page.getByLabel("Repite la contraseña").fill("nueva frase de acceso");
  await page.getByRole("button", { name: "Guardar la contraseña" }).click();
  await expect(page.getByText("Contraseña cambiada. Ya puedes iniciar sesión.")).toBeVisible();

  await logIn(page, "camilo.rojas@bogota.example", "nueva frase de acceso");
  await expect(page.getByRole("heading", { name: "Hola, Camilo Rojas" })).toBeVisible();

  // The same link does not work twice.
  await page.goto(new URL(link!).pathname);
  await expect(page.getByRole("alert")).toContainText("Este enlace no es válido");
});

test("a city admin invites a trainer who joins with an address outside the city's domain", async ({ page, browser }) => {
  await logIn(page, "admin@sao-paulo.example");
  await page.getByRole("navigation").getByRole("link", { name: "Convites" }).click();
  await expectAccessible(page);
  await page.getByLabel("Função").selectOption({ label: "Formador(a)" });
  await page.getByRole("button", { name: "Criar convite" }).click();
  const link = await page.locator("p.font-mono").innerText();
  await expectAccessible(page);

  const guestContext = await browser.newContext({ locale: "pt-BR" });
  const guest = await guestContext.newPage();
  await guest.goto(new URL(link).pathname + new URL(link).search);
  await expect(guest.getByText("Você foi convidado(a) para São Paulo")).toBeVisible();
  await expectAccessible(guest);
  await guest.getByLabel("Nome completo").fill("Rafael Souza");
  const rafael = `rafael.${Date.now()}@gmail.com`;
  await guest.getByLabel("E-mail").fill(rafael);
  await guest.getByLabel(/Li o aviso de privacidade/).check();
  await guest.getByRole("button", { name: "Criar minha conta" }).click();
  await expect(guest.getByRole("heading", { name: "Confira seu e-mail" })).toBeVisible();
  await confirmEmail(guest, rafael, { password: "uma frase bem comprida" });
  await expect(guest.getByRole("heading", { name: "Olá, Rafael Souza" })).toBeVisible();
  await expect(guest.getByText("Formador(a)")).toBeVisible();
  await guestContext.close();
});

test("pages are usable at 320 px wide without horizontal scrolling", async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 640 });
  for (const path of ["/", "/login", "/signup"]) {
    await page.goto(path);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, path).toBeLessThanOrEqual(0);
  }
});

test("a city admin sees the city's people and makes a reset link only for those they may", async ({ page, browser }) => {
  await logIn(page, "admin@madrid.example");
  await page.getByRole("link", { name: "Personas", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Personas de Madrid" })).toBeVisible();
  await expectAccessible(page);
  // Nobody of another city is listed, and other administrators get no link.
  await expect(page.getByText("joao.silva@sao-paulo.example")).toHaveCount(0);
  // The list is paged: the admin searches for each person.
  const search = async (query: string) => {
    await page.getByLabel("Nombre o correo").fill(query);
    await page.getByRole("button", { name: "Buscar", exact: true }).click();
  };
  await search("red@madrid.example");
  const networkAdminRow = page.getByRole("row").filter({ hasText: "red@madrid.example" });
  await expect(networkAdminRow).toBeVisible();
  await expect(networkAdminRow.getByRole("button")).toHaveCount(0);

  await search("ana garcia");
  await page.getByRole("button", { name: "Generar enlace de contraseña: Ana García Ruiz" }).click();
  const status = page.getByRole("status").filter({ hasText: "Enlace para Ana García Ruiz" });
  await expect(status).toBeVisible();
  await expectAccessible(page);
  const link = (await status.textContent())?.match(/https?:\/\/\S+\/reset-password\/[\w-]+/)?.[0];
  expect(link).toBeTruthy();
  // The link opens the reset form (not used here: Ana's demo password stays as it is).
  const other = await browser.newContext({ locale: "es-ES" });
  const visitor = await other.newPage();
  await visitor.goto(new URL(link!).pathname);
  await expect(visitor.getByLabel("Nueva contraseña")).toBeVisible();
  await other.close();
});
