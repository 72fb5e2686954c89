// Statistics of the public register (decision 028; docs/transparency.md, "Figures"): for one body
// or, at the front door, every body. Made from the register's entries alone, so they hold no
// more than the register shows and no personal data; withheld entries count as agreements but
// add no money or area.
import type { NationalEntry, RegisterEntry } from "./register";

export interface RegisterFigures {
  /** Beviljade och gällande: decided yes and not ended (the register's approved and active). */
  granted: number;
  /** Gällande: in force. */
  active: number;
  /** Beviljat bidrag per år: the granted ones' contribution per year, summed. */
  grantedSekPerYear: number;
  /** Organisations (lead or co-organisation, by organisationsnummer) with an agreement in the register. */
  organisations: number;
}

function figuresOf(entries: readonly RegisterEntry[]): RegisterFigures {
  const granted = entries.filter((e) => e.status === "approved" || e.status === "active");
  const numbers = new Set(
    entries.flatMap((e) => [e.organisation.organisationNumber, ...e.partners.map((p) => p.organisationNumber)]),
  );
  numbers.delete("");
  return {
    granted: granted.length,
    active: entries.filter((e) => e.status === "active").length,
    grantedSekPerYear: granted.reduce((s, e) => s + e.amountPerYearSek, 0),
    organisations: numbers.size,
  };
}

/**
 * The register's figures in total, per public body (national entries only), per area (granted
 * agreements) and the planned contribution per calendar year (every agreement's payment plan).
 */
export function registerStatistics(entries: readonly RegisterEntry[]) {
  const bodies = new Map<string, { name: string; url: string; entries: RegisterEntry[] }>();
  for (const e of entries) {
    if (!("publicBody" in e)) continue;
    const { slug, name, url } = (e as NationalEntry).publicBody;
    const body = bodies.get(slug) ?? { name, url, entries: [] };
    body.entries.push(e);
    bodies.set(slug, body);
  }
  const areas = new Map<string, number>();
  for (const e of entries) {
    if (e.status !== "approved" && e.status !== "active") continue;
    for (const area of e.areas) areas.set(area, (areas.get(area) ?? 0) + 1);
  }
  const years = new Map<string, number>();
  for (const e of entries) {
    for (const [year, sek] of Object.entries(e.plannedByYear)) years.set(year, (years.get(year) ?? 0) + sek);
  }
  return {
    total: figuresOf(entries),
    bodies: [...bodies.values()]
      .map((b) => ({ name: b.name, url: b.url, ...figuresOf(b.entries) }))
      .sort((a, b) => a.name.localeCompare(b.name, "sv")),
    areas: [...areas].map(([area, granted]) => ({ area, granted })).sort((a, b) => b.granted - a.granted),
    years: [...years].map(([year, plannedSek]) => ({ year, plannedSek })).sort((a, b) => a.year.localeCompare(b.year)),
  };
}
