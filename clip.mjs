import { chromium } from "playwright-core";
import { readFileSync } from "node:fs";
const [src, out, top, height, width] = process.argv.slice(2);
const b = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox"] });
const p = await b.newPage({ viewport: { width: Number(width), height: Number(height) } });
const data = readFileSync(src).toString("base64");
await p.setContent(`<body style="margin:0"><img src="data:image/png;base64,${data}" style="position:absolute;top:-${top}px;left:0"></body>`);
await p.screenshot({ path: out });
await b.close();
