import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import inspector from "node:inspector/promises";
import type { Server } from "node:http";
import { cpus, totalmem, tmpdir } from "node:os";
import { join } from "node:path";
import { writeHeapSnapshot } from "node:v8";
import { gzipSync } from "node:zlib";
import type { ServerBuild } from "@remix-run/node";
import mongoose from "mongoose";
import { caseDocumentId } from "../models/case-document";
import { eventId } from "../models/case-event";
import { idFromKey } from "../app/domain/cases/engine.server";
import { freePort, startFerretdb } from "./db";

// `npm run bench [-- --large]`: seeds N cases (every status, through the use cases) over 300
// organisations, serves the production build and loads every page people use daily with 20
// connections next to /healthz, at N = 1 000 and 3 000 (and 10 000 with --large). Each N runs
// in its own process and database; the load comes from another process (scripts/bench-load.ts).
// Needs `npm run build` first (the npm script does it).

const CONNECTIONS = 20;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const ORGANISATIONS = 300;
/** The organisations whose agreements the bench signs through the use cases. */
const SIGNING_ORGS = [0, 11, 22];

interface PageResult {
  page: string;
  /** CPU milliseconds per request under load: the server's process and the database's. */
  appCpuMs: number;
  dbCpuMs: number;
  rps: number;
  p50: number;
  p95: number;
  ratio: number;
  commands: number;
  /** One request alone, without load. */
  aloneMs: number;
  /** The highest resident set seen while this page was loaded, MB. */
  peakRssMb: number;
  errors: number;
  timeouts: number;
}

// `--national`: one installation of BENCH_BODIES bodies (300) with 300 cases each, against one
// body with its 300 cases alone: the measured body's pages must cost the same in both.
const NATIONAL_BODIES = Number(process.env.BENCH_BODIES ?? 300);
const NATIONAL_CASES = 300;
/** The installation's own host in a national run: each body answers at `<slug>.bench.test`. */
const NATIONAL_HOST = "bench.test";

if (process.argv.includes("--run")) {
  const n = Number(process.argv[process.argv.indexOf("--run") + 1]);
  const results = await runOne(n, Number(process.env.BENCH_RUN_BODIES ?? 1));
  process.stdout.write(`RESULT ${JSON.stringify(results)}\n`);
  process.exit(0);
} else if (process.argv.includes("--national")) {
  const all: Record<string, RunResult> = {};
  for (const bodies of [1, NATIONAL_BODIES])
    all[`${bodies} × ${NATIONAL_CASES}`] = await inChild(NATIONAL_CASES, bodies, true);
  report(all);
} else {
  const sizes = process.env.BENCH_SIZES
    ? process.env.BENCH_SIZES.split(",").map(Number)
    : process.argv.includes("--large")
      ? [1000, 3000, 10000]
      : [1000, 3000];
  const all: Record<string, RunResult> = {};
  for (const n of sizes) all[`N=${n}`] = await inChild(n, 1);
  report(all);
}

interface Memory {
  /** Resident set, V8 heap used and committed, and memory outside the heap, in MB after a full collection. */
  rssMb: number;
  heapMb: number;
  heapTotalMb: number;
  externalMb: number;
}
interface RunResult {
  seedSeconds: number;
  pages: PageResult[];
  memory: { seeded: Memory; warmed: Memory; measured: Memory };
  /** The highest resident set seen while the pages were loaded, and how many times the whole case list was read then. */
  peakRssMb: number;
  wholeReads: number;
}

function inChild(n: number, bodies: number, national = false): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const args = ["--expose-gc", "--import", "tsx", "scripts/bench.ts", "--run", String(n)];
    const child = spawn(process.execPath, args, {
      stdio: ["ignore", "pipe", "inherit"],
      env: {
        ...process.env,
        NODE_ENV: "production",
        LOG_LEVEL: "error",
        SAMVERKA_COUNT_DB_COMMANDS: "1",
        BENCH_RUN_BODIES: String(bodies),
        // A national installation addresses its bodies by host (decision 028); the measured body
        // also answers at 127.0.0.1 (its own host), where the load is sent.
        ...(national ? { APP_HOST: NATIONAL_HOST } : {}),
      },
    });
    let out = "";
    child.stdout.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      for (const line of chunk.toString().split("\n")) if (line.startsWith("[bench]")) console.log(line);
    });
    child.on("exit", (code) => {
      const line = out.split("\n").find((l) => l.startsWith("RESULT "));
      if (code !== 0 || !line) reject(new Error(`bench for N=${n} failed (${code})`));
      else resolve(JSON.parse(line.slice(7)) as RunResult);
    });
  });
}

function report(all: Record<string, RunResult>) {
  const cpu = cpus();
  console.log(
    `\nMachine: ${cpu.length} × ${cpu[0]?.model ?? "cpu"}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, FerretDB 1.24 (SQLite), ${CONNECTIONS} connections, ${SECONDS} s per page\n`,
  );
  const sizes = Object.keys(all);
  console.log(
    `| page | ${sizes.map((n) => `${n}: alone ms · req/s · p50 · p95 ms · vs healthz · db cmds · CPU ms/req app+db`).join(" | ")} |`,
  );
  console.log(`|---|${sizes.map(() => "---").join("|")}|`);
  const pages = all[sizes[0]!]!.pages.map((p) => p.page);
  for (const page of pages) {
    const cells = sizes.map((n) => {
      const r = all[n]!.pages.find((p) => p.page === page);
      if (!r) return "–";
      const failed = r.errors + r.timeouts ? ` (${r.errors} errors, ${r.timeouts} timeouts)` : "";
      const ms = (v: number | null) => (v === null || Number.isNaN(v) ? "–" : v.toFixed(0));
      const cpu = `${r.appCpuMs.toFixed(1)}+${r.dbCpuMs.toFixed(1)}`;
      return `${r.aloneMs} · ${r.rps.toFixed(1)} · ${ms(r.p50)} · ${ms(r.p95)} · ${(r.ratio * 100).toFixed(1)} % · ${r.commands} · ${cpu}${failed}`;
    });
    console.log(`| ${page} | ${cells.join(" | ")} |`);
  }
  console.log("");
  for (const n of sizes) {
    const { seedSeconds, memory: m, peakRssMb, wholeReads } = all[n]!;
    const mb = (x: Memory) =>
      `RSS ${x.rssMb} MB (heap ${x.heapMb} MB used of ${x.heapTotalMb} MB, ${x.externalMb} MB outside it)`;
    console.log(
      `${n}: seeded in ${seedSeconds.toFixed(0)} s; server process after seeding ${mb(m.seeded)}, after warming every page ${mb(m.warmed)}, after the load ${mb(m.measured)}; highest RSS during the load ${peakRssMb} MB; whole case-list reads during the load: ${wholeReads}`,
    );
    const highest = [...all[n]!.pages].sort((a, b) => b.peakRssMb - a.peakRssMb).slice(0, 5);
    console.log(`${n}: highest RSS while loading: ${highest.map((p) => `${p.page} ${p.peakRssMb} MB`).join(", ")}`);
  }
}

async function runOne(n: number, bodies: number) {
  const dir = mkdtempSync(join(tmpdir(), "samverka-bench-"));
  const db = await startFerretdb(dir, await freePort());
  const port = await freePort();
  Object.assign(process.env, {
    MONGODB_URI: `${db.uri}bench`,
    APP_URL: `http://127.0.0.1:${port}`,
    SESSION_SECRET: "bench-secret-that-is-long-enough",
    SMTP_URL: "smtp://127.0.0.1:1", // nothing listens: mail waits in the outbox, as in an outage
    OUTBOX_POLL_MS: "3600000",
  });
  // @ts-expect-error the build exists after `npm run build`
  const build = (await import("../build/server/index.js")) as ServerBuild;
  const { createApp } = await import("../server/app");
  const { logger } = await import("../app/domain/kernel/logger.server");
  const lifecycle = build.entry.module as unknown as import("../server/app").Lifecycle;
  await lifecycle.startApp();
  const started = Date.now();
  const fixtures = await seed(n);
  if (bodies > 1) await seedOtherBodies(bodies - 1, n, fixtures.templates);
  if (process.env.APP_HOST) {
    await mongoose.connection
      .db!.collection("publicbodies")
      .updateOne({ slug: "exempelkommun" }, { $set: { hosts: ["127.0.0.1"] } });
    const { touch } = await import("../app/domain/kernel/read-markers.server");
    await touch("settings");
  }
  const seedSeconds = (Date.now() - started) / 1000;
  const seeded = memory();
  console.log(`[bench] N=${n}: seeded in ${seedSeconds.toFixed(0)} s, RSS ${seeded.rssMb} MB`);

  const app = createApp({
    build,
    logger,
    production: true,
    appUrl: process.env.APP_URL!,
    databaseUp: lifecycle.databaseUp,
  });
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(port, "127.0.0.1", () => resolve(s));
  });
  let commands = 0;
  let wholeReads = 0;
  const trace = process.env.BENCH_TRACE;
  mongoose.connection.getClient().on("commandStarted", (e) => {
    commands += 1;
    const filter = (e.command as { filter?: object }).filter;
    if (e.commandName === "find" && e.command.find === "proposals" && (!filter || !Object.keys(filter).length))
      wholeReads += 1;
    if (trace && tracing) console.log(`[bench] ${e.commandName} ${JSON.stringify(e.command).slice(0, 160)}`);
  });
  let tracing = false;
  const base = `http://127.0.0.1:${port}`;
  const pages: [string, string, string | null][] = [
    ["/healthz", "/healthz", null],
    ["start page (public)", "/", null],
    ["inbox, first page (coordinator)", "/handlaggning", fixtures.coordinator],
    ["inbox, filtered by status", "/handlaggning?status=in_dialogue", fixtures.coordinator],
    [
      "inbox, searched by case number",
      `/handlaggning?q=${encodeURIComponent(fixtures.caseNumber)}`,
      fixtures.coordinator,
    ],
    ["officer's inbox", "/handlaggning", fixtures.officer],
    ["start page: coordinator", "/mina-sidor", fixtures.coordinator],
    ["start page: officer", "/mina-sidor", fixtures.officer],
    ["start page: organisation member", "/mina-sidor", fixtures.member],
    ["start page: politician", "/mina-sidor", fixtures.politician],
    ["organisation's proposals", "/forslag", fixtures.member],
    ["staff case page", `/handlaggning/arenden/${fixtures.caseId}`, fixtures.coordinator],
    ["organisation's case page", `/forslag/${fixtures.caseId}`, fixtures.member],
    ["staff agreement page", `/handlaggning/arenden/${fixtures.signedId}/avtal`, fixtures.officer],
    ["organisation's agreement page", `/forslag/${fixtures.signedId}/avtal`, fixtures.signer],
    ["signed agreement PDF", `/forslag/${fixtures.signedId}/avtal/pdf`, fixtures.signer],
    ["organisation register (staff)", "/organisation", fixtures.coordinator],
    ["organisation page (staff)", `/organisation/${fixtures.organisationId}`, fixtures.coordinator],
    ["organisation page (its administrator)", `/organisation/${fixtures.organisationId}`, fixtures.signer],
    ["own account (/konto)", "/konto", fixtures.member],
    ["administration (/admin)", "/admin", fixtures.admin],
    ["overview (politician)", "/oversikt", fixtures.politician],
    ["overview, one year", `/oversikt?ar=${new Date().getFullYear()}`, fixtures.politician],
    ["overview: a table as CSV", "/oversikt/tabell.csv?tabell=money", fixtures.politician],
    ["public register", "/register", null],
    ["public register, searched", "/register?q=avtal&status=active", null],
    ["public register: one agreement", `/register/${fixtures.agreementId}`, null],
    ["IOP in figures (/statistik)", "/statistik", null],
    ["open data: CSV", "/oppna-data/avtal.csv", null],
    ["open data: JSON", "/oppna-data/avtal.json", null],
  ];
  if (process.env.BENCH_PROFILE) {
    const { loadCaseById, caseTrail, listCaseDocuments } = await import("../app/domain/cases/engine.server");
    const { casePageData } = await import("../app/domain/casework/case-page.server");
    const { listDialogue } = await import("../app/domain/cases/dialogue.server");
    const timed = async <T>(label: string, fn: () => Promise<T>) => {
      const t = Date.now();
      const value = await fn();
      console.log(`[bench] ${label}: ${Date.now() - t} ms`);
      return value;
    };
    const { PublicBodyModel } = await import("#models/public-body");
    const body = (await PublicBodyModel.findOne().lean())!;
    const { ProposalModel } = await import("#models/proposal");
    const { CaseEventModel } = await import("#models/case-event");
    for (let i = 0; i < 3; i++) {
      await timed("proposal findById", () => ProposalModel.findById(fixtures.caseId).lean());
      await timed("proposal raw findOne _id", () =>
        mongoose.connection.db!.collection("proposals").findOne({ _id: new mongoose.Types.ObjectId(fixtures.caseId) }),
      );
      await timed("event findById", () => CaseEventModel.findById(eventId(fixtures.caseId, 1)).lean());
      await timed("event raw", () =>
        mongoose.connection.db!.collection("caseevents").findOne({ _id: eventId(fixtures.caseId, 1) }),
      );
    }
    const c = (await timed("loadCaseById", () => loadCaseById(body._id, fixtures.caseId)))!;
    await timed("caseTrail", () => caseTrail(c));
    await timed("listCaseDocuments", () => listCaseDocuments(c));
    await timed("listDialogue", () => listDialogue(c, { staff: true }));
    await timed("casePageData", () => casePageData(c, { staff: true, actor: "coordinator" }));
  }
  // BENCH_PAGES=inbox,case keeps /healthz and the pages whose names contain one of the words.
  const only = process.env.BENCH_PAGES?.split(",");
  if (only)
    pages.splice(
      0,
      pages.length,
      ...pages.filter(([name]) => name === "/healthz" || only.some((w) => name.includes(w))),
    );
  if (process.env.BENCH_HOLD) {
    // For profiling by hand: the seeded server stays up; its pages (with cookies) are in a file.
    const file = join(dir, "pages.json");
    writeFileSync(file, JSON.stringify({ base, database: process.env.MONGODB_URI, pages }, null, 2));
    console.log(`[bench] holding ${base}; pages and cookies in ${file}; stop with Ctrl+C`);
    await new Promise(() => undefined);
  }
  const results: PageResult[] = [];
  // Read-only pages ship none (decision 015), nor do the signed-in pages that only read
  // (decision 022); the sign-in page stands for a hydrated page.
  const scriptPages: [string, string | null][] = [
    ["/", null],
    ["/register", null],
    [`/register/${fixtures.agreementId}`, null],
    ["/om-iop", null],
    ["/oversikt", fixtures.politician],
    ["/mina-sidor", fixtures.officer],
    ["/handlaggning", fixtures.coordinator],
    ["/forslag", fixtures.member],
    // In a national run the sign-in at a body's own host first asks the front door (decision 033).
    ...(process.env.APP_HOST ? [] : [["/logga-in", null] as [string, string | null]]),
  ];
  for (const [path, cookie] of scriptPages) {
    const kb = (await gzippedScripts(base + path, cookie)) / 1024;
    console.log(`[bench] N=${n} JavaScript of ${path}: ${kb.toFixed(1)} KB gzipped`);
  }
  // Every page once, so the memory after warming holds what the server keeps for all of them.
  for (const [, path, cookie] of pages)
    await (await fetch(base + path, cookie ? { headers: { cookie } } : undefined)).arrayBuffer();
  if (bodies > 1) await warmEveryBody(port);
  const warmed = memory();
  // BENCH_HEAP_SNAPSHOT=<dir>: what the warmed server keeps, for reading in Chrome's DevTools.
  if (process.env.BENCH_HEAP_SNAPSHOT)
    console.log(
      `[bench] heap snapshot: ${writeHeapSnapshot(join(process.env.BENCH_HEAP_SNAPSHOT, `${n}x${bodies}.heapsnapshot`))}`,
    );
  wholeReads = 0;
  let peakRssMb = 0;
  let pagePeakMb = 0;
  const sampler = setInterval(() => {
    const rss = Math.round(process.memoryUsage.rss() / 2 ** 20);
    peakRssMb = Math.max(peakRssMb, rss);
    pagePeakMb = Math.max(pagePeakMb, rss);
  }, 200);
  let healthRps = 1;
  for (const [name, path, cookie] of pages) {
    const headers = cookie ? { cookie } : undefined;
    const warm = await fetch(base + path, { headers });
    if (warm.status !== 200) throw new Error(`${path} answered ${warm.status}`);
    await warm.arrayBuffer();
    commands = 0;
    tracing = Boolean(trace?.split(",").some((w) => name.includes(w)));
    const alone = Date.now();
    await (await fetch(base + path, { headers })).arrayBuffer();
    const aloneMs = Date.now() - alone;
    tracing = false;
    const perRequest = commands;
    const cpuBefore = { app: process.cpuUsage(), db: dbCpuMs(db.pid) };
    pagePeakMb = 0;
    const measured = await profiled(`${n}-${name}`, () => load(base + path, headers));
    const requests = Math.max(1, measured.rps * SECONDS);
    const app = process.cpuUsage(cpuBefore.app);
    const cpu = {
      appCpuMs: (app.user + app.system) / 1000 / requests,
      dbCpuMs: (dbCpuMs(db.pid) - cpuBefore.db) / requests,
    };
    // Let the server finish what the load left queued before the next page is measured.
    for (let waited = 0; waited < 60_000; waited += 100) {
      const open = await new Promise<number>((resolve) => server.getConnections((_e, count) => resolve(count)));
      if (open === 0) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    if (path === "/healthz") healthRps = measured.rps;
    results.push({
      page: name,
      ...measured,
      ...cpu,
      ratio: measured.rps / healthRps,
      commands: perRequest,
      aloneMs,
      peakRssMb: pagePeakMb,
    });
    console.log(`[bench] N=${n} ${name}: ${measured.rps.toFixed(0)} req/s, p95 ${measured.p95.toFixed(0)} ms`);
  }
  clearInterval(sampler);
  const measured = memory();
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  await lifecycle.stopApp();
  await db.stop();
  rmSync(dir, { recursive: true, force: true });
  return { seedSeconds, pages: results, memory: { seeded, warmed, measured }, peakRssMb, wholeReads };
}

/**
 * Every other body's public pages once, at its own host (what the installation keeps for each:
 * its register entries and figures), so that the memory after warming counts every body.
 */
async function warmEveryBody(port: number) {
  const { request } = await import("node:http");
  const slugs = (
    await mongoose.connection
      .db!.collection("publicbodies")
      .find({}, { projection: { slug: 1 } })
      .toArray()
  )
    .map((b) => String(b.slug))
    .filter((slug) => slug !== "exempelkommun");
  const get = (path: string, host: string) =>
    new Promise<number>((resolve, reject) => {
      const req = request({ host: "127.0.0.1", port, path, headers: { Host: `${host}:${port}` } }, (res) => {
        res.resume();
        res.on("end", () => resolve(res.statusCode ?? 0));
      });
      req.on("error", reject);
      req.end();
    });
  const started = Date.now();
  for (const slug of slugs)
    for (const path of ["/", "/register", "/statistik"]) {
      const status = await get(path, `${slug}.${NATIONAL_HOST}`);
      if (status !== 200) throw new Error(`${slug}${path} answered ${status}`);
    }
  for (const path of ["/", "/register", "/statistik"]) await get(path, NATIONAL_HOST);
  console.log(
    `[bench] warmed ${slugs.length} more bodies' start page, register and figures, and the front door's (${((Date.now() - started) / 1000).toFixed(0)} s)`,
  );
}

/** This process's memory after a full collection (the bench runs with --expose-gc). */
function memory(): Memory {
  (globalThis as { gc?: () => void }).gc?.();
  const { rss, heapUsed, heapTotal, external } = process.memoryUsage();
  const mb = (bytes: number) => Math.round(bytes / 2 ** 20);
  return { rssMb: mb(rss), heapMb: mb(heapUsed), heapTotalMb: mb(heapTotal), externalMb: mb(external) };
}

/** The CPU time (user + system) a process has used, from /proc (0 where there is none). */
function dbCpuMs(pid: number | undefined) {
  if (!pid) return 0;
  try {
    // Fields 14 and 15 after the parenthesised name are utime and stime, in clock ticks (100 Hz).
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return 0;
  }
}

/** BENCH_CPU_PROF=dir: a V8 CPU profile of the process (server and load) per measured page. */
async function profiled<T>(name: string, fn: () => Promise<T>): Promise<T> {
  const dir = process.env.BENCH_CPU_PROF;
  if (!dir) return fn();
  const session = new inspector.Session();
  session.connect();
  await session.post("Profiler.enable");
  await session.post("Profiler.start");
  const value = await fn();
  const { profile } = await session.post("Profiler.stop");
  writeFileSync(join(dir, `${name.replace(/[^\w-]+/g, "_")}.cpuprofile`), JSON.stringify(profile));
  session.disconnect();
  return value;
}

/** The gzipped size of every script a page loads (its module scripts and their preloads). */
async function gzippedScripts(url: string, cookie: string | null) {
  const html = await (await fetch(url, cookie ? { headers: { cookie } } : undefined)).text();
  const srcs = new Set(
    [...html.matchAll(/<(?:script[^>]*\ssrc|link[^>]*rel="modulepreload"[^>]*\shref)="([^"]+\.js)"/g)].map(
      (m) => m[1]!,
    ),
  );
  // The inline module imports the entry too.
  for (const m of html.matchAll(/import\s*(?:[^"']*from\s*)?["']([^"']+\.js)["']/g)) srcs.add(m[1]!);
  let total = 0;
  for (const src of srcs) total += gzipSync(Buffer.from(await (await fetch(new URL(src, url))).arrayBuffer())).length;
  return total;
}

/** The load from another process: the server keeps its thread (scripts/bench-load.ts). */
function load(url: string, headers?: Record<string, string>) {
  return new Promise<{ rps: number; p50: number; p95: number; errors: number; timeouts: number }>((resolve, reject) => {
    const args = JSON.stringify({ url, connections: CONNECTIONS, seconds: SECONDS, headers });
    const child = spawn(process.execPath, ["--import", "tsx", "scripts/bench-load.ts", args], {
      stdio: ["ignore", "pipe", "inherit"],
    });
    let out = "";
    child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
    child.on("exit", (code) => {
      if (code !== 0) return reject(new Error(`load of ${url} failed (${code})`));
      const r = JSON.parse(out.trim().split("\n").at(-1)!) as {
        rps: number;
        p50: number | null;
        p95: number | null;
        errors: number;
        timeouts: number;
      };
      resolve({ ...r, p50: r.p50 ?? NaN, p95: r.p95 ?? NaN });
    });
  });
}

/** 300 organisations and N cases in every status, made through the use cases. */
async function seed(n: number) {
  const { seedDemo } = await import("../app/domain/demo/seed.server");
  const factories = await import("../app/domain/demo/factories.server");
  const { createUserSession } = await import("../app/http/session.server");
  const { DepartmentModel } = await import("#models/department");
  const { UserModel } = await import("#models/user");
  const body = await seedDemo();
  const social = await DepartmentModel.findOne({ publicBodyId: body._id, slug: "social" }).lean();
  const staff = async (email: string) => (await UserModel.findOne({ email }).lean()) as never;
  const coordinator = await staff("samordnare@exempelkommun.se");
  const officer = await staff("handlaggare@exempelkommun.se");
  const politician = await staff("politiker@exempelkommun.se");
  const orgs: {
    organisation: { _id: mongoose.Types.ObjectId };
    member: never;
  }[] = [];
  for (let i = 0; i < ORGANISATIONS; i++) {
    const member = await factories.upsertUser({
      email: `ordforande${i}@forening${i}.example`,
      name: `Ordförande ${i}`,
      // The signers of the agreements below sign with a password.
      ...(SIGNING_ORGS.includes(i) ? { password: factories.DEMO_PASSWORD } : {}),
    });
    const organisation = await factories.upsertOrganisation({
      registeredIn: body._id,
      name: `Förening nummer ${i}`,
      orgNumber: orgNumber(i),
      createdBy: member._id,
      members: [{ userId: member._id, role: "org_admin", signatory: true }],
    });
    orgs.push({ organisation, member: (await UserModel.findById(member._id).lean()) as never });
  }
  // A few cases per status go through the use cases; the rest are copies of those consistent
  // sets (case, events, document list, messages) with new ids, organisations and numbers.
  // Through the use cases alone, 1 000 cases take most of an hour on FerretDB.
  const statuses = factories.SEEDABLE_STATUSES;
  const templates: mongoose.Types.ObjectId[] = [];
  const perStatus = Math.max(1, Math.min(3, Math.floor(n / statuses.length)));
  for (let i = 0; i < statuses.length * perStatus; i++) {
    const org = orgs[i % ORGANISATIONS]!;
    const c = await factories.caseInStatus(
      statuses[i % statuses.length]!,
      { ...org, publicBodyId: body._id, coordinator, officer, departmentId: social!._id },
      `Verksamhet ${i} för barn och unga`,
    );
    templates.push(c._id);
  }
  // Agreements in force with a payment and a follow-up report, for the overview and the register.
  const agreements = await import("../app/domain/agreements/agreements.server");
  const { loadCaseById } = await import("../app/domain/cases/engine.server");
  const { setClock } = await import("../app/domain/kernel/clock");
  const signedIds: mongoose.Types.ObjectId[] = [];
  for (const [i, index] of SIGNING_ORGS.entries()) {
    const org = orgs[index]!;
    const cast = { ...org, publicBodyId: body._id, coordinator, officer, departmentId: social!._id };
    const signed = await factories.agreementInStatus(cast, `Avtal ${i} om läxhjälp`, true);
    let c = (await loadCaseById(body._id, signed._id))!;
    c = await agreements.recordPayment(
      c,
      officer,
      { paidOn: new Date("2027-01-10T00:00:00Z"), amountSek: 37_500, reference: `V-${i}` },
      c.version,
    );
    // The report on 2027 is sent when that year is over (the use case refuses a year not begun).
    setClock(() => new Date("2028-01-10T10:00:00Z"));
    await agreements.submitReport(
      c,
      org.member,
      {
        year: 2027,
        narrative: "Ett bra år.",
        indicators: "Målen nådda.",
        moneySek: 40_000,
        volunteerHours: 1_000,
        inKind: "",
      },
      c.version,
    );
    setClock(null);
    templates.push(signed._id);
    signedIds.push(signed._id);
  }
  console.log(`[bench] N=${n}: ${templates.length} cases through the use cases`);
  const sample = await copyCases(await loadTemplates(templates), n - templates.length, orgs, body._id);
  const cookie = async (userId: mongoose.Types.ObjectId) =>
    (await createUserSession(new Request("http://bench"), userId)).split(";")[0]!;
  return {
    templates,
    caseId: sample.caseId,
    caseNumber: sample.caseNumber,
    agreementId: sample.agreementId,
    coordinator: await cookie((coordinator as { _id: mongoose.Types.ObjectId })._id),
    officer: await cookie((officer as { _id: mongoose.Types.ObjectId })._id),
    member: await cookie((orgs[sample.org]!.member as { _id: mongoose.Types.ObjectId })._id),
    politician: await cookie((politician as { _id: mongoose.Types.ObjectId })._id),
    admin: await cookie(((await staff("admin@exempelkommun.se")) as { _id: mongoose.Types.ObjectId })._id),
    // The first signed agreement, its organisation, and that organisation's administrator and signatory.
    signedId: String(signedIds[0]),
    organisationId: String(orgs[SIGNING_ORGS[0]!]!.organisation._id),
    signer: await cookie((orgs[SIGNING_ORGS[0]!]!.member as { _id: mongoose.Types.ObjectId })._id),
  };
}

type Templates = Awaited<ReturnType<typeof loadTemplates>>;

/** The template cases with everything they caused, read once (each read scans a collection). */
async function loadTemplates(templates: mongoose.Types.ObjectId[]) {
  const db = mongoose.connection.db!;
  const load = async (name: string) =>
    db
      .collection(name)
      .find({ caseId: { $in: templates } })
      .toArray();
  const proposals = await db
    .collection("proposals")
    .find({ _id: { $in: templates } })
    .toArray();
  const [events, documents, messages] = await Promise.all([
    load("caseevents"),
    load("casedocuments"),
    load("casemessages"),
  ]);
  return { proposals, events, documents, messages };
}

/** Copies the template cases (with everything they caused) until there are `count` more. */
async function copyCases(
  { proposals, events, documents, messages }: Templates,
  count: number,
  orgs: { organisation: { _id: mongoose.Types.ObjectId } }[],
  publicBodyId: mongoose.Types.ObjectId,
) {
  const db = mongoose.connection.db!;
  const year = new Date().getFullYear();
  let number = 1000;
  let sample = { caseId: "", caseNumber: "", org: 0, agreementId: "" };
  const batch: Record<string, Record<string, unknown>[]> = {
    proposals: [],
    caseevents: [],
    casedocuments: [],
    casemessages: [],
  };
  const flush = async () => {
    for (const [name, rows] of Object.entries(batch)) {
      if (rows.length) await db.collection(name).insertMany(rows);
      batch[name] = [];
    }
  };
  for (let i = 0; i < count; i++) {
    const template = proposals[i % proposals.length]!;
    const caseId = new mongoose.Types.ObjectId();
    const orgIndex = (i + 7) % orgs.length;
    const organisationId = orgs[orgIndex]!.organisation._id;
    const caseNumber = template.caseNumber ? `KS ${year}/${String(number++).padStart(4, "0")}` : undefined;
    batch.proposals!.push({
      ...template,
      _id: caseId,
      organisationId,
      publicBodyId,
      title: `Kopierad verksamhet ${i}`,
      ...(caseNumber ? { caseNumber } : {}),
    });
    // The same ids the engine gives: derived from case and seq, case and number, and for
    // messages from the change that wrote them.
    const mine = (rows: Record<string, unknown>[]) =>
      rows.filter((r) => (r.caseId as mongoose.Types.ObjectId).equals(template._id));
    const renamed = new Map<string, mongoose.Types.ObjectId>();
    for (const e of mine(events)) {
      batch.caseevents!.push({ ...e, _id: eventId(caseId, e.seq as number), caseId });
      for (const effect of (e.effects ?? []) as { kind: string; key?: string }[])
        if (effect.kind === "message")
          renamed.set(
            String(idFromKey(`${String(template._id)}:${String(e.seq)}:${effect.key ?? ""}`)),
            idFromKey(`${String(caseId)}:${String(e.seq)}:${effect.key ?? ""}`),
          );
    }
    for (const d of mine(documents))
      batch.casedocuments!.push({ ...d, _id: caseDocumentId(caseId, d.ref as string), caseId });
    for (const m of mine(messages))
      batch.casemessages!.push({ ...m, _id: renamed.get(String(m._id)) ?? new mongoose.Types.ObjectId(), caseId });
    if (!sample.caseId && template.status === "in_dialogue")
      sample = { ...sample, caseId: String(caseId), caseNumber: caseNumber ?? "", org: orgIndex };
    if (!sample.agreementId && template.status === "active") sample = { ...sample, agreementId: String(caseId) };
    if (batch.proposals!.length >= 200) await flush();
  }
  await flush();
  const { touch } = await import("../app/domain/kernel/read-markers.server");
  await touch("cases");
  return sample;
}

/**
 * The rest of a national installation (`--national`): `count` more public bodies, each with 67
 * organisations registered there (20 000 for 300 bodies) and `perBody` cases copied from the
 * measured body's, so that every collection holds every body's data.
 */
async function seedOtherBodies(count: number, perBody: number, ids: mongoose.Types.ObjectId[]) {
  const db = mongoose.connection.db!;
  const templates = await loadTemplates(ids);
  const { COUNTIES } = await import("#models/constants");
  const counties = Object.keys(COUNTIES);
  const model = (await db.collection("publicbodies").findOne({ slug: "exempelkommun" }))!;
  const started = Date.now();
  for (let b = 1; b <= count; b++) {
    const _id = new mongoose.Types.ObjectId();
    await db.collection("publicbodies").insertOne({
      ...model,
      _id,
      slug: `kommun-${b}`,
      name: `Kommun ${b}`,
      hosts: [],
      countyCode: counties[b % counties.length],
      officeEmail: `civilsamhalle@kommun-${b}.se`,
    });
    const orgs = Array.from({ length: 67 }, (_, k) => ({
      _id: new mongoose.Types.ObjectId(),
      registeredIn: _id,
      name: `Förening ${b}-${k}`,
      orgNumber: orgNumber(1000 + b * 100 + k),
      legalForm: "non_profit_association",
      purpose: "Verksamhet för barn och unga.",
      email: `info@forening-${b}-${k}.example`,
      city: `Ort ${b}`,
      signatories: [],
      signingRule: "alone",
      createdBy: model._id,
      createdAt: new Date(),
      updatedAt: new Date(),
    }));
    await db.collection("organisations").insertMany(orgs);
    await copyCases(
      templates,
      perBody,
      orgs.map((o) => ({ organisation: { _id: o._id } })),
      _id,
    );
    if (b % 25 === 0)
      console.log(`[bench] ${b} of ${count} more bodies seeded (${((Date.now() - started) / 1000).toFixed(0)} s)`);
  }
  const { touch } = await import("../app/domain/kernel/read-markers.server");
  for (const marker of ["settings", "directory", "cases"] as const) await touch(marker);
}

/** A valid organisationsnummer (Luhn) for organisation i: 80xxxx-xxxx. */
function orgNumber(i: number) {
  const base = `80${String(2600000 + i).padStart(7, "0")}`;
  let sum = 0;
  for (let k = 0; k < 9; k++) {
    let d = Number(base[k]) * (k % 2 === 0 ? 2 : 1);
    if (d > 9) d -= 9;
    sum += d;
  }
  const check = (10 - (sum % 10)) % 10;
  return `${base.slice(0, 6)}-${base.slice(6)}${check}`;
}
