/**
 * Outgoing email. With SMTP_URL set, nodemailer sends it; otherwise each message is written
 * as a JSON file to the outbox folder (OUTBOX_DIR), where a person or a test can read it.
 */
import { mkdir, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import nodemailer from "nodemailer";
import { env } from "~/env.server.ts";
import { now } from "~/clock.server.ts";

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
}

let transport: nodemailer.Transporter | undefined;

/**
 * With `background`, an SMTP delivery is started but not awaited (failures are logged): a
 * slow or failing mail server must not show in the response, e.g. revealing that an account
 * exists. The outbox is a local file and is always written before returning.
 */
export async function sendMail(mail: OutgoingMail, options: { background?: boolean } = {}): Promise<void> {
  const { SMTP_URL, MAIL_FROM, OUTBOX_DIR } = env();
  if (SMTP_URL) {
    transport ??= nodemailer.createTransport(SMTP_URL);
    const delivery = transport.sendMail({ from: MAIL_FROM, ...mail });
    if (options.background) delivery.catch((error: unknown) => console.error("Could not send an email", error));
    else await delivery;
    return;
  }
  await mkdir(OUTBOX_DIR, { recursive: true });
  const stamp = now().toISOString().replace(/[:.]/g, "-");
  const file = path.join(OUTBOX_DIR, `${stamp}-${Math.random().toString(36).slice(2, 8)}.json`);
  // Written aside and renamed into place, so that whoever reads the outbox never finds half a message.
  await writeFile(`${file}.part`, JSON.stringify({ from: MAIL_FROM, ...mail, sentAt: now().toISOString() }, null, 2));
  await rename(`${file}.part`, file);
}
