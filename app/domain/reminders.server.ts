import { ProposalModel } from "#models/proposal";
import { PublicBodyModel } from "#models/public-body";
import { UserModel } from "#models/user";
import { claimOnce } from "./claims.server";
import { getEnv } from "./env.server";
import { enqueueEmail, localeOf } from "./outbox.server";
import { dueReminders } from "./reminders";

/**
 * Sends the reminders that are due (reminders.ts), each once: the claim
 * `reminder:<type>:<case>:<period>` is taken by exactly one run, whichever app instance.
 */
export async function runReminders(now = new Date()) {
  let sent = 0;
  for (const body of await PublicBodyModel.find().lean()) {
    const cases = await ProposalModel.find({
      publicBodyId: body._id,
      status: { $in: ["submitted", "in_dialogue", "in_assessment", "awaiting_completion"] },
    })
      .select("title status caseNumber receivedAt lastActivityAt routing contactEmail")
      .lean();
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
      const key = `reminder:${reminder.type}:${reminder.caseId}:${reminder.period}`;
      if (!(await claimOnce(key))) continue;
      const officer = c.routing ? await UserModel.findById(c.routing.officerId).select("email").lean() : null;
      const staffLink = reminder.type !== "reminderCompletion";
      const to =
        reminder.type === "reminderUnrouted"
          ? [body.officeEmail]
          : reminder.type === "reminderInactive"
            ? [officer?.email ?? "", body.officeEmail]
            : [c.contactEmail];
      for (const address of [...new Set(to.filter(Boolean))]) {
        await enqueueEmail(
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
        sent++;
      }
    }
  }
  return sent;
}
