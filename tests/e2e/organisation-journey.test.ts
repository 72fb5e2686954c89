import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../support/app";
import { expectAccessible, hydrated, launchBrowser, newPage } from "../support/browser";
import { elfBytes, pdfBytes } from "../support/files";
import { linkIn, recipients } from "../support/smtp";

let app: TestApp;
let browser: Browser;

beforeAll(async () => {
  app = await startTestApp("journey");
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

async function fillOrganisation(page: Page, orgNumber: string) {
  await page.getByLabel("Organisationens namn").fill("Föreningen Solrosen");
  await page.getByLabel("Organisationsnummer").fill(orgNumber);
  await page.getByLabel("Organisationsform").selectOption("non_profit_association");
  await page.getByLabel("Ändamål").fill("Gemenskap och aktiviteter för äldre i Solrosens kvarter.");
  await page.getByLabel("Organisationens e-postadress").fill("info@solrosen.example");
  await page.getByRole("textbox", { name: /^Firmatecknare/ }).fill("Sigrid Solros, ordförande");
}

describe("an organisation leader's first visit", { timeout: 120_000 }, () => {
  it("signs up, verifies, registers the organisation, invites a member and uploads a PDF", async () => {
    const { page, errors, context } = await newPage(browser);
    await page.goto(app.url + "/");
    await expectAccessible(page);

    await page.getByRole("link", { name: "Skapa konto" }).first().click();
    await expect.poll(() => page.url()).toContain("/registrera");
    await hydrated(page);
    await expectAccessible(page);
    await page.getByLabel("Ditt namn").fill("Sigrid Solros");
    await page.getByLabel("E-postadress").fill("sigrid@solrosen.example");
    await page.getByLabel("Lösenord", { exact: true }).fill("solrosor i kvarteret");
    await page.getByLabel("Upprepa lösenordet").fill("solrosor i kvarteret");
    await page.getByRole("button", { name: "Skapa konto" }).click();
    await page.getByRole("heading", { name: "Kontrollera din e-post" }).waitFor();
    await expectAccessible(page);

    const mail = await app.smtp.waitFor((m) => recipients(m).includes("sigrid@solrosen.example"));
    await page.goto(linkIn(mail, "/verifiera-epost"));
    await page.getByRole("heading", { name: "Bekräfta din e-postadress" }).waitFor();
    await expectAccessible(page);
    await page.getByRole("button", { name: "Bekräfta e-postadressen" }).click();
    await page.getByText("Tack! Din e-postadress är bekräftad.").waitFor();
    await expectAccessible(page);

    await page.getByRole("link", { name: "Registrera organisation" }).click();
    await page.getByRole("heading", { name: "Registrera organisation" }).waitFor();
    await expectAccessible(page);

    // Wrong check digit: an error summary that takes focus, the message by the field, "Fel:" in the title.
    await fillOrganisation(page, "802400-1374");
    await page.getByRole("button", { name: "Registrera organisation" }).click();
    const summary = page.getByRole("alert").filter({ hasText: "Det finns ett problem" });
    await summary.waitFor();
    await expect.poll(() => summary.evaluate((el) => el === document.activeElement)).toBe(true);
    await expect.poll(() => page.title()).toMatch(/^Fel:/);
    expect(await page.getByText("kontrollsiffran (sista siffran) är fel").count()).toBeGreaterThan(0);
    await expectAccessible(page);
    // Each summary entry says what is wrong, in the field's own words, and moves focus there.
    await summary.getByRole("link", { name: /^Organisationsnumret stämmer inte/ }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute("name"))).toBe("orgNumber");

    // A number that is already registered.
    await page.getByLabel("Organisationsnummer").fill("802400-1375");
    await page.getByRole("button", { name: "Registrera organisation" }).click();
    await page.getByText("Det finns redan en organisation med det här organisationsnumret").first().waitFor();

    await page.getByLabel("Organisationsnummer").fill("802490-0014");
    await page.getByRole("button", { name: "Registrera organisation" }).click();
    await page.getByText("Organisationen är registrerad.").waitFor();
    await page.getByRole("heading", { level: 1, name: "Föreningen Solrosen" }).waitFor();
    // The next step is offered at once: the organisation's idea.
    expect(await page.getByRole("link", { name: "Lämna en idé" }).getAttribute("href")).toBe("/forslag/ny");
    await expectAccessible(page);
    const orgUrl = page.url().replace(/\?.*$/, "");

    // Invite a member, who accepts in another browser.
    await page.getByRole("textbox", { name: "E-postadress" }).fill("bertil@solrosen.example");
    await page.getByRole("button", { name: "Bjud in en person" }).click();
    await page.getByText("Inbjudan är skickad.").waitFor();
    expect(await page.getByText("bertil@solrosen.example").count()).toBeGreaterThan(0);

    const invite = await app.smtp.waitFor((m) => recipients(m).includes("bertil@solrosen.example"));
    expect(invite.subject).toBe("Inbjudan till Föreningen Solrosen i Samverka");
    const bertil = await newPage(browser);
    await bertil.page.goto(linkIn(invite, "/inbjudan"));
    await expectAccessible(bertil.page);
    await bertil.page.getByLabel("Ditt namn").fill("Bertil Blom");
    await bertil.page.getByLabel("Lösenord", { exact: true }).fill("blommor och bin");
    await bertil.page.getByLabel("Upprepa lösenordet").fill("blommor och bin");
    await bertil.page.getByRole("button", { name: "Skapa konto och gå med" }).click();
    await bertil.page.getByText("Välkommen! Du är nu med i organisationen.").waitFor();
    expect(bertil.page.url()).toBe(orgUrl);
    expect(bertil.errors).toEqual([]);
    await bertil.context.close();

    await page.reload();
    await page.getByRole("cell", { name: "Bertil Blom", exact: true }).waitFor();

    // Upload a PDF; an executable renamed to .pdf is refused.
    await page.getByLabel("Typ av dokument").selectOption("statutes");
    await page.getByLabel("Beskrivning").fill("Stadgar antagna 2024");
    await page
      .getByLabel("Fil", { exact: true })
      .setInputFiles({ name: "stadgar.pdf", mimeType: "application/pdf", buffer: pdfBytes() });
    await page.getByRole("button", { name: "Ladda upp" }).click();
    await page.getByText("Dokumentet är uppladdat.").waitFor();
    await page.getByRole("link", { name: "Stadgar antagna 2024" }).waitFor();
    await expectAccessible(page);

    await page.getByLabel("Typ av dokument").selectOption("other");
    await page.getByLabel("Beskrivning").fill("Program");
    await page
      .getByLabel("Fil", { exact: true })
      .setInputFiles({ name: "program.pdf", mimeType: "application/pdf", buffer: elfBytes() });
    await page.getByRole("button", { name: "Ladda upp" }).click();
    await page.getByText("Filtypen stöds inte").first().waitFor();
    expect(await page.getByRole("link", { name: "Program" }).count()).toBe(0);
    await expectAccessible(page);

    expect(errors).toEqual([]);
    await context.close();
  });
});

describe("without JavaScript", () => {
  it("signs in and registers an organisation with plain form posts", async () => {
    const { page, context } = await newPage(browser, { javaScriptEnabled: false });
    await page.goto(app.url + "/logga-in");
    await page.getByLabel("E-postadress").fill("lina@laxhjalpen.example");
    await page.getByLabel("Lösenord").fill("samverka-demo-2026");
    await page.getByRole("button", { name: "Logga in" }).click();
    await page.waitForURL(app.url + "/mina-sidor");
    await page.goto(app.url + "/organisation/ny");
    await page.getByLabel("Organisationens namn").fill("Läxhjälpen Syd");
    await page.getByLabel("Organisationsnummer").fill("12345");
    await page.getByLabel("Organisationsform").selectOption("foundation");
    await page.getByLabel("Ändamål").fill("Läxhjälp i södra stadsdelen.");
    await page.getByLabel("Organisationens e-postadress").fill("syd@laxhjalpen.example");
    await page.getByRole("button", { name: "Registrera organisation" }).click();
    await page.getByText("Det finns ett problem").waitFor();
    expect(await page.getByText("Skriv organisationsnumret med tio siffror").count()).toBeGreaterThan(0);
    // The other fields keep what was typed.
    expect(await page.getByLabel("Organisationens namn").inputValue()).toBe("Läxhjälpen Syd");
    await page.getByLabel("Organisationsnummer").fill("802491-0021");
    await page.getByRole("button", { name: "Registrera organisation" }).click();
    await page.getByText("Organisationen är registrerad.").waitFor();
    await context.close();
  });
});
