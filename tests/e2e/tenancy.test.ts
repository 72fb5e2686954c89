import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { caseInStatus } from "~/domain/demo/factories.server";
import { seedNeighbour } from "~/domain/demo/seed.server";
import { freePort } from "../../scripts/db";
import { startTestApp, type TestApp } from "../support/app";
import { launchBrowser, look, newPage } from "../support/browser";
import { grannbyCast, laxhjalpenCast } from "../support/cast";
import { sessionFor } from "../support/http";

// The national front door and a body at its own host, in a real browser (decision 028). The
// browser resolves the installation's hosts to the test server, as DNS would.
const HOST = "samverka.test";
let app: TestApp;
let browser: Browser;
let door: string;

beforeAll(async () => {
  const port = await freePort();
  // With the port, so that the bodies' links lead to the test server.
  process.env.APP_HOST = `${HOST}:${port}`;
  door = `http://${HOST}:${port}`;
  app = await startTestApp("tenancy_e2e", { port });
  await seedNeighbour();
  await caseInStatus("approved", await grannbyCast(), "Stadsodling för alla åldrar i Grannby");
  await caseInStatus("approved", await laxhjalpenCast(), "Läxhjälp för mellanstadiet");
  browser = await launchBrowser([`--host-resolver-rules=MAP ${HOST} 127.0.0.1, MAP *.${HOST} 127.0.0.1`]);
});
afterAll(async () => {
  delete process.env.APP_HOST;
  await browser?.close();
  await app?.stop();
});

describe("one installation, many public bodies", () => {
  it("leads from the front door to a body's own start page", async () => {
    const { page, errors } = await newPage(browser);
    await page.goto(`${door}/`);
    await page.getByRole("heading", { level: 1, name: "Samverka – en väg in till kommuner och regioner" }).waitFor();
    await look(page, "front-door");
    await page.getByRole("link", { name: "Se alla IOP-avtal i registret" }).click();
    await page
      .getByRole("heading", { level: 1, name: "Register över IOP-avtal i alla kommuner och regioner" })
      .waitFor();
    await page.getByRole("link", { name: "Stadsodling för alla åldrar i Grannby" }).waitFor();
    await look(page, "national-register");
    await page.getByRole("link", { name: "Statistik" }).first().click();
    await page.getByRole("heading", { level: 1, name: "IOP i alla kommuner och regioner, i siffror" }).waitFor();
    await look(page, "national-statistics");
    // A body's own figures, at its address: no table by body.
    await page.goto(`${door.replace("//", "//grannby.")}/statistik`);
    await page.getByRole("heading", { level: 1, name: "IOP i siffror" }).waitFor();
    expect(await page.getByRole("heading", { level: 2, name: "Per kommun och region" }).count()).toBe(0);
    await look(page, "body-statistics");
    await page.goto(`${door}/`);
    await page.getByRole("link", { name: "Grannby kommun" }).click();
    await page.waitForURL(door.replace("//", "//grannby.") + "/");
    expect(await page.locator(".brand__body").textContent()).toBe("Grannby kommun");
    await look(page, "grannby-home");
    // Plain http on a name other than localhost: the browser ignores COOP and says so.
    expect(errors.filter((e) => !e.includes("Cross-Origin-Opener-Policy header has been ignored"))).toEqual([]);
  });

  it("shows a coordinator of Grannby, at Exempelkommun's address, where her work is", async () => {
    const p = await newPage(browser);
    const exempel = door.replace("//", "//exempelkommun.");
    const [name = "", value = ""] = (await sessionFor(app.url, "samordnare@grannby.example")).cookieHeader().split("=");
    await p.context.addCookies([{ name, value, url: exempel, httpOnly: true, sameSite: "Lax" }]);
    await p.page.goto(`${exempel}/mina-sidor`);
    await p.page.getByRole("heading", { level: 2, name: "Hos andra kommuner och regioner" }).waitFor();
    await look(p.page, "start-page-elsewhere");
    await p.page.getByRole("link", { name: "Grannby kommun" }).click();
    // The cookie here was set for this host only (made outside a request): Grannby asks to sign in.
    await p.page.waitForURL((url) => url.hostname === `grannby.${HOST}`);
  });
});
