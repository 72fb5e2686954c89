import { describe, expect, it } from "vitest";
import {
  completeSection,
  expectAccessible,
  browserSuite,
  newPage,
  signInAs,
  logMeeting,
  look,
} from "../support/browser";
import { DEMO } from "../support/http";
import { recipients } from "../support/smtp";

const suite = browserSuite("idea-journey");

describe("from an organisation's idea to a proposal in dialogue", { timeout: 120_000 }, () => {
  it("idea, receipt, routing, meeting invitation and minutes, conversion and the proposal submitted", async () => {
    const { app, browser } = suite;
    const org = await newPage(browser);
    await signInAs(org, app.url, DEMO.orgAdminB);
    await org.page.getByRole("link", { name: "Idéer och förslag" }).click();
    await org.page.getByRole("heading", { level: 1, name: "Idéer och förslag" }).waitFor();
    await look(org.page, "forslag");
    await org.page.getByRole("link", { name: "Ny idé eller nytt förslag" }).click();
    await org.page.getByRole("heading", { level: 1, name: "Ny idé eller nytt förslag" }).waitFor();
    await look(org.page, "forslag-ny");
    await org.page.getByLabel("En idé – kort beskrivning och önskan om dialog").check();
    await org.page.getByLabel("Rubrik").fill("Läxhjälp i Norra stadsdelen");
    await org.page.getByRole("button", { name: "Skapa utkast" }).click();
    await org.page.getByText("Utkastet är skapat.").waitFor();
    await look(org.page, "forslag-utkast");

    // Submitting without the essentials lists what is missing; the draft is kept.
    await org.page.getByRole("button", { name: "Skicka in" }).click();
    await org.page.getByText("Det här behöver fyllas i innan ni kan skicka in").first().waitFor();
    await look(org.page, "forslag-saknas");

    await org.page
      .getByLabel("Vad vill ni göra, och för vem?")
      .fill("Läxhjälp två kvällar i veckan för barn i årskurs 4–6, med volontärer från gymnasiet.");
    await org.page.getByLabel("Läxhjälp", { exact: true }).check();
    await org.page.getByLabel("Vi vill gärna ha ett dialogmöte").check();
    await org.page.getByRole("button", { name: "Skicka in" }).click();
    await org.page.getByText("Ärendet är inskickat och registrerat.").waitFor();
    // The case number as the page shows it (its year and sequence are unit-tested).
    const numbered = org.page.getByText(/KS \d{4}\/\d{4}/).first();
    const caseNumber = /KS \d{4}\/\d{4}/.exec((await numbered.textContent()) ?? "")?.[0] ?? "";
    expect(caseNumber).not.toBe("");
    const year = new Date().getFullYear();
    expect(await org.page.getByText("Inskickat – väntar på handläggare").count()).toBeGreaterThan(0);
    expect(await org.page.getByText("Mottagningskvittens").count()).toBe(1);
    await look(org.page, "forslag-inskickat");

    const receipt = await app.smtp.waitFor(
      (m) => recipients(m).includes(DEMO.orgAdminB) && /Kvittens/.test(m.subject ?? ""),
    );
    expect(receipt.subject).toBe(`Kvittens: ${caseNumber} – Läxhjälp i Norra stadsdelen`);
    expect(receipt.text).toContain("/forslag/");

    // The office sees it in the inbox and routes it; the suggestion follows the area.
    const office = await newPage(browser);
    await signInAs(office, app.url, DEMO.coordinator);
    await office.page.getByRole("link", { name: "Handläggning" }).click();
    await office.page.getByRole("heading", { level: 1, name: "Handläggning" }).waitFor();
    await look(office.page, "handlaggning");
    await office.page.getByRole("link", { name: "Läxhjälp i Norra stadsdelen" }).first().click();
    await office.page.getByRole("heading", { name: "Fördela ärendet" }).waitFor();
    await look(office.page, "arende-fordela");
    expect(await office.page.getByLabel("Ansvarig förvaltning").inputValue()).not.toBe("");
    // Choosing the department offers only its officers (here without the coordinator).
    await office.page.getByLabel("Ansvarig förvaltning").selectOption({ label: "Socialförvaltningen" });
    await office.page.waitForURL(/forvaltning=/);
    const officers = office.page.getByLabel("Handläggare", { exact: true });
    // The list follows the department once the page has its new data (slow under load).
    await officers.locator("option", { hasText: "Hans Handläggare" }).waitFor({ state: "attached" });
    expect(await officers.locator("option").allTextContents()).toEqual(["Hans Handläggare"]);
    await officers.selectOption({ label: "Hans Handläggare" });
    await office.page.getByRole("button", { name: "Fördela ärendet" }).click();
    await office.page.getByText("Ärendet är fördelat.").waitFor();
    expect(await office.page.getByText("Fördelat till Hans Handläggare, Socialförvaltningen").count()).toBe(1);
    await look(office.page, "arende-fordelat");

    const toOfficer = await app.smtp.waitFor((m) => recipients(m).includes(DEMO.officer));
    expect(toOfficer.subject).toBe(`Nytt ärende till dig: ${caseNumber} – Läxhjälp i Norra stadsdelen`);
    const toOrg = await app.smtp.waitFor(
      (m) => recipients(m).includes(DEMO.orgAdminB) && /handlägger/.test(m.subject ?? ""),
    );
    expect(toOrg.text).toContain("Hans Handläggare");

    // The organisation now sees who handles it.
    await org.page.reload();
    await org.page.getByText("Dialog med handläggare").first().waitFor();
    expect(await org.page.getByText("Hans Handläggare, Socialförvaltningen").count()).toBeGreaterThan(0);

    // The officer finds it among their cases.
    const officer = await newPage(browser);
    await signInAs(officer, app.url, DEMO.officer);
    await officer.page.goto(app.url + "/handlaggning");
    await officer.page.getByRole("link", { name: "Läxhjälp i Norra stadsdelen" }).first().click();
    await officer.page.getByRole("heading", { level: 1, name: /Läxhjälp i Norra stadsdelen/ }).waitFor();
    await look(officer.page, "arende-handlaggare");

    // A dialogue meeting about the idea; the organisation is emailed the minutes.
    // The officer invites to a dialogue meeting; the organisation confirms it as a task.
    const invitePanel = officer.page.locator("details", { hasText: "Bjud in till dialogmöte" });
    await invitePanel.locator("summary").click();
    await invitePanel.getByLabel("Datum för mötet").fill(`${year}-11-20`);
    await invitePanel.getByLabel("Klockslag").fill("14:30");
    await invitePanel.getByLabel("Plats eller länk").fill("Stadshuset, rum 3");
    await officer.page.getByRole("button", { name: "Skicka inbjudan" }).click();
    await officer.page.getByText("Inbjudan är skickad.").waitFor();
    await app.smtp.waitFor(
      (m) => recipients(m).includes(DEMO.orgAdminB) && /inbjudan till dialogmöte/.test(m.subject ?? ""),
    );
    await org.page.goto(app.url + "/forslag");
    await org.page.getByText("Att göra: Bekräfta dialogmötet").waitFor();
    await org.page.getByRole("link", { name: "Läxhjälp i Norra stadsdelen" }).click();
    await org.page.getByRole("heading", { name: /Bekräfta dialogmötet .*14:30, Stadshuset, rum 3/ }).waitFor();
    await look(org.page, "forslag-motesinbjudan");
    await org.page.getByRole("button", { name: "Bekräfta mötet" }).click();
    await org.page.getByText("Tack! Mötet är bekräftat.").waitFor();
    await app.smtp.waitFor((m) => recipients(m).includes(DEMO.officer) && /bekräftat/.test(m.subject ?? ""));
    await officer.page.reload();
    await officer.page.getByText("Bekräftat av organisationen").waitFor();

    await logMeeting(
      officer.page,
      `${year}-11-20`,
      "Vi gick igenom idén och kom överens om att skriva ett förslag.",
      "",
    );
    await app.smtp.waitFor((m) => recipients(m).includes(DEMO.orgAdminB) && /minnesanteckningar/.test(m.subject ?? ""));

    // The organisation turns the idea into a proposal, completes it and submits it: it
    // keeps its case number and officer and goes straight back to the dialogue.
    await org.page.reload();
    expect(await org.page.getByText("Vi gick igenom idén").count()).toBe(1);
    await org.page.getByRole("button", { name: "Gör om till förslag" }).click();
    await org.page.getByText("Idén är nu ett utkast till förslag.").waitFor();
    // What the idea said is kept: the first section is started, nothing is done yet.
    const status = (section: string) =>
      org.page.locator(".section-tasks__item", { hasText: section }).locator(".badge").textContent();
    expect(await status("Om verksamheten")).toBe("Påbörjad");
    expect(await status("Mål och uppföljning")).toBe("Inte påbörjad");
    await look(org.page, "forslag-konverterat");
    await completeSection(org.page, "Om verksamheten", {
      "Vilket behov möter verksamheten?": "Många barn saknar stöd med läxor hemma.",
      Målgrupp: "Barn i årskurs 4–6 i Norra stadsdelen.",
      Aktiviteter: "Läxhjälp tisdagar och torsdagar 16–18 på biblioteket.",
      Startdatum: `${year + 1}-01-15`,
      Slutdatum: `${year + 2}-12-31`,
    });
    expect(await status("Om verksamheten")).toBe("Klar");
    await completeSection(org.page, "Mål och uppföljning", {
      "Hur ligger verksamheten i allmänhetens intresse?": "Öppen för alla barn i stadsdelen, kostnadsfri.",
      "Mervärde – vad tillför er organisation?": "Volontärer som är förebilder och ett nätverk av föräldrar.",
      "Mål och indikatorer": "30 barn får läxhjälp varje vecka; antal deltagare per termin",
    });
    await completeSection(org.page, "Insatser och resurser", {
      "Beskriv er egen insats": "Volontärtid, samordning och material.",
      "Ideella timmar per år": "1200",
      "Kommunalt bidrag per år (kr)": "150 000",
    });
    await completeSection(org.page, "Kontaktperson");
    await completeSection(org.page, "Bilagor");
    await org.page.getByRole("link", { name: "Granska och skicka in" }).click();
    await org.page.getByText(/^150\s000\skr$/).waitFor();
    await expectAccessible(org.page);
    await org.page.getByRole("button", { name: "Skicka in förslaget" }).click();
    await org.page.getByText("Ärendet är inskickat och registrerat.").waitFor();
    await org.page.getByText("Dialog med handläggare").first().waitFor();
    expect(await org.page.getByText(caseNumber).count()).toBeGreaterThan(0);

    for (const p of [org, office, officer]) {
      expect(p.errors).toEqual([]);
      await p.context.close();
    }
  });
});
