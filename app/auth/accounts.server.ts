/** Sign-up, login, profile and password changes. */
import { assignOnJoinOrMove } from "~/assignments/membership.server.ts";
import type { z } from "zod";
import { activeDepartmentsWhere } from "~/cities/departments.server.ts";
import { db, Prisma, type Role } from "~/db.server.ts";
import { now } from "~/clock.server.ts";
import { emailDomainAllowed } from "~/cities/email-domains.ts";
import type { FieldErrors } from "~/forms/parse-form.ts";
import type { MessageKey } from "~/i18n/translate.ts";
import { afterResponse } from "~/http/after-response.server.ts";
import { personSearchText } from "~/people/search-text.ts";
import {
  clearThrottle,
  countAttempt,
  isKnownAddress,
  loginCounters,
  loginSucceeded,
  passwordCheckIpKey,
  throttleRules,
} from "~/security/throttle.server.ts";
import { accountStateSelect, isOpenAccount } from "./account-status.server.ts";
import { hashToken } from "./tokens.server.ts";
import { sendSignupMail } from "./email-confirmation.server.ts";
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

function throttled(state: { retryAfterMinutes: number }, key: MessageKey = "auth.throttled") {
  return { ok: false as const, fieldErrors: {}, formError: { key, params: { count: state.retryAfterMinutes } } };
}

type SignupInput = z.infer<typeof signupSchema> | z.infer<typeof invitedSignupSchema>;

interface NewAccount {
  email: string;
  name: string;
  locale: string;
  cityId: string;
  departmentId: string | null;
  invitation: { id: string; role: Role | null } | null;
}

const personOf = ({ email, name, locale }: SignupInput) => ({ email, name, locale });

/**
 * Checks the form against the city or the invitation, then answers at once: whether the
 * address already has an account is settled after the answer (see `openAccount`), so a new
 * and an existing address get the same page in the same time. No password is asked: the
 * owner of the address chooses it from the emailed link (docs/decisions/012).
 */
export async function signUp(input: SignupInput, ip: string): Promise<AccountResult<object>> {
  const throttle = await countAttempt([[`signup:ip:${ip}`, throttleRules.signupIp]]);
  if (throttle.blocked) return throttled(throttle);

  const at = now();
  let account: NewAccount;
  if (input.invitation) {
    const found = await db().invitation.findUnique({
      where: { tokenHash: hashToken(input.invitation) },
      select: { id: true, cityId: true, departmentId: true, role: true, email: true, acceptedAt: true, expiresAt: true },
    });
    if (!found || found.acceptedAt || found.expiresAt <= at)
      return { ok: false, fieldErrors: {}, formError: { key: "invitation.invalid" } };
    if (found.email && found.email !== input.email) return { ok: false, fieldErrors: { email: "validation.invitationEmail" } };
    let departmentId = found.departmentId;
    if (!departmentId && input.department) {
      const department = await db().department.findFirst({
        where: { id: input.department, ...activeDepartmentsWhere(found.cityId) },
        select: { id: true },
      });
      if (!department) return { ok: false, fieldErrors: { department: "validation.department" } };
      departmentId = department.id;
    }
    account = { ...personOf(input), cityId: found.cityId, departmentId, invitation: { id: found.id, role: found.role } };
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
    account = { ...personOf(input), cityId: city.id, departmentId: input.department, invitation: null };
  }
  afterResponse("sign-up", () => openAccount(account));
  return { ok: true };
}

/**
 * Creates the account (closed, without a password) and emails its confirmation link; when the
 * address already has an account, its owner gets an email instead (a fresh confirmation link
 * if it was never confirmed) and nothing is changed.
 */
async function openAccount(account: NewAccount): Promise<void> {
  const existing = await db().user.findUnique({ where: { email: account.email }, select: { id: true } });
  if (existing) {
    await sendSignupMail(existing.id);
    return;
  }
  const at = now();
  let userId: string;
  try {
    userId = await db().$transaction(async (tx) => {
      const user = await tx.user.create({
        data: {
          email: account.email,
          name: account.name,
          searchText: personSearchText(account),
          locale: account.locale,
          cityId: account.cityId,
          departmentId: account.departmentId,
        },
        select: { id: true },
      });
      const { invitation } = account;
      if (invitation) {
        // Conditional update: two people racing for one invitation cannot both win.
        const claimed = await tx.invitation.updateMany({
          where: { id: invitation.id, acceptedAt: null, expiresAt: { gt: at } },
          data: { acceptedAt: at, acceptedById: user.id },
        });
        if (claimed.count !== 1) throw new InvitationGone();
        if (invitation.role) await grantRole(tx, { userId: user.id, cityId: account.cityId, role: invitation.role });
      }
      // Joining an assigned department (or the city) assigns its courses in the same commit.
      await assignOnJoinOrMove(tx, user.id);
      return user.id;
    });
  } catch (error) {
    // Someone else used the invitation between the check and now: nothing was saved.
    if (error instanceof InvitationGone) return console.warn("Sign-up dropped: the invitation was used meanwhile");
    // The same address signed up twice at once: the other sign-up created it.
    if (isUniqueViolation(error)) return openAccount(account);
    throw error;
  }
  await sendSignupMail(userId);
}

export async function logIn(input: z.infer<typeof loginSchema>, ip: string): Promise<AccountResult<{ userId: string }>> {
  const counters = loginCounters(input.email, ip, await isKnownAddress(input.email, ip));
  const throttle = await countAttempt(counters.map((counter) => [counter.key, counter.rule]));
  if (throttle.blocked) return throttled(throttle, "auth.loginThrottled");

  const user = await db().user.findUnique({
    where: { email: input.email },
    select: {
      id: true,
      ...accountStateSelect,
      emailConfirmedAt: true,
      password: { select: { hash: true } },
    },
  });
  // An address never confirmed opens nothing: its owner sets the password from the link.
  // Nor does the account of a person deactivated, or of a deactivated city.
  const valid =
    user?.password && isOpenAccount(user) && user.emailConfirmedAt
      ? await verifyPassword(user.password.hash, input.password)
      : await verifyAgainstDecoy(input.password);
  if (!user || !valid) {
    // The same message whether or not the account exists.
    return { ok: false, fieldErrors: {}, formError: { key: "auth.invalidCredentials" } };
  }
  await loginSucceeded(input.email, ip, counters);
  return { ok: true, userId: user.id };
}

export async function updateProfile(userId: string, input: z.infer<typeof profileSchema>): Promise<void> {
  await db().$transaction(async (tx) => {
    const { email } = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { email: true } });
    await tx.user.update({
      where: { id: userId },
      data: { name: input.name, locale: input.locale, searchText: personSearchText({ name: input.name, email }) },
    });
  });
}

export async function setLocale(userId: string, locale: string): Promise<void> {
  await db().user.update({ where: { id: userId }, data: { locale } });
}

export async function changePassword(
  userId: string,
  input: z.infer<typeof changePasswordSchema>,
  ip: string,
): Promise<AccountResult<object>> {
  // A stolen session must not be able to guess the password behind it.
  const accountKey = `password-check:account:${userId}`;
  const throttle = await countAttempt([
    [accountKey, throttleRules.passwordCheckAccount],
    [passwordCheckIpKey(ip), throttleRules.passwordCheckIp],
  ]);
  if (throttle.blocked) return throttled(throttle);
  const current = await db().password.findUnique({ where: { userId }, select: { hash: true } });
  if (!current || !(await verifyPassword(current.hash, input.currentPassword))) {
    return { ok: false, fieldErrors: { currentPassword: "validation.currentPassword" } };
  }
  await clearThrottle(accountKey);
  const hash = await hashPassword(input.password);
  const at = now();
  await db().$transaction(async (tx) => {
    await tx.password.update({ where: { userId }, data: { hash } });
    await expireAccountLinks(tx, userId, at);
  });
  await endAllSessions(userId);
  return { ok: true };
}
