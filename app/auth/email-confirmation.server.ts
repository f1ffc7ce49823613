/**
 * Confirming a self-registered person's email address with a one-time link: until it is
 * opened the account cannot log in, so nobody joins a city with an address that is not theirs.
 */
import { db } from "~/db.server.ts";
import { appUrl } from "~/env.server.ts";
import { now } from "~/clock.server.ts";
import { isLocale } from "~/i18n/locales.ts";
import { translatorFor } from "~/i18n/translate.ts";
import { sendMail } from "~/mail/mailer.server.ts";
import { countAttempt, throttleRules } from "~/security/throttle.server.ts";
import { hashToken, newToken } from "./tokens.server.ts";

export const CONFIRMATION_HOURS = 48;

/**
 * Emails a new confirmation link to a person whose address is not confirmed yet. Throttled
 * per account, so logging in again and again does not flood their inbox. True when sent.
 */
export async function sendConfirmationLink(userId: string): Promise<boolean> {
  const user = await db().user.findUnique({
    where: { id: userId },
    select: { id: true, email: true, name: true, locale: true, emailConfirmedAt: true },
  });
  if (!user || user.emailConfirmedAt) return false;
  const throttle = await countAttempt([[`confirm:account:${user.id}`, throttleRules.confirmAccount]]);
  if (throttle.blocked) return false;
  const { token, tokenHash } = newToken();
  await db().emailConfirmation.create({
    data: { tokenHash, userId: user.id, expiresAt: new Date(now().getTime() + CONFIRMATION_HOURS * 3_600_000) },
  });
  const t = translatorFor(isLocale(user.locale) ? user.locale : "es");
  const link = `${appUrl()}/confirm-email/${token}`;
  await sendMail(
    { to: user.email, subject: t("email.confirm.subject"), text: t("email.confirm.body", { name: user.name, link }) },
    { background: true },
  );
  return true;
}

export async function isConfirmationTokenUsable(token: string): Promise<boolean> {
  const confirmation = await db().emailConfirmation.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { usedAt: true, expiresAt: true },
  });
  return Boolean(confirmation && !confirmation.usedAt && confirmation.expiresAt > now());
}

/** Confirms the address and uses up the link in one transaction; the user's id, or null when the link is not usable. */
export async function confirmEmail(token: string): Promise<string | null> {
  const at = now();
  return db().$transaction(async (tx) => {
    const confirmation = await tx.emailConfirmation.findUnique({
      where: { tokenHash: hashToken(token) },
      select: { id: true, userId: true },
    });
    if (!confirmation) return null;
    const claimed = await tx.emailConfirmation.updateMany({
      where: { id: confirmation.id, usedAt: null, expiresAt: { gt: at } },
      data: { usedAt: at },
    });
    if (claimed.count !== 1) return null;
    await tx.user.updateMany({ where: { id: confirmation.userId, emailConfirmedAt: null }, data: { emailConfirmedAt: at } });
    // Older links for the same address are no longer needed.
    await tx.emailConfirmation.updateMany({ where: { userId: confirmation.userId, usedAt: null }, data: { usedAt: at } });
    return confirmation.userId;
  });
}
