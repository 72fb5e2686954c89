import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../support/app";
import { loginAs, DEMO } from "../support/http";

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp("smoke");
});
afterAll(async () => app?.stop());

describe("smoke", () => {
  it("serves the Swedish start page", async () => {
    const res = await fetch(app.url + "/");
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('<html lang="sv"');
    expect(html).toContain("Idéburet offentligt partnerskap – en väg in");
  });
  it("logs in a demo user", async () => {
    const client = await loginAs(app.url, DEMO.orgAdminA);
    const res = await client.get("/organisation");
    expect(await res.text()).toContain("Föreningen Gröna Gården");
  });
});
