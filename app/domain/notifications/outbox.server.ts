import type { Types } from "mongoose";
import { renderEmail, type EmailTemplate } from "#emails/templates";
import { OutboxModel } from "#models/email-outbox";
import { DocumentModel } from "#models/document";
import { fileBytes } from "../records/documents.server";
import { UserModel } from "#models/user";
import { claimOnce, isDuplicateKey } from "../kernel/claims.server";
import { getEnv } from "../kernel/env.server";
import { sendMail } from "./mailer.server";
import { clockNow } from "../kernel/clock";

export const MAX_ATTEMPTS = 12;
/** How long a worker may hold an attempt before another may take it over. */
/** How long a worker owns one attempt: several times the longest possible SMTP send. */
export const ATTEMPT_LOCK_MS = 10 * 60 * 1000;

/** Delay before attempt n+1: exponential, capped at one hour. */
export function backoffMs(attempts: number, base: number) {
  return Math.min(base * 2 ** Math.max(0, attempts - 1), 60 * 60 * 1000);
}

/**
 * Puts an email in the outbox. The idempotency key (unique index) makes a retried request
 * harmless: the same key never yields a second email.
 */
export async function enqueueEmail(
  idempotencyKey: string,
  to: string,
  email: EmailTemplate,
  publicBodyId?: Types.ObjectId,
  attachmentId?: Types.ObjectId,
): Promise<boolean> {
  const rendered = await renderEmail(email);
  try {
    await OutboxModel.create({
      idempotencyKey,
      publicBodyId,
      attachmentId,
      template: email.template,
      to,
      ...rendered,
      status: "pending",
      attempts: 0,
      nextAttemptAt: clockNow(),
    });
    return true;
  } catch (error) {
    if (!isDuplicateKey(error)) throw error;
    return false; // queued before (a retry): once is enough
  }
}

/**
 * Sends what is due; returns how many were sent. Each attempt of each row is claimed once
 * (claims.server.ts), so several app instances never send the same email twice.
 */
/**
 * A stored document as a mail attachment. Registered documents are never removed, so a missing
 * one is not stored yet (the signed PDF follows its signing): the mail waits for the next try.
 */
async function readAttachment(id: Types.ObjectId, publicBodyId: Types.ObjectId | undefined) {
  const doc = await DocumentModel.findOne(publicBodyId ? { _id: id, publicBodyId } : { _id: id }).lean();
  if (!doc) throw new Error(`attachment ${String(id)} not stored yet`);
  return [{ filename: doc.filename, content: await fileBytes(doc.fileId), contentType: doc.contentType }];
}

export async function processOutbox(limit = 20): Promise<number> {
  const due = await OutboxModel.find({ status: "pending", nextAttemptAt: { $lte: clockNow() } })
    .sort({ nextAttemptAt: 1 })
    .limit(limit)
    .lean();
  let sent = 0;
  for (const candidate of due) {
    if (!(await claimOnce(`outbox:${String(candidate._id)}:${candidate.attempts}`, ATTEMPT_LOCK_MS))) continue;
    // Re-read after claiming: another worker may have finished it a moment ago.
    const row = await OutboxModel.findOne({
      _id: candidate._id,
      status: "pending",
      attempts: candidate.attempts,
    }).lean();
    if (!row) continue;
    try {
      const attachments = row.attachmentId ? await readAttachment(row.attachmentId, row.publicBodyId) : [];
      await sendMail({
        to: row.to,
        subject: row.subject,
        html: row.html,
        text: row.text,
        id: row.idempotencyKey,
        attachments,
      });
      await OutboxModel.updateOne(
        { _id: row._id },
        { $set: { status: "sent", sentAt: clockNow(), attempts: row.attempts + 1 } },
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
        },
      );
      // The mail server is probably down: leave the rest for the next round.
      break;
    }
  }
  return sent;
}

/** The language a recipient chose in Samverka (Swedish for addresses without an account). */
export async function localeOf(email: string): Promise<"sv" | "en"> {
  const user = await UserModel.findOne({ email: email.toLowerCase() }).select("locale").lean();
  return user?.locale === "en" ? "en" : "sv";
}
