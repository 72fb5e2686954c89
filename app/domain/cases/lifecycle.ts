// The lifecycle of an IOP case (docs/domain.md, "The lifecycle of a case"): every transition and
// the statuses it goes from and to, in one table. Who may make it is the access policy's
// (access/policy.ts). Plain TypeScript, no database: cases/engine.server.ts applies it.

import { CASE_KINDS, CASE_STATUSES, type CaseKind, type CaseStatus } from "#models/constants";
import { mayOnCase, type CaseRelation } from "../access/policy";
import { BEFORE_DECISION, type TransitionName } from "../lifecycle/statuses";

export { CASE_KINDS, CASE_STATUSES, type CaseKind, type CaseStatus };
export * from "../lifecycle/statuses";

export type { TransitionName };

// Who may make each transition is the access policy's CASE_POLICY (access/policy.ts).
interface Transition {
  from: readonly CaseStatus[];
  /** The status afterwards; `same` keeps it (reassignment). */
  to: CaseStatus | "same" | ((c: CaseFacts) => CaseStatus);
  /** Only for ideas, or only for full proposals. */
  kind?: CaseKind;
}

export interface CaseFacts {
  status: CaseStatus;
  kind: CaseKind;
  routed: boolean;
  /** Signatures still missing on the agreement out for signing. */
  signaturesMissing?: number;
}

export const TRANSITIONS: Record<TransitionName, Transition> = {
  // A converted idea keeps its routing, so its proposal goes straight back to the dialogue.
  submit: {
    from: ["draft", "preparing_proposal"],
    to: (c) => (c.routed ? "in_dialogue" : "submitted"),
  },
  route: { from: ["submitted"], to: "in_dialogue" },
  reassign: {
    from: ["in_dialogue", "awaiting_completion", "preparing_proposal", "in_assessment"],
    to: "same",
  },
  requestCompletion: { from: ["in_dialogue"], to: "awaiting_completion" },
  answerCompletion: { from: ["awaiting_completion"], to: "in_dialogue" },
  // The case stays registered, routed and visible to staff while the organisation writes.
  convertToProposal: { from: ["in_dialogue"], to: "preparing_proposal", kind: "idea" },
  closeIdea: { from: ["in_dialogue"], to: "closed", kind: "idea" },
  startAssessment: { from: ["in_dialogue"], to: "in_assessment", kind: "proposal" },
  approve: { from: ["in_assessment"], to: "approved", kind: "proposal" },
  decline: { from: ["in_assessment"], to: "declined", kind: "proposal" },
  withdraw: { from: BEFORE_DECISION, to: "withdrawn" },
  // The agreement (docs/domain.md, "The agreement"): drafted while approved, then signed.
  sendForSigning: { from: ["approved"], to: "agreement_pending_signatures", kind: "proposal" },
  // A change is needed before everyone has signed: back to drafting; the signatures lapse.
  reopenAgreement: { from: ["agreement_pending_signatures"], to: "approved" },
  // The last signature makes the agreement active.
  signAgreement: {
    from: ["agreement_pending_signatures"],
    to: (c) => ((c.signaturesMissing ?? 1) <= 1 ? "active" : "agreement_pending_signatures"),
  },
  // On the end date (the term's, or the one notice gave), by Samverka's own job.
  endAgreement: { from: ["active"], to: "ended" },
};

export type TransitionRefusal = "status" | "actor" | "kind";

export class TransitionError extends Error {
  constructor(
    readonly transition: TransitionName,
    readonly reason: TransitionRefusal,
    readonly status: CaseStatus,
  ) {
    super(`cases.refused.${reason}`);
  }
}

/** Why this actor may not make `name` now, or null when it may. */
function refusal(name: TransitionName, facts: CaseFacts, actor: CaseRelation): TransitionRefusal | null {
  const t = TRANSITIONS[name];
  if (!mayOnCase(name, actor)) return "actor";
  if (t.kind && t.kind !== facts.kind) return "kind";
  if (!t.from.includes(facts.status)) return "status";
  return null;
}

/** The status after `name`, or a TransitionError saying why it is not allowed. */
export function nextStatus(name: TransitionName, facts: CaseFacts, actor: CaseRelation): CaseStatus {
  const reason = refusal(name, facts, actor);
  if (reason) throw new TransitionError(name, reason, facts.status);
  const t = TRANSITIONS[name];
  if (t.to === "same") return facts.status;
  return typeof t.to === "function" ? t.to(facts) : t.to;
}

/** The transitions this actor may make now (for buttons and "what happens next"). Asks without
 * throwing: an error per refused transition (its stack trace) cost more than the rest of the check. */
export function availableTransitions(facts: CaseFacts, actor: CaseRelation): TransitionName[] {
  return (Object.keys(TRANSITIONS) as TransitionName[]).filter((name) => refusal(name, facts, actor) === null);
}
