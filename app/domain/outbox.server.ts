import type { Types } from "mongoose";
import { renderEmail, type EmailTemplate } from "#emails/templates";
import { OutboxModel } from "#models/email-outbox";
import { getEnv } from "./env.server";
import { sendMail } from "./mailer.server";

export const MAX_ATTEMPTS = 12;
const LOCK_MS = 60_000;

/** Delay before attempt n+1: exponential, capped at one hour. */
export function backoffMs(attempts: number, base: number) {
  return Math.min(base * 2 ** Math.max(0, attempts - 1), 60 * 60 * 1000);
}

/**
 * Puts an email in the outbox. The idempotency key makes a retried request harmless:
 * the same key never yields a second email.
 */
export async function enqueueEmail(
  idempotencyKey: string,
  to: string,
  email: EmailTemplate,
  publicBodyId?: Types.ObjectId,
) {
  const rendered = await renderEmail(email);
  await OutboxModel.updateOne(
    { idempotencyKey },
    {
      $setOnInsert: {
        idempotencyKey,
        publicBodyId,
        template: email.template,
        to,
        ...rendered,
        status: "pending",
        attempts: 0,
        nextAttemptAt: new Date(),
      },
    },
    { upsert: true },
  );
}

/** Claims one due email atomically, so several app instances never send the same row. */
async function claimNext(now: Date) {
  return OutboxModel.findOneAndUpdate(
    {
      $or: [
        { status: "pending", nextAttemptAt: { $lte: now } },
        { status: "sending", lockedUntil: { $lt: now } },
      ],
    },
    { $set: { status: "sending", lockedUntil: new Date(now.getTime() + LOCK_MS) } },
    { sort: { nextAttemptAt: 1 }, returnDocument: "after" },
  ).lean();
}

/** Sends what is due; returns how many were sent. Called by the outbox worker. */
export async function processOutbox(limit = 20): Promise<number> {
  let sent = 0;
  for (let i = 0; i < limit; i++) {
    const now = new Date();
    const row = await claimNext(now);
    if (!row) break;
    try {
      await sendMail({ to: row.to, subject: row.subject, html: row.html, text: row.text, id: row.idempotencyKey });
      await OutboxModel.updateOne(
        { _id: row._id },
        { $set: { status: "sent", sentAt: new Date() }, $unset: { lockedUntil: "" }, $inc: { attempts: 1 } },
      );
      sent++;
    } catch (error) {
      const attempts = row.attempts + 1;
      await OutboxModel.updateOne(
        { _id: row._id },
        {
          $set: {
            status: attempts >= MAX_ATTEMPTS ? "failed" : "pending",
            attempts,
            nextAttemptAt: new Date(Date.now() + backoffMs(attempts, getEnv().OUTBOX_BACKOFF_MS)),
            lastError: error instanceof Error ? error.message.slice(0, 500) : "unknown",
          },
          $unset: { lockedUntil: "" },
        },
      );
      // The server is probably down: leave the rest for the next round.
      break;
    }
  }
  return sent;
}
