// The lifecycle of an IOP case (docs/domain.md, "The lifecycle of a case"): every transition, who
// may make it and from which statuses, in one table. Plain TypeScript, no database: the
// executor (cases.server.ts) applies a transition as one claimed write plus one case event.

import { CASE_KINDS, CASE_STATUSES, type CaseKind, type CaseStatus } from "#models/constants";

export { CASE_KINDS, CASE_STATUSES, type CaseKind, type CaseStatus };

/** How the acting person relates to this case. */
export type CaseActor = "organisation" | "coordinator" | "officer" | "admin" | "politician" | "stranger";

export type TransitionName =
  | "submit"
  | "route"
  | "reassign"
  | "requestCompletion"
  | "answerCompletion"
  | "convertToProposal"
  | "closeIdea"
  | "startAssessment"
  | "approve"
  | "decline"
  | "withdraw";

interface Transition {
  from: readonly CaseStatus[];
  /** Who may do it. */
  by: readonly CaseActor[];
  /** The status afterwards; `same` keeps it (reassignment). */
  to: CaseStatus | "same" | ((c: CaseFacts) => CaseStatus);
  /** Only for ideas, or only for full proposals. */
  kind?: CaseKind;
}

export interface CaseFacts {
  status: CaseStatus;
  kind: CaseKind;
  routed: boolean;
}

const STAFF_HANDLING = ["coordinator", "officer", "admin"] as const;
const BEFORE_DECISION = [
  "draft",
  "submitted",
  "in_dialogue",
  "awaiting_completion",
  "preparing_proposal",
  "in_assessment",
] as const;

// Status groups that pages and use cases ask about, kept here beside the table.
/** The organisation may edit the text: a draft, or a routed idea being written up as a proposal. */
export const EDITABLE_STATUSES = ["draft", "preparing_proposal"] as const satisfies readonly CaseStatus[];
/** Registered and not decided: the dialogue (messages, meetings) is open. */
export const DIALOGUE_STATUSES = [
  "submitted",
  "in_dialogue",
  "awaiting_completion",
  "preparing_proposal",
  "in_assessment",
] as const satisfies readonly CaseStatus[];
/** The organisation may add attachments. */
export const ATTACHABLE_STATUSES = [
  "draft",
  "submitted",
  "in_dialogue",
  "awaiting_completion",
  "preparing_proposal",
] as const satisfies readonly CaseStatus[];

export const isIn = (statuses: readonly CaseStatus[], status: CaseStatus) => statuses.includes(status);

export const TRANSITIONS: Record<TransitionName, Transition> = {
  // A converted idea keeps its routing, so its proposal goes straight back to the dialogue.
  submit: {
    from: ["draft", "preparing_proposal"],
    by: ["organisation"],
    to: (c) => (c.routed ? "in_dialogue" : "submitted"),
  },
  route: { from: ["submitted"], by: ["coordinator", "admin"], to: "in_dialogue" },
  reassign: {
    from: ["in_dialogue", "awaiting_completion", "preparing_proposal", "in_assessment"],
    by: ["coordinator", "admin"],
    to: "same",
  },
  requestCompletion: { from: ["in_dialogue"], by: STAFF_HANDLING, to: "awaiting_completion" },
  answerCompletion: { from: ["awaiting_completion"], by: ["organisation"], to: "in_dialogue" },
  // The case stays registered, routed and visible to staff while the organisation writes.
  convertToProposal: { from: ["in_dialogue"], by: ["organisation"], to: "preparing_proposal", kind: "idea" },
  closeIdea: { from: ["in_dialogue"], by: STAFF_HANDLING, to: "closed", kind: "idea" },
  startAssessment: { from: ["in_dialogue"], by: ["officer", "coordinator"], to: "in_assessment", kind: "proposal" },
  approve: { from: ["in_assessment"], by: ["officer", "coordinator"], to: "approved", kind: "proposal" },
  decline: { from: ["in_assessment"], by: ["officer", "coordinator"], to: "declined", kind: "proposal" },
  withdraw: { from: BEFORE_DECISION, by: ["organisation"], to: "withdrawn" },
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

/** The status after `name`, or a TransitionError saying why it is not allowed. */
export function nextStatus(name: TransitionName, facts: CaseFacts, actor: CaseActor): CaseStatus {
  const t = TRANSITIONS[name];
  if (!t.by.includes(actor)) throw new TransitionError(name, "actor", facts.status);
  if (t.kind && t.kind !== facts.kind) throw new TransitionError(name, "kind", facts.status);
  if (!t.from.includes(facts.status)) throw new TransitionError(name, "status", facts.status);
  if (t.to === "same") return facts.status;
  return typeof t.to === "function" ? t.to(facts) : t.to;
}

/** The transitions this actor may make now (for buttons and "what happens next"). */
export function availableTransitions(facts: CaseFacts, actor: CaseActor): TransitionName[] {
  return (Object.keys(TRANSITIONS) as TransitionName[]).filter((name) => {
    try {
      nextStatus(name, facts, actor);
      return true;
    } catch {
      return false;
    }
  });
}

export const isOpen = (status: CaseStatus) => (BEFORE_DECISION as readonly CaseStatus[]).includes(status);
