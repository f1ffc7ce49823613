import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { changePassword, logIn, signUp } from "~/auth/accounts.server.ts";
import { confirmEmail, isConfirmationTokenUsable } from "~/auth/email-confirmation.server.ts";
import { createInvitation } from "~/auth/invitations.server.ts";
import { createResetLinkForPerson, requestPasswordReset, resetPassword } from "~/auth/password-reset.server.ts";
import { getCurrentUser } from "~/auth/guards.server.ts";
import { listPeople } from "~/cities/people.server.ts";
import { setClockOffset } from "~/clock.server.ts";
import { db } from "~/db.server.ts";
import { createUser, sessionCookie, TEST_PASSWORD } from "../support/factories.ts";

async function departmentOf(slug: string) {
  const city = await db().city.findUniqueOrThrow({ where: { slug }, select: { departments: { select: { id: true }, take: 1 } } });
  return city.departments[0]!.id;
}

async function signupInput(overrides: Record<string, string> = {}) {
  return {
    name: "Ana Pérez",
    email: `ana.${Math.random().toString(36).slice(2)}@madrid.example`,
    password: "una frase larga y segura",
    city: "madrid",
    department: await departmentOf("madrid"),
    locale: "es" as const,
    privacy: "on" as const,
    ...overrides,
  };
}

async function adminOf(city: string) {
  const admin = await createUser({ city, roles: ["CITY_ADMIN"] });
  const request = new Request("http://localhost/", { headers: { Cookie: await sessionCookie(admin.id) } });
  return (await getCurrentUser(request))!;
}

function outboxMessages(): Array<{ to: string; subject: string; text: string }> {
  const dir = process.env.OUTBOX_DIR!;
  return readdirSync(dir).map((file) => JSON.parse(readFileSync(path.join(dir, file), "utf8")));
}

describe("sign-up", () => {
  it("creates an account with an address of the city's domain", async () => {
    const input = await signupInput();
    const result = await signUp(input, "10.0.0.1");
    expect(result.ok).toBe(true);
    const user = await db().user.findUnique({
      where: { email: input.email },
      select: { name: true, city: { select: { slug: true } } },
    });
    expect(user).toEqual({ name: "Ana Pérez", city: { slug: "madrid" } });
  });

  it("refuses an address outside the city's domains and saves nothing", async () => {
    const input = await signupInput({ email: "ana@gmail.com" });
    const result = await signUp(input, "10.0.0.2");
    expect(result).toMatchObject({ ok: false, fieldErrors: { email: "validation.emailDomain" } });
    expect(await db().user.count({ where: { email: "ana@gmail.com" } })).toBe(0);
  });

  it("refuses a department of another city", async () => {
    const result = await signUp(await signupInput({ department: await departmentOf("bogota") }), "10.0.0.3");
    expect(result).toMatchObject({ ok: false, fieldErrors: { department: "validation.department" } });
  });

  it("refuses a duplicate email, whatever its case", async () => {
    const first = await signupInput();
    expect((await signUp(first, "10.0.0.4")).ok).toBe(true);
    // The form lower-cases addresses before they reach here; the unique index does the rest.
    const again = await signUp({ ...(await signupInput()), email: first.email }, "10.0.0.4");
    expect(again).toMatchObject({ ok: false, fieldErrors: { email: "validation.emailTaken" } });
    expect(await db().user.count({ where: { email: first.email } })).toBe(1);
  });

  it("throttles many sign-ups from one address", async () => {
    let last;
    for (let attempt = 0; attempt < 21; attempt += 1)
      last = await signUp(await signupInput({ email: "x@gmail.com" }), "10.9.9.9");
    expect(last).toMatchObject({ ok: false, formError: { key: "auth.throttled" } });
  });
});

describe("invitations", () => {
  it("lets an invited person outside the city's domains join with the invited role, once", async () => {
    const admin = await adminOf("madrid");
    const created = await createInvitation(admin, { role: "TRAINER", department: await departmentOf("madrid"), email: "" });
    if (!created.ok) throw new Error("invitation not created");
    const token = new URL(created.link).searchParams.get("invitation")!;
    const base = {
      name: "Invitada",
      password: "otra frase larga",
      locale: "pt" as const,
      privacy: "on" as const,
      invitation: token,
    };

    const accepted = await signUp({ ...base, email: "invitada@gmail.com" }, "10.1.0.1");
    expect(accepted.ok).toBe(true);
    const user = await db().user.findUniqueOrThrow({
      where: { email: "invitada@gmail.com" },
      select: { cityId: true, roleGrants: { select: { role: true } } },
    });
    expect(user.cityId).toBe(admin.city.id);
    expect(user.roleGrants).toEqual([{ role: "TRAINER" }]);

    const reused = await signUp({ ...base, email: "otra@gmail.com" }, "10.1.0.1");
    expect(reused).toMatchObject({ ok: false, formError: { key: "invitation.invalid" } });
    expect(await db().user.count({ where: { email: "otra@gmail.com" } })).toBe(0);
  });

  it("refuses an expired invitation and one meant for another address", async () => {
    const admin = await adminOf("madrid");
    const forSomeone = await createInvitation(admin, { role: "LEARNER", email: "elegida@gmail.com" });
    if (!forSomeone.ok) throw new Error("invitation not created");
    const token = new URL(forSomeone.link).searchParams.get("invitation")!;
    const base = {
      name: "Persona",
      password: "otra frase larga",
      locale: "es" as const,
      privacy: "on" as const,
      invitation: token,
    };
    expect(await signUp({ ...base, email: "intrusa@gmail.com" }, "10.1.0.2")).toMatchObject({
      ok: false,
      fieldErrors: { email: "validation.invitationEmail" },
    });

    setClockOffset(15 * 86_400_000);
    try {
      expect(await signUp({ ...base, email: "elegida@gmail.com" }, "10.1.0.2")).toMatchObject({
        ok: false,
        formError: { key: "invitation.invalid" },
      });
    } finally {
      setClockOffset(0);
    }
  });

  it("refuses a department of another city in an invitation", async () => {
    const admin = await adminOf("madrid");
    expect(await createInvitation(admin, { role: "LEARNER", department: await departmentOf("bogota") })).toEqual({
      ok: false,
      field: "department",
    });
  });
});

describe("email confirmation", () => {
  function confirmationToken(email: string): string {
    const mail = outboxMessages()
      .filter((message) => message.to === email && message.text.includes("/confirm-email/"))
      .at(-1)!;
    return mail.text.match(/confirm-email\/([\w-]+)/)![1]!;
  }

  it("keeps a self-registered account closed until the emailed link is used, once", async () => {
    const input = await signupInput({ locale: "en" });
    expect((await signUp(input, "10.5.0.1")).ok).toBe(true);
    const mail = outboxMessages().find((message) => message.to === input.email)!;
    expect(mail.subject).toBe("Aula IA: confirm your email address");

    expect(await logIn({ email: input.email, password: input.password }, "10.5.0.1")).toMatchObject({
      ok: false,
      formError: { key: "auth.emailNotConfirmed" },
    });
    // Logging in before confirming sends a fresh link; either one works, but only once.
    const token = confirmationToken(input.email);
    expect(await isConfirmationTokenUsable(token)).toBe(true);
    const user = await db().user.findUniqueOrThrow({ where: { email: input.email }, select: { id: true } });
    expect(await confirmEmail(token)).toBe(user.id);
    expect(await confirmEmail(token)).toBeNull();
    expect(await logIn({ email: input.email, password: input.password }, "10.5.0.1")).toMatchObject({ ok: true });
  });

  it("refuses an expired link, and a wrong password learns nothing about confirmation", async () => {
    const input = await signupInput();
    await signUp(input, "10.5.0.2");
    const token = confirmationToken(input.email);
    expect(await logIn({ email: input.email, password: "not the password" }, "10.5.0.2")).toMatchObject({
      formError: { key: "auth.invalidCredentials" },
    });
    setClockOffset(49 * 3_600_000);
    try {
      expect(await confirmEmail(token)).toBeNull();
    } finally {
      setClockOffset(0);
    }
    expect((await db().user.findUniqueOrThrow({ where: { email: input.email } })).emailConfirmedAt).toBeNull();
  });

  it("lets the address's owner take back an account someone else opened with it, by resetting the password", async () => {
    const input = await signupInput();
    await signUp(input, "10.5.0.4");
    await requestPasswordReset(input.email, "10.5.0.4");
    const token = outboxMessages()
      .filter((message) => message.to === input.email)
      .at(-1)!
      .text.match(/reset-password\/([\w-]+)/)![1]!;
    const confirmation = confirmationToken(input.email);
    expect(await resetPassword(token, "la frase de la dueña real")).toBe(true);
    // The confirmation link would sign in without a password: it is used up too.
    expect(await isConfirmationTokenUsable(confirmation)).toBe(false);
    expect(await logIn({ email: input.email, password: input.password }, "10.5.0.4")).toMatchObject({ ok: false });
    expect(await logIn({ email: input.email, password: "la frase de la dueña real" }, "10.5.0.4")).toMatchObject({ ok: true });
  });

  it("does not flood an inbox when someone keeps logging in unconfirmed", async () => {
    const input = await signupInput();
    await signUp(input, "10.5.0.3");
    const results = [];
    for (let attempt = 0; attempt < 10; attempt += 1)
      results.push(await logIn({ email: input.email, password: input.password }, "10.5.0.3"));
    expect(outboxMessages().filter((message) => message.to === input.email)).toHaveLength(5);
    // The message only says a new link was sent when one was.
    expect(results.slice(0, 4).every((result) => !result.ok && result.formError?.key === "auth.emailNotConfirmed")).toBe(true);
    expect(results.slice(4).every((result) => !result.ok && result.formError?.key === "auth.emailNotConfirmedWait")).toBe(true);
  });
});

describe("login", () => {
  it("accepts the right password and refuses a wrong one with the same message as an unknown account", async () => {
    const user = await createUser();
    expect(await logIn({ email: user.email, password: TEST_PASSWORD }, "10.2.0.1")).toMatchObject({ ok: true, userId: user.id });
    const wrong = await logIn({ email: user.email, password: "not the password" }, "10.2.0.1");
    const unknown = await logIn({ email: "nobody@madrid.example", password: "not the password" }, "10.2.0.1");
    expect(wrong).toEqual(unknown);
    expect(wrong).toMatchObject({ ok: false, formError: { key: "auth.invalidCredentials" } });
  });

  it("blocks an account after repeated failures, even with the right password, until the window passes", async () => {
    const user = await createUser();
    for (let attempt = 0; attempt < 8; attempt += 1)
      await logIn({ email: user.email, password: "wrong password" }, `10.3.0.${attempt}`);
    expect(await logIn({ email: user.email, password: TEST_PASSWORD }, "10.3.1.1")).toMatchObject({
      ok: false,
      formError: { key: "auth.throttled" },
    });
    setClockOffset(16 * 60_000);
    try {
      expect(await logIn({ email: user.email, password: TEST_PASSWORD }, "10.3.1.1")).toMatchObject({ ok: true });
    } finally {
      setClockOffset(0);
    }
  });

  it("lets no more than the limit of simultaneous guesses through", async () => {
    const user = await createUser();
    const results = await Promise.all(
      Array.from({ length: 14 }, (_, attempt) => logIn({ email: user.email, password: `guess ${attempt}` }, `10.3.2.${attempt}`)),
    );
    const checked = results.filter((result) => !result.ok && result.formError?.key === "auth.invalidCredentials");
    expect(checked).toHaveLength(8);
    expect(results.filter((result) => !result.ok && result.formError?.key === "auth.throttled")).toHaveLength(6);
  });

  it("does not count successful logins against an office's shared address", async () => {
    const colleagues = await Promise.all(Array.from({ length: 3 }, () => createUser()));
    for (let round = 0; round < 15; round += 1)
      for (const colleague of colleagues)
        expect(await logIn({ email: colleague.email, password: TEST_PASSWORD }, "10.3.3.1")).toMatchObject({ ok: true });
  });
});

describe("password reset", () => {
  it("emails a one-time link that sets a new password and ends other sessions", async () => {
    const user = await createUser({ locale: "pt" });
    await db().session.create({ data: { id: "old-session", userId: user.id, expiresAt: new Date(Date.now() + 3_600_000) } });
    await requestPasswordReset(user.email, "10.4.0.1");
    const mail = outboxMessages().find((message) => message.to === user.email)!;
    expect(mail.subject).toContain("senha");
    const token = mail.text.match(/reset-password\/([\w-]+)/)![1]!;

    expect(await resetPassword(token, "nova frase bem longa")).toBe(true);
    expect(await logIn({ email: user.email, password: "nova frase bem longa" }, "10.4.0.1")).toMatchObject({ ok: true });
    expect(await db().session.count({ where: { id: "old-session" } })).toBe(0);
    expect(await resetPassword(token, "outra frase bem longa")).toBe(false);
  });

  it("a reset or a password change uses up every other link sent before it", async () => {
    const user = await createUser();
    await requestPasswordReset(user.email, "10.4.1.1");
    await requestPasswordReset(user.email, "10.4.1.1");
    await requestPasswordReset(user.email, "10.4.1.1");
    const [first, second, third] = outboxMessages()
      .filter((message) => message.to === user.email)
      .map((message) => message.text.match(/reset-password\/([\w-]+)/)![1]!);
    expect(await resetPassword(first!, "una frase nueva y larga")).toBe(true);
    expect(await resetPassword(second!, "otra frase del atacante")).toBe(false);

    await changePassword(user.id, {
      currentPassword: "una frase nueva y larga",
      password: "la tercera frase larga",
      confirm: "la tercera frase larga",
    });
    expect(await resetPassword(third!, "otra frase del atacante")).toBe(false);
    expect(await logIn({ email: user.email, password: "la tercera frase larga" }, "10.4.1.2")).toMatchObject({ ok: true });
  });

  it("sends nothing for an unknown address, and refuses an expired link", async () => {
    const before = outboxMessages().length;
    await requestPasswordReset("nobody@madrid.example", "10.4.0.2");
    expect(outboxMessages().length).toBe(before);

    const user = await createUser();
    await requestPasswordReset(user.email, "10.4.0.3");
    const token = outboxMessages()
      .find((message) => message.to === user.email)!
      .text.match(/reset-password\/([\w-]+)/)![1]!;
    setClockOffset(61 * 60_000);
    try {
      expect(await resetPassword(token, "nueva frase larga")).toBe(false);
    } finally {
      setClockOffset(0);
    }
  });
});

describe("tenant isolation", () => {
  it("a city admin sees and acts on only their own city's people", async () => {
    const madridAdmin = await adminOf("madrid");
    const paulista = await createUser({ city: "sao-paulo", name: "Paulista Única" });
    const people = await listPeople(madridAdmin.city.id);
    expect(people.some((person) => person.name === "Paulista Única")).toBe(false);
    expect(await createResetLinkForPerson(madridAdmin, paulista.id)).toEqual({ outcome: "not-found" });
    const madrileno = await createUser({ city: "madrid" });
    expect(await createResetLinkForPerson(madridAdmin, madrileno.id)).toMatchObject({
      outcome: "created",
      link: expect.stringContaining("/reset-password/"),
    });
    expect(await db().auditLog.count({ where: { action: "password-reset.create", targetId: madrileno.id } })).toBe(1);
  });

  it("a city admin cannot take over another administrator or someone with a role they lack", async () => {
    const madridAdmin = await adminOf("madrid");
    const otherAdmin = await createUser({ city: "madrid", roles: ["CITY_ADMIN"] });
    const networkAdmin = await createUser({ city: "madrid", roles: ["NETWORK_ADMIN"] });
    const hrPerson = await createUser({ city: "madrid", roles: ["HR"] });
    for (const person of [otherAdmin, networkAdmin, hrPerson])
      expect(await createResetLinkForPerson(madridAdmin, person.id)).toEqual({ outcome: "refused" });
    expect(await db().passwordReset.count({ where: { userId: { in: [otherAdmin.id, networkAdmin.id, hrPerson.id] } } })).toBe(0);
  });
});
