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
  /** The same plan by calendar year ("2027" → kronor). */
  plannedByYear: Record<string, number>;
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
  plannedByYear: {},
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
  /** The national register's filters: one public body, by slug; one county, by code. */
  body?: string;
  county?: string;
}

/** An entry of the national register (the front door): the entry and whose it is. */
export type NationalEntry = RegisterEntry & {
  publicBody: { slug: string; name: string; url: string; orgNumber?: string; countyCode?: string };
};

/** Every year some entry's agreement ran (or was decided, before it started), latest first. */
export function registerYears(entries: readonly RegisterEntry[]) {
  const years = new Set<number>();
  for (const e of entries) {
    const from = Number((e.startDate || e.decisionDate).slice(0, 4));
    const to = Number((e.endDate || e.startDate || e.decisionDate).slice(0, 4));
    for (let y = from; y && y <= to && y - from < 20; y++) years.add(y);
  }
  return [...years].sort((a, b) => b - a);
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
export function searchRegister<E extends RegisterEntry>(entries: E[], query: RegisterQuery) {
  const words = query.q.toLocaleLowerCase("sv-SE").split(/\s+/).filter(Boolean);
  return entries.filter((e) => {
    const body = "publicBody" in e ? (e as unknown as NationalEntry).publicBody : null;
    if (query.body && body?.slug !== query.body) return false;
    if (query.county && body?.countyCode !== query.county) return false;
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

const REGISTER_PAGE_SIZE = 25;

/**
 * One page of a register search, as the register page shows it: a body's own register, or the
 * national one (entries with their body, linking to the body's own page for each).
 */
export function registerPage<E extends RegisterEntry>(entries: E[], query: RegisterQuery & { page: number }) {
  const found = searchRegister(entries, query);
  const pages = Math.max(1, Math.ceil(found.length / REGISTER_PAGE_SIZE));
  const page = Math.min(query.page, pages);
  return {
    total: found.length,
    page,
    pages,
    entries: found.slice((page - 1) * REGISTER_PAGE_SIZE, page * REGISTER_PAGE_SIZE).map((e) => {
      const body = "publicBody" in e ? (e as unknown as NationalEntry).publicBody : null;
      return {
        id: e.id,
        href: body ? `${body.url}/register/${e.id}` : `/register/${e.id}`,
        publicBody: body?.name ?? null,
        title: e.withheld ? null : e.title,
        caseNumber: e.caseNumber,
        organisation: e.organisation,
        department: e.department,
        startDate: e.startDate,
        endDate: e.endDate,
        amountPerYearSek: e.amountPerYearSek,
        status: e.status,
      };
    }),
    years: registerYears(entries),
  };
}
