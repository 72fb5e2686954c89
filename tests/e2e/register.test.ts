import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { agreementInStatus } from "~/domain/demo/factories.server";
import { browserSuite, look, newPage, scriptsOn } from "../support/browser";
import { laxhjalpenCast } from "../support/cast";

// The public register in a real browser, without signing in and without JavaScript: search,
// one agreement's page, and /om-iop; axe, reflow and the basics a search engine reads.

const suite = browserSuite("register");

async function expectBasics(page: Page, title: RegExp) {
  expect(await page.title()).toMatch(title);
  expect(await page.locator('meta[name="description"]').getAttribute("content")).toMatch(/^.{40,}$/);
  expect(await page.locator("h1").count()).toBe(1);
  expect(await page.locator("html").getAttribute("lang")).toBe("sv");
}

describe("the public register", { timeout: 120_000 }, () => {
  it("is searched and read by a journalist without signing in or JavaScript", async () => {
    const { app, browser } = suite;
    const c = await agreementInStatus(await laxhjalpenCast(), "Läxhjälp i registret", true);
    const { page, errors, context } = await newPage(browser, { javaScriptEnabled: false });
    // Scripts cannot inspect a page without JavaScript: axe, reflow and the screenshots (look) use
    // the same address in a second, scripted window.
    const inspector = await newPage(browser);
    const inspect = async (name: string) => {
      await inspector.page.goto(page.url());
      // Read-only public pages are plain HTML: not one script, not one preloaded module.
      expect(await scriptsOn(inspector.page)).toBe(0);
      await look(inspector.page, name);
    };

    await page.goto(`${app.url}/`);
    // The start page only links onwards (its forms post as plain forms): no scripts either.
    expect(await scriptsOn(page)).toBe(0);
    await page.getByRole("link", { name: "IOP-avtal" }).first().click();
    await expectBasics(page, /^Register över IOP-avtal – Samverka$/);
    await page.getByRole("searchbox", { name: "Sök" }).fill("läxhjälp registret");
    await page.getByLabel("Status").selectOption({ label: "Gäller" });
    await page.getByRole("button", { name: "Visa" }).click();
    await page.waitForURL(/status=active/);
    expect(await page.getByRole("status").textContent()).toBe("1 överenskommelse");
    await inspect("register");

    await page.getByRole("link", { name: "Läxhjälp i registret" }).click();
    await page.waitForURL(new RegExp(`/register/${String(c._id)}$`));
    await expectBasics(page, /^Läxhjälp i registret – Samverka$/);
    expect(await page.locator(".facts").textContent()).toContain("Stiftelsen Läxhjälpen Exempelstad (802500-6266)");
    await page.getByText("Överenskommelsen undertecknades och började gälla").waitFor();
    await inspect("register-avtal");

    await page.getByRole("link", { name: "Om IOP" }).first().click();
    await expectBasics(page, /^Om idéburet offentligt partnerskap – Samverka$/);
    await page.getByRole("heading", { name: "Den lokala överenskommelsen" }).waitFor();
    await page.getByRole("link", { name: "Alla avtal som CSV (öppna data)" }).waitFor();
    await inspect("om-iop");
    expect([...errors, ...inspector.errors]).toEqual([]);
    await context.close();
    await inspector.context.close();
  });
});
