/** Sign-up, login, profile and password changes. */
import type { z } from "zod";
import { db, Prisma, type Role } from "~/db.server.ts";
import { now } from "~/clock.server.ts";
import { emailDomainAllowed } from "~/cities/email-domains.ts";
import type { FieldErrors } from "~/forms/parse-form.ts";
import type { MessageKey } from "~/i18n/translate.ts";
import { clearThrottle, countAttempt, giveBackAttempt, throttleRules } from "~/security/throttle.server.ts";
import { hashToken } from "./tokens.server.ts";
import { sendConfirmationLink } from "./email-confirmation.server.ts";
import { expireAccountLinks } from "./password-reset.server.ts";
import { hashPassword, verifyAgainstDecoy, verifyPassword } from "./password.server.ts";
import { grantRole } from "./role-grants.server.ts";
import { endAllSessions } from "./session.server.ts";
import type { changePasswordSchema, invitedSignupSchema, loginSchema, profileSchema, signupSchema } from "./validation.ts";

export interface FormError {
  key: MessageKey;
  params?: Record<string, string | number>;
}

export type AccountResult<T> = ({ ok: true } & T) | { ok: false; fieldErrors: FieldErrors; formError?: FormError };

class InvitationGone extends Error {}

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

type SignupInput = z.infer<typeof signupSchema> | z.infer<typeof invitedSignupSchema>;

export async function signUp(input: SignupInput, ip: string): Promise<AccountResult<{ userId: string }>> {
  const ipKey: [string, typeof throttleRules.signupIp] = [`signup:ip:${ip}`, throttleRules.signupIp];
  const throttle = await countAttempt([ipKey]);
  if (throttle.blocked)
    return { ok: false, fieldErrors: {}, formError: { key: "auth.throttled", params: { minutes: throttle.retryAfterMinutes } } };

  const at = now();
  let cityId: string;
  let departmentId: string | null;
  let invitation: { id: string; role: Role | null } | null = null;

  if (input.invitation) {
    const found = await db().invitation.findUnique({
      where: { tokenHash: hashToken(input.invitation) },
      select: { id: true, cityId: true, departmentId: true, role: true, email: true, acceptedAt: true, expiresAt: true },
    });
    if (!found || found.acceptedAt || found.expiresAt <= at)
      return { ok: false, fieldErrors: {}, formError: { key: "invitation.invalid" } };
    if (found.email && found.email !== input.email) return { ok: false, fieldErrors: { email: "validation.invitationEmail" } };
    cityId = found.cityId;
    departmentId = found.departmentId;
    if (!departmentId && input.department) {
      const department = await db().department.findFirst({
        where: { id: input.department, cityId: found.cityId },
        select: { id: true },
      });
      if (!department) return { ok: false, fieldErrors: { department: "validation.department" } };
      departmentId = department.id;
    }
    invitation = { id: found.id, role: found.role };
  } else {
    if (!("city" in input)) return { ok: false, fieldErrors: { city: "validation.city" } };
    const city = await db().city.findUnique({
      where: { slug: input.city },
      select: {
        id: true,
        name: true,
        emailDomains: { select: { domain: true } },
        departments: { where: { id: input.department }, select: { id: true } },
      },
    });
    if (!city) return { ok: false, fieldErrors: { city: "validation.city" } };
    if (city.departments.length === 0) return { ok: false, fieldErrors: { department: "validation.department" } };
    const domains = city.emailDomains.map((row) => row.domain);
    if (!emailDomainAllowed(input.email, domains)) {
      return {
        ok: false,
        fieldErrors: { email: "validation.emailDomain" },
        formError: { key: "validation.emailDomain", params: { city: city.name } },
      };
    }
    cityId = city.id;
    departmentId = input.department;
  }

  const passwordHash = await hashPassword(input.password);
  try {
    const userId = await db().$transaction(async (tx) => {
      const user = await tx.user.create({
        data: {
          email: input.email,
          name: input.name,
          locale: input.locale,
          cityId,
          departmentId,
          password: { create: { hash: passwordHash } },
        },
        select: { id: true },
      });
      if (invitation) {
        // Conditional update: two people racing for one invitation cannot both win.
        const claimed = await tx.invitation.updateMany({
          where: { id: invitation.id, acceptedAt: null, expiresAt: { gt: at } },
          data: { acceptedAt: at, acceptedById: user.id },
        });
        if (claimed.count !== 1) throw new InvitationGone();
        if (invitation.role) await grantRole(tx, { userId: user.id, cityId, role: invitation.role });
      }
      return user.id;
    });
    await sendConfirmationLink(userId);
    return { ok: true, userId };
  } catch (error) {
    if (error instanceof InvitationGone) return { ok: false, fieldErrors: {}, formError: { key: "invitation.invalid" } };
    if (isUniqueViolation(error)) return { ok: false, fieldErrors: { email: "validation.emailTaken" } };
    throw error;
  }
}

export async function logIn(input: z.infer<typeof loginSchema>, ip: string): Promise<AccountResult<{ userId: string }>> {
  const accountKey: [string, typeof throttleRules.loginAccount] = [`login:account:${input.email}`, throttleRules.loginAccount];
  const ipKey: [string, typeof throttleRules.loginIp] = [`login:ip:${ip}`, throttleRules.loginIp];
  const throttle = await countAttempt([accountKey, ipKey]);
  if (throttle.blocked)
    return { ok: false, fieldErrors: {}, formError: { key: "auth.throttled", params: { minutes: throttle.retryAfterMinutes } } };

  const user = await db().user.findUnique({
    where: { email: input.email },
    select: { id: true, active: true, emailConfirmedAt: true, password: { select: { hash: true } } },
  });
  const valid =
    user?.password && user.active
      ? await verifyPassword(user.password.hash, input.password)
      : await verifyAgainstDecoy(input.password);
  if (!user || !valid) {
    // The same message whether or not the account exists.
    return { ok: false, fieldErrors: {}, formError: { key: "auth.invalidCredentials" } };
  }
  // Only failed attempts count: colleagues behind one office address can all log in.
  await clearThrottle(accountKey[0]);
  await giveBackAttempt(ipKey[0]);
  if (!user.emailConfirmedAt) {
    // Only someone who knows the password learns this; they get a fresh link.
    const sent = await sendConfirmationLink(user.id);
    return { ok: false, fieldErrors: {}, formError: { key: sent ? "auth.emailNotConfirmed" : "auth.emailNotConfirmedWait" } };
  }
  return { ok: true, userId: user.id };
}

export async function updateProfile(userId: string, input: z.infer<typeof profileSchema>): Promise<void> {
  await db().user.update({ where: { id: userId }, data: { name: input.name, locale: input.locale } });
}

export async function setLocale(userId: string, locale: string): Promise<void> {
  await db().user.update({ where: { id: userId }, data: { locale } });
}

export async function changePassword(
  userId: string,
  input: z.infer<typeof changePasswordSchema>,
): Promise<AccountResult<object>> {
  const current = await db().password.findUnique({ where: { userId }, select: { hash: true } });
  if (!current || !(await verifyPassword(current.hash, input.currentPassword))) {
    return { ok: false, fieldErrors: { currentPassword: "validation.currentPassword" } };
  }
  const hash = await hashPassword(input.password);
  const at = now();
  await db().$transaction(async (tx) => {
    await tx.password.update({ where: { userId }, data: { hash } });
    await expireAccountLinks(tx, userId, at);
  });
  await endAllSessions(userId);
  return { ok: true };
}
