import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { caseInStatus } from "~/domain/demo/factories.server";
import { seedNeighbour } from "~/domain/demo/seed.server";
import { freePort } from "../../scripts/db";
import { startTestApp, type TestApp } from "../support/app";
import { launchBrowser, look, newPage } from "../support/browser";
import { gronaGardenCast } from "../support/cast";
import { DEMO } from "../support/http";

// Development's addresses in a real browser (decision 033): `localhost` is the front door and
// `<slug>.localhost` each body; browsers refuse a cookie for all of them, so one sign-in reaches
// the others by a hand-over through the front door.
let app: TestApp;
let browser: Browser;
let port: number;
const at = (sub: string) => `http://${sub}localhost:${port}`;

beforeAll(async () => {
  port = await freePort();
  process.env.APP_HOST = `localhost:${port}`;
  app = await startTestApp("handover_e2e", { port });
  await seedNeighbour();
  await caseInStatus("in_dialogue", await gronaGardenCast("grannby"), "Skolträdgård i Grannby");
  browser = await launchBrowser(["--host-resolver-rules=MAP localhost 127.0.0.1, MAP *.localhost 127.0.0.1"]);
});
afterAll(async () => {
  delete process.env.APP_HOST;
  await browser?.close();
  await app?.stop();
});

describe("one sign-in at development's addresses", () => {
  it("signs Gröna Gården's chair in once at Exempelkommun, and Grannby takes it over; signing out there ends both", async () => {
    const { page, errors } = await newPage(browser);
    // Signing in itself is what this walks.
    await page.goto(`${at("exempelkommun.")}/logga-in`);
    await page.getByLabel("E-postadress").fill(DEMO.orgAdminA);
    await page.getByLabel("Lösenord").fill(DEMO.password);
    await page.getByRole("button", { name: "Logga in" }).click();
    await page.waitForURL(`${at("exempelkommun.")}/mina-sidor`);

    // Grannby's own address: no second sign-in.
    await page.goto(`${at("grannby.")}/forslag`);
    await page.waitForURL(`${at("grannby.")}/forslag`);
    await page.getByRole("link", { name: "Skolträdgård i Grannby" }).waitFor();
    await look(page, "handover-grannby");

    await page.goto(`${at("grannby.")}/logga-ut`);
    await page.getByRole("main").getByRole("button", { name: "Logga ut" }).click();
    // Signed out when the form's answer has arrived (back at Grannby's start page).
    await page.waitForURL(`${at("grannby.")}/`);
    await page.goto(`${at("exempelkommun.")}/mina-sidor`);
    await page.waitForURL(/\/logga-in\?/);
    expect(new URL(page.url()).hostname).toBe("exempelkommun.localhost");
    await page.getByLabel("Lösenord").waitFor();
    expect(errors).toEqual([]);
  });
});
