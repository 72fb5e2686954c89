import { Types } from "mongoose";
import { describe, expect, it } from "vitest";
import type { CaseRow } from "~/domain/cases/read-model.server";
import { waitingOnOfficer } from "~/domain/start/start-page.server";

// "Väntar på mig" (issue 21, part 6): only what needs the officer's action, each with the date it
// has waited since; never a case that waits for the organisation.

const officer = new Types.ObjectId();
const coordinator = new Types.ObjectId();
const day = (d: number) => new Date(Date.UTC(2026, 10, d, 9));

function row(patch: Partial<CaseRow>): CaseRow {
  return {
    _id: new Types.ObjectId(),
    publicBodyId: new Types.ObjectId(),
    organisationId: new Types.ObjectId(),
    version: 3,
    title: "Läxhjälp",
    kind: "proposal",
    status: "in_dialogue",
    lastActivityAt: day(2),
    updatedAt: day(2),
    areas: [],
    contactEmail: "a@example.org",
    pendingInvitations: 0,
    routing: { departmentId: new Types.ObjectId(), officerId: officer, routedAt: day(2), routedBy: coordinator },
    orgActivity: { at: day(1), type: "submit" },
    staffActivity: { at: day(2), by: coordinator },
    ...patch,
  } as CaseRow;
}
const reasons = (c: CaseRow) => waitingOnOfficer(c, String(officer)).map((w) => [w.reason, w.since, w.news]);

describe("what waits for the officer", () => {
  it("is a case just assigned to them, since it was assigned", () => {
    expect(reasons(row({}))).toEqual([["assigned", day(2), undefined]]);
  });

  it("is nothing once the officer has written to the organisation: the case waits for the organisation", () => {
    expect(reasons(row({ staffActivity: { at: day(3), by: officer }, lastActivityAt: day(3) }))).toEqual([]);
    // Asked to complete the proposal: the organisation's turn.
    const asked = row({ status: "awaiting_completion", staffActivity: { at: day(3), by: officer } });
    expect(reasons(asked)).toEqual([]);
  });

  it("is the organisation's answer after the officer's message, since the answer, and what it was", () => {
    const c = row({
      staffActivity: { at: day(3), by: officer },
      orgActivity: { at: day(5), type: "message" },
      lastActivityAt: day(5),
    });
    expect(reasons(c)).toEqual([["newFromOrganisation", day(5), "message"]]);
  });

  it("is the officer's own steps: an assessment begun, an agreement to draft, to sign, a report to assess", () => {
    const done = { staffActivity: { at: day(6), by: officer }, orgActivity: { at: day(4), type: "message" } };
    expect(reasons(row({ ...done, status: "in_assessment" }))).toEqual([["assessmentOpen", day(6), undefined]]);
    const approved = row({
      ...done,
      status: "approved",
      decision: { outcome: "approved", contributionPerYearSek: 1, decisionDate: day(7) },
    });
    expect(reasons(approved)).toEqual([["agreementToDraft", day(7), undefined]]);
    const signing = row({
      ...done,
      status: "agreement_pending_signatures",
      agreement: { number: 1, signing: { sentAt: day(8), signers: [{ userId: officer }], signatures: [] } },
    });
    expect(reasons(signing)).toEqual([["agreementToSign", day(8), undefined]]);
    // The organisation's signature is not news to answer: the officer's own signature waits.
    const orgSigned = { ...signing, orgActivity: { at: day(9), type: "signAgreement" } };
    expect(reasons(orgSigned)).toEqual([["agreementToSign", day(8), undefined]]);
    const report = row({
      ...done,
      status: "active",
      orgActivity: { at: day(10), type: "reportSubmitted" },
      agreement: { number: 1, reports: [{ year: 2027, status: "submitted", submittedAt: day(10) }] },
    });
    expect(reasons(report)).toEqual([["reportToAssess", day(10), undefined]]);
  });

  it("is not someone else's signature, nor a proposal merely in dialogue", () => {
    const other = new Types.ObjectId();
    const c = row({
      status: "agreement_pending_signatures",
      staffActivity: { at: day(6), by: officer },
      agreement: { number: 1, signing: { sentAt: day(8), signers: [{ userId: other }], signatures: [] } },
    });
    expect(reasons(c)).toEqual([]);
    expect(reasons(row({ staffActivity: { at: day(6), by: officer } }))).toEqual([]);
  });
});
