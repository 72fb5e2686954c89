// The full proposal as a task list (docs/domain.md, "The proposal, section by section"): which
// fields each section holds, and each section's status. Plain, shared by server and browser.
import { missingFields, PROPOSAL_FIELDS, type ContentForCheck } from "./proposal-content";

export type ProposalSection = keyof typeof PROPOSAL_FIELDS;
export const PROPOSAL_SECTIONS = Object.keys(PROPOSAL_FIELDS) as ProposalSection[];

/** The section's address in the URL (`/forslag/:id/del/:slug`), in Swedish like every address. */
export const SECTION_SLUGS: Record<ProposalSection, string> = {
  activity: "verksamhet",
  goals: "mal",
  contributions: "insatser",
  contact: "kontakt",
  attachments: "bilagor",
};

/** Each section's fields in form order (from the one list, proposal-content.ts). */
export const SECTION_FIELDS = Object.fromEntries(
  PROPOSAL_SECTIONS.map((section) => [section, Object.keys(PROPOSAL_FIELDS[section])]),
) as { [S in ProposalSection]: (keyof (typeof PROPOSAL_FIELDS)[S])[] };

/** "optional": the attachments, which a proposal may go without. */
export type SectionStatus = "notStarted" | "inProgress" | "done" | "optional";

export const sectionBySlug = (slug: string | undefined) => PROPOSAL_SECTIONS.find((s) => SECTION_SLUGS[s] === slug);

/** The required fields of a section still empty, in form order. */
export function missingInSection(section: ProposalSection, content: ContentForCheck): string[] {
  const fields: readonly string[] = SECTION_FIELDS[section];
  return missingFields("proposal", content).filter((f) => fields.includes(f));
}

// An optional amount of 0 is the form's empty value; the amount asked for is empty only when null.
const started = (value: unknown) =>
  Array.isArray(value)
    ? value.length > 0
    : typeof value === "number"
      ? value !== 0
      : value instanceof Date || (typeof value === "string" && value !== "") || value === true;

export interface SectionFacts extends ContentForCheck {
  completedSections?: string[];
  /** Sections the organisation has saved at least once (absent on drafts from before it was kept). */
  savedSections?: string[];
  attachmentCount: number;
}

/** Sections filled in for the organisation when the draft is made (the contact, from the account). */
const PREFILLED: readonly ProposalSection[] = ["contact"];

/**
 * Done when the organisation said so and nothing required is missing (a later edit can empty a
 * field); in progress when anything is written (a prefilled section once it was saved); else not
 * started. The attachments are optional: done when there are any or the organisation said so.
 */
export function sectionStatus(section: ProposalSection, facts: SectionFacts): SectionStatus {
  const marked = facts.completedSections?.includes(section) ?? false;
  if (section === "attachments") return marked || facts.attachmentCount > 0 ? "done" : "optional";
  if (marked && missingInSection(section, facts).length === 0) return "done";
  const values = SECTION_FIELDS[section].map((f) => facts[f]);
  const anything =
    PREFILLED.includes(section) && facts.savedSections
      ? facts.savedSections.includes(section)
      : values.some(started) || (section === "contributions" && facts.requestedSekPerYear === 0);
  return marked || anything ? "inProgress" : "notStarted";
}

/** Whether the proposal may be sent with the section as it is. */
export const sectionReady = (status: SectionStatus) => status === "done" || status === "optional";

export function sectionStatuses(facts: SectionFacts) {
  return PROPOSAL_SECTIONS.map((section) => ({
    section,
    slug: SECTION_SLUGS[section],
    status: sectionStatus(section, facts),
  }));
}
