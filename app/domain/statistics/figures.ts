// One meaning for each figure that several pages and files show (docs/transparency.md,
// "Figures"): the politician's start page, the overview, the register and the open data all
// count with these. Plain.
import type { CaseStatus } from "#models/constants";
import { isIn } from "../lifecycle/statuses";

/** "Beviljade": decided yes and not ended: approved, out for signing, or in force. */
export const GRANTED_STATUSES = [
  "approved",
  "agreement_pending_signatures",
  "active",
] as const satisfies readonly CaseStatus[];

export const isGranted = (status: CaseStatus) => isIn(GRANTED_STATUSES, status);

/**
 * "Beviljat bidrag per år" of one case: the agreement's contribution per year once there is an
 * agreement (it may differ from the decision after drafting or a change), else the decision's.
 */
export const grantedSekPerYear = (c: {
  agreement?: { municipalSekPerYear?: number } | null;
  decision?: { contributionPerYearSek?: number } | null;
}) => c.agreement?.municipalSekPerYear ?? c.decision?.contributionPerYearSek ?? 0;
