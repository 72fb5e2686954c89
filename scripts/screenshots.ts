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
for (const path of paths.length ? paths : ["/"]) {
  await page.goto(base + path);
  const file = `${out}/${path.replace(/[^\w]+/g, "_") || "start"}.png`;
  await page.screenshot({ path: file, fullPage: true });
  console.log(file);
}
await browser.close();
