import AxeBuilder from "@axe-core/playwright";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { afterAll, beforeAll, expect } from "vitest";
import { startTestApp, type TestApp } from "./app";
import { sessionFor } from "./http";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/** `extraArgs`: e.g. `--host-resolver-rules` to reach the test server under a public body's host. */
export function launchBrowser(extraArgs: string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-dev-shm-usage", ...extraArgs],
  });
}

/**
 * A fresh context (axe needs one) that records console errors and page errors, so a test
 * fails when the page logs an error (hydration mismatch, CSP violation, crash).
 */
export async function newPage(browser: Browser, options: { javaScriptEnabled?: boolean } = {}) {
  const context: BrowserContext = await browser.newContext({ locale: "sv-SE", ...options });
  const page: Page = await context.newPage();
  page.setDefaultTimeout(10_000);
  const errors: string[] = [];
  page.on("console", (m) => {
    // The browser logs every 4xx answer; refused form input is expected to answer 4xx.
    if (m.type() === "error" && !/status of 4\d\d/.test(m.text())) errors.push(m.text());
  });
  page.on("pageerror", (e) => errors.push(e.message));
  return { context, page, errors };
}

/**
 * axe with the WCAG 2.1 A and AA rules (violations reported readably), then reflow (WCAG
 * 1.4.10): at 320 px wide the page must not scroll sideways.
 */
export async function expectAccessible(page: Page) {
  const result = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const summary = result.violations.map(
    (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`,
  );
  expect(summary, `axe on ${page.url()}`).toEqual([]);
  await expectReflow(page);
}

/** At 320 CSS px wide nothing on the page is wider than the window. */
export async function expectReflow(page: Page) {
  const before = page.viewportSize() ?? { width: 1280, height: 720 };
  await page.setViewportSize({ width: 320, height: 640 });
  const overflow = await page.evaluate(() => {
    const root = document.documentElement;
    if (root.scrollWidth <= root.clientWidth) return null;
    const wide = [...document.querySelectorAll("body *")]
      .filter((el) => el.getBoundingClientRect().right > root.clientWidth + 1)
      .slice(0, 3)
      .map((el) => `${el.tagName.toLowerCase()}.${(el as HTMLElement).className}`);
    return `${root.scrollWidth} > ${root.clientWidth}: ${wide.join(", ")}`;
  });
  await page.setViewportSize(before);
  expect(overflow, `reflow at 320 px on ${page.url()}`).toBeNull();
}

/** Waits until the client has hydrated, so clicks go through React and not a full reload. */
/** The scripts and preloaded modules on a page: none on pages sent as plain HTML (decisions 015, 022). */
export const scriptsOn = (page: Page) => page.locator('script, link[rel="modulepreload"]').count();

/** Until React has hydrated the page with the data the server wrote into it (the root's data is always there). */
export async function hydrated(page: Page) {
  await page.waitForFunction(
    () =>
      (window as unknown as { __remixRouter?: { state: { loaderData: Record<string, unknown> } } }).__remixRouter?.state
        .loaderData.root !== undefined,
  );
}

/** Signs in through the form, as a person would. */
export async function signIn(page: Page, base: string, email: string, password = "samverka-demo-2026") {
  await page.goto(base + "/logga-in");
  await page.getByLabel("E-postadress").fill(email);
  await page.getByLabel("Lösenord").fill(password);
  await page.getByRole("button", { name: "Logga in" }).click();
  await page.waitForURL(base + "/mina-sidor");
}

/**
 * Signs the browser in by creating a session in the database (no password form): for every
 * browser test that is not about signing in. Opens the start page afterwards.
 */
export async function signInAs(p: { context: BrowserContext; page: Page }, base: string, email: string) {
  const client = await sessionFor(base, email);
  const [name = "", value = ""] = client.cookieHeader().split("=");
  await p.context.addCookies([{ name, value, url: base, httpOnly: true, sameSite: "Lax" }]);
  await p.page.goto(base + "/");
}

/**
 * The error summary in the GOV.UK way: every item a link to its field, the same words as the
 * error shown at that field, in the order of the form.
 */
export async function expectSummaryMatchesFields(page: Page) {
  const items = await page.evaluate(() => {
    const summary = document.querySelector(".error-summary");
    const controls = [...document.querySelectorAll("input, select, textarea, fieldset")];
    return [...(summary?.querySelectorAll("li") ?? [])].map((li) => {
      const link = li.querySelector("a");
      const target = link ? document.getElementById((link.getAttribute("href") ?? "#").slice(1)) : null;
      const error = target?.closest(".field, fieldset")?.querySelector(".field__error");
      const hidden = error?.querySelector(".visually-hidden")?.textContent ?? "";
      return {
        summary: li.textContent?.trim() ?? "",
        linked: Boolean(link && target),
        field: (error?.textContent ?? "").replace(hidden, "").trim(),
        position: target ? controls.indexOf(target) : -1,
      };
    });
  });
  expect(items.length, `error summary on ${page.url()}`).toBeGreaterThan(0);
  for (const item of items) {
    expect(item.linked, `summary item links to its field: ${item.summary}`).toBe(true);
    expect(item.field, `the field's error says the same: ${item.summary}`).toBe(item.summary);
  }
  const positions = items.map((i) => i.position);
  expect(positions, "summary in the order of the form").toEqual([...positions].sort((a, b) => a - b));
  return items.map((i) => i.summary);
}

/** A browser test file's app and browser: started before its tests, stopped after. */
export function browserSuite(name: string) {
  const suite = {} as { app: TestApp; browser: Browser };
  beforeAll(async () => {
    suite.app = await startTestApp(name);
    suite.browser = await launchBrowser();
  });
  afterAll(async () => {
    await suite.browser?.close();
    await suite.app?.stop();
  });
  return suite;
}

/** On the staff case page: records a dialogue meeting through its folded form. */
export async function logMeeting(page: Page, date: string, minutes: string, internal: string) {
  const panel = page.locator("details", { hasText: "Logga ett dialogmöte" });
  await panel.locator("summary").click();
  await panel.getByLabel("Datum för mötet").fill(date);
  await panel.getByLabel("Deltagare").fill("Lina Verksamhetschef, Hans Handläggare");
  await panel.getByLabel("Minnesanteckningar (delas med organisationen)").fill(minutes);
  await panel.getByLabel("Interna anteckningar (syns bara för kommunen)").fill(internal);
  await page.getByRole("button", { name: "Spara mötet" }).click();
  await page.getByText("Mötet är loggat.").waitFor();
}

/**
 * On the organisation's case page of a full proposal: opens a section from the task list,
 * fills fields by their labels' start, answers "Ja, den här delen är klar" and saves. Back on
 * the task list afterwards.
 */
export async function completeSection(page: Page, section: string, fills: Record<string, string> = {}) {
  await page.getByRole("link", { name: section, exact: true }).click();
  await page.getByRole("heading", { level: 1, name: section }).waitFor();
  for (const [label, value] of Object.entries(fills)) {
    await page.getByLabel(new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`)).fill(value);
  }
  await page.getByLabel("Ja, den här delen är klar").check();
  await page.getByRole("button", { name: "Spara och fortsätt" }).click();
  await page.getByText("Delen är sparad.").waitFor();
}

/**
 * axe and reflow on the page; with SCREENSHOT_DIR set, also screenshots at 1280 and 375 px
 * wide (`name-1280.png`, `name-375.png`) to look at.
 */
export async function look(page: Page, name: string) {
  await expectAccessible(page);
  const shots = process.env.SCREENSHOT_DIR;
  if (!shots) return;
  for (const width of [1280, 375]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: `${shots}/${name}-${width}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 720 });
}
