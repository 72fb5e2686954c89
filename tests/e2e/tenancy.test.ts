import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { caseInStatus, upsertUser } from "~/domain/demo/factories.server";
import { seedNeighbour } from "~/domain/demo/seed.server";
import { freePort } from "../../scripts/db";
import { startTestApp, type TestApp } from "../support/app";
import { launchBrowser, look, newPage } from "../support/browser";
import { gronaGardenCast, grannbyCast, laxhjalpenCast } from "../support/cast";
import { DEMO, sessionFor } from "../support/http";
import { UserModel } from "#models/user";
import { codeFor } from "../support/second-factor";

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
  process.env.INSTALLATION_ADMINS = "drift@samverka.example";
  door = `http://${HOST}:${port}`;
  app = await startTestApp("tenancy_e2e", { port });
  await seedNeighbour();
  await caseInStatus("approved", await grannbyCast(), "Stadsodling för alla åldrar i Grannby");
  await caseInStatus("approved", await laxhjalpenCast(), "Läxhjälp för mellanstadiet");
  browser = await launchBrowser([
    `--host-resolver-rules=MAP ${HOST} 127.0.0.1, MAP *.${HOST} 127.0.0.1`,
    // The session cookie is Secure, as in production over https; plain http on these names
    // stands in for https here, as 127.0.0.1 does for the other browser tests.
    `--unsafely-treat-insecure-origin-as-secure=${["", "exempelkommun.", "grannby."].map((sub) => door.replace("//", `//${sub}`)).join(",")}`,
  ]);
});
afterAll(async () => {
  delete process.env.APP_HOST;
  delete process.env.INSTALLATION_ADMINS;
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
    // The front door's sign-in (the installation's administrators): a password, nothing of a body's.
    await page.goto(`${door}/logga-in`);
    await page.getByRole("heading", { level: 1, name: "Logga in" }).waitFor();
    expect(await page.getByRole("link", { name: "Skapa konto" }).count()).toBe(0);
    await look(page, "front-door-sign-in");
    // A host that is no body's: the server's own page, styled, leading to the front door.
    await page.goto(door.replace("//", "//okand."));
    await page.getByRole("heading", { level: 1, name: "Sidan finns inte" }).waitFor();
    await look(page, "no-body-here");
    // Plain http on a name other than localhost: the browser ignores COOP and says so.
    expect(errors.filter((e) => !e.includes("Cross-Origin-Opener-Policy header has been ignored"))).toEqual([]);
  });

  it("shows a coordinator of Grannby, at Exempelkommun's address, where her work is", async () => {
    const p = await newPage(browser);
    const exempel = door.replace("//", "//exempelkommun.");
    const [name = "", value = ""] = (await sessionFor(app.url, "samordnare@grannby.example")).cookieHeader().split("=");
    await p.context.addCookies([{ name, value, url: exempel, httpOnly: true, sameSite: "Lax" }]);
    await p.page.goto(`${exempel}/mina-sidor`);
    await p.page.getByRole("heading", { level: 2, name: "Ditt arbete hos andra kommuner och regioner" }).waitFor();
    await p.page.getByRole("heading", { level: 3, name: "Grannby kommun" }).waitFor();
    await look(p.page, "start-page-elsewhere");
    await p.page.getByRole("link", { name: "Till Mina sidor hos Grannby kommun" }).click();
    // The cookie here was set for this host only (made outside a request): Grannby asks to sign in.
    await p.page.waitForURL((url) => url.hostname === `grannby.${HOST}`);
  });

  it("groups a regional staff member's work by body on one start page", async () => {
    const [grannby, exempel] = [await grannbyCast(), await laxhjalpenCast()];
    const email = "rut.regional@example.org";
    const rut = await upsertUser({
      email,
      name: "Rut Regional",
      password: DEMO.password,
      staff: { publicBodyId: exempel.publicBodyId, role: "coordinator" },
    });
    const officer = { publicBodyId: grannby.publicBodyId, role: "officer", departmentIds: [grannby.departmentId] };
    await UserModel.updateOne({ _id: rut._id }, { $push: { staffMemberships: officer } });
    const p = await newPage(browser);
    const exempelUrl = door.replace("//", "//exempelkommun.");
    const [name = "", value = ""] = (await sessionFor(app.url, email)).cookieHeader().split("=");
    await p.context.addCookies([{ name, value, url: exempelUrl, httpOnly: true, sameSite: "Lax" }]);
    await p.page.goto(`${exempelUrl}/mina-sidor`);
    // This body's sections under its own name, the other body's after them: one outline.
    const here = p.page.getByRole("region", { name: "Exempelkommun" });
    await here.getByRole("heading", { level: 2, name: "Exempelkommun" }).waitFor();
    await here.getByRole("heading", { level: 3, name: "Att fördela" }).waitFor();
    await p.page.getByRole("heading", { level: 2, name: "Ditt arbete hos andra kommuner och regioner" }).waitFor();
    const group = p.page.getByRole("region", { name: "Grannby kommun" });
    await group.getByRole("heading", { level: 3, name: "Grannby kommun" }).waitFor();
    await group.getByText("Din roll: Handläggare").waitFor();
    await group.getByRole("link", { name: /Stadsodling för alla åldrar i Grannby/ }).waitFor();
    expect(await group.getByRole("link", { name: /Stadsodling/ }).getAttribute("href")).toMatch(
      new RegExp(`^http://grannby\\.${HOST.replace(".", "\\.")}:\\d+/handlaggning/arenden/`),
    );
    await look(p.page, "start-page-two-bodies");
  });

  it("lets Gröna Gården's chair sign in once and work with both bodies from one start page", async () => {
    const exempel = door.replace("//", "//exempelkommun.");
    const grannby = door.replace("//", "//grannby.");
    await caseInStatus("in_dialogue", await gronaGardenCast("grannby"), "Odlingslotter i Grannby");
    await caseInStatus("submitted", await gronaGardenCast("exempelkommun"), "Odlingslotter i Exempelstad");
    const { page, errors } = await newPage(browser);
    // Signing in itself is what this walks: once, at Exempelkommun's address.
    await page.goto(`${exempel}/logga-in`);
    await page.getByLabel("E-postadress").fill(DEMO.orgAdminA);
    await page.getByLabel("Lösenord").fill(DEMO.password);
    await page.getByRole("button", { name: "Logga in" }).click();
    await page.waitForURL(`${exempel}/mina-sidor`);
    const cases = page.getByRole("table", { name: "Mina ärenden" });
    await cases.getByRole("columnheader", { name: "Kommun eller region" }).waitFor();
    await cases.getByRole("row", { name: /Odlingslotter i Exempelstad.*Exempelkommun/ }).waitFor();
    await look(page, "member-start-two-bodies");
    // Grannby's case leads to Grannby's address, where she is signed in already.
    await cases.getByRole("link", { name: "Odlingslotter i Grannby" }).click();
    await page.waitForURL((url) => url.hostname === `grannby.${HOST}` && url.pathname.startsWith("/forslag/"));
    await page.getByRole("heading", { level: 1, name: "Odlingslotter i Grannby" }).waitFor();
    expect(await page.locator(".brand__body").textContent()).toBe("Grannby kommun");
    await page.getByLabel("Meddelande", { exact: true }).fill("Vi kan börja med lotterna i april.");
    await page.getByRole("button", { name: "Skicka meddelande" }).click();
    await page.getByText("Vi kan börja med lotterna i april.").first().waitFor();
    await look(page, "member-case-in-grannby");
    // Her list of ideas and proposals at Grannby's address names each case's body.
    await page.goto(`${grannby}/forslag`);
    await page.getByText("Odlingslotter i Exempelstad").waitFor();
    expect(await page.getByText(/Föreningen Gröna Gården · Exempelkommun/).count()).toBeGreaterThan(0);
    await look(page, "member-proposals-two-bodies");
    expect(errors.filter((e) => !e.includes("Cross-Origin-Opener-Policy header has been ignored"))).toEqual([]);
  });

  it("lets the installation's administrator add a municipality from the console at the front door", async () => {
    await upsertUser({ email: "drift@samverka.example", name: "Olga Drift", password: "ett långt lösenord" });
    const { page, context, errors } = await newPage(browser);
    const [name = "", value = ""] = (await sessionFor(app.url, "drift@samverka.example")).cookieHeader().split("=");
    await context.addCookies([{ name, value, url: door, httpOnly: true, sameSite: "Lax" }]);
    await page.goto(`${door}/drift`);
    // First the second factor (decision 035): connect an app by its key, then give its code.
    await page.getByRole("heading", { level: 1, name: "Koppla en kodapp" }).waitFor();
    await page.getByRole("img", { name: "QR-kod att skanna med kodappen" }).waitFor();
    await look(page, "console-second-factor");
    const key = (await page.locator("#second-factor-secret").textContent()) ?? "";
    await page.getByLabel("Kod från kodappen").fill(codeFor(key));
    await page.getByRole("button", { name: "Fortsätt" }).click();
    await page.getByRole("heading", { level: 1, name: "Drift av Samverka" }).waitFor();
    await page.getByRole("table", { name: "Kommuner och regioner" }).getByText("Grannby kommun").waitFor();
    // Sent empty: the error summary names each field.
    await page.getByRole("button", { name: "Lägg till" }).click();
    await page.getByRole("heading", { name: "Det finns ett problem" }).waitFor();
    await look(page, "console-errors");
    await page.getByLabel("Namn", { exact: true }).fill("Västerby kommun");
    await page.getByLabel("Kortnamn i adressen").fill("vasterby");
    await page.getByLabel("Kommun", { exact: true }).check();
    await page.getByLabel("Län").selectOption("14");
    await page.getByLabel("Organisationsnummer").fill("212000-1355");
    await page.getByLabel("Kontorets e-postadress").fill("civilsamhalle@vasterby.se");
    await page.getByLabel("Första administratörens namn").fill("Vera Administratör");
    await page.getByLabel("Första administratörens e-postadress").fill("vera@vasterby.se");
    await page.getByRole("button", { name: "Lägg till" }).click();
    await page.getByText("Västerby kommun är tillagd.").waitFor();
    // The form is empty again, so that the same body is not sent twice by mistake.
    expect(await page.getByLabel("Namn", { exact: true }).inputValue()).toBe("");
    await page.getByRole("table", { name: "Kommuner och regioner" }).getByText("Västerby kommun").waitFor();
    await look(page, "console");
    // Paused, its address says so (the server's own page, before the app runs).
    const row = page.getByRole("row", { name: /Västerby kommun/ });
    // A reason longer than the field allows (as a changed form would send): the summary and the field say so.
    const reason = row.getByLabel("Skäl (visas inte för besökare)");
    await reason.evaluate((input) => input.removeAttribute("maxlength"));
    await reason.fill("x".repeat(301));
    await row.getByRole("button", { name: "Pausa" }).click();
    await page
      .getByRole("alert")
      .getByRole("link", { name: /högst 300 tecken i fältet skäl/ })
      .waitFor();
    await row.getByText(/högst 300 tecken/).waitFor();
    await look(page, "console-pause-error");
    await reason.fill("Provdrift");
    await row.getByRole("button", { name: "Pausa" }).click();
    await page.getByText("Västerby kommun är pausad.").waitFor();
    await page.goto(`${door.replace("//", "//vasterby.")}/`);
    await page.getByRole("heading", { level: 1, name: "Tillfälligt stängt" }).waitFor();
    await look(page, "paused-body");
    // The paused address answers 503 (the page and its icon), which the browser reports.
    const expected = (e: string) =>
      e.includes("Cross-Origin-Opener-Policy header has been ignored") || e.includes("status of 503");
    expect(errors.filter((e) => !expected(e))).toEqual([]);
    expect(errors.filter((e) => e.includes("status of 503")).length).toBeGreaterThan(0);
  });
});
