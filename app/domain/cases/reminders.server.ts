import { PublicBodyModel } from "#models/public-body";
import { UserModel } from "#models/user";
import { caseRows } from "./read-model.server";
import { claimOnce, isClaimed } from "../kernel/claims.server";
import { getEnv } from "../kernel/env.server";
import { enqueueEmail, localeOf } from "../notifications/outbox.server";
import { dueReminders, reminderKey } from "./reminders";
import { clockNow } from "../kernel/clock";

/**
 * Queues the reminders that are due (reminders.ts), each once per quiet spell and period.
 * The outbox rows carry the reminder's key, so queueing is idempotent across instances and
 * retries; the claim, taken only after every recipient is queued, just spares later runs the
 * work (a crash before it means the next run queues what is missing, nothing twice).
 */
export async function runReminders(now = clockNow()) {
  let sent = 0;
  for (const body of await PublicBodyModel.find().lean()) {
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
      const key = reminderKey(reminder);
      if (await isClaimed(key)) continue;
      const officer = c.routing ? await UserModel.findById(c.routing.officerId).select("email").lean() : null;
      const staffLink = reminder.type !== "reminderCompletion";
      const to =
        reminder.type === "reminderUnrouted"
          ? [body.officeEmail]
          : reminder.type === "reminderInactive"
            ? [officer?.email ?? "", body.officeEmail]
            : [c.contactEmail];
      for (const address of [...new Set(to.filter(Boolean))]) {
        const queued = await enqueueEmail(
          `${key}:${address}`,
          address,
          {
            template: "notice",
            notice: reminder.type,
            locale: await localeOf(address),
            caseNumber: c.caseNumber ?? "",
            title: c.title,
            name: "",
            days: String(reminder.days),
            url: `${getEnv().APP_URL}${staffLink ? "/handlaggning/arenden/" : "/forslag/"}${reminder.caseId}`,
            officeName: `${body.officeName}, ${body.name}`,
          },
          body._id,
        );
        if (queued) sent++;
      }
      await claimOnce(key);
    }
  }
  return sent;
}
