import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AgreementVersionModel, agreementVersionId } from "#models/agreement";
import { ProposalModel } from "#models/proposal";
import { startAmendment, terminateAgreement } from "~/domain/agreements/agreements.server";
import { quarterlyPlan } from "~/domain/agreements/ledger";
import { loadCaseById } from "~/domain/cases/engine.server";
import { agreementInStatus } from "~/domain/demo/factories.server";
import { setClock } from "~/domain/kernel/clock";
import { getPublicBody } from "~/domain/public-body/public-body.server";
import { registerEntries } from "~/domain/transparency/register.server";
import { startTestApp, type TestApp } from "../support/app";
import { laxhjalpenCast } from "../support/cast";
import { DEMO, sessionFor } from "../support/http";

// Dates written by the app are Swedish calendar dates (issue 21): notice given at 00:04 on
// 7 December, Swedish time, counts from 7 December; a signature at 00:30 says that day; and
// after notice the money follows the new end everywhere it is shown.

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp("swedish-dates");
});
afterAll(async () => app?.stop());

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const reload = async (c: { publicBodyId: never; _id: never } | { publicBodyId: unknown; _id: unknown }) => {
  const found = await loadCaseById(c.publicBodyId as never, c._id as never);
  if (!found) throw new Error("case missing");
  return found;
};

describe("dates at Swedish midnight", () => {
  it("ends an agreement given notice at 00:04 on 7 December on 7 March, and plans no money after it", async () => {
    const cast = await laxhjalpenCast();
    const signed = await agreementInStatus(cast, "Datum: uppsägning strax efter midnatt", true);
    // A term to the end of 2029, 146 000 kr a year, paid quarterly.
    const plan = quarterlyPlan(day("2027-01-01"), day("2029-12-31"), 146_000);
    await ProposalModel.updateOne(
      { _id: signed._id },
      {
        $set: {
          "agreement.start": day("2027-01-01"),
          "agreement.end": day("2029-12-31"),
          "agreement.noticeMonths": 3,
          "agreement.municipalSekPerYear": 146_000,
          "agreement.plan": plan,
        },
      },
    );
    const c = await reload(signed);
    setClock(() => new Date("2026-12-06T23:04:00Z")); // 00:04 on 7 December in Sweden
    try {
      await terminateAgreement(c, cast.member, { reason: "Föreningen läggs ned." }, c.version);
    } finally {
      setClock(null);
    }
    const after = await reload(c);
    expect(after.agreement?.termination?.effectiveOn.toISOString()).toBe("2027-03-07T00:00:00.000Z");
    expect(after.agreement?.end?.toISOString()).toBe("2027-03-07T00:00:00.000Z");
    // The plan keeps what falls within the new term: the payments of 1 January only.
    expect(after.agreement?.plan?.map((p) => [p.date.toISOString().slice(0, 10), p.amountSek])).toEqual([
      ["2027-01-01", 36_500],
    ]);
    // The public register shows the shortened term and the money of that term.
    const entry = (await registerEntries(await getPublicBody())).entries.find((e) => e.id === String(c._id));
    expect([entry?.endDate, entry?.amountAwardedSek]).toEqual(["2027-03-07", 36_500]);
    // The agreement's page shows the shortened term as the one in force.
    const lina = await sessionFor(app.url, DEMO.orgAdminB);
    const page = (await (await lina.get(`/forslag/${String(c._id)}/avtal`)).text()).replaceAll("<!-- -->", "");
    expect(page).toContain("Avtalstid och ekonomi som gäller efter uppsägningen");
    expect(page).toContain("2027-01-01 – 2027-03-07");
    expect(page).not.toMatch(/Version \d+: avtalstid och ekonomi/);
  });

  it("writes the Swedish date of a signature made at 00:30 into the change that replaces it", async () => {
    const cast = await laxhjalpenCast();
    setClock(() => new Date("2026-12-06T23:30:00Z")); // 00:30 on 7 December in Sweden
    let c;
    try {
      c = await agreementInStatus(cast, "Datum: underskrift strax efter midnatt", true);
    } finally {
      setClock(null);
    }
    c = await startAmendment(
      await reload(c),
      cast.officer,
      { kind: "renegotiation", reason: "Ny målgrupp" },
      c.version,
    );
    const number = c.agreement?.amendment?.number ?? 0;
    const version = await AgreementVersionModel.findById(agreementVersionId(c._id, number)).lean();
    const changes = version?.sections.find((s) => s.key === "changes")?.text ?? "";
    expect(changes).toContain("undertecknad 2026-12-07");
  });
});
