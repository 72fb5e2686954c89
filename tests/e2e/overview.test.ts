import { describe, expect, it } from "vitest";
import { OrganisationModel } from "#models/organisation";
import { ProposalModel } from "#models/proposal";
import { recordPayment } from "~/domain/agreements/agreements.server";
import { loadCaseById } from "~/domain/cases/engine.server";
import { agreementInStatus, caseInStatus } from "~/domain/demo/factories.server";
import { browserSuite, look, newPage, scriptsOn, signInAs } from "../support/browser";
import { laxhjalpenCast } from "../support/cast";
import { DEMO } from "../support/http";

// A politician reads the overview in a real browser; its figures equal what the test counts
// itself in the cases it made (and the rest of the test database).

const suite = browserSuite("overview");
const kronor = (n: number) => `${new Intl.NumberFormat("sv-SE").format(n)} kr`.replace(/\s/g, " ");
const text = (s: string | null) => (s ?? "").replace(/\s+/g, " ").trim();

describe("the overview", { timeout: 120_000 }, () => {
  it("shows a politician the figures of the cases, agreements and money, kept as they change", async () => {
    const { app, browser } = suite;
    const cast = await laxhjalpenCast();
    const p = await newPage(browser);
    await signInAs(p, app.url, DEMO.politician);
    await p.page.goto(`${app.url}/oversikt`); // the first view counts what is there already

    // Then cases change: the counters follow.
    const active = await agreementInStatus(cast, "Översikt: avtal", true);
    await caseInStatus("approved", cast, "Översikt: beviljat");
    await caseInStatus("in_dialogue", cast, "Översikt: dialog");
    const current = (await loadCaseById(active.publicBodyId, active._id))!;
    await recordPayment(
      current,
      cast.officer,
      { paidOn: new Date("2027-02-01T00:00:00Z"), amountSek: 37_500, reference: "V-9" },
      current.version,
    );

    const body = active.publicBodyId;
    const cases = await ProposalModel.find({ publicBodyId: body, status: { $ne: "draft" } }).lean();
    const agreements = cases.filter((c) => c.status === "active" || c.status === "ended");
    const sumIn = (xs: { amountSek: number; at: Date }[], year: number) =>
      xs.filter((x) => x.at.getUTCFullYear() === year).reduce((s, x) => s + x.amountSek, 0);
    const planned = agreements.flatMap((c) =>
      (c.agreement?.plan ?? []).map((x) => ({ amountSek: x.amountSek, at: x.date })),
    );
    const paid = agreements.flatMap((c) =>
      (c.agreement?.payments ?? []).map((x) => ({ amountSek: x.amountSek, at: x.paidOn })),
    );

    await p.page.reload();
    const fact = (label: string) => p.page.locator("dt", { hasText: label }).locator("+ dd").textContent();
    expect(text(await fact("Registrerade ärenden"))).toBe(String(cases.filter((c) => c.receivedAt).length));
    expect(text(await fact("Gällande överenskommelser"))).toBe(
      String(cases.filter((c) => c.status === "active").length),
    );
    expect(text(await fact("Registrerade organisationer"))).toBe(
      String(await OrganisationModel.countDocuments({ publicBodyId: body })),
    );
    const row2027 = text(await p.page.locator("#money-heading ~ table tr", { hasText: "2027" }).first().textContent());
    expect(row2027).toContain(kronor(sumIn(planned, 2027)));
    expect(row2027).toContain(kronor(sumIn(paid, 2027)));
    const approved = cases.filter((c) => c.status === "approved").length;
    const statusRow = text(
      await p.page.locator("#counts-status ~ table tr", { hasText: "Beviljat" }).first().textContent(),
    );
    expect(statusRow).toMatch(new RegExp(`${approved}$`));
    await look(p.page, "oversikt");
    // Read only, so plain HTML like the public pages: not one script.
    expect(await scriptsOn(p.page)).toBe(0);

    // Filtered to a year before any case, the case figures are zero.
    await p.page.goto(`${app.url}/oversikt?ar=2001`);
    expect(text(await fact("Registrerade ärenden"))).toBe("0");
    expect(p.errors).toEqual([]);
    await p.context.close();
  });
});
