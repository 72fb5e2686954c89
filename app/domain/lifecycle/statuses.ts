// The lifecycle's vocabulary (docs/domain.md, "The lifecycle"): the status groups that pages,
// rules and use cases ask about, and the names of its steps. Below both the access policy and the
// cases module, which both speak it (docs/architecture.md, "Module layers").
import type { CaseStatus } from "#models/constants";

/** Submitted or being written, and not yet decided, withdrawn or closed. */
export const BEFORE_DECISION = [
  "draft",
  "submitted",
  "in_dialogue",
  "awaiting_completion",
  "preparing_proposal",
  "in_assessment",
] as const satisfies readonly CaseStatus[];
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

export const isOpen = (status: CaseStatus) => isIn(BEFORE_DECISION, status);

/** Finished without an agreement, or ended: listed after the cases still going on. */
export const CLOSED_STATUSES = ["withdrawn", "declined", "closed", "ended"] as const satisfies readonly CaseStatus[];

// Staff read these statuses "from the organisation", not "from you" (cases.staffStatus).
const STAFF_WORDING = new Set(["submitted", "awaiting_completion", "preparing_proposal"]);

/**
 * The stage a case is shown in (lists, badges, "what happens now"): an approved case whose
 * agreement is being written says so, though its status stays "approved" until it is sent.
 */
export const shownStatus = (c: { status: CaseStatus; agreement?: { number: number } | null }) =>
  c.status === "approved" && c.agreement ? "agreement_drafting" : c.status;

/** The locale key of a status as its reader sees it. */
export const statusKey = (status: string, staff: boolean) =>
  staff && STAFF_WORDING.has(status) ? `cases.staffStatus.${status}` : `cases.status.${status}`;

/** The steps of the lifecycle (their table is cases/lifecycle.ts). */
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
  | "withdraw"
  | "sendForSigning"
  | "reopenAgreement"
  | "signAgreement"
  | "endAgreement";
