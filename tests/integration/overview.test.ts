import { at } from "../support/clock";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { StatisticsModel } from "#models/statistics";
import { ProposalModel } from "#models/proposal";
import { recordPayment, submitReport } from "~/domain/agreements/agreements.server";
import { loadCaseById, writeEvent } from "~/domain/cases/engine.server";
import { agreementInStatus, caseInStatus } from "~/domain/demo/factories.server";
import { contribution } from "~/domain/statistics/counters";
import { rebuildStatistics } from "~/domain/statistics/statistics.server";
import { startTestApp, type TestApp } from "../support/app";
import { laxhjalpenCast } from "../support/cast";
import { Client, DEMO, sessionFor } from "../support/http";

// The overview's counters are kept when cases change: whatever happened (many changes at once,
// a change that stopped between its two writes), they equal the counters rebuilt from scratch.

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp("overview");
});
afterAll(async () => app?.stop());

const counted = async (publicBodyId: unknown) =>
  Object.fromEntries(
    Object.entries((await StatisticsModel.findById(String(publicBodyId)).lean())?.counters ?? {}).filter(([, n]) => n),
  );

describe("the overview's statistics", () => {
  it("are kept when cases change, at once and across a crash, equal to a rebuild", async () => {
    const cast = await laxhjalpenCast();
    const body = cast.publicBodyId;
    // Counting starts from a rebuild (as on a fresh install); then only changes move it.
    await rebuildStatistics(body);
    const [active, , dialogue] = await Promise.all([
      agreementInStatus(cast, "Statistik: avtal", true),
      caseInStatus("approved", cast, "Statistik: beviljat"),
      caseInStatus("in_dialogue", cast, "Statistik: dialog"),
      caseInStatus("submitted", cast, "Statistik: inkommet"),
    ]);
    const current = (await loadCaseById(body, active._id))!;
    const paid = await recordPayment(
      current,
      cast.officer,
      { paidOn: new Date("2027-01-10T00:00:00Z"), amountSek: 37_500, reference: "V-1" },
      current.version,
    );
    // The report on 2027 is sent in January 2028, once the year is over.
    await at("2028-01-10T10:00:00Z", () =>
      submitReport(
        paid,
        cast.member,
        {
          year: 2027,
          narrative: "Bra år.",
          indicators: "Mål nådda.",
          moneySek: 40_000,
          volunteerHours: 1_200,
          inKind: "",
        },
        paid.version,
      ),
    );
    // A change that stopped after its first write: the next reader finishes it, counters too.
    const d = (await loadCaseById(body, dialogue._id))!;
    await writeEvent(d, { type: "requestCompletion", actor: cast.officer }, { status: "awaiting_completion" }, [
      { kind: "statistics", before: contribution(d) },
    ]);
    expect((await loadCaseById(body, dialogue._id))?.status).toBe("awaiting_completion");

    const kept = await counted(body);
    const rebuilt = Object.fromEntries(Object.entries(await rebuildStatistics(body)).filter(([, n]) => n));
    expect(kept).toEqual(rebuilt);
    expect(kept["m|" + String(cast.departmentId) + "|2027|paid"]).toBe(37_500);
    expect(kept["m|" + String(cast.departmentId) + "|2027|ownMoney"]).toBe(40_000);
    const statuses = await ProposalModel.find({ publicBodyId: body, status: "awaiting_completion" }).countDocuments();
    const awaiting = Object.entries(kept)
      .filter(([k]) => k.startsWith("n|") && k.endsWith("|status|awaiting_completion"))
      .reduce((s, [, n]) => s + n, 0);
    expect(awaiting).toBe(statuses);
  });

  it("is for politicians and staff: a stranger signs in first, to an organisation's member it does not exist", async () => {
    const anonymous = await new Client(app.url).get("/oversikt");
    expect([anonymous.status, anonymous.headers.get("Location")?.startsWith("/logga-in")]).toEqual([302, true]);
    for (const [who, status] of [
      [DEMO.orgAdminA, 404],
      [DEMO.orgAdminB, 404],
      [DEMO.politician, 200],
      [DEMO.coordinator, 200],
      [DEMO.officer, 200],
    ] as const) {
      expect((await (await sessionFor(app.url, who)).get("/oversikt")).status, who).toBe(status);
    }
    const hostile = await (await sessionFor(app.url, DEMO.politician)).get("/oversikt?ar[$ne]=1&forvaltning=<script>");
    expect(hostile.status).toBe(200);
    // Each table as CSV, for those who may read the overview.
    const politician = await sessionFor(app.url, DEMO.politician);
    const csv = await politician.get("/oversikt/tabell.csv?tabell=money");
    expect([csv.status, csv.headers.get("Content-Type")]).toEqual([200, "text/csv; charset=utf-8"]);
    // For Swedish Excel by a double click: a UTF-8 byte order mark and semicolons.
    const bytes = Buffer.from(await csv.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.subarray(3).toString("utf8").split("\r\n")[0]).toBe(
      "År;Kommunens bidrag enligt avtal;Utbetalt;Egna pengar;Ideella timmar",
    );
    expect((await politician.get("/oversikt/tabell.csv?tabell=personer")).status).toBe(400);
    expect((await (await sessionFor(app.url, DEMO.orgAdminB)).get("/oversikt/tabell.csv?tabell=money")).status).toBe(
      404,
    );
  });
});
