import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DepartmentModel } from "#models/department";
import { OrganisationModel } from "#models/organisation";
import { UserModel } from "#models/user";
import { ALL_CHECKS } from "~/domain/cases/assessment";
import { declareConflict, saveAssessment, startAssessment } from "~/domain/cases/decision.server";
import { createCase, routeCase, saveDraft, submitCase } from "~/domain/cases/proposals.server";
import type { SessionUser } from "~/http/session.server";
import { startTestApp, type TestApp } from "../support/app";
import { expectAccessible, launchBrowser, newPage, signInAs } from "../support/browser";
import { pdfBytes } from "../support/files";
import { DEMO } from "../support/http";
import { recipients } from "../support/smtp";

let app: TestApp;
let browser: Browser;
const user = async (email: string) => (await UserModel.findOne({ email }).lean()) as unknown as SessionUser;

beforeAll(async () => {
  app = await startTestApp("case-paths");
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

/** A complete proposal from Gröna Gården, routed to Hans and under assessment (fixture). */
async function proposalUnderAssessment(title: string) {
  const anna = await user(DEMO.orgAdminA);
  const hans = await user(DEMO.officer);
  const org = await OrganisationModel.findOne({ orgNumber: "802400-1375" }).lean();
  const social = await DepartmentModel.findOne({ slug: "social" }).lean();
  if (!org || !social) throw new Error("seed missing");
  let c = await createCase(org.registeredIn, org._id, anna, { kind: "proposal", title });
  c = await saveDraft(
    c,
    anna,
    {
      summary: "Stadsodling med äldre.",
      need: "Ensamhet bland äldre.",
      targetGroup: "Äldre i Exempelstad.",
      activities: "Odling två dagar i veckan.",
      periodStart: new Date("2027-03-01"),
      periodEnd: new Date("2028-02-28"),
      areas: ["aldre"],
      generalInterest: "Öppet för alla äldre.",
      addedValue: "Gemenskap.",
      ownContributionDescription: "Ideella timmar.",
      requestedSekPerYear: 500_000,
      goals: [{ goal: "40 deltagare", indicator: "antal per säsong" }],
      contactName: "Anna",
      contactEmail: DEMO.orgAdminA,
    },
    c.version,
  );
  const submitted = await submitCase(c, anna, c.version);
  if (!submitted.ok) throw new Error("not submitted");
  c = await routeCase(submitted.case, await user(DEMO.coordinator), {
    departmentId: String(social._id),
    officerId: String(hans._id),
    coReaderDepartmentIds: [],
    expectedVersion: submitted.case.version,
  });
  c = await declareConflict(c, hans, "officer", false);
  c = await startAssessment(c, hans, c.version);
  c = await saveAssessment(
    c,
    hans,
    "officer",
    {
      checks: Object.fromEntries(
        ALL_CHECKS.map((k) => [
          k,
          k === "noMarket" ? { answer: "no", comment: "Det finns privata utförare." } : { answer: "yes", comment: "" },
        ]),
      ),
      stateAidBasis: "deMinimis",
      otherDeMinimisSek: 0,
      requestedSek: 500_000,
      recommendation: "decline",
      recommendationText: "Bör upphandlas.",
    },
    c.version,
  );
  return c;
}

describe("other paths through a case", { timeout: 120_000 }, () => {
  it("declines a proposal: the organisation gets the reasons, and the decision is final", async () => {
    const c = await proposalUnderAssessment("Odlingslotter för äldre");
    const officer = await newPage(browser);
    await signInAs(officer, app.url, DEMO.officer);
    await officer.page.goto(`${app.url}/handlaggning/arenden/${String(c._id)}`);
    await officer.page.getByLabel("Avslag").check();
    await officer.page.getByLabel("Nämndens eller beslutsfattarens namn").fill("Socialnämnden");
    await officer.page.getByLabel("Beslutsdatum").fill("2026-11-24");
    await officer.page.getByLabel("Protokollsparagraf").fill("§ 17");
    await officer.page
      .getByLabel("Motivering", { exact: true })
      .fill("Det finns en marknad för tjänsten; den bör upphandlas.");
    // Without the decision maker's jäv declaration nothing is decided.
    await officer.page.getByRole("button", { name: "Registrera beslutet" }).click();
    await officer.page.getByText("Beslutsfattaren måste intyga att hen inte är jävig").first().waitFor();
    await officer.page.getByLabel("Beslutsfattaren har intygat att hen inte är jävig").check();
    await officer.page.getByRole("button", { name: "Registrera beslutet" }).click();
    await officer.page.getByText("Beslutet är registrerat").waitFor();
    expect(await officer.page.getByText("Bifall").count()).toBe(0);

    const mail = await app.smtp.waitFor(
      (m) => recipients(m).includes(DEMO.orgAdminA) && /avslaget/.test(m.subject ?? ""),
    );
    expect(mail.text).toContain("den bör upphandlas");

    const org = await newPage(browser);
    await signInAs(org, app.url, DEMO.orgAdminA);
    await org.page.goto(`${app.url}/forslag/${String(c._id)}`);
    await org.page.getByRole("heading", { name: "Beslut 2026-11-24: Avslag" }).waitFor();
    expect(await org.page.getByText("Det finns en marknad för tjänsten").count()).toBe(1);
    // Final: no withdrawal, no messages, and the internal assessment stays internal.
    expect(await org.page.getByRole("button", { name: "Återkalla ärendet" }).count()).toBe(0);
    expect(await org.page.content()).not.toContain("Bör upphandlas.");
    await expectAccessible(org.page);
    for (const p of [officer, org]) {
      expect(p.errors).toEqual([]);
      await p.context.close();
    }
  });

  it("lets the organisation withdraw a submitted idea; it stays on record", async () => {
    const org = await newPage(browser);
    await signInAs(org, app.url, DEMO.orgAdminA);
    await org.page.goto(app.url + "/forslag/ny");
    await org.page.getByLabel("Rubrik").fill("Cykelverkstad");
    await org.page.getByRole("button", { name: "Skapa utkast" }).click();
    await org.page.locator("summary", { hasText: "Lägg till bilaga" }).click();
    await org.page.getByLabel("Beskrivning av bilagan").fill("Skiss på verkstaden");
    await org.page
      .getByLabel("Fil", { exact: true })
      .setInputFiles({ name: "skiss.pdf", mimeType: "application/pdf", buffer: pdfBytes() });
    await org.page.getByRole("button", { name: "Lägg till bilaga" }).click();
    await org.page.getByText("Bilagan är tillagd.").waitFor();
    await org.page.getByRole("link", { name: "Skiss på verkstaden" }).waitFor();
    await expectAccessible(org.page);
    await org.page.getByLabel("Vad vill ni göra, och för vem?").fill("En cykelverkstad för unga.");
    await org.page.getByLabel("Fritid").check();
    await org.page.getByRole("button", { name: "Skicka in" }).click();
    await org.page.getByText("Ärendet är inskickat och registrerat.").waitFor();
    await org.page.getByRole("button", { name: "Återkalla ärendet" }).click();
    await org.page.getByText("Ärendet är återkallat.").waitFor();
    expect(await org.page.getByText("Återkallat").count()).toBeGreaterThan(0);
    expect(await org.page.getByRole("button", { name: "Återkalla ärendet" }).count()).toBe(0);
    await expectAccessible(org.page);

    const office = await newPage(browser);
    await signInAs(office, app.url, DEMO.coordinator);
    await office.page.goto(app.url + "/handlaggning?status=withdrawn");
    await office.page.getByRole("link", { name: "Cykelverkstad" }).waitFor();
    for (const p of [org, office]) {
      expect(p.errors).toEqual([]);
      await p.context.close();
    }
  });
});
