import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ProposalModel } from "#models/proposal";
import { UserModel } from "#models/user";
import { agreementInStatus } from "~/domain/demo/factories.server";
import { saveProvider } from "~/domain/identity/providers.server";
import { getPublicBody } from "~/domain/public-body/public-body.server";
import { browserSuite, look, newPage, signInAs } from "../support/browser";
import { laxhjalpenCast, linkEidTo } from "../support/cast";
import { DEMO } from "../support/http";
import {
  CLIENT_ID,
  CLIENT_SECRET,
  PERSONAL_NUMBER_CLAIM,
  startTestProvider,
  type TestProvider,
} from "../support/oidc-provider";

// A person signs in with e-ID in a real browser: our button, the provider's own login page
// (oidc-provider on a loopback port), back to choose an account, and on to their page.

const suite = browserSuite("e-id");
let idp: TestProvider;
let providerId: Awaited<ReturnType<typeof saveProvider>>;

beforeAll(async () => {
  idp = await startTestProvider(suite.app.url);
  providerId = await saveProvider((await getPublicBody())._id, {
    label: "e-legitimation",
    issuer: idp.issuer,
    clientId: CLIENT_ID,
    clientSecret: CLIENT_SECRET,
    scopes: "openid profile email pnr",
    audience: "organisation",
    stepUpForSigning: false,
    groupsClaim: "groups",
    groupRoles: [],
    enabled: true,
  });
});
afterAll(() => idp?.stop());

describe("signing in with e-ID", { timeout: 120_000 }, () => {
  it("takes a newcomer from the button through the provider to their own page", async () => {
    const { app, browser } = suite;
    idp.accounts.set("sara", {
      name: "Sara Svensson",
      email: "sara.svensson@example.se",
      email_verified: true,
      [PERSONAL_NUMBER_CLAIM]: "19800101-1234",
    });
    const { page, errors, context } = await newPage(browser);
    await page.goto(`${app.url}/logga-in`);
    await look(page, "logga-in-med-e-legitimation");
    expect(errors).toEqual([]);
    await page.getByRole("button", { name: "Logga in med e-legitimation" }).click();

    // The provider's own page (not ours: no axe here).
    await page.waitForURL((url) => url.origin === idp.issuer);
    await page.getByPlaceholder("Enter any login").fill("sara");
    await page.getByPlaceholder("and password").fill("test");
    await page.getByRole("button", { name: "Sign-in" }).click();

    await page.waitForURL(`${app.url}/logga-in/koppla`);
    // What the provider's page logged (it asks for web fonts it cannot reach here) is not ours.
    errors.length = 0;
    await page.getByRole("heading", { level: 1, name: "Välj konto" }).waitFor();
    await look(page, "valj-konto");
    expect(await page.getByLabel("Namn").inputValue()).toBe("Sara Svensson");
    expect(await page.getByLabel("E-postadress").inputValue()).toBe("sara.svensson@example.se");
    await page.getByRole("button", { name: "Skapa konto" }).click();

    await page.waitForURL(/\/mina-sidor/);
    await page.getByText("Inloggad som Sara Svensson").first().waitFor();
    await page.goto(`${app.url}/konto`);
    await page.getByRole("heading", { name: "Mina inloggningar" }).waitFor();
    await look(page, "konto-inloggningar");
    expect(await page.locator("body").textContent()).not.toContain("19800101");
    const user = await UserModel.findOne({ email: "sara.svensson@example.se" }).lean();
    expect(user?.externalIdentities.map((i) => i.label)).toEqual(["e-legitimation"]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it("shows an administrator the providers, and anyone a failed sign-in in plain words", async () => {
    const { app, browser } = suite;
    const admin = await newPage(browser);
    await signInAs(admin, app.url, DEMO.admin);
    await admin.page.goto(`${app.url}/admin#inloggning`);
    await admin.page.getByRole("heading", { name: "Inloggning med e-legitimation och kommunens konto" }).waitFor();
    await admin.page.getByText("Sparad (visas aldrig)").waitFor();
    await admin.page.getByText("Ändra e-legitimation").click();
    await look(admin.page, "admin-inloggning");
    // Removing asks first, and says what it means for those who sign in that way.
    await admin.page.getByText("Ta bort e-legitimation", { exact: true }).click();
    await admin.page.getByRole("button", { name: "Ja, ta bort e-legitimation" }).waitFor();
    await admin.page.getByText("Ingen kan längre logga in med e-legitimation.").waitFor();
    await look(admin.page, "admin-ta-bort-inloggning");
    await admin.page.goto(`${app.url}/logga-in/retur?fel=unavailable`);
    await admin.page.getByRole("heading", { level: 1, name: "Inloggningen gick inte att slutföra" }).waitFor();
    await look(admin.page, "inloggning-misslyckades");
    // The browser notes the 503 status of the error page itself; nothing else.
    expect(admin.errors).toEqual([expect.stringContaining("status of 503")]);
    await admin.context.close();
  });

  it("asks a signer for a fresh e-ID before signing, and signs", async () => {
    const { app, browser } = suite;
    const body = await getPublicBody();
    await saveProvider(
      body._id,
      {
        label: "e-legitimation",
        issuer: idp.issuer,
        clientId: CLIENT_ID,
        scopes: "openid profile email pnr",
        audience: "organisation",
        stepUpForSigning: true,
        groupsClaim: "groups",
        groupRoles: [],
        enabled: true,
      },
      providerId,
    );
    const cast = await laxhjalpenCast();
    const c = await agreementInStatus(cast, "Avtal att skriva under med e-legitimation", false);
    idp.accounts.set("lina-e2e", { name: "Lina", [PERSONAL_NUMBER_CLAIM]: "19900909-9999" });
    // Her own e-ID, linked to her account before (only a linked e-ID signs for its account).
    await linkEidTo(cast.member._id, idp.issuer, "lina-e2e", "e-legitimation");
    const signer = await newPage(browser);
    await signInAs(signer, app.url, DEMO.orgAdminB);
    await signer.page.goto(`${app.url}/forslag/${String(c._id)}/avtal`);
    const start = signer.page.getByRole("button", { name: "Legitimera dig med e-legitimation" });
    await start.waitFor();
    await look(signer.page, "skriv-under-med-e-legitimation");
    expect(signer.errors).toEqual([]);
    await start.click();
    await signer.page.waitForURL((url) => url.origin === idp.issuer);
    await signer.page.getByPlaceholder("Enter any login").fill("lina-e2e");
    await signer.page.getByRole("button", { name: "Sign-in" }).click();
    await signer.page.waitForURL(new RegExp(`/forslag/${String(c._id)}/avtal`));
    signer.errors.length = 0;
    await signer.page.getByText("Du legitimerade dig med e-legitimation").waitFor();
    await look(signer.page, "skriv-under-bekrafta");
    await signer.page.getByLabel(/Jag har läst version 1/).check();
    await signer.page.getByRole("button", { name: "Skriv under", exact: true }).click();
    await signer.page.getByText("Din underskrift är registrerad.").waitFor();
    const signed = await ProposalModel.findById(c._id).lean();
    expect(signed?.agreement?.signing?.signatures.map((x) => x.eid?.provider)).toEqual(["e-legitimation"]);
    expect(await signer.page.locator("body").textContent()).not.toContain("19900909");
    expect(signer.errors).toEqual([]);
    await signer.context.close();
  });
});
