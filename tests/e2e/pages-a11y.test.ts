import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { OrganisationModel } from "#models/organisation";
import { startTestApp, type TestApp } from "../support/app";
import { expectAccessible, hydrated, launchBrowser, newPage, signInAs } from "../support/browser";
import { DEMO } from "../support/http";

let app: TestApp;
let browser: Browser;
let orgA: string;

beforeAll(async () => {
  app = await startTestApp("pages");
  browser = await launchBrowser();
  orgA = String((await OrganisationModel.findOne({ orgNumber: "802400-1375" }).lean())?._id);
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

async function visit(page: Page, path: string, status = 200) {
  const res = await page.goto(app.url + path);
  expect(res?.status(), path).toBe(status);
  expect(await page.locator("h1").count(), `one h1 on ${path}`).toBe(1);
  await expectAccessible(page);
}

describe("every page is accessible (axe, WCAG 2.1 AA) and has one h1", { timeout: 120_000 }, () => {
  it("public pages", async () => {
    const { page, errors, context } = await newPage(browser);
    for (const path of [
      "/",
      "/om-iop",
      "/tillganglighet",
      "/integritet",
      "/registrera",
      "/logga-in",
      "/glomt-losenord",
      "/logga-ut",
      "/registrera/skickat?email=a%40b.se",
    ]) {
      await visit(page, path);
    }
    await visit(page, "/inbjudan?token=ogiltig");
    await visit(page, "/aterstall-losenord?token=ogiltig");
    await visit(page, "/verifiera-epost?token=ogiltig");
    await visit(page, "/finns-inte", 404);
    // Error state of a form.
    await page.goto(app.url + "/logga-in");
    await page.getByRole("button", { name: "Logga in" }).click();
    await page.getByText("Det finns ett problem").waitFor();
    await expectAccessible(page);
    expect(errors).toEqual([]);
    await context.close();
  });

  it("an organisation administrator's pages", async () => {
    const { page, errors, context } = await newPage(browser);
    await signInAs({ page, context }, app.url, DEMO.orgAdminA);
    for (const path of [
      "/konto",
      "/organisation",
      "/organisation/ny",
      `/organisation/${orgA}`,
      `/organisation/${orgA}?andra`,
    ]) {
      await visit(page, path);
    }
    expect(errors).toEqual([]);
    await context.close();
  });

  it("staff pages: administrator and politician", async () => {
    const admin = await newPage(browser);
    await signInAs(admin, app.url, DEMO.admin);
    await visit(admin.page, "/admin");
    await visit(admin.page, "/admin/texter");
    await visit(admin.page, `/organisation/${orgA}`);
    expect(admin.errors).toEqual([]);
    await admin.context.close();

    const politician = await newPage(browser);
    await signInAs(politician, app.url, DEMO.politician);
    await visit(politician.page, "/admin", 403);
    await visit(politician.page, `/organisation/${orgA}`);
    await politician.context.close();
  });

  it("switches to English and back, with the right <html lang>", async () => {
    const { page, context, errors } = await newPage(browser);
    await page.goto(app.url + "/om-iop");
    await page.getByRole("button", { name: "In English" }).click();
    await page.getByRole("heading", { level: 1, name: "What is a non-profit public partnership?" }).waitFor();
    expect(await page.getAttribute("html", "lang")).toBe("en");
    expect(page.url()).toBe(app.url + "/om-iop");
    await expectAccessible(page);
    // A hydrated page in English hydrates without a mismatch (one would be logged as an error).
    await page.getByRole("link", { name: "Sign in" }).first().click();
    await hydrated(page);
    await page.getByRole("heading", { level: 1, name: "Sign in" }).waitFor();
    expect(errors).toEqual([]);
    await page.goto(app.url + "/om-iop");
    await page.getByRole("button", { name: "På svenska" }).click();
    await page.getByRole("heading", { level: 1, name: "Vad är ett idéburet offentligt partnerskap?" }).waitFor();
    expect(await page.getAttribute("html", "lang")).toBe("sv");
    await context.close();
  });
});

describe("input while a page is still starting its JavaScript", { timeout: 60_000 }, () => {
  it("is not lost to a crash, and the page comes alive", async () => {
    const { page, context, errors } = await newPage(browser);
    // A slow phone, and a person pressing on the page from the first moment until it is alive.
    const cdp = await context.newCDPSession(page);
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: 8 });
    await page.addInitScript(() => {
      let presses = 0;
      const press = () => {
        document.querySelector("main")?.dispatchEvent(new MouseEvent("mousedown", { bubbles: true }));
        if ("__remixRouter" in window || ++presses > 2000) return;
        const channel = new MessageChannel();
        channel.port1.onmessage = press;
        channel.port2.postMessage(null);
      };
      press();
    });
    for (let load = 0; load < 3; load++) {
      await page.goto(app.url + "/logga-in");
      await hydrated(page);
    }
    expect(errors).toEqual([]);
    await context.close();
  });
});
