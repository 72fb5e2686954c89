import { afterEach, describe, expect, it } from "vitest";
import { setClock } from "~/domain/kernel/clock";
import { clockFrom } from "../support/clock";
import { endDueAgreements } from "~/domain/agreements/agreements.server";
import { caseInStatus } from "~/domain/demo/factories.server";
import { loadCaseById } from "~/domain/cases/engine.server";
import { browserSuite, newPage, signInAs, look } from "../support/browser";
import { laxhjalpenCast } from "../support/cast";
import { DEMO } from "../support/http";
import { pdfBytes } from "../support/files";
import { recipients } from "../support/smtp";

// The agreement in a real browser: from the approved case to an active agreement, written
// together (a comment, a new version, the comparison) and signed by both parties; then paid,
// followed up, renegotiated and signed again, given notice and ended by the job.

const suite = browserSuite("agreement-journey");

describe("the agreement", { timeout: 120_000 }, () => {
  afterEach(() => setClock(null));
  it("is drafted, signed, paid, followed up, renegotiated, given notice and ended", async () => {
    const { app, browser } = suite;
    // January 2028: within the term, with the report on 2027 due (and sessions made after it).
    clockFrom("2028-01-10T10:00:00Z");
    const c = await caseInStatus("approved", await laxhjalpenCast(), "Läxhjälp med avtal");
    const officer = await newPage(browser);
    await signInAs(officer, app.url, DEMO.officer);
    const org = await newPage(browser);
    await signInAs(org, app.url, DEMO.orgAdminB);

    // The officer goes from the case to the agreement and creates the first draft.
    await officer.page.goto(`${app.url}/handlaggning/arenden/${String(c._id)}`);
    await officer.page.getByRole("link", { name: "Överenskommelsen" }).click();
    await officer.page.getByRole("button", { name: "Skapa utkast till överenskommelse" }).click();
    await officer.page.getByText("Utkastet till överenskommelse är skapat.").waitFor();
    expect(await officer.page.locator("#section-parties").textContent()).toContain(
      "Stiftelsen Läxhjälpen Exempelstad, organisationsnummer 802500-6266",
    );
    await look(officer.page, "avtal-utkast");

    // The organisation finds the draft on its start page and its case page, and comments.
    await org.page.goto(`${app.url}/mina-sidor`);
    await org.page.getByRole("link", { name: "Läs utkastet till överenskommelse och kommentera" }).waitFor();
    await org.page.goto(`${app.url}/forslag/${String(c._id)}`);
    await org.page.getByRole("link", { name: "Läs överenskommelsen" }).click();
    const followUp = org.page.locator("#section-followUp");
    await followUp.locator("summary", { hasText: "Kommentera" }).click();
    await followUp.getByLabel("Din kommentar").fill("Kan rapporten komma i februari i stället?");
    await followUp.getByRole("button", { name: "Skicka kommentaren" }).click();
    // The confirmation where she is, and an empty box: nothing invites sending it twice.
    await followUp.getByText("Kommentaren är skickad.").waitFor();
    expect(await followUp.getByLabel("Din kommentar").inputValue()).toBe("");
    await look(org.page, "avtal-organisationen");
    await app.smtp.waitFor(
      (m) => recipients(m).includes(DEMO.officer) && /kommentar till överenskommelsen/.test(m.subject ?? ""),
    );

    // The officer reads the comment and changes the text: version 2, and the comparison.
    await officer.page.reload();
    await officer.page.getByText("Kan rapporten komma i februari i stället?").waitFor();
    await officer.page.locator("summary", { hasText: "Ändra texten" }).click();
    await officer.page
      .getByRole("textbox", { name: /^8\. Uppföljning/ })
      .fill("Organisationen lämnar en uppföljningsrapport en gång per år, senast den 28 februari.");
    await officer.page.getByRole("button", { name: "Spara en ny version" }).click();
    await officer.page.getByText("En ny version är sparad.").waitFor();
    await officer.page.getByRole("button", { name: "Jämför versioner" }).click();
    await officer.page.getByRole("heading", { name: "Ändringar från version 1 till version 2" }).waitFor();
    expect(await officer.page.locator(".diff ins", { hasText: "februari" }).count()).toBe(1);
    expect(await officer.page.locator(".diff del", { hasText: "januari" }).count()).toBe(1);
    await look(officer.page, "avtal-jamforelse");

    // Sent for signing: Lina signs for the organisation, Hans as the municipality's delegate.
    await officer.page.getByLabel("Lina Verksamhetschef").check();
    await officer.page.getByLabel("Skriver under för kommunen").selectOption({ label: "Hans Handläggare" });
    await officer.page.getByRole("button", { name: "Skicka för underskrift" }).click();
    await officer.page.getByText("Överenskommelsen är skickad för underskrift.").waitFor();
    expect(await officer.page.getByRole("button", { name: "Spara en ny version" }).count()).toBe(0);

    // The organisation's start page says what waits: the signature, linked to the agreement.
    await org.page.goto(`${app.url}/mina-sidor`);
    await org.page.getByRole("link", { name: "Skriv under överenskommelsen" }).click();
    await org.page.getByRole("heading", { name: "Att göra: skriv under version 2" }).waitFor();
    await look(org.page, "avtal-signera");
    await org.page.getByLabel(/Jag har läst version 2/).check();
    await org.page.getByLabel("Ditt lösenord").fill(DEMO.password);
    await org.page.getByRole("button", { name: "Skriv under" }).click();
    await org.page.getByText("Din underskrift är registrerad.").waitFor();
    await org.page.goto(`${app.url}/mina-sidor`);
    expect(await org.page.getByRole("link", { name: "Skriv under överenskommelsen" }).count()).toBe(0);

    await officer.page.reload();
    await officer.page.getByLabel(/Jag har läst version 2/).check();
    await officer.page.getByLabel("Ditt lösenord").fill(DEMO.password);
    await officer.page.getByRole("button", { name: "Skriv under" }).click();
    await officer.page.getByText("Din underskrift är registrerad.").waitFor();
    await officer.page.getByText("Överenskommelsen gäller", { exact: true }).waitFor();
    await app.smtp.waitFor(
      (m) => recipients(m).includes(DEMO.orgAdminB) && /undertecknad och gäller/.test(m.subject ?? ""),
    );
    await look(officer.page, "avtal-aktivt");
    expect(
      await officer.page.getByRole("link", { name: /Ladda ner den undertecknade överenskommelsen, version 2/ }).count(),
    ).toBe(1);

    // Both signatures are listed with their time.
    expect(await officer.page.locator("#signing-heading + ul li", { hasText: "undertecknat" }).count()).toBe(2);

    // The ledger: a payment recorded by the officer.
    await officer.page.locator("summary", { hasText: "Registrera en utbetalning" }).click();
    await officer.page.getByLabel("Utbetalningsdag").fill("2027-01-10");
    await officer.page.getByLabel("Belopp (kr)").fill("37 500");
    await officer.page.getByLabel("Referens (till exempel verifikationsnummer)").fill("V-1001");
    await officer.page.getByRole("button", { name: "Registrera en utbetalning" }).click();
    await officer.page.getByText("Utbetalningen är registrerad.").waitFor();
    // Follow-up: the organisation reports on the first year with its own contribution; the officer approves.
    await org.page.goto(`${app.url}/forslag/${String(c._id)}/avtal`);
    await org.page.locator("summary", { hasText: "Lämna uppföljningsrapport" }).click();
    await org.page.getByLabel("Hur gick verksamheten?").fill("Vi höll läxhjälp 70 kvällar med tolv volontärer.");
    await org.page.getByLabel(/^Egna pengar \(kr\)/).fill("40 000");
    await org.page.getByLabel(/^Ideella timmar/).fill("1200");
    await org.page.locator("#report-file").setInputFiles({
      name: "verksamhetsberattelse.pdf",
      mimeType: "application/pdf",
      buffer: pdfBytes(),
    });
    await org.page.getByLabel(/^Beskrivning av bilagan/).fill("Verksamhetsberättelse 2027");
    await org.page.getByRole("button", { name: "Lämna uppföljningsrapport" }).click();
    await org.page.getByText("Uppföljningsrapporten är lämnad.").waitFor();
    await officer.page.reload();
    await officer.page.getByLabel("Godkänn rapporten").check();
    await officer.page.getByRole("button", { name: "Registrera bedömningen" }).click();
    await officer.page.getByText("Bedömningen är registrerad.").waitFor();
    await org.page.reload();
    await org.page.getByText("Godkänd", { exact: true }).waitFor();
    await look(org.page, "avtal-uppfoljning");
    const total = org.page.locator("#ledger-heading ~ table tr", { hasText: "Hela avtalstiden" });
    expect((await total.textContent())?.replace(/\s+/g, " ")).toMatch(/37 500 kr.*40 000 kr.*1 200/);
    await org.page.getByRole("link", { name: "Verksamhetsberättelse 2027" }).waitFor();

    // The joint follow-up meeting: the officer writes the minutes; the organisation reads them.
    await officer.page.locator("summary", { hasText: "Anteckna ett uppföljningsmöte" }).click();
    await officer.page.getByLabel("Mötesdag").fill("2027-03-10");
    await officer.page.getByLabel("Deltagare").fill("Lina Verksamhetschef, Hans Handläggare");
    await officer.page.getByLabel("Minnesanteckningar").fill("Fler barn än väntat. Vi ses om ett omförhandlat avtal.");
    await officer.page.getByRole("button", { name: "Anteckna ett uppföljningsmöte" }).click();
    await officer.page.getByText("Minnesanteckningarna är sparade.", { exact: false }).waitFor();
    await org.page.reload();
    await org.page.getByRole("heading", { name: "Uppföljningsmöte 10 mars 2027" }).waitFor();

    // Renegotiated: a new draft from the signed text, with more money, signed again by both;
    // version 2 stays in force until then, and is kept afterwards.
    await officer.page.locator("summary", { hasText: "Omförhandla eller förläng" }).click();
    await officer.page.getByLabel("Omförhandla texten").check();
    await officer.page.getByLabel("Skäl till ändringen").fill("Fler barn än väntat behöver mer läxhjälp.");
    await officer.page.getByRole("button", { name: "Omförhandla eller förläng" }).click();
    await officer.page.getByRole("heading", { name: "Omförhandling pågår: version 3" }).waitFor();
    await officer.page.locator("summary", { hasText: "Ändra texten" }).click();
    await officer.page.getByLabel("Kommunens bidrag per år (kr)").fill("180 000");
    await officer.page.getByRole("button", { name: "Spara en ny version" }).click();
    await officer.page.getByText("En ny version är sparad.").waitFor();
    await officer.page.getByRole("link", { name: "Se vad som ändras jämfört med version 2" }).click();
    await officer.page.getByRole("heading", { name: "Ändringar från version 2 till version 4" }).waitFor();
    await look(officer.page, "avtal-omforhandling");
    await officer.page.getByLabel("Lina Verksamhetschef").check();
    await officer.page.getByLabel("Skriver under för kommunen").selectOption({ label: "Hans Handläggare" });
    await officer.page.getByRole("button", { name: "Skicka för underskrift" }).click();
    await officer.page.getByText("Överenskommelsen är skickad för underskrift.").waitFor();
    for (const [p, path] of [
      [org, "/forslag"],
      [officer, "/handlaggning/arenden"],
    ] as const) {
      await p.page.goto(`${app.url}${path}/${String(c._id)}/avtal`);
      await p.page.getByLabel(/Jag har läst version 4/).check();
      await p.page.getByLabel("Ditt lösenord").fill(DEMO.password);
      await p.page.getByRole("button", { name: "Skriv under" }).click();
      await p.page.getByText("Din underskrift är registrerad.").waitFor();
    }
    await officer.page.getByRole("heading", { name: "Tidigare undertecknade versioner" }).waitFor();
    await officer.page.getByRole("link", { name: /Ladda ner den undertecknade överenskommelsen, version 4/ }).waitFor();
    await officer.page.getByRole("link", { name: /Ladda ner den undertecknade överenskommelsen, version 2/ }).waitFor();
    expect(await officer.page.locator("#terms-heading + dl").textContent()).toMatch(/180\s000\skr/);
    await look(officer.page, "avtal-omforhandlat");

    // The organisation gives notice: the agreement stays in force until the notice period ends.
    await org.page.reload();
    await org.page.locator("summary", { hasText: "Säg upp överenskommelsen" }).click();
    await org.page.getByLabel("Skäl till uppsägningen").fill("Föreningen slås samman med en annan.");
    await org.page.getByLabel("Jag säger upp överenskommelsen för min parts räkning").check();
    await org.page.getByRole("button", { name: "Säg upp överenskommelsen" }).click();
    await org.page.getByText("Överenskommelsen är uppsagd. Båda parter har fått besked.").waitFor();
    await org.page
      .getByText(/Lina Verksamhetschef har sagt upp överenskommelsen\. Den upphör \d{1,2} [a-zåäö]+ \d{4}/)
      .waitFor();
    await look(org.page, "avtal-uppsagt");

    // The end job runs after the notice period (its clock injected): the agreement has ended.
    const terminated = await loadCaseById(c.publicBodyId, c._id);
    const effective = terminated?.agreement?.termination?.effectiveOn ?? new Date();
    expect(await endDueAgreements(new Date(effective.getTime() + 2 * 24 * 60 * 60 * 1000))).toBe(1);
    await org.page.reload();
    await org.page.getByText("Överenskommelsen har upphört", { exact: true }).first().waitFor();
    await app.smtp.waitFor((m) => recipients(m).includes(DEMO.orgAdminB) && /har upphört/.test(m.subject ?? ""));

    for (const p of [officer, org]) {
      expect(p.errors).toEqual([]);
      await p.context.close();
    }
  });
});
