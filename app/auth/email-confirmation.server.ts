/**
 * Confirming a self-registered person's email address with a one-time link: until it is
 * opened the account has no password and cannot log in, so nobody joins a city with an
 * address that is not theirs, and nobody else's password can open it (docs/decisions/012).
 */
import { db } from "~/db.server.ts";
import { appUrl } from "~/env.server.ts";
import { now } from "~/clock.server.ts";
import type { FieldErrors } from "~/forms/parse-form.ts";
import { isLocale } from "~/i18n/locales.ts";
import { translatorFor } from "~/i18n/translate.ts";
import { sendMail } from "~/mail/mailer.server.ts";
import { countAttempt, countPasswordWork, throttleRules } from "~/security/throttle.server.ts";
import { accountStateSelect, isOpenAccount, openAccountWhere } from "./account-status.server.ts";
import { expireAccountLinks } from "./password-reset.server.ts";
import { hashPassword } from "./password.server.ts";
import { hashToken, newToken } from "./tokens.server.ts";
import { passwordContainsEmail } from "./validation.ts";

export const CONFIRMATION_HOURS = 48;

/**
 * Emails the owner of an address that someone signed up with: a confirmation link while the
 * address is not confirmed (a new account, or one whose link was lost); once it is, a notice
 * that someone tried, with the ways in. The account itself is never changed. At most five
 * such emails an hour per account, so signing up again and again does not flood an inbox.
 */
export async function sendSignupMail(userId: string): Promise<boolean> {
  const user = await db().user.findUnique({
    where: { id: userId },
    select: { id: true, email: true, name: true, locale: true, emailConfirmedAt: true },
  });
  if (!user) return false;
  const throttle = await countAttempt([[`confirm:account:${user.id}`, throttleRules.confirmAccount]]);
  if (throttle.blocked) return false;
  const t = translatorFor(isLocale(user.locale) ? user.locale : "es");
  if (user.emailConfirmedAt) {
    const links = { login: `${appUrl()}/login`, reset: `${appUrl()}/forgot-password` };
    const text = t("email.signupExisting.body", { name: user.name, ...links });
    await sendMail({ to: user.email, subject: t("email.signupExisting.subject"), text }, { background: true });
    return true;
  }
  const { token, tokenHash } = newToken();
  await db().emailConfirmation.create({
    data: { tokenHash, userId: user.id, expiresAt: new Date(now().getTime() + CONFIRMATION_HOURS * 3_600_000) },
  });
  const text = t("email.confirm.body", { name: user.name, link: `${appUrl()}/confirm-email/${token}` });
  await sendMail({ to: user.email, subject: t("email.confirm.subject"), text }, { background: true });
  return true;
}

async function usableConfirmation(token: string) {
  const confirmation = await db().emailConfirmation.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { id: true, userId: true, usedAt: true, expiresAt: true, user: { select: { email: true, ...accountStateSelect } } },
  });
  return confirmation && !confirmation.usedAt && confirmation.expiresAt > now() && isOpenAccount(confirmation.user)
    ? confirmation
    : null;
}

export async function isConfirmationTokenUsable(token: string): Promise<boolean> {
  return (await usableConfirmation(token)) !== null;
}

export type ConfirmationResult =
  | { outcome: "confirmed"; userId: string }
  | { outcome: "invalid" }
  | { outcome: "refused"; fieldErrors: FieldErrors }
  | { outcome: "throttled"; minutes: number };

/**
 * Confirms the address with the password its owner chooses now, and uses up the link, in one
 * transaction. The link is looked up before any hashing, so a made-up link costs no argon2.
 */
export async function confirmEmail(token: string, password: string, ip: string): Promise<ConfirmationResult> {
  const confirmation = await usableConfirmation(token);
  if (!confirmation) return { outcome: "invalid" };
  if (passwordContainsEmail(password, confirmation.user.email))
    return { outcome: "refused", fieldErrors: { password: "validation.passwordHasEmail" } };
  const throttle = await countPasswordWork(ip);
  if (throttle.blocked) return { outcome: "throttled", minutes: throttle.retryAfterMinutes };
  const hash = await hashPassword(password);
  const at = now();
  const confirmed = await db().$transaction(async (tx) => {
    const claimed = await tx.emailConfirmation.updateMany({
      where: { id: confirmation.id, usedAt: null, expiresAt: { gt: at }, user: openAccountWhere },
      data: { usedAt: at },
    });
    if (claimed.count !== 1) return false;
    const { userId } = confirmation;
    // Whatever password the account had (one typed at sign-up before this rule) stops working.
    await tx.password.upsert({ where: { userId }, create: { userId, hash }, update: { hash } });
    await tx.user.updateMany({ where: { id: userId, emailConfirmedAt: null }, data: { emailConfirmedAt: at } });
    await expireAccountLinks(tx, userId, at);
    return true;
  });
  return confirmed ? { outcome: "confirmed", userId: confirmation.userId } : { outcome: "invalid" };
}
