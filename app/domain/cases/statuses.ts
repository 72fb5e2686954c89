// Status groups that pages, rules and use cases ask about (docs/domain.md, "The lifecycle").
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
