// What a complete idea or proposal must contain (plain, shared by server and browser).
import type { CaseKind } from "#models/constants";

export interface ContentForCheck {
  title?: string;
  summary?: string;
  need?: string;
  targetGroup?: string;
  activities?: string;
  periodStart?: Date | string | null;
  periodEnd?: Date | string | null;
  areas?: string[];
  generalInterest?: string;
  addedValue?: string;
  ownContributionDescription?: string;
  requestedSekPerYear?: number | null;
  // Optional fields: not checked here, but they start a section (proposal-sections.ts).
  municipalGoal?: string;
  partnerOrganisations?: string;
  ownContributionSek?: number;
  volunteerHoursPerYear?: number;
  ownContributionInKind?: string;
  requestedInKind?: string;
  contactPhone?: string;
  goals?: { goal: string; indicator: string }[];
  contactName?: string;
  contactEmail?: string;
}

const IDEA_REQUIRED = ["title", "summary", "areas", "contactName", "contactEmail"] as const;

const REQUIRED = "required";
const OPTIONAL = "optional";

/**
 * The full proposal's fields: the one list. By section (the task list, proposal-sections.ts),
 * in form order, each required to submit or optional. The municipal contribution asked for must
 * be answered, and may be 0.
 */
export const PROPOSAL_FIELDS = {
  activity: {
    title: REQUIRED,
    summary: REQUIRED,
    areas: REQUIRED,
    need: REQUIRED,
    targetGroup: REQUIRED,
    activities: REQUIRED,
    periodStart: REQUIRED,
    periodEnd: REQUIRED,
    partnerOrganisations: OPTIONAL,
  },
  goals: { generalInterest: REQUIRED, municipalGoal: OPTIONAL, addedValue: REQUIRED, goals: REQUIRED },
  contributions: {
    ownContributionDescription: REQUIRED,
    ownContributionSek: OPTIONAL,
    volunteerHoursPerYear: OPTIONAL,
    ownContributionInKind: OPTIONAL,
    requestedSekPerYear: REQUIRED,
    requestedInKind: OPTIONAL,
  },
  contact: { contactName: REQUIRED, contactEmail: REQUIRED, contactPhone: OPTIONAL },
  attachments: {},
} as const satisfies Record<string, Partial<Record<keyof ContentForCheck, typeof REQUIRED | typeof OPTIONAL>>>;

const PROPOSAL_REQUIRED = Object.values(PROPOSAL_FIELDS).flatMap(
  (fields) =>
    Object.entries(fields)
      .filter(([, need]) => need === REQUIRED)
      .map(([name]) => name) as (keyof ContentForCheck)[],
);

const filled = (value: unknown) =>
  Array.isArray(value)
    ? value.length > 0
    : value instanceof Date
      ? true
      : typeof value === "number"
        ? true
        : Boolean(value);

/** The fields still missing before the case can be submitted, in form order. */
export function missingFields(kind: CaseKind, content: ContentForCheck): string[] {
  const required = kind === "idea" ? IDEA_REQUIRED : PROPOSAL_REQUIRED;
  const missing: string[] = required.filter((field) => !filled(content[field]));
  if (kind === "proposal" && content.periodStart && content.periodEnd) {
    if (new Date(content.periodEnd) <= new Date(content.periodStart)) missing.push("periodEnd");
  }
  return missing;
}
