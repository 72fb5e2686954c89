import { describe, expect, it } from "vitest";
import { caseInStatus } from "~/domain/demo/factories.server";
import { expectAccessible, browserSuite, hydrated, newPage, signInAs, logMeeting, look } from "../support/browser";
import { laxhjalpenCast } from "../support/cast";
import { DEMO } from "../support/http";
import { recipients } from "../support/smtp";

const suite = browserSuite("decision-journey");

const path0 = (url: string) => new URL(url).pathname;

const TITLE = "Läxhjälp på biblioteket";

describe("from a proposal in dialogue to a decision", { timeout: 120_000 }, () => {
  it("completion, meetings and internal notes, jäv, assessment and approval; internal text never leaks", async () => {
    const { app, browser } = suite;
    // A proposal already routed to Hans and in dialogue, made through the use cases.
    const c = await caseInStatus("in_dialogue", await laxhjalpenCast(), TITLE);
    const org = await newPage(browser);
    await signInAs(org, app.url, DEMO.orgAdminB);
    const officer = await newPage(browser);
    await signInAs(officer, app.url, DEMO.officer);
    await officer.page.goto(`${app.url}/handlaggning/arenden/${String(c._id)}`);
    await officer.page.getByRole("heading", { level: 1, name: new RegExp(TITLE) }).waitFor();
    // The case page comes alive with the data written after the document (decision 022).
    await hydrated(officer.page);

    const CANARY = "KANARIEFAGEL-4711-INTERN";

    // The officer asks for more information; the organisation gets a task and an email.
    await officer.page.getByText("Begär komplettering", { exact: true }).click();
    await officer.page.getByLabel("Vad behöver ni veta?").fill("Hur många volontärer har ni i dag?");
    await officer.page.getByRole("button", { name: "Skicka begäran" }).click();
    await officer.page.getByText("Begäran om komplettering är skickad.").waitFor();
    const ask = await app.smtp.waitFor(
      (m) => recipients(m).includes(c.contactEmail) && /komplettering/.test(m.subject ?? ""),
    );
    expect(ask.text).toContain("/forslag/");

    await org.page.goto(app.url + "/forslag");
    await org.page.getByText("Att göra: Svara på handläggarens kompletteringsbegäran").waitFor();
    await org.page.getByRole("link", { name: TITLE }).click();
    await org.page.getByRole("heading", { name: /Att göra: Svara på handläggarens kompletteringsbegäran/ }).waitFor();
    expect(await org.page.getByText("Hur många volontärer har ni i dag?").count()).toBeGreaterThan(0);
    await look(org.page, "forslag-komplettering");
    await org.page.getByLabel("Ert svar").fill("Vi har tolv aktiva volontärer.");
    await org.page.getByRole("button", { name: "Skicka svaret" }).click();
    await org.page.getByText("Ert svar är skickat.").waitFor();
    await app.smtp.waitFor((m) => recipients(m).includes(DEMO.officer) && /kompletteringen/.test(m.subject ?? ""));

    // A second meeting with internal notes, and an internal note: the canary lives only there.
    await officer.page.reload();
    await logMeeting(officer.page, "2026-11-23", "Vi gick igenom budgeten.", `Budgeten verkar hög. ${CANARY}`);
    await officer.page.getByRole("textbox", { name: "Intern anteckning" }).fill(`Kolla tidigare bidrag. ${CANARY}`);
    await officer.page.getByRole("button", { name: "Spara anteckningen" }).click();
    await officer.page.getByText("Anteckningen är sparad.").waitFor();
    expect(await officer.page.getByText(CANARY).count()).toBe(2);
    await look(officer.page, "arende-dialog");

    // The administrator sets the euro rate the de minimis check converts kronor at.
    const admin = await newPage(browser);
    await signInAs(admin, app.url, DEMO.admin);
    await admin.page.goto(`${app.url}/admin`);
    await admin.page.getByLabel("Kronor per euro").fill("11,25");
    await admin.page.getByLabel("Kursens datum").fill("2026-11-02");
    await admin.page.getByRole("button", { name: "Spara kursen" }).click();
    await admin.page.getByText("Eurokursen är sparad.").waitFor();
    await admin.page.getByText("Nu: 1 euro = 11,25 kr, kurs från 2 november 2026.").waitFor();
    await expectAccessible(admin.page);
    await admin.context.close();

    // The officer declares no jäv, assesses and approves: one step at a time.
    const step = (name: string) => officer.page.locator(".step-sequence__item", { hasText: name });
    expect(await step("Jäv").getByText("Att göra nu").count()).toBe(1);
    expect(await officer.page.getByRole("button", { name: "Spara bedömningen" }).count()).toBe(0);
    expect(await officer.page.getByRole("button", { name: "Registrera beslutet" }).count()).toBe(0);
    // An empty declaration says what is missing.
    await officer.page.getByRole("button", { name: "Registrera deklarationen" }).click();
    await officer.page.getByRole("alert").getByText("Det finns ett problem").waitFor();
    await look(officer.page, "arende-jav-fel");
    await officer.page.getByLabel("Jag är inte jävig i ärendet").check();
    await officer.page.getByRole("button", { name: "Registrera deklarationen" }).click();
    await officer.page.getByText("Jävsdeklarationen är registrerad.").waitFor();
    await officer.page.getByRole("button", { name: "Påbörja bedömningen" }).click();
    await officer.page.getByText("Bedömningen är påbörjad.").waitFor();
    const yes = officer.page.getByRole("radio", { name: "Ja" });
    for (let i = 0; i < (await yes.count()); i++) await yes.nth(i).check();
    await officer.page.getByLabel("Grund i statsstödsfrågan").selectOption("deMinimis");
    // Amounts in kronor, converted at the administrator's rate (set above).
    await officer.page.getByText("1 euro = 11,25 kr från 2 november 2026").waitFor();
    await officer.page
      .getByLabel("Annat de minimis-stöd de senaste tre åren enligt organisationens intygande (kr)")
      .fill("225 000");
    await officer.page.getByLabel("Stödet i det här ärendet under tre år (kr)").fill("146250");
    await officer.page.getByLabel("Rekommendation", { exact: true }).selectOption("approve");
    await officer.page.getByRole("button", { name: "Spara bedömningen" }).click();
    await officer.page.getByText("Bedömningen är sparad.").waitFor();
    expect(await step("Bedömning").getByText("Klart").count()).toBe(1);
    expect(await step("Beslut").getByText("Att göra nu").count()).toBe(1);
    // The saved assessment reads as it is, without opening its form.
    const saved = officer.page.getByRole("region", { name: "Bedömningen" });
    expect(await saved.getByText("Bifall", { exact: true }).count()).toBe(1);
    expect(await saved.getByText("Stöd av mindre betydelse (de minimis)").count()).toBe(1);
    await look(officer.page, "arende-beslutssteg");
    // The finished assessment can be opened again.
    await officer.page.getByRole("link", { name: "Ändra bedömningen" }).click();
    await officer.page
      .getByText(
        "Summa tre år: 33 000 euro (371 250 kr) av taket 300 000 euro, omräknat med kursen 11,25 kr från 2 november 2026.",
      )
      .waitFor();
    await look(officer.page, "arende-bedomning");
    await officer.page.goto(`${app.url}/handlaggning/arenden/${String(c._id)}`);
    await officer.page.getByLabel("Bifall").check();
    await officer.page.getByLabel("Beslutsfattare", { exact: true }).selectOption("delegation");
    await officer.page.getByLabel("Nämndens eller beslutsfattarens namn").fill("Hans Handläggare");
    await officer.page.getByLabel("Delegationsbeslut (punkt i delegationsordningen)").fill("Punkt 4.2");
    await officer.page.getByLabel("Beslutsdatum").fill("2026-11-24");
    await officer.page.getByLabel("Protokollsparagraf").fill("§ 42");
    await officer.page
      .getByLabel("Motivering", { exact: true })
      .fill("Förslaget uppfyller kriterierna för IOP och ger ett tydligt mervärde.");
    await officer.page.getByLabel("Beslutsfattaren har intygat att hen inte är jävig").check();
    await officer.page.getByRole("button", { name: "Registrera beslutet" }).click();
    await officer.page.getByText("Beslutet är registrerat").waitFor();
    await look(officer.page, "arende-beslut");

    const decisionMail = await app.smtp.waitFor(
      (m) => recipients(m).includes(c.contactEmail) && /beviljat/.test(m.subject ?? ""),
    );
    expect(decisionMail.text).toContain("Förslaget uppfyller kriterierna");
    await org.page.reload();
    await org.page.getByRole("heading", { name: "Beslut 2026-11-24: Bifall" }).waitFor();
    expect(await org.page.getByText("Beviljat").count()).toBeGreaterThan(0);
    await look(org.page, "forslag-beslut");

    // The canary never reaches the organisation: not on its pages, not in its email.
    for (const path of ["/forslag", path0(org.page.url())]) {
      await org.page.goto(app.url + path);
      expect(await org.page.content(), path).not.toContain(CANARY);
    }
    const politician = await newPage(browser);
    await signInAs(politician, app.url, DEMO.politician);
    for (const path of ["/", "/organisation", path0(org.page.url()), path0(officer.page.url()), "/handlaggning"]) {
      await politician.page.goto(app.url + path);
      expect(await politician.page.content(), path).not.toContain(CANARY);
    }
    await politician.context.close();
    for (const path of ["/", "/om-iop", path0(org.page.url())]) {
      const res = await fetch(app.url + path);
      expect(await res.text(), path).not.toContain(CANARY);
    }
    for (const mail of app.smtp.messages.filter((m) => !recipients(m).includes(DEMO.officer))) {
      expect(`${mail.subject} ${mail.text} ${mail.html}`).not.toContain(CANARY);
    }

    for (const p of [org, officer]) {
      expect(p.errors).toEqual([]);
      await p.context.close();
    }
  });
});
