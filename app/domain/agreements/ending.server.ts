import { CaseConflictError, loadCaseById, recordChange, transition, type CaseDoc } from "../cases/engine.server";
import { caseRows } from "../cases/read-model.server";
import { clockNow } from "../kernel/clock";
import { addMonthsToDay, dayOf, swedishDay, swedishToday } from "../kernel/days";
import type { SessionUser } from "../identity/sessions.server";
import {
  actsForOrganisation,
  AgreementError,
  noticeToBoth,
  partnerIdsOf,
  requireAction,
  requireActive,
} from "./shared.server";

// The end of an agreement (docs/domain.md, "The agreement"): notice by either party, and the
// job that ends agreements whose end date has passed.

/**
 * Either party gives notice with a reason: the agreement then ends after the notice period
 * (or on its own end date, if that comes first), by the end job. Both parties are told. A
 * change under way lapses: there is nothing left to change.
 */
export async function terminateAgreement(
  c: CaseDoc,
  user: SessionUser,
  input: { reason: string },
  expectedVersion: number,
) {
  const actor = requireAction("terminateAgreement", user, c);
  // For the organisation, notice binds it: its authorised signatories or its administrator give it.
  if (actor === "organisation" && !actsForOrganisation(user, c)) throw new AgreementError("actor");
  const { amendment: _lapsed, ...agreement } = requireActive(c);
  if (agreement.termination) throw new AgreementError("status");
  const at = clockNow();
  // From the Swedish date notice was given (00:04 on 7 December is 7 December, whatever UTC
  // says), as a calendar date; 30 November + 3 months is 28 February, not 2 March.
  const notice = addMonthsToDay(swedishDay(at), agreement.noticeMonths);
  const effectiveOn = agreement.end && agreement.end < notice ? agreement.end : notice;
  const party = actor === "organisation" ? ("organisation" as const) : ("municipality" as const);
  const { case: after } = await recordChange(
    c,
    { expectedVersion, type: "agreementTerminated", actor: user, data: { date: dayOf(effectiveOn) } },
    {
      agreement: {
        ...agreement,
        end: effectiveOn,
        // The money follows the new end: no payment is planned after the agreement has ended.
        plan: (agreement.plan ?? []).filter((p) => p.date <= effectiveOn),
        termination: { byName: user.name, party, reason: input.reason, at, effectiveOn },
      },
      partnerOrganisationIds: partnerIdsOf(agreement),
    },
    [
      {
        kind: "document",
        ref: "agreement-terminated:{seq}",
        entry: {
          direction: party === "organisation" ? "incoming" : "outgoing",
          title: "Uppsägning av överenskommelsen",
          sender: user.name,
        },
      },
      ...(await noticeToBoth(c, "agreementTerminated", user.name)),
    ],
  );
  return after;
}

/**
 * The end job: every active agreement whose end date has passed (Swedish time) ends, once,
 * however many instances run it at the same moment (the change's event is the lock).
 */
export async function endDueAgreements(now = clockNow()) {
  const today = swedishToday(now);
  const due = (await caseRows()).filter(
    (r) => r.status === "active" && r.agreement?.end && dayOf(r.agreement.end) < today,
  );
  let ended = 0;
  for (const row of due) {
    const c = await loadCaseById(row.publicBodyId, row._id);
    if (!c || c.status !== "active") continue;
    try {
      const { repeated } = await transition(c, "endAgreement", null, {
        expectedVersion: c.version,
        shared: true,
        system: true,
        effects: await noticeToBoth(c, "agreementEnded", "Samverka"),
      });
      if (!repeated) ended++;
    } catch (error) {
      // Another instance ended it, or someone changed the case a moment ago: the next run sees.
      if (!(error instanceof CaseConflictError)) throw error;
    }
  }
  return ended;
}
