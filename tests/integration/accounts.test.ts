import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { changePassword, logIn, signUp } from "~/auth/accounts.server.ts";
import { confirmEmail, isConfirmationTokenUsable } from "~/auth/email-confirmation.server.ts";
import { createInvitation, findUsableInvitation } from "~/auth/invitations.server.ts";
import { createResetLinkForPerson, requestPasswordReset, resetPassword } from "~/auth/password-reset.server.ts";
import { getCurrentUser } from "~/auth/guards.server.ts";
import { listPeople } from "~/people/staff.server.ts";
import { setClockOffset } from "~/clock.server.ts";
import { db } from "~/db.server.ts";
import { pseudonymFor } from "~/audit/audit.server.ts";
import { backgroundTasksPending, backgroundWorkDone } from "~/http/after-response.server.ts";
import { passwordCheckIpKey } from "~/security/throttle.server.ts";
import { createUser, sessionCookie, TEST_PASSWORD } from "../support/factories.ts";

async function departmentOf(slug: string) {
  const city = await db().city.findUniqueOrThrow({ where: { slug }, select: { departments: { select: { id: true }, take: 1 } } });
  return city.departments[0]!.id;
}

async function signupInput(overrides: Record<string, string> = {}) {
  return {
    name: "Ana Pérez",
    email: `ana.${Math.random().toString(36).slice(2)}@madrid.example`,
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

const mailsTo = (email: string) => outboxMessages().filter((message) => message.to === email);

function linkToken(email: string, kind: "confirm-email" | "reset-password"): string {
  const mail = mailsTo(email)
    .filter((message) => message.text.includes(`/${kind}/`))
    .at(-1)!;
  return mail.text.match(new RegExp(`${kind}/([\\w-]+)`))![1]!;
}

/** Signs up and waits for the work done after the answer (the account and its email). */
async function signUpAndSettle(input: Parameters<typeof signUp>[0], ip: string) {
  const result = await signUp(input, ip);
  await backgroundWorkDone();
  return result;
}

async function requestResetAndSettle(email: string, ip: string) {
  const result = await requestPasswordReset(email, ip);
  await backgroundWorkDone();
  return result;
}

describe("sign-up", () => {
  it("creates a closed account, without a password, with an address of the city's domain", async () => {
    const input = await signupInput();
    expect(await signUpAndSettle(input, "10.0.0.1")).toEqual({ ok: true });
    const user = await db().user.findUnique({
      where: { email: input.email },
      select: { name: true, city: { select: { slug: true } }, emailConfirmedAt: true, password: true },
    });
    expect(user).toEqual({ name: "Ana Pérez", city: { slug: "madrid" }, emailConfirmedAt: null, password: null });
  });

  it("refuses an address outside the city's domains and saves nothing", async () => {
    const input = await signupInput({ email: "ana@gmail.com" });
    const result = await signUpAndSettle(input, "10.0.0.2");
    expect(result).toMatchObject({ ok: false, fieldErrors: { email: "validation.emailDomain" } });
    expect(await db().user.count({ where: { email: "ana@gmail.com" } })).toBe(0);
  });

  it("refuses a department of another city", async () => {
    const result = await signUpAndSettle(await signupInput({ department: await departmentOf("bogota") }), "10.0.0.3");
    expect(result).toMatchObject({ ok: false, fieldErrors: { department: "validation.department" } });
  });

  it("answers an existing address as a new one, and tells its owner by email instead", async () => {
    const owner = await createUser({ name: "Dueña Real", locale: "en" });
    const fresh = await signupInput();
    const answers = [];
    for (const input of [{ ...(await signupInput()), email: owner.email, name: "Otra Persona" }, fresh]) {
      const sent = outboxMessages().length;
      answers.push(await signUp(input, "10.0.0.4"));
      // Nothing is written or sent before the answer, for either address.
      expect(outboxMessages().length).toBe(sent);
      expect(backgroundTasksPending()).toBe(1);
      await backgroundWorkDone();
    }
    expect(answers[0]).toEqual(answers[1]);

    const notice = mailsTo(owner.email);
    expect(notice).toHaveLength(1);
    expect(notice[0]!.subject).toBe("Aula IA: someone tried to sign up with your email address");
    expect(notice[0]!.text).toContain("http://localhost:3000/forgot-password");
    expect(notice[0]!.text).not.toContain("/confirm-email/");
    expect(await db().user.findUniqueOrThrow({ where: { email: owner.email }, select: { name: true } })).toEqual({
      name: "Dueña Real",
    });
    expect(await logIn({ email: owner.email, password: TEST_PASSWORD }, "10.0.0.4")).toMatchObject({ ok: true });
    expect(mailsTo(fresh.email)[0]!.text).toContain("/confirm-email/");
  });

  it("sends a fresh link when an address signs up again before confirming, and does not flood the inbox", async () => {
    const input = await signupInput();
    for (let attempt = 0; attempt < 8; attempt += 1) await signUpAndSettle(input, "10.0.0.5");
    expect(await db().user.count({ where: { email: input.email } })).toBe(1);
    expect(mailsTo(input.email).every((message) => message.text.includes("/confirm-email/"))).toBe(true);
    expect(mailsTo(input.email)).toHaveLength(5);
  });

  it("throttles many sign-ups from one address", async () => {
    let last;
    for (let attempt = 0; attempt < 21; attempt += 1)
      last = await signUpAndSettle(await signupInput({ email: "x@gmail.com" }), "10.9.9.9");
    expect(last).toMatchObject({ ok: false, formError: { key: "auth.throttled", params: { count: expect.any(Number) } } });
  });
});

describe("invitations", () => {
  it("lets an invited person outside the city's domains join with the invited role, once", async () => {
    const admin = await adminOf("madrid");
    const created = await createInvitation(admin, { role: "TRAINER", department: await departmentOf("madrid"), email: "" });
    if (!created.ok) throw new Error("invitation not created");
    const token = new URL(created.link).searchParams.get("invitation")!;
    const base = { name: "Invitada", locale: "pt" as const, privacy: "on" as const, invitation: token };

    const accepted = await signUpAndSettle({ ...base, email: "invitada@gmail.com" }, "10.1.0.1");
    expect(accepted.ok).toBe(true);
    const user = await db().user.findUniqueOrThrow({
      where: { email: "invitada@gmail.com" },
      select: { id: true, cityId: true, roleGrants: { select: { role: true } } },
    });
    expect(user.cityId).toBe(admin.city.id);
    expect(user.roleGrants).toEqual([{ role: "TRAINER" }]);
    // Invited people choose their password from the confirmation link too.
    const confirmed = await confirmEmail(linkToken("invitada@gmail.com", "confirm-email"), "uma frase bem comprida", "10.1.0.1");
    expect(confirmed).toEqual({ outcome: "confirmed", userId: user.id });

    const reused = await signUpAndSettle({ ...base, email: "otra@gmail.com" }, "10.1.0.1");
    expect(reused).toMatchObject({ ok: false, formError: { key: "invitation.invalid" } });
    expect(await db().user.count({ where: { email: "otra@gmail.com" } })).toBe(0);
  });

  it("refuses an expired invitation and one meant for another address", async () => {
    const admin = await adminOf("madrid");
    const forSomeone = await createInvitation(admin, { role: "LEARNER", email: "elegida@gmail.com" });
    if (!forSomeone.ok) throw new Error("invitation not created");
    const token = new URL(forSomeone.link).searchParams.get("invitation")!;
    const base = { name: "Persona", locale: "es" as const, privacy: "on" as const, invitation: token };
    expect(await signUpAndSettle({ ...base, email: "intrusa@gmail.com" }, "10.1.0.2")).toMatchObject({
      ok: false,
      fieldErrors: { email: "validation.invitationEmail" },
    });

    setClockOffset(15 * 86_400_000);
    try {
      expect(await signUpAndSettle({ ...base, email: "elegida@gmail.com" }, "10.1.0.2")).toMatchObject({
        ok: false,
        formError: { key: "invitation.invalid" },
      });
    } finally {
      setClockOffset(0);
    }
  });

  it("does not use up an invitation on an address that already has an account", async () => {
    const admin = await adminOf("madrid");
    const owner = await createUser();
    const created = await createInvitation(admin, { role: "HR" });
    if (!created.ok) throw new Error("invitation not created");
    const token = new URL(created.link).searchParams.get("invitation")!;
    const input = { name: "Persona", locale: "es" as const, privacy: "on" as const, invitation: token, email: owner.email };
    expect(await signUpAndSettle(input, "10.1.0.3")).toEqual({ ok: true });
    expect(await db().roleGrant.count({ where: { userId: owner.id } })).toBe(0);
    expect(await findUsableInvitation(token)).not.toBeNull();
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
  it("opens the account only with the password its owner chooses from the emailed link, once", async () => {
    const input = await signupInput({ locale: "en" });
    await signUpAndSettle(input, "10.5.0.1");
    expect(mailsTo(input.email)[0]!.subject).toBe("Aula IA: confirm your email address");
    // Before confirming there is no password at all: nothing opens the account.
    expect(await logIn({ email: input.email, password: "any password at all" }, "10.5.0.1")).toMatchObject({
      formError: { key: "auth.invalidCredentials" },
    });
    const token = linkToken(input.email, "confirm-email");
    expect(await isConfirmationTokenUsable(token)).toBe(true);
    const user = await db().user.findUniqueOrThrow({ where: { email: input.email }, select: { id: true } });
    expect(await confirmEmail(token, "la frase de la dueña", "10.5.0.1")).toEqual({ outcome: "confirmed", userId: user.id });
    expect(await confirmEmail(token, "otra frase cualquiera", "10.5.0.1")).toEqual({ outcome: "invalid" });
    expect(await logIn({ email: input.email, password: "la frase de la dueña" }, "10.5.0.1")).toMatchObject({ ok: true });
    expect(await logIn({ email: input.email, password: "otra frase cualquiera" }, "10.5.0.1")).toMatchObject({ ok: false });
  });

  it("a stranger who signed up with someone's address cannot open the account the owner confirms", async () => {
    // An account made before sign-up stopped asking for a password: the stranger's is stored.
    const victim = await createUser();
    await db().user.update({ where: { id: victim.id }, data: { emailConfirmedAt: null } });
    expect(await logIn({ email: victim.email, password: TEST_PASSWORD }, "10.5.0.2")).toMatchObject({
      formError: { key: "auth.invalidCredentials" },
    });
    // The owner signs up too (or logs in later): a fresh link comes to the address.
    await signUpAndSettle({ ...(await signupInput()), email: victim.email }, "10.5.0.2");
    const confirmed = await confirmEmail(linkToken(victim.email, "confirm-email"), "la frase de la dueña", "10.5.0.2");
    expect(confirmed).toMatchObject({ outcome: "confirmed" });
    expect(await logIn({ email: victim.email, password: TEST_PASSWORD }, "10.5.0.3")).toMatchObject({ ok: false });
    expect(await logIn({ email: victim.email, password: "la frase de la dueña" }, "10.5.0.2")).toMatchObject({ ok: true });
  });

  it("refuses a password holding the address's name and an expired link, and saves nothing", async () => {
    const input = await signupInput({ email: "marisol@madrid.example" });
    await signUpAndSettle(input, "10.5.0.4");
    const token = linkToken(input.email, "confirm-email");
    expect(await confirmEmail(token, "marisol es mi nombre", "10.5.0.4")).toEqual({
      outcome: "refused",
      fieldErrors: { password: "validation.passwordHasEmail" },
    });
    expect(await isConfirmationTokenUsable(token)).toBe(true);
    setClockOffset(49 * 3_600_000);
    try {
      expect(await confirmEmail(token, "una frase larga y buena", "10.5.0.4")).toEqual({ outcome: "invalid" });
    } finally {
      setClockOffset(0);
    }
    const user = await db().user.findUniqueOrThrow({
      where: { email: input.email },
      select: { emailConfirmedAt: true, password: true },
    });
    expect(user).toEqual({ emailConfirmedAt: null, password: null });
  });

  it("lets the address's owner take an unconfirmed account with a reset link, which uses up the confirmation link", async () => {
    const input = await signupInput();
    await signUpAndSettle(input, "10.5.0.5");
    await requestResetAndSettle(input.email, "10.5.0.5");
    const confirmation = linkToken(input.email, "confirm-email");
    expect(await resetPassword(linkToken(input.email, "reset-password"), "la frase de la dueña real", "10.5.0.5")).toEqual({
      outcome: "done",
    });
    expect(await isConfirmationTokenUsable(confirmation)).toBe(false);
    expect(await logIn({ email: input.email, password: "la frase de la dueña real" }, "10.5.0.5")).toMatchObject({ ok: true });
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

  it("stops a stranger's guesses from one address without locking the owner out", async () => {
    const user = await createUser();
    for (let attempt = 0; attempt < 8; attempt += 1) await logIn({ email: user.email, password: "wrong password" }, "10.3.0.1");
    // Even the right password is refused from the guessing address, with the minutes to wait…
    expect(await logIn({ email: user.email, password: TEST_PASSWORD }, "10.3.0.1")).toMatchObject({
      ok: false,
      formError: { key: "auth.loginThrottled", params: { count: 15 } },
    });
    // …while the owner, elsewhere, logs in as usual.
    expect(await logIn({ email: user.email, password: TEST_PASSWORD }, "10.3.0.2")).toMatchObject({ ok: true });
    setClockOffset(16 * 60_000);
    try {
      expect(await logIn({ email: user.email, password: TEST_PASSWORD }, "10.3.0.1")).toMatchObject({ ok: true });
    } finally {
      setClockOffset(0);
    }
  });

  it("limits guesses spread over many addresses, never at the owner's own, and a reset link lifts the limit", async () => {
    const user = await createUser();
    expect(await logIn({ email: user.email, password: TEST_PASSWORD }, "10.3.1.1")).toMatchObject({ ok: true });
    let refused = 0;
    for (let address = 0; address < 5; address += 1)
      for (let attempt = 0; attempt < 7; attempt += 1) {
        const result = await logIn({ email: user.email, password: `guess ${attempt}` }, `10.3.2.${address}`);
        if (!result.ok && result.formError?.key === "auth.loginThrottled") refused += 1;
      }
    // 30 guesses an hour for the account as a whole; the rest are refused unchecked.
    expect(refused).toBe(5);
    expect(await logIn({ email: user.email, password: TEST_PASSWORD }, "10.3.3.1")).toMatchObject({
      formError: { key: "auth.loginThrottled" },
    });
    // Where the owner logged in before, the stranger's guesses change nothing.
    expect(await logIn({ email: user.email, password: TEST_PASSWORD }, "10.3.1.1")).toMatchObject({ ok: true });
    // Elsewhere, a new password chosen through the emailed link opens the account again.
    await requestResetAndSettle(user.email, "10.3.3.1");
    expect(await resetPassword(linkToken(user.email, "reset-password"), "una frase nueva y larga", "10.3.3.1")).toEqual({
      outcome: "done",
    });
    expect(await logIn({ email: user.email, password: "una frase nueva y larga" }, "10.3.3.1")).toMatchObject({ ok: true });
  });

  it("lets no more than the limit of simultaneous guesses through", async () => {
    const user = await createUser();
    const results = await Promise.all(
      Array.from({ length: 14 }, (_, attempt) => logIn({ email: user.email, password: `guess ${attempt}` }, "10.3.4.1")),
    );
    const checked = results.filter((result) => !result.ok && result.formError?.key === "auth.invalidCredentials");
    expect(checked).toHaveLength(8);
    expect(results.filter((result) => !result.ok && result.formError?.key === "auth.loginThrottled")).toHaveLength(6);
  });

  it("does not count successful logins against an office's shared address", async () => {
    const colleagues = await Promise.all(Array.from({ length: 3 }, () => createUser()));
    for (let round = 0; round < 15; round += 1)
      for (const colleague of colleagues)
        expect(await logIn({ email: colleague.email, password: TEST_PASSWORD }, "10.3.5.1")).toMatchObject({ ok: true });
  });

  it("bounds the password checks one address may cause, right or wrong, known account or not", async () => {
    const user = await createUser();
    await db().throttle.create({ data: { key: passwordCheckIpKey("10.3.6.1"), count: 200, windowStart: new Date() } });
    for (const email of [user.email, "nobody@madrid.example"])
      expect(await logIn({ email, password: TEST_PASSWORD }, "10.3.6.1")).toMatchObject({
        ok: false,
        formError: { key: "auth.loginThrottled", params: { count: 15 } },
      });
    expect(await logIn({ email: user.email, password: TEST_PASSWORD }, "10.3.6.2")).toMatchObject({ ok: true });
  });
});

describe("profile password check", () => {
  const change = (password: string) => ({
    currentPassword: password,
    password: "una frase nueva y larga",
    confirm: "una frase nueva y larga",
  });

  it("stops a stolen session from guessing the current password", async () => {
    const user = await createUser();
    for (let attempt = 0; attempt < 5; attempt += 1)
      expect(await changePassword(user.id, change(`guess ${attempt}`), `10.6.0.${attempt}`)).toMatchObject({
        fieldErrors: { currentPassword: "validation.currentPassword" },
      });
    expect(await changePassword(user.id, change(TEST_PASSWORD), "10.6.1.1")).toMatchObject({
      ok: false,
      formError: { key: "auth.throttled", params: { count: 15 } },
    });
    expect(await logIn({ email: user.email, password: TEST_PASSWORD }, "10.6.1.1")).toMatchObject({ ok: true });
  });

  it("counts the check against the address too", async () => {
    const user = await createUser();
    await db().throttle.create({ data: { key: passwordCheckIpKey("10.6.2.1"), count: 200, windowStart: new Date() } });
    expect(await changePassword(user.id, change(TEST_PASSWORD), "10.6.2.1")).toMatchObject({
      formError: { key: "auth.throttled" },
    });
    expect(await changePassword(user.id, change(TEST_PASSWORD), "10.6.2.2")).toEqual({ ok: true });
  });
});

describe("password reset", () => {
  it("emails a one-time link that sets a new password and ends other sessions", async () => {
    const user = await createUser({ locale: "pt" });
    await db().session.create({ data: { id: "old-session", userId: user.id, expiresAt: new Date(Date.now() + 3_600_000) } });
    await requestResetAndSettle(user.email, "10.4.0.1");
    const mail = mailsTo(user.email)[0]!;
    expect(mail.subject).toContain("senha");
    const token = linkToken(user.email, "reset-password");

    expect(await resetPassword(token, "nova frase bem longa", "10.4.0.1")).toEqual({ outcome: "done" });
    expect(await logIn({ email: user.email, password: "nova frase bem longa" }, "10.4.0.1")).toMatchObject({ ok: true });
    expect(await db().session.count({ where: { id: "old-session" } })).toBe(0);
    expect(await resetPassword(token, "outra frase bem longa", "10.4.0.1")).toEqual({ outcome: "invalid" });
  });

  it("a reset or a password change uses up every other link sent before it", async () => {
    const user = await createUser();
    for (let request = 0; request < 3; request += 1) await requestResetAndSettle(user.email, "10.4.1.1");
    const [first, second, third] = mailsTo(user.email).map((message) => message.text.match(/reset-password\/([\w-]+)/)![1]!);
    expect(await resetPassword(first!, "una frase nueva y larga", "10.4.1.1")).toEqual({ outcome: "done" });
    expect(await resetPassword(second!, "otra frase del atacante", "10.4.1.1")).toEqual({ outcome: "invalid" });

    await changePassword(
      user.id,
      { currentPassword: "una frase nueva y larga", password: "la tercera frase larga", confirm: "la tercera frase larga" },
      "10.4.1.1",
    );
    expect(await resetPassword(third!, "otra frase del atacante", "10.4.1.1")).toEqual({ outcome: "invalid" });
    expect(await logIn({ email: user.email, password: "la tercera frase larga" }, "10.4.1.2")).toMatchObject({ ok: true });
  });

  it("answers an existing and an unknown address alike, before looking either up", async () => {
    const user = await createUser();
    const before = outboxMessages().length;
    const answers = [];
    for (const email of [user.email, "nobody@madrid.example"]) {
      const sent = outboxMessages().length;
      answers.push(await requestPasswordReset(email, "10.4.0.2"));
      // Nothing is written or sent before the answer: it is all left for afterwards.
      expect(outboxMessages().length).toBe(sent);
      expect(backgroundTasksPending()).toBe(1);
      await backgroundWorkDone();
    }
    expect(answers[0]).toEqual(answers[1]);
    expect(outboxMessages().length).toBe(before + 1);
    expect(mailsTo(user.email)).toHaveLength(1);
    expect(await db().passwordReset.count({ where: { userId: user.id } })).toBe(1);
  });

  it("refuses an expired link", async () => {
    const user = await createUser();
    await requestResetAndSettle(user.email, "10.4.0.3");
    setClockOffset(61 * 60_000);
    try {
      expect(await resetPassword(linkToken(user.email, "reset-password"), "nueva frase larga", "10.4.0.3")).toEqual({
        outcome: "invalid",
      });
    } finally {
      setClockOffset(0);
    }
  });

  it("looks a link up before hashing: made-up links cost no password work, and real ones are bounded", async () => {
    const user = await createUser();
    const made = Array.from({ length: 250 }, (_, index) =>
      resetPassword(`made-up-${index}`, "una frase larga cualquiera", "10.4.2.1"),
    );
    expect((await Promise.all(made)).every((result) => result.outcome === "invalid")).toBe(true);
    // None of them was counted as password work: the address may still use a real link.
    expect(await db().throttle.count({ where: { key: passwordCheckIpKey("10.4.2.1") } })).toBe(0);
    await requestResetAndSettle(user.email, "10.4.2.1");
    const token = linkToken(user.email, "reset-password");
    await db().throttle.create({ data: { key: passwordCheckIpKey("10.4.2.2"), count: 200, windowStart: new Date() } });
    expect(await resetPassword(token, "una frase nueva y larga", "10.4.2.2")).toEqual({ outcome: "throttled", minutes: 15 });
    expect(await resetPassword(token, "una frase nueva y larga", "10.4.2.1")).toEqual({ outcome: "done" });
  });
});

describe("tenant isolation", () => {
  it("a city admin sees and acts on only their own city's people", async () => {
    const madridAdmin = await adminOf("madrid");
    const paulista = await createUser({ city: "sao-paulo", name: "Paulista Única" });
    const people = await listPeople(madridAdmin.city.id, { search: "Paulista Única", page: 1 });
    expect(people).toMatchObject({ ok: true, total: 0 });
    expect(await createResetLinkForPerson(madridAdmin, paulista.id)).toEqual({ outcome: "not-found" });
    const madrileno = await createUser({ city: "madrid" });
    expect(await createResetLinkForPerson(madridAdmin, madrileno.id)).toMatchObject({
      outcome: "created",
      link: expect.stringContaining("/reset-password/"),
    });
    expect(
      await db().auditLog.count({ where: { action: "password-reset.create", subjectRef: await pseudonymFor(madrileno.id) } }),
    ).toBe(1);
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
