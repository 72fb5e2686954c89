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
  it("serves the built files: the icon for an hour, the page's modules for good", async () => {
    const icon = await fetch(app.url + "/favicon.svg");
    expect(icon.status).toBe(200);
    expect(icon.headers.get("content-type")).toContain("image/svg+xml");
    expect(icon.headers.get("cache-control")).toBe("public, max-age=3600");
    const page = await (await fetch(app.url + "/logga-in")).text();
    const module = /\/assets\/entry\.client-[\w-]+\.js/.exec(page)?.[0];
    const res = await fetch(app.url + String(module));
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("javascript");
    expect(res.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
  });
  it("logs in a demo user", async () => {
    const client = await loginAs(app.url, DEMO.orgAdminA);
    const res = await client.get("/organisation");
    expect(await res.text()).toContain("Föreningen Gröna Gården");
  });
});
