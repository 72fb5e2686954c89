import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ProposalModel } from "#models/proposal";
import { agreementInStatus, caseInStatus } from "~/domain/demo/factories.server";
import { grantedSekPerYear, GRANTED_STATUSES } from "~/domain/statistics/figures";
import { formatSek } from "~/i18n";
import { startTestApp, type TestApp } from "../support/app";
import { laxhjalpenCast } from "../support/cast";
import { DEMO, sessionFor } from "../support/http";

// One meaning for every figure (issue 21, part 5): "Beviljat bidrag per år" and how many are
// granted, computed here from the database, equal what the politician's start page, the
// overview, the register and the open data show.

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp("figures");
  const cast = await laxhjalpenCast();
  await caseInStatus("approved", cast, "Siffror: beviljat");
  await agreementInStatus(cast, "Siffror: för underskrift", false);
  await agreementInStatus(cast, "Siffror: gäller", true);
  await caseInStatus("declined", cast, "Siffror: avslaget");
  await caseInStatus("in_dialogue", cast, "Siffror: i dialog");
  await caseInStatus("submitted", cast, "Siffror: inte fördelat");
  // The agreement in force was drafted with another amount than the decision: the agreement's counts.
  const active = await ProposalModel.findOne({ title: "Siffror: gäller" }).lean();
  expect(active?.agreement?.municipalSekPerYear).toBeGreaterThan(0);
});
afterAll(async () => app?.stop());

const text = async (res: Response) => (await res.text()).replaceAll("<!-- -->", "").replaceAll("\u00a0", " ");

describe("granted agreements and their money", () => {
  it("mean the same on the start page, the overview, the register and in the open data", async () => {
    const granted = await ProposalModel.find({ status: { $in: [...GRANTED_STATUSES] } }).lean();
    const count = granted.length;
    const sek = granted.reduce((sum, c) => sum + grantedSekPerYear(c), 0);
    expect(count).toBeGreaterThanOrEqual(3);
    const money = formatSek(sek).replaceAll("\u00a0", " ");

    const politician = await sessionFor(app.url, DEMO.politician);
    const start = await text(await politician.get("/mina-sidor"));
    expect(start).toMatch(new RegExp(`<dt>Beviljade och gällande[^<]*</dt><dd>${count}</dd>`));
    expect(start).toContain(`<dt>Beviljat bidrag per år (kommunens bidrag för dessa)</dt><dd>${money}</dd>`);

    const overview = await text(await politician.get("/oversikt"));
    expect(overview).toMatch(new RegExp(`<dt>Beviljade och gällande[^<]*</dt><dd>${count}</dd>`));
    expect(overview).toContain(`<dt>Beviljat bidrag per år (kommunens bidrag för dessa)</dt><dd>${money}</dd>`);

    // Every year with agreement money can be chosen (the plans run into 2028), and the cases
    // not routed yet have a name in the department table.
    const years = [...overview.matchAll(/<option value="(\d{4})"/g)].map((m) => Number(m[1]));
    const planYears = granted.flatMap((c) => (c.agreement?.plan ?? []).map((p) => p.date.getUTCFullYear()));
    for (const year of new Set(planYears)) expect(years, String(year)).toContain(year);
    expect(overview).toContain("Inte fördelade ännu");

    // The register lists granted ("approved" covers out for signing) and ended agreements.
    const json = (await (await fetch(`${app.url}/oppna-data/avtal.json`)).json()) as {
      status: string;
      amountPerYear: number;
    }[];
    const inRegister = json.filter((r) => r.status === "approved" || r.status === "active");
    expect(inRegister.length).toBe(count);
    expect(inRegister.reduce((s, r) => s + r.amountPerYear, 0)).toBe(sek);
  });
});

describe("money by department and year", () => {
  it("is one table whose cells are the agreements' planned payments of that department and year", async () => {
    const { DepartmentModel } = await import("#models/department");
    const withMoney = await ProposalModel.find({ status: { $in: ["active", "ended"] } }).lean();
    const expected = new Map<string, number>();
    for (const c of withMoney)
      for (const p of c.agreement?.plan ?? []) {
        const key = `${String(c.routing?.departmentId)}|${p.date.getUTCFullYear()}`;
        expected.set(key, (expected.get(key) ?? 0) + p.amountSek);
      }
    expect(expected.size).toBeGreaterThan(0);
    const politician = await sessionFor(app.url, DEMO.politician);
    const csv = await (await politician.get("/oversikt/tabell.csv?tabell=moneyByDepartment")).text();
    const [header = [], ...rows] = csv
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n")
      .map((l) => l.split(";"));
    expect(header[0]).toBe("Förvaltning");
    expect(header.at(-1)).toBe("Totalt");
    for (const [key, sum] of expected) {
      const [departmentId, year] = key.split("|");
      const dept = await DepartmentModel.findById(departmentId).lean();
      const row = rows.find((r) => r[0] === dept?.name);
      expect(row, dept?.name).toBeDefined();
      expect(Number(row![header.indexOf(year!)]), key).toBe(sum);
    }
    // The last row adds up each year, the same figure as the money-per-year table.
    const total = rows.at(-1)!;
    expect(total[0]).toBe("Totalt");
    const all = [...expected.values()].reduce((a, b) => a + b, 0);
    expect(Number(total.at(-1))).toBe(all);

    const page = await text(await politician.get("/oversikt"));
    expect(page).toContain("Kommunens bidrag per förvaltning och år");
  });
});
