import { describe, expect, it } from "vitest";
import { ProposalModel } from "#models/proposal";
import {
  browserSuite,
  completeSection,
  expectAccessible,
  expectSummaryMatchesFields,
  newPage,
  signInAs,
} from "../support/browser";
import { pdfBytes } from "../support/files";
import { DEMO } from "../support/http";

// The full proposal as a GOV.UK task list, written section by section and submitted from its
// check page, with JavaScript switched off.

const suite = browserSuite("proposal-task-list");

describe("the full proposal as a task list", { timeout: 120_000 }, () => {
  it("is written section by section and submitted without JavaScript", async () => {
    const { app, browser } = suite;
    const member = await newPage(browser, { javaScriptEnabled: false });
    const { page } = member;
    await signInAs(member, app.url, DEMO.orgAdminB);
    // Scripts cannot inspect a page without JavaScript: axe and the reflow check look at the
    // same address in a second, scripted window.
    const inspector = await newPage(browser);
    await signInAs(inspector, app.url, DEMO.orgAdminB);
    const checkAccessible = async () => {
      await inspector.page.goto(page.url());
      await expectAccessible(inspector.page);
    };
    await page.goto(`${app.url}/forslag/ny`);
    await page.getByLabel("Ett fullständigt IOP-förslag").check();
    await page.getByLabel("Rubrik").fill("Simskola för nyanlända");
    await page.getByRole("button", { name: "Skapa utkast" }).click();
    await page.getByRole("heading", { name: "Fyll i förslaget" }).waitFor();
    const caseId = new URL(page.url()).pathname.split("/").pop() ?? "";
    const status = (section: string) =>
      page.locator(".section-tasks__item", { hasText: section }).locator(".badge").textContent();
    // The title and the contact person (the member) are filled in when the draft is made.
    expect(await status("Om verksamheten")).toBe("Påbörjad");
    expect(await status("Insatser och resurser")).toBe("Inte påbörjad");
    // The contact person is filled in from the account, but nobody has looked at it yet.
    expect(await status("Kontaktperson")).toBe("Inte påbörjad");
    expect(await status("Bilagor")).toBe("Valfri");
    expect(await page.getByRole("link", { name: "Granska och skicka in" }).count()).toBe(0);
    await checkAccessible();

    // Saying a section is done while something required is empty names what is missing,
    // in form order, and saves nothing.
    await page.getByRole("link", { name: "Insatser och resurser", exact: true }).click();
    await page.getByLabel("Beskriv er egen insats").fill("Simlärare på ideell basis");
    await page.getByLabel("Ja, den här delen är klar").check();
    await page.getByRole("button", { name: "Spara och fortsätt" }).click();
    await page.locator(".error-summary").waitFor();
    const probe = await newPage(browser);
    await probe.page.setContent((await page.content()).replace(/<script[\s\S]*?<\/script>/g, ""));
    expect(await expectSummaryMatchesFields(probe.page)).toEqual([
      "Skriv hur mycket ni söker från kommunen per år – skriv 0 om ni inte söker pengar",
    ]);
    await probe.context.close();
    expect(await page.getByLabel("Beskriv er egen insats").inputValue()).toBe("Simlärare på ideell basis");
    expect((await ProposalModel.findById(caseId).lean())?.ownContributionDescription).toBe("");

    // "Not yet" saves what is written and leaves the section in progress; 0 kronor is an answer.
    await page.getByLabel("Nej, jag fortsätter senare").check();
    await page.getByRole("button", { name: "Spara och fortsätt" }).click();
    await page.getByText("Delen är sparad.").waitFor();
    expect(await status("Insatser och resurser")).toBe("Påbörjad");
    await completeSection(page, "Insatser och resurser", { "Kommunalt bidrag per år (kr)": "0" });
    expect(await status("Insatser och resurser")).toBe("Klar");

    await page.getByRole("link", { name: "Om verksamheten", exact: true }).click();
    for (const [label, value] of [
      ["Sammanfattning", "Simundervisning för nyanlända vuxna och barn."],
      ["Vilket behov möter verksamheten?", "Många nyanlända kan inte simma."],
      ["Målgrupp", "Nyanlända i kommunen."],
      ["Aktiviteter", "Simskola två kvällar i veckan."],
      ["Startdatum", "2027-02-01"],
      ["Slutdatum", "2026-12-31"],
    ] as const) {
      await page.getByLabel(label, { exact: true }).fill(value);
    }
    await page.getByLabel("Ja, den här delen är klar").check();
    await page.getByRole("button", { name: "Spara och fortsätt" }).click();
    await page.locator(".error-summary").waitFor();
    expect(await page.locator(".error-summary li").allTextContents()).toEqual([
      "Välj minst ett område",
      "Skriv ett slutdatum som är efter startdatumet",
    ]);
    await page.getByLabel("Idrott").check();
    await page.getByLabel("Slutdatum", { exact: true }).fill("2028-12-31");
    await page.getByRole("button", { name: "Spara och fortsätt" }).click();
    await page.getByText("Delen är sparad.").waitFor();
    expect(await status("Om verksamheten")).toBe("Klar");
    await completeSection(page, "Mål och uppföljning", {
      "Hur ligger verksamheten i allmänhetens intresse?": "Öppen för alla nyanlända.",
      "Mervärde – vad tillför er organisation?": "Simlärare med egen erfarenhet av att komma ny.",
      "Mål och indikatorer": "40 deltagare lär sig simma; antal simborgarmärken",
    });
    await completeSection(page, "Kontaktperson", { Telefonnummer: "070-123 45 67" });
    // Every required part is done; the attachments may be left empty.
    expect(await page.getByText("Ni har fyllt i 4 av 4 delar.").count()).toBe(1);
    expect(await page.getByRole("link", { name: "Granska och skicka in" }).count()).toBe(1);

    // Attachments: upload one on the section's page, then mark the section as done.
    await page.getByRole("link", { name: "Bilagor", exact: true }).click();
    // With no attachment yet, the form to add one is open.
    await page.getByLabel("Beskrivning av bilagan").fill("Budget 2027");
    await page.setInputFiles('input[type="file"]', {
      name: "budget.pdf",
      mimeType: "application/pdf",
      buffer: pdfBytes(),
    });
    await page.getByRole("button", { name: "Lägg till bilaga" }).click();
    await page.getByText("Bilagan är tillagd.").waitFor();
    await checkAccessible();
    await page.getByLabel("Ja, den här delen är klar").check();
    await page.getByRole("button", { name: "Spara och fortsätt" }).click();
    await page.getByText("Delen är sparad.").waitFor();
    expect(await page.getByText("Ni har fyllt i 5 av 5 delar.").count()).toBe(1);

    // Check your answers: every section, a way back to change it, then submit.
    await page.getByRole("link", { name: "Granska och skicka in" }).click();
    await page.getByRole("heading", { level: 1, name: "Granska förslaget innan ni skickar in" }).waitFor();
    await checkAccessible();
    for (const text of ["Simskola för nyanlända", "Idrott", "0 kr", "070-123 45 67", "Budget 2027"]) {
      expect(await page.getByText(text, { exact: false }).count(), text).toBeGreaterThan(0);
    }
    await page.getByRole("link", { name: "Ändra mål och uppföljning" }).click();
    await page.getByRole("heading", { level: 1, name: "Mål och uppföljning" }).waitFor();
    await page.goBack();
    await page.getByRole("button", { name: "Skicka in förslaget" }).click();
    await page.getByText("Ärendet är inskickat och registrerat.").waitFor();
    const submitted = await ProposalModel.findById(caseId).lean();
    expect(submitted?.status).toBe("submitted");
    expect(submitted?.requestedSekPerYear).toBe(0);
    expect(submitted?.caseNumber).toMatch(/^\S+ \d{4}\/\d{4}$/);

    // Submitted: the sections and the check page are closed, and lead back to the case.
    await page.goto(`${app.url}/forslag/${caseId}/del/insatser`);
    expect(new URL(page.url()).pathname).toBe(`/forslag/${caseId}`);
    await page.goto(`${app.url}/forslag/${caseId}/granska`);
    expect(new URL(page.url()).pathname).toBe(`/forslag/${caseId}`);
    await member.context.close();
    await inspector.context.close();
  });
});
