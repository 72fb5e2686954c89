import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { caseInStatus } from "~/domain/demo/factories.server";
import { expectAccessible, expectSummaryMatchesFields, browserSuite, newPage, signInAs } from "../support/browser";
import { laxhjalpenCast } from "../support/cast";
import { DEMO } from "../support/http";

// Every form's error summary: specific words, the same at the field, links, form order; with
// and without JavaScript.

const suite = browserSuite("error-summaries");

async function submitEmpty(page: Page, path: string, button: string, javaScript = true) {
  await page.goto(suite.app.url + path);
  await page.getByRole("button", { name: button, exact: true }).click();
  await page.locator(".error-summary").waitFor();
  if (javaScript) {
    await expectAccessible(page);
    return expectSummaryMatchesFields(page);
  }
  // Without JavaScript the page cannot be inspected by script: inspect the same HTML elsewhere.
  const html = (await page.content()).replace(/<script[\s\S]*?<\/script>/g, "");
  const probe = await newPage(suite.browser);
  await probe.page.setContent(html);
  const items = await expectSummaryMatchesFields(probe.page);
  await probe.context.close();
  return items;
}

describe("error summaries", { timeout: 120_000 }, () => {
  for (const javaScriptEnabled of [true, false]) {
    it(`name the problem at each field, in form order (JavaScript ${javaScriptEnabled ? "on" : "off"})`, async () => {
      const { app, browser } = suite;
      const visitor = await newPage(browser, { javaScriptEnabled });
      expect(await submitEmpty(visitor.page, "/registrera", "Skapa konto", javaScriptEnabled)).toEqual([
        "Fyll i ditt namn",
        "Skriv e-postadressen",
        "Skriv lösenordet",
        "Fyll i upprepa lösenordet",
      ]);
      await visitor.context.close();

      const member = await newPage(browser, { javaScriptEnabled });
      await signInAs(member, app.url, DEMO.orgAdminB);
      expect(await submitEmpty(member.page, "/forslag/ny", "Skapa utkast", javaScriptEnabled)).toEqual([
        "Skriv en rubrik",
      ]);
      const org = await submitEmpty(member.page, "/organisation/ny", "Registrera organisation", javaScriptEnabled);
      expect(org.slice(0, 2)).toEqual(["Fyll i organisationens namn", "Skriv organisationsnumret"]);
      await member.context.close();
    });
  }

  it("on the organisation's draft and on the officer's decision", async () => {
    const { app, browser } = suite;
    const cast = await laxhjalpenCast();
    const draft = await caseInStatus("draft", cast, "Tomt utkast");
    const member = await newPage(browser);
    await signInAs(member, app.url, DEMO.orgAdminB);
    // A section of the full proposal: the completion question unanswered, then "done" with a
    // required field emptied.
    await member.page.goto(`${app.url}/forslag/${String(draft._id)}/del/verksamhet`);
    await member.page.getByLabel("Sammanfattning", { exact: true }).fill("");
    await member.page.getByRole("button", { name: "Spara och fortsätt" }).click();
    await member.page.locator(".error-summary").waitFor();
    expect(await expectSummaryMatchesFields(member.page)).toEqual(["Välj om delen är klar"]);
    await member.page.getByLabel("Ja, den här delen är klar").check();
    await member.page.getByRole("button", { name: "Spara och fortsätt" }).click();
    await member.page.locator(".error-summary", { hasText: "Skriv en sammanfattning" }).waitFor();
    expect(await expectSummaryMatchesFields(member.page)).toEqual([
      "Skriv en sammanfattning av vad ni vill göra och för vem",
    ]);
    await expectAccessible(member.page);
    await member.context.close();

    const assessed = await caseInStatus("in_assessment", cast, "Att besluta");
    const officer = await newPage(browser);
    await signInAs(officer, app.url, DEMO.officer);
    await officer.page.goto(`${app.url}/handlaggning/arenden/${String(assessed._id)}`);
    await officer.page.getByLabel("Rekommendation", { exact: true }).selectOption("approve");
    await officer.page.getByRole("button", { name: "Spara bedömningen" }).click();
    await officer.page.getByRole("button", { name: "Registrera beslutet" }).click();
    await officer.page.locator(".error-summary").waitFor();
    const decision = await expectSummaryMatchesFields(officer.page);
    expect(decision[0]).toBe("Välj bifall eller avslag");
    await officer.context.close();
  });

  it("on the account, administration and dialogue forms", async () => {
    const { app, browser } = suite;
    const visitor = await newPage(browser);
    expect(await submitEmpty(visitor.page, "/glomt-losenord", "Skicka länk")).toEqual(["Skriv e-postadressen"]);
    await visitor.context.close();

    const member = await newPage(browser);
    await signInAs(member, app.url, DEMO.orgAdminB);
    const account = await submitEmpty(member.page, "/konto", "Byt lösenord");
    expect(account[0]).toBe("Fyll i nuvarande lösenord");
    await member.context.close();

    const admin = await newPage(browser);
    await signInAs(admin, app.url, DEMO.admin);
    const invite = await submitEmpty(admin.page, "/admin", "Bjud in medarbetare");
    expect(invite.slice(0, 2)).toEqual(["Fyll i namn", "Skriv e-postadressen"]);
    expect(await submitEmpty(admin.page, "/admin", "Spara kursen")).toEqual([
      "Fyll i kronor per euro",
      "Fyll i kursens datum",
    ]);
    await admin.context.close();

    const c = await caseInStatus("in_dialogue", await laxhjalpenCast(), "Dialog utan ord");
    const officer = await newPage(browser);
    await signInAs(officer, app.url, DEMO.officer);
    expect(await submitEmpty(officer.page, `/handlaggning/arenden/${String(c._id)}`, "Skicka meddelande")).toEqual([
      "Skriv ett meddelande",
    ]);
    await officer.context.close();
  });
});
