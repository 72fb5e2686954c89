import { addressOfBody, allBodies } from "../public-body/public-body.server";
import type { NationalEntry, RegisterEntry } from "./register";
import { registerEntries } from "./register.server";

// The national register at the front door (decision 028): every body's register in one list,
// each entry marked with its body and linking to the body's own page for it.

let kept: { sources: RegisterEntry[][]; entries: NationalEntry[] } | null = null;

/** Every public body's agreements, the latest decision first; made again only when a register changed. */
export async function nationalRegisterEntries(): Promise<NationalEntry[]> {
  const bodies = await allBodies();
  const lists = await Promise.all(
    bodies.map(async (body) => ({ body, entries: (await registerEntries(body)).entries })),
  );
  const sources = lists.map((l) => l.entries);
  if (kept && kept.sources.length === sources.length && kept.sources.every((s, i) => s === sources[i])) {
    return kept.entries;
  }
  const entries = lists
    .flatMap(({ body, entries }) =>
      entries.map((e) => ({
        ...e,
        publicBody: {
          slug: body.slug,
          name: body.name,
          url: addressOfBody(body),
          ...(body.orgNumber ? { orgNumber: body.orgNumber } : {}),
          ...(body.countyCode ? { countyCode: body.countyCode } : {}),
        },
      })),
    )
    .sort(
      (x, y) =>
        y.decisionDate.localeCompare(x.decisionDate) || x.publicBody.name.localeCompare(y.publicBody.name, "sv"),
    );
  kept = { sources, entries };
  return entries;
}
