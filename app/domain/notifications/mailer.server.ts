import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import nodemailer, { type Transporter } from "nodemailer";
import { getEnv } from "../kernel/env.server";
import { clockNow } from "../kernel/clock";

export interface OutgoingMail {
  id: string;
  to: string;
  subject: string;
  html: string;
  text: string;
  attachments?: { filename: string; content: Buffer; contentType: string }[];
}

let transporter: Transporter | undefined;

/**
 * The longest one SMTP send can take (connect + greeting + an idle socket). The outbox holds
 * its claim on a mail well beyond this, so a hung send is never taken over and sent twice.
 */
export const SMTP_TIMEOUTS = { connectionTimeout: 30_000, greetingTimeout: 30_000, socketTimeout: 60_000 };
export const SMTP_SEND_LIMIT_MS = Object.values(SMTP_TIMEOUTS).reduce((a, b) => a + b, 0);

function smtp(url: string) {
  transporter ??= nodemailer.createTransport({ url, ...SMTP_TIMEOUTS });
  return transporter;
}

/** SMTP_URL when set; otherwise (development) the mail is written to MAIL_DIR for /dev/mail. */
export async function sendMail(mail: OutgoingMail) {
  const env = getEnv();
  if (env.SMTP_URL) {
    await smtp(env.SMTP_URL).sendMail({
      from: env.MAIL_FROM,
      to: mail.to,
      subject: mail.subject,
      html: mail.html,
      text: mail.text,
      attachments: mail.attachments,
      messageId: `<${mail.id.replace(/[^\w.-]/g, "_")}@samverka>`,
    });
    return;
  }
  if (env.NODE_ENV === "production") throw new Error("SMTP_URL saknas: e-post kan inte skickas i produktion");
  await mkdir(env.MAIL_DIR, { recursive: true });
  const file = `${Date.now()}-${mail.id.replace(/[^\w-]/g, "_").slice(0, 80)}.json`;
  await writeFile(
    join(env.MAIL_DIR, file),
    JSON.stringify({ ...mail, from: env.MAIL_FROM, date: clockNow() }, null, 2),
  );
}
