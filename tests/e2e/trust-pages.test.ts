import { describe, expect, it } from "vitest";
import { ProposalModel } from "#models/proposal";
import { agreementInStatus } from "~/domain/demo/factories.server";
import { touch } from "~/domain/kernel/read-markers.server";
import { browserSuite, look, newPage, signInAs } from "../support/browser";
import { laxhjalpenCast } from "../support/cast";
import { DEMO } from "../support/http";

// The pages issue 21 added or changed, as people meet them: axe, reflow at 320 px, title and
// screenshots at 1280 and 375 px (SCREENSHOT_DIR).

const suite = browserSuite("trust-pages");

describe("the pages of issue 21", { timeout: 120_000 }, () => {
  it("are accessible and reflow: members with firmatecknare, next step, start page, confidential entry, ways in", async () => {
    const { app, browser } = suite;
    const cast = await laxhjalpenCast();
    const active = await agreementInStatus(cast, "Sidor: avtal i kraft", true);
    const hidden = await agreementInStatus(cast, "Sidor: hemlig titel", true);
    await ProposalModel.updateOne({ _id: hidden._id }, { $set: { confidential: true } });
    await touch("cases");

    const lina = await newPage(browser);
    await signInAs(lina, app.url, DEMO.orgAdminB);
    // The organisation page just after registering: members with their firmatecknare column.
    await lina.page.goto(`${app.url}/organisation/${String(cast.organisation._id)}?ny`);
    await lina.page.getByRole("link", { name: "Lämna en idé" }).waitFor();
    expect(await lina.page.getByRole("columnheader", { name: "Firmatecknare" }).count()).toBe(1);
    await look(lina.page, "organisation-firmatecknare");

    // The start page: the agreement in force with its term, next report and payment.
    await lina.page.goto(`${app.url}/mina-sidor`);
    await lina.page.getByText("Avtalet gäller 15 januari 2027 – 31 december 2028").first().waitFor();
    await look(lina.page, "start-organisation-avtal");

    // Adding an e-ID refused for a wrong password: the reason, where the form is.
    await lina.page.goto(`${app.url}/konto?koppla=password#inloggningar`);
    await lina.page.getByText("Lösenordet stämmer inte. Ingen inloggning lades till.").waitFor();
    await look(lina.page, "konto-koppla-fel");
    expect(lina.errors).toEqual([]);
    await lina.context.close();

    // The public register: a confidential case by number, organisation and status only.
    // (A scripted window: axe runs in the page; the register sends no scripts of its own.)
    const visitor = await newPage(browser);
    await visitor.page.goto(`${app.url}/register/${String(hidden._id)}`);
    await visitor.page.getByText("uppgifterna sekretessprövas").first().waitFor();
    expect(await visitor.page.getByText("Sidor: hemlig titel").count()).toBe(0);
    await look(visitor.page, "register-sekretess");
    await visitor.page.goto(`${app.url}/register/${String(active._id)}`);
    await visitor.page.getByText("Gäller från 15 januari 2027 till 31 december 2028").waitFor();
    await look(visitor.page, "register-avtal-villkor");
    await visitor.context.close();
  });
});
