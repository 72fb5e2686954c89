import { mkdirSync } from "node:fs";
import { chromium } from "playwright-core";

// `tsx scripts/screenshots.ts [baseUrl] [outDir] [path...]`: full-page PNGs of pages, to look at.
const [base = "http://localhost:3000", out = ".data/screenshots", ...paths] = process.argv.slice(2);
mkdirSync(out, { recursive: true });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
});
const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
const page = await context.newPage();
// SCREENSHOT_LOGIN=email signs in first (demo password).
if (process.env.SCREENSHOT_LOGIN) {
  await page.goto(`${base}/logga-in`);
  await page.getByLabel("E-postadress").fill(process.env.SCREENSHOT_LOGIN);
  await page.getByLabel("Lösenord").fill(process.env.SCREENSHOT_PASSWORD ?? "samverka-demo-2026");
  await page.getByRole("button", { name: "Logga in" }).click();
  await page.waitForURL(`${base}/`);
}
for (const path of paths.length ? paths : ["/"]) {
  await page.goto(base + path);
  const file = `${out}/${path.replace(/[^\w]+/g, "_") || "start"}.png`;
  await page.screenshot({ path: file, fullPage: true });
  console.log(file);
}
await browser.close();
