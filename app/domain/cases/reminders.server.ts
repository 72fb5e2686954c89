import { addressOf, mailSender } from "../public-body/public-body.server";
import type { Types } from "mongoose";
import type { NoticeType } from "#emails/templates";
import { PublicBodyModel } from "#models/public-body";
import { UserModel } from "#models/user";
import { caseRows } from "./read-model.server";
import { claimOnce, isClaimed } from "../kernel/claims.server";
import { enqueueEmail, localeOf } from "../notifications/outbox.server";
import { dueReminders, reminderKey } from "./reminders";
import { clockNow } from "../kernel/clock";

/** Queues the case reminders that are due (reminders.ts), each once per quiet spell and period. */
export async function runReminders(now = clockNow()) {
  let sent = 0;
  // A body paused by the installation administrator gets no reminders until it opens again.
  for (const body of (await PublicBodyModel.find().lean()).filter((b) => !b.paused)) {
    // From the in-memory case list: a tick with no change reads one marker, not every case.
    // Which statuses are reminded of is dueReminders' business (reminders.ts).
    const cases = (await caseRows()).filter((c) => c.publicBodyId.equals(body._id));
    const settings = {
      unroutedReminderDays: body.unroutedReminderDays ?? 3,
      inactivityReminderDays: body.inactivityReminderDays ?? 14,
      completionReminderDays: body.completionReminderDays ?? 7,
    };
    const due = dueReminders(
      cases.map((c) => ({
        id: String(c._id),
        status: c.status,
        receivedAt: c.receivedAt,
        lastActivityAt: c.lastActivityAt,
      })),
      settings,
      now,
    );
    for (const reminder of due) {
      const c = cases.find((x) => String(x._id) === reminder.caseId);
      if (!c) continue;
      const officer = c.routing ? await UserModel.findById(c.routing.officerId).select("email").lean() : null;
      const staffLink = reminder.type !== "reminderCompletion";
      const to =
        reminder.type === "reminderUnrouted"
          ? [body.officeEmail]
          : reminder.type === "reminderInactive"
            ? [officer?.email ?? "", body.officeEmail]
            : [c.contactEmail];
      const path = `${staffLink ? "/handlaggning/arenden/" : "/forslag/"}${reminder.caseId}`;
      sent += await queueReminderOnce(reminderKey(reminder), body, c, reminder.type, {
        to: to.map((address) => ({ address, path })),
        days: reminder.days,
      });
    }
  }
  return sent;
}

/**
 * Queues one reminder to each recipient, once: the outbox rows carry the reminder's key, so
 * queueing is idempotent across instances and retries; the claim, taken only after every
 * recipient is queued, spares later runs the work (a crash before it means the next run queues
 * what is missing, nothing twice). Returns how many emails were queued now.
 */
export async function queueReminderOnce(
  key: string,
  body: { _id: Types.ObjectId },
  c: { caseNumber?: string; title: string },
  notice: NoticeType,
  options: { to: { address: string; path: string }[]; days?: number; date?: string; amountSek?: number },
) {
  if (await isClaimed(key)) return 0;
  let sent = 0;
  const seen = new Set<string>();
  for (const { address, path } of options.to) {
    if (!address || seen.has(address)) continue;
    seen.add(address);
    const locale = await localeOf(address);
    const queued = await enqueueEmail(
      `${key}:${address}`,
      address,
      {
        template: "notice",
        notice,
        locale,
        caseNumber: c.caseNumber ?? "",
        title: c.title,
        name: "",
        ...(options.days === undefined ? {} : { days: String(options.days) }),
        ...(options.date ? { date: options.date } : {}),
        ...(options.amountSek === undefined ? {} : { amount: formatKronor(options.amountSek, locale) }),
        url: `${await addressOf(body._id)}${path}`,
        sender: await mailSender(body._id),
      },
      body._id,
    );
    if (queued) sent++;
  }
  await claimOnce(key);
  return sent;
}

const formatKronor = (n: number, locale: "sv" | "en") =>
  new Intl.NumberFormat(locale === "sv" ? "sv-SE" : "en-GB", {
    style: "currency",
    currency: "SEK",
    maximumFractionDigits: 0,
  }).format(n);
