// The public register of IOP agreements (docs/transparency.md): what one entry says, and how a
// search narrows the list. Plain and shared by the pages and the open data. No personal data
// ever enters an entry: organisations, departments, money, dates and the public decision only.
import { perObject } from "../kernel/per-object";

export const REGISTER_STATUSES = ["approved", "active", "ended"] as const;
export type RegisterStatus = (typeof REGISTER_STATUSES)[number];

/** A case's status as the register shows it (null: not in the register). */
export function registerStatus(status: string): RegisterStatus | null {
  if (status === "approved" || status === "agreement_pending_signatures") return "approved";
  if (status === "active" || status === "ended") return status;
  return null;
}

export interface RegisterEntry {
  /** Stable across every export: the public body and the case number ("360G"-style identifier). */
  identifier: string;
  id: string;
  caseNumber: string;
  title: string;
  summary: string;
  organisation: { name: string; organisationNumber: string };
  partners: { name: string; organisationNumber: string }[];
  department: string;
  departmentId: string;
  areas: string[];
  status: RegisterStatus;
  /** YYYY-MM-DD, or "" when not set. */
  startDate: string;
  endDate: string;
  amountPerYearSek: number;
  /** Over the whole term, as planned (the payment plan once in force). */
  amountAwardedSek: number;
  decisionDate: string;
  decisionParagraph: string;
  decidedBy: "committee" | "delegation" | "";
  reportsReceived: number;
  reportsDue: number;
  paymentsMade: number;
  amountPaidSek: number;
  lastModified: string;
  /**
   * Marked as possibly confidential (OSL) and not yet cleared by staff for publication: the
   * entry then says nothing beyond its case number, organisation and status.
   */
  withheld: boolean;
}

/** The entry as published while its case is withheld: case number, organisation and status only. */
export const withheldEntry = (e: RegisterEntry): RegisterEntry => ({
  ...e,
  title: "",
  summary: "",
  partners: [],
  department: "",
  departmentId: "",
  areas: [],
  startDate: "",
  endDate: "",
  amountPerYearSek: 0,
  amountAwardedSek: 0,
  decisionDate: "",
  decisionParagraph: "",
  decidedBy: "",
  reportsReceived: 0,
  reportsDue: 0,
  paymentsMade: 0,
  amountPaidSek: 0,
  withheld: true,
});

/** "KS 2026/0001" of Exempelkommun → "samverka-exempelkommun-KS-2026-0001". */
export const registerIdentifier = (publicBodySlug: string, caseNumber: string) =>
  `samverka-${publicBodySlug}-${caseNumber.replace(/[^A-Za-z0-9]+/g, "-").replace(/^-|-$/g, "")}`;

export interface RegisterQuery {
  q: string;
  area: string;
  department: string;
  status: string;
  year: number | null;
}

const yearOf = (iso: string) => (iso ? Number(iso.slice(0, 4)) : null);

// The lower-cased text a search looks in, made once per entry: the register's entries are kept
// between views, and lower-casing by Swedish rules is the costliest step of a search.
const searchText = perObject((e: RegisterEntry) =>
  `${e.title} ${e.summary} ${e.organisation.name} ${e.organisation.organisationNumber} ${e.caseNumber}`.toLocaleLowerCase(
    "sv-SE",
  ),
);

/** Entries matching a search: words in title, summary or organisation; area; department; status; a year the agreement ran. */
export function searchRegister(entries: RegisterEntry[], query: RegisterQuery) {
  const words = query.q.toLocaleLowerCase("sv-SE").split(/\s+/).filter(Boolean);
  return entries.filter((e) => {
    if (query.area && !e.areas.includes(query.area)) return false;
    if (query.department && e.departmentId !== query.department) return false;
    if (query.status && e.status !== query.status) return false;
    if (query.year) {
      const from = yearOf(e.startDate) ?? yearOf(e.decisionDate);
      const to = yearOf(e.endDate) ?? from;
      if (from === null || to === null || query.year < from || query.year > to) return false;
    }
    if (words.length === 0) return true;
    const text = searchText(e);
    return words.every((w) => text.includes(w));
  });
}
