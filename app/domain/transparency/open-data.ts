// The register as open data (docs/transparency.md, "Open data"): one flat record per agreement
// with documented fields, the same in CSV and JSON; ISO dates, plain numbers, no personal data.
// The fields follow the 360Giving standard's ideas: a stable identifier, the recipient, the
// amount awarded, the dates. Plain.
import type { RegisterEntry } from "./register";

export interface OpenDataRecord {
  identifier: string;
  url: string;
  caseNumber: string;
  title: string;
  description: string;
  recipientOrganisationName: string;
  recipientOrganisationNumber: string;
  partnerOrganisations: { name: string; organisationNumber: string }[];
  fundingDepartment: string;
  areas: string[];
  status: string;
  plannedStartDate: string;
  plannedEndDate: string;
  currency: "SEK";
  amountPerYear: number;
  amountAwarded: number;
  amountPaid: number;
  paymentsMade: number;
  reportsReceived: number;
  reportsDue: number;
  awardDate: string;
  decisionParagraph: string;
  decidedBy: string;
  dateModified: string;
  withheld: boolean;
  publicBodyName: string;
  publicBodyOrganisationNumber: string;
}

/** The public body an agreement is with (every file says, so that files of bodies can be joined). */
export interface OpenDataBody {
  name: string;
  orgNumber?: string;
}

/** Each field with what it means, in the order of the CSV's columns (also the documentation). */
export const OPEN_DATA_FIELDS: [keyof OpenDataRecord, string][] = [
  ["identifier", "Stable identifier of the agreement: samverka-<public body>-<case number>"],
  ["url", "The agreement's page in the public register"],
  ["caseNumber", "The municipality's case number (diarienummer)"],
  ["title", "Title of the partnership"],
  ["description", "Summary, as the organisation wrote it"],
  ["recipientOrganisationName", "The lead organisation"],
  ["recipientOrganisationNumber", "Its organisationsnummer (NNNNNN-NNNN)"],
  ["partnerOrganisations", "Co-organisations: JSON array; in CSV 'name (number)' separated by '; '"],
  ["fundingDepartment", "The responsible department"],
  ["areas", "Areas: JSON array; in CSV separated by '; '"],
  ["status", "approved (decided, not yet in force), active (in force) or ended"],
  ["plannedStartDate", "Start of the term, YYYY-MM-DD"],
  ["plannedEndDate", "End of the term (after notice: the day it ends), YYYY-MM-DD"],
  ["currency", "Always SEK"],
  ["amountPerYear", "Municipal contribution per year, whole kronor"],
  ["amountAwarded", "Municipal contribution over the whole term as planned, whole kronor"],
  ["amountPaid", "Paid so far, whole kronor"],
  ["paymentsMade", "Number of payments recorded"],
  ["reportsReceived", "Follow-up reports received"],
  ["reportsDue", "Follow-up reports due by today"],
  ["awardDate", "Date of the decision, YYYY-MM-DD"],
  ["decisionParagraph", "The decision's paragraph in the minutes (§), if any"],
  ["decidedBy", "committee or delegation"],
  ["dateModified", "When the case last changed, ISO 8601 in UTC"],
  [
    "withheld",
    "true while the case is marked as possibly confidential (OSL) and not yet cleared for publication: only identifier, url, case number, organisation and status are given then",
  ],
  ["publicBodyName", "The municipality or region the agreement is with"],
  ["publicBodyOrganisationNumber", "Its organisationsnummer (NNNNNN-NNNN), if recorded"],
];

export function openDataRecord(e: RegisterEntry, baseUrl: string, body: OpenDataBody): OpenDataRecord {
  return {
    identifier: e.identifier,
    url: `${baseUrl}/register/${e.id}`,
    caseNumber: e.caseNumber,
    title: e.title,
    description: e.summary,
    recipientOrganisationName: e.organisation.name,
    recipientOrganisationNumber: e.organisation.organisationNumber,
    partnerOrganisations: e.partners,
    fundingDepartment: e.department,
    areas: e.areas,
    status: e.status,
    plannedStartDate: e.startDate,
    plannedEndDate: e.endDate,
    currency: "SEK",
    amountPerYear: e.amountPerYearSek,
    amountAwarded: e.amountAwardedSek,
    amountPaid: e.amountPaidSek,
    paymentsMade: e.paymentsMade,
    reportsReceived: e.reportsReceived,
    reportsDue: e.reportsDue,
    awardDate: e.decisionDate,
    decisionParagraph: e.decisionParagraph,
    decidedBy: e.decidedBy,
    dateModified: e.lastModified,
    withheld: e.withheld,
    publicBodyName: body.name,
    publicBodyOrganisationNumber: body.orgNumber ?? "",
  };
}

/** A record as a CSV row: lists joined with "; ", everything else as it is. */
export const csvRow = (r: OpenDataRecord) =>
  OPEN_DATA_FIELDS.map(([key]) => {
    const value = r[key];
    if (key === "partnerOrganisations") {
      return r.partnerOrganisations.map((p) => `${p.name} (${p.organisationNumber})`).join("; ");
    }
    if (typeof value === "boolean") return String(value);
    return Array.isArray(value) ? value.join("; ") : value;
  });
