import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { caseInStatus } from "~/domain/demo/factories.server";
import { postMessage } from "~/domain/cases/dialogue.server";
import { browserSuite, newPage, scriptsOn, signIn, signInAs, look } from "../support/browser";
import { laxhjalpenCast } from "../support/cast";
import { DEMO } from "../support/http";

// Each person lands on their own start page with what waits for them, and only that.

const suite = browserSuite("start-pages");
const stamp = Date.now().toString(36);
const title = (name: string) => `${name} ${stamp}`;

const section = (page: Page, heading: string) =>
  page.locator("section", { has: page.getByRole("heading", { name: heading, exact: true }) });

describe("start pages", { timeout: 120_000 }, () => {
  it("shows each role its own work after signing in", async () => {
    const { app, browser } = suite;
    const cast = await laxhjalpenCast();
    const toRoute = await caseInStatus("submitted", cast, title("Att fördela"));
    const inDialogue = await caseInStatus("in_dialogue", cast, title("Dialogärende"));
    await caseInStatus("awaiting_completion", cast, title("Kompletteras"));
    await caseInStatus("approved", cast, title("Beviljat"));

    // The organisation: signing in through the form lands on "Mina sidor" with the task.
    const org = await newPage(browser);
    await signIn(org.page, app.url, DEMO.orgAdminB);
    await org.page.getByRole("heading", { level: 1, name: "Mina sidor" }).waitFor();
    const tasks = section(org.page, "Att göra");
    expect(await tasks.getByRole("link", { name: "Svara på handläggarens fråga" }).count()).toBe(1);
    expect(await tasks.getByText(title("Kompletteras")).count()).toBe(1);
    const mine = section(org.page, "Mina ärenden");
    expect(await mine.getByRole("link", { name: title("Dialogärende") }).count()).toBe(1);
    expect(await org.page.getByRole("link", { name: "Logga in" }).count()).toBe(0);
    expect(await org.page.getByRole("link", { name: "Handläggning" }).count()).toBe(0);
    expect(await org.page.getByRole("heading", { name: "Att fördela" }).count()).toBe(0);
    await look(org.page, "start-organisation");
    await mine.getByRole("link", { name: title("Dialogärende") }).waitFor();
    await org.page
      .getByRole("navigation", { name: "Huvudmeny" })
      .first()
      .getByRole("link", { name: "Idéer och förslag" })
      .click();
    await org.page.getByRole("link", { name: title("Kompletteras") }).waitFor();
    expect(await scriptsOn(org.page)).toBe(0);

    // The office: the case to route, with working days waiting; workload per officer.
    const office = await newPage(browser);
    await signInAs(office, app.url, DEMO.coordinator);
    await office.page.goto(app.url + "/mina-sidor");
    const route = section(office.page, "Att fördela");
    expect(await route.getByRole("link", { name: title("Att fördela") }).count()).toBe(1);
    expect(await route.getByText(toRoute.caseNumber ?? "-").count()).toBe(1);
    expect(await section(office.page, "Arbetsbelastning").getByText("Hans Handläggare").count()).toBe(1);
    expect(await office.page.getByRole("link", { name: "Mina organisationer" }).count()).toBe(0);
    expect(await office.page.getByRole("link", { name: "Organisationer" }).count()).toBe(1);
    expect(await scriptsOn(office.page)).toBe(0);
    await look(office.page, "start-samordnare");

    // Staff are not organisation members: they search the register and find the cases there.
    await office.page.getByRole("link", { name: "Organisationer" }).first().click();
    await office.page.getByRole("heading", { level: 1, name: "Organisationer" }).waitFor();
    expect(await office.page.getByRole("link", { name: "Registrera organisation" }).count()).toBe(0);
    await office.page.getByLabel("Sök organisation").fill("8025006266");
    await office.page.getByRole("button", { name: "Sök" }).click();
    await office.page.getByText("1 organisation", { exact: true }).waitFor();
    await look(office.page, "organisationsregister");
    await office.page.getByRole("link", { name: "Stiftelsen Läxhjälpen Exempelstad" }).click();
    const orgCases = section(office.page, "Ärenden");
    await orgCases.getByRole("link", { name: title("Att fördela") }).waitFor();
    await look(office.page, "organisation-for-personal");
    expect((await office.page.request.get(app.url + "/organisation/ny")).status()).toBe(403);

    // The officer: a new message from the organisation waits, until the officer has read it.
    const live = await import("~/domain/cases/engine.server").then((m) =>
      m.loadCaseById(inDialogue.publicBodyId, inDialogue._id),
    );
    if (!live) throw new Error("case missing");
    await postMessage(live, cast.member, "organisation", { body: "Vi har fått fler volontärer.", internal: false });
    const officer = await newPage(browser);
    await signInAs(officer, app.url, DEMO.officer);
    await officer.page.goto(app.url + "/mina-sidor");
    const waiting = section(officer.page, "Väntar på mig");
    const item = waiting.locator("li", { hasText: title("Dialogärende") });
    expect(await item.getByText("Nytt från organisationen (meddelande)").count()).toBe(1);
    expect(await item.getByText("Nytt", { exact: true }).count()).toBe(1);
    // After approval the officer's work goes on: the agreement to draft waits too.
    const approved = waiting.locator("li", { hasText: title("Beviljat") });
    expect(await approved.getByText("Skriv ett utkast till överenskommelse").count()).toBe(1);
    expect(await scriptsOn(officer.page)).toBe(0);
    await look(officer.page, "start-handlaggare");
    await item.getByRole("link", { name: title("Dialogärende") }).click();
    await officer.page.getByRole("heading", { level: 1, name: new RegExp(title("Dialogärende")) }).waitFor();
    await officer.page.goto(app.url + "/mina-sidor");
    // Read, but not answered: it still waits, without the "Nytt" mark.
    const after = section(officer.page, "Väntar på mig").locator("li", { hasText: title("Dialogärende") });
    expect(await after.getByText("Nytt från organisationen (meddelande)").count()).toBe(1);
    expect(await after.getByText("Nytt", { exact: true }).count()).toBe(0);
    const row = section(officer.page, "Mina ärenden").locator("tr", { hasText: title("Dialogärende") });
    expect(await row.getByText("Nytt", { exact: true }).count()).toBe(0);
    // Answered: now the case waits for the organisation, not for the officer.
    const answered = await import("~/domain/cases/engine.server").then((m) =>
      m.loadCaseById(inDialogue.publicBodyId, inDialogue._id),
    );
    await postMessage(answered!, cast.officer, "officer", { body: "Tack, vi ses på mötet.", internal: false });
    await officer.page.goto(app.url + "/mina-sidor");
    expect(
      await section(officer.page, "Väntar på mig")
        .locator("li", { hasText: title("Dialogärende") })
        .count(),
    ).toBe(0);

    // The politician: figures only, no names of people and no case links.
    const politician = await newPage(browser);
    await signInAs(politician, app.url, DEMO.politician);
    await politician.page.goto(app.url + "/mina-sidor");
    await politician.page.getByRole("heading", { level: 2, name: "Översikt" }).waitFor();
    expect(await politician.page.getByText("150 000 kr").count()).toBeGreaterThan(0);
    expect(await politician.page.getByText("Hans Handläggare").count()).toBe(0);
    expect(await politician.page.getByRole("link", { name: "Handläggning" }).count()).toBe(0);
    await look(politician.page, "start-politiker");

    // The administrator: the office's sections and the settings.
    const admin = await newPage(browser);
    await signInAs(admin, app.url, DEMO.admin);
    await admin.page.goto(app.url + "/mina-sidor");
    await section(admin.page, "Inställningar").getByRole("link", { name: "Till administrationen" }).waitFor();
    expect(await section(admin.page, "Att fördela").count()).toBe(1);
    await look(admin.page, "start-admin");

    for (const p of [org, office, officer, politician, admin]) {
      expect(p.errors).toEqual([]);
      await p.context.close();
    }
  });

  it("shows the office the oldest ten cases to route in the inbox, and leads to all of them", async () => {
    const { app, browser } = suite;
    const cast = await laxhjalpenCast();
    for (let i = 0; i < 11; i++) await caseInStatus("submitted", cast, title(`Väntar ${i}`));
    const office = await newPage(browser);
    await signInAs(office, app.url, DEMO.coordinator);
    await office.page.goto(`${app.url}/handlaggning`);
    const toRoute = office.page.locator(`section[aria-labelledby="unrouted-heading"]`);
    expect(await toRoute.getByRole("row").count()).toBe(11); // the header row and ten cases
    expect(await scriptsOn(office.page)).toBe(0);
    await look(office.page, "inkorg-att-fordela");
    await toRoute.getByRole("link", { name: /^Visa alla \d+ som väntar på fördelning, äldst först$/ }).click();
    await office.page.waitForURL(/status=submitted&sort=oldest/);
    // The filter form shows the filter of the address it was led to (not the one it showed before).
    await office.page.waitForFunction(
      () => (document.querySelector("#inbox-status") as HTMLSelectElement | null)?.value === "submitted",
      undefined,
      { timeout: 5000 },
    );
    await office.context.close();
  });

  it("folds the menu behind a button on a phone, also without JavaScript", async () => {
    const { app, browser } = suite;
    const p = await newPage(browser, { javaScriptEnabled: false });
    await signInAs(p, app.url, DEMO.orgAdminB);
    await p.page.setViewportSize({ width: 375, height: 800 });
    await p.page.goto(app.url + "/mina-sidor");
    const menu = p.page.getByText("Meny", { exact: true });
    expect(await p.page.getByRole("link", { name: "Mitt konto" }).isVisible()).toBe(false);
    await menu.click();
    expect(await p.page.getByRole("link", { name: "Mitt konto" }).isVisible()).toBe(true);
    await p.context.close();
  });
});
