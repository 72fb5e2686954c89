import { spawn, type ChildProcess } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DepartmentModel } from "#models/department";
import { OrganisationModel } from "#models/organisation";
import { OutboxModel } from "#models/email-outbox";
import { ProposalModel } from "#models/proposal";
import { UserModel } from "#models/user";
import { caseInStatus, upsertUser } from "~/domain/demo/factories.server";
import { touch } from "~/domain/kernel/read-markers.server";
import { freePort } from "../../scripts/db";
import { startTestApp, type TestApp } from "../support/app";
import { laxhjalpenCast } from "../support/cast";
import { Client, DEMO, loginAs } from "../support/http";
import { recipients } from "../support/smtp";

// Two app instances against one database, as behind a load balancer (docs/scaling.md): this
// test's process is one, a separate `npm start` process the other. What one writes the other
// shows on its next view (the per-instance caches check their markers), and background jobs
// claim their work in the database, so each runs once however many instances run it.
let a: TestApp;
let b: ChildProcess;
let bUrl: string;

beforeAll(async () => {
  // Both instances look for reminders every 300 ms, so they race for the same ones.
  process.env.REMINDER_INTERVAL_MS = "300";
  a = await startTestApp("two_instances");
  const port = await freePort();
  bUrl = `http://127.0.0.1:${port}`;
  b = spawn(process.execPath, ["--import", "tsx", "server/index.ts"], {
    // The same database and mail server as instance A (startTestApp set them in this process).
    env: { ...process.env, NODE_ENV: "production", PORT: String(port), HOST: "127.0.0.1", LOG_LEVEL: "error" },
    stdio: ["ignore", "inherit", "inherit"],
  });
  for (let waited = 0; ; waited += 200) {
    const ready = await fetch(`${bUrl}/readyz`).catch(() => null);
    if (ready?.status === 200) break;
    if (waited > 60_000) throw new Error("instance B did not start");
    await new Promise((r) => setTimeout(r, 200));
  }
}, 90_000);
afterAll(async () => {
  delete process.env.REMINDER_INTERVAL_MS;
  if (b && b.exitCode === null) {
    const exited = new Promise((resolve) => b.once("exit", resolve));
    b.kill("SIGTERM");
    await exited;
  }
  await a?.stop();
});

describe("two instances against one database", () => {
  it("are two processes on the same data", async () => {
    expect(b.pid).not.toBe(process.pid);
    const page = await (await new Client(bUrl).get("/")).text();
    expect(page).toContain("Exempelkommun");
  });

  it("show on the next view through one what was changed through the other", async () => {
    const c = await caseInStatus("submitted", await laxhjalpenCast(), "Två instanser, ett ärende");
    const saraA = await loginAs(a.url, DEMO.coordinator);
    const saraB = await loginAs(bUrl, DEMO.coordinator);
    const page = `/handlaggning/arenden/${String(c._id)}`;
    // B reads the case list once (its cache now holds the case as submitted).
    expect(await (await saraB.get("/handlaggning?status=submitted")).text()).toContain("Två instanser, ett ärende");
    const social = await DepartmentModel.findOne({ slug: "social" }).lean();
    const hans = await UserModel.findOne({ email: DEMO.officer }).lean();
    const routed = await saraA.post(page, {
      intent: "route",
      version: String(c.version),
      departmentId: String(social?._id),
      officerId: String(hans?._id),
    });
    expect(routed.status).toBe(302);
    // B's next view: no longer waiting to be routed, and in dialogue with Hans.
    expect(await (await saraB.get("/handlaggning?status=submitted")).text()).not.toContain("Två instanser, ett ärende");
    const caseOnB = await (await saraB.get(page)).text();
    expect(caseOnB).toContain("Dialog med handläggare");
    expect(caseOnB).toContain("Hans Handläggare");

    // A name changed through A is B's name on its next view (the directory's marker).
    const lina = await loginAs(a.url, DEMO.orgAdminB);
    const org = await OrganisationModel.findOne({ orgNumber: "802500-6266" }).lean();
    const before = await (await saraB.get("/organisation?q=L%C3%A4xhj%C3%A4lpen")).text();
    expect(before).toContain(org!.name);
    const saved = await lina.post(`/organisation/${String(org!._id)}`, {
      intent: "saveOrganisation",
      name: "Läxhjälpen i två instanser",
      orgNumber: org!.orgNumber,
      legalForm: org!.legalForm,
      purpose: org!.purpose,
      email: org!.email,
      signatories: "",
      signingRule: "alone",
    });
    expect(saved.status).toBe(302);
    expect(await (await saraB.get("/organisation?q=L%C3%A4xhj%C3%A4lpen")).text()).toContain(
      "Läxhjälpen i två instanser",
    );
  });

  it("end a session and take a role away in every instance at once (each keeps signed-in people, decision 032)", async () => {
    const email = `tva-instanser-${Date.now().toString(36)}@exempelkommun.se`;
    const { publicBodyId } = await laxhjalpenCast();
    const maja = await upsertUser({
      email,
      name: "Maja Två",
      password: DEMO.password,
      staff: { publicBodyId, role: "coordinator" },
    });
    const onB = await loginAs(bUrl, email);
    // The same browser's session through instance A (one cookie, one database).
    const onA = new Client(a.url);
    for (const pair of onB.cookieHeader().split("; ")) onA.setCookie(pair);
    expect((await onB.get("/handlaggning")).status).toBe(200);
    expect((await onA.get("/handlaggning")).status).toBe(200);
    expect((await onB.get("/handlaggning")).status).toBe(200);

    // The role taken away in A's process: B's next view no longer has it.
    await UserModel.updateOne({ _id: maja._id }, { $set: { staffMemberships: [] } });
    expect((await onB.get("/handlaggning")).status).toBe(404);
    await UserModel.updateOne({ _id: maja._id }, { $set: { staffMemberships: maja.staffMemberships } });
    expect((await onB.get("/handlaggning")).status).toBe(200);

    // Signed out through A: B no longer knows the session.
    expect((await onA.post("/logga-ut", {})).status).toBe(302);
    const afterSignOut = await onB.get("/handlaggning");
    expect(afterSignOut.status).toBe(302);
    expect(afterSignOut.headers.get("location")).toMatch(/^\/logga-in/);
  });

  it("run each background job once: one reminder, one email, whichever instance takes it", async () => {
    const c = await caseInStatus("submitted", await laxhjalpenCast(), "Glömt i två instanser");
    // Received 30 days ago and never routed: both instances find it due on their next round.
    const longAgo = new Date(Date.now() - 30 * 24 * 60 * 60 * 1000);
    await ProposalModel.updateOne({ _id: c._id }, { $set: { receivedAt: longAgo, lastActivityAt: longAgo } });
    await touch("cases");
    const subject = `Påminnelse: ${c.caseNumber} väntar på fördelning`;
    await a.smtp.waitFor((m) => m.subject === subject, 20_000);
    // Several more rounds of both instances' jobs.
    await new Promise((r) => setTimeout(r, 2_000));
    const sent = a.smtp.messages.filter((m) => m.subject === subject);
    expect(sent.map(recipients)).toEqual([["civilsamhalle@exempelkommun.se"]]);
    const queued = await OutboxModel.find({ subject }).lean();
    expect(queued.map((q) => q.status)).toEqual(["sent"]);
  });
});
