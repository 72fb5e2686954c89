import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ProposalModel } from "#models/proposal";
import { caseInStatus } from "~/domain/demo/factories.server";
import { startTestApp, type TestApp } from "../support/app";
import { laxhjalpenCast } from "../support/cast";
import { Client, DEMO, sessionFor } from "../support/http";

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp("page-texts");
});
afterAll(() => app.stop());

describe("texts the public body keeps", { timeout: 60_000 }, () => {
  it("shows the accessibility statement and privacy notice with their required parts, to anyone", async () => {
    const visitor = new Client(app.url);
    const statement = await (await visitor.get("/tillganglighet")).text();
    for (const part of ["delvis förenlig", "Kända brister", "Hur vi testat", "https://www.digg.se/tdosanmalan"]) {
      expect(statement).toContain(part);
    }
    const privacy = await (await visitor.get("/integritet")).text();
    for (const part of [
      "Personuppgiftsansvarig",
      "Rättslig grund",
      "Hur länge",
      "Dina rättigheter",
      "Dataskyddsombud",
    ]) {
      expect(privacy).toContain(part);
    }
    expect(privacy).toMatch(/<meta name="description" content="Hur kommunen behandlar/);
    expect(await (await visitor.get("/registrera")).text()).toContain('href="/integritet"');
  });

  it("lets administrators, and only them, change a text; the page shows it as plain text", async () => {
    const admin = await sessionFor(app.url, DEMO.admin);
    const body = "## Tillgänglighet i Exempelkommun\n\nVi granskade senast <script>alert(1)</script> i november.";
    const saved = await admin.post("/admin/texter", { key: "accessibility", lang: "sv", body });
    expect(saved.status).toBe(302);
    const page = await (await new Client(app.url).get("/tillganglighet")).text();
    expect(page).toContain("<h1>Tillgänglighet i Exempelkommun</h1>");
    expect(page).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    // The body's staff without the role are refused; to anyone else the page does not exist.
    for (const [email, status] of [
      [DEMO.coordinator, 403],
      [DEMO.politician, 403],
      [DEMO.orgAdminA, 404],
    ] as const) {
      const res = await (
        await sessionFor(app.url, email)
      ).post("/admin/texter", { key: "privacy", lang: "sv", body: "x" });
      expect(res.status, email).toBe(status);
    }
    for (const bad of [
      { key: "accessibility", lang: "sv", body: "" },
      { key: "hemlig", lang: "sv", body: "text" },
      { key: "accessibility", lang: "de", body: "text" },
      { key: "accessibility", lang: "sv", body: "x".repeat(1024 * 1024) },
    ]) {
      expect((await admin.post("/admin/texter", bad)).status, JSON.stringify(bad).slice(0, 60)).toBe(400);
    }
    expect((await admin.post("/admin/texter", "key[$ne]=x&lang=sv&body=y")).status).toBe(400);
  });

  it("tells the organisation how to appeal a committee's decision, not a delegated one", async () => {
    const cast = await laxhjalpenCast();
    const delegated = await caseInStatus("approved", cast, "Delegationsbeslut");
    const committee = await caseInStatus("declined", cast, "Nämndbeslut");
    await ProposalModel.updateOne({ _id: committee._id }, { $set: { "decision.decidedBy": "committee" } });
    const lina = await sessionFor(app.url, DEMO.orgAdminB);
    const withAppeal = await (await lina.get(`/forslag/${String(committee._id)}`)).text();
    expect(withAppeal).toContain("laglighetsprövning");
    expect(withAppeal).toContain("tre veckor");
    const without = await (await lina.get(`/forslag/${String(delegated._id)}`)).text();
    expect(without).not.toContain("laglighetsprövning");
  });

  it("takes two first saves at once, and a double first opening of a case page, without an error", async () => {
    const admin = await sessionFor(app.url, DEMO.admin);
    const saves = await Promise.all(
      ["Första versionen", "Andra versionen"].map((body) =>
        admin.post("/admin/texter", { key: "privacy", lang: "en", body: `## Personal data\n\n${body}` }),
      ),
    );
    expect(saves.map((r) => r.status)).toEqual([302, 302]);
    const page = await (await new Client(app.url).get("/integritet")).text();
    expect(page).toContain("Personuppgiftsansvarig"); // the Swedish text is untouched

    const c = await caseInStatus("in_dialogue", await laxhjalpenCast(), "Dubbelklick");
    const officer = await sessionFor(app.url, DEMO.officer);
    const opened = await Promise.all([1, 2, 3].map(() => officer.get(`/handlaggning/arenden/${String(c._id)}`)));
    expect(opened.map((r) => r.status)).toEqual([200, 200, 200]);
  });
});
