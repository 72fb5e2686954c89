import { PublicBodyModel } from "#models/public-body";
import { UserModel } from "#models/user";
import { caseRows, type CaseRow } from "../cases/read-model.server";
import { directory } from "../directory/directory.server";
import { queueReminderOnce } from "../cases/reminders.server";
import { clockNow } from "../kernel/clock";
import { dueAgreementReminders, type AgreementReminder } from "./reminders";

// Queues the agreement reminders that are due (reminders.ts), each once, through the same
// outbox and claims as the case reminders. Reads the in-memory case list, and `_id` lookups
// for the people to tell.

export async function runAgreementReminders(now = clockNow()) {
  let sent = 0;
  const rows = await caseRows();
  // A body paused by the installation administrator gets no reminders until it opens again.
  for (const body of (await PublicBodyModel.find().lean()).filter((b) => !b.paused)) {
    const cases = rows.filter((c) => c.publicBodyId.equals(body._id) && c.agreement);
    const due = dueAgreementReminders(
      cases.map((c) => ({ ...c, id: String(c._id) })),
      { signatureReminderDays: body.signatureReminderDays ?? 7 },
      now,
    );
    for (const reminder of due) {
      const c = cases.find((x) => String(x._id) === reminder.caseId);
      if (!c) continue;
      sent += await queueReminderOnce(reminder.key, body, c, reminder.type, {
        to: await recipients(reminder, c, body.officeEmail),
        days: reminder.days,
        date: reminder.date,
        amountSek: reminder.amountSek,
      });
    }
  }
  return sent;
}

/** Each reminder's people, each with the agreement page of their side. */
async function recipients(r: AgreementReminder, c: CaseRow, officeEmail: string) {
  const id = String(c._id);
  const organisation = { address: c.contactEmail, path: `/forslag/${id}/avtal` };
  const staffPath = `/handlaggning/arenden/${id}/avtal`;
  const officerEmail = c.routing ? (await directory()).staff.get(String(c.routing.officerId))?.email : undefined;
  const officer = { address: officerEmail ?? officeEmail, path: staffPath };
  if (r.audience === "organisation") return [organisation];
  if (r.audience === "officer") return [officer];
  if (r.audience === "both") return [organisation, officer];
  const signers = await Promise.all(
    (r.signerIds ?? []).map((userId) => UserModel.findById(userId).select("email staffMemberships").lean()),
  );
  return signers.flatMap((u) =>
    u ? [{ address: u.email, path: u.staffMemberships?.length ? staffPath : `/forslag/${id}/avtal` }] : [],
  );
}
