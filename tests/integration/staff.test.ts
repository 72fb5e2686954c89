import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DepartmentModel } from "#models/department";
import { PublicBodyModel } from "#models/public-body";
import { UserModel } from "#models/user";
import { startTestApp, type TestApp } from "../support/app";
import { Client, DEMO, loginAs, sessionFor } from "../support/http";
import { linkIn, recipients } from "../support/smtp";

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp("staff");
});
afterAll(async () => app?.stop());

describe("staff accounts by invitation", () => {
  it("an administrator invites an officer, who chooses a password and signs in", async () => {
    const admin = await loginAs(app.url, DEMO.admin);
    const social = await DepartmentModel.findOne({ slug: "social" }).lean();
    const email = "ny.handlaggare@exempelkommun.se";
    const res = await admin.post("/admin", {
      name: "Nina Ny",
      email,
      role: "officer",
      departmentIds: [String(social?._id)],
    });
    expect(res.status).toBe(302);
    // The staff list (kept per instance) shows the new officer as not active until a password is set.
    const row = async () => {
      const html = (await (await admin.get("/admin")).text()).replaceAll("<!-- -->", "");
      return html.slice(html.indexOf("Nina Ny"), html.indexOf("</tr>", html.indexOf("Nina Ny")));
    };
    expect(await row()).toContain("Inbjuden");

    const mail = await app.smtp.waitFor((m) => recipients(m).includes(email));
    expect(mail.subject).toBe("Ditt konto i Samverka för Exempelkommun");
    const link = new URL(linkIn(mail, "/inbjudan"));
    const nina = new Client(app.url);
    expect(await (await nina.get(link.pathname + link.search)).text()).toContain("Välj ett lösenord för ditt konto");
    const set = await nina.post("/inbjudan", {
      intent: "staff",
      token: link.searchParams.get("token") ?? "",
      password: "handläggning pågår",
      confirmPassword: "handläggning pågår",
    });
    expect(set.status).toBe(302);
    expect((await nina.get("/konto")).status).toBe(200);
    await loginAs(app.url, email, "handläggning pågår");
    expect(await row()).toContain("Aktivt");
    expect(await row()).not.toContain("Inbjuden");

    const user = await UserModel.findOne({ email }).lean();
    expect(user?.staffMemberships[0]?.role).toBe("officer");
    expect(user?.staffMemberships[0]?.departmentIds.map(String)).toEqual([String(social?._id)]);

    // The link works once.
    const again = await new Client(app.url).post("/inbjudan", {
      intent: "staff",
      token: link.searchParams.get("token") ?? "",
      password: "något annat lösen",
      confirmPassword: "något annat lösen",
    });
    expect(again.status).toBe(410);
  });

  it("only administrators may open /admin or invite staff", async () => {
    // The body's staff without the role are refused; to anyone else the page does not exist.
    for (const [email, status] of [
      [DEMO.coordinator, 403],
      [DEMO.officer, 403],
      [DEMO.politician, 403],
      [DEMO.orgAdminA, 404],
    ] as const) {
      const client = await loginAs(app.url, email);
      expect((await client.get("/admin")).status, email).toBe(status);
      const res = await client.post("/admin", { name: "X", email: "x@exempelkommun.se", role: "admin" });
      expect(res.status, email).toBe(status);
    }
    expect(await UserModel.countDocuments({ email: "x@exempelkommun.se" })).toBe(0);
    const stranger = await new Client(app.url).get("/admin");
    expect(stranger.status).toBe(302);
  });

  it("refuses hostile input and unknown departments", async () => {
    const admin = await loginAs(app.url, DEMO.admin);
    const before = await UserModel.estimatedDocumentCount();
    for (const body of [
      "name=A&email[$ne]=&role=officer",
      "name=A&email=a%40exempelkommun.se&role=superuser",
      `name=${"x".repeat(1024 * 1024)}&email=b%40exempelkommun.se&role=officer`,
      "name=A&email=c%40exempelkommun.se&role=officer&departmentIds=aaaaaaaaaaaaaaaaaaaaaaaa",
      "name=A&email=d%40exempelkommun.se&role=officer&departmentIds[$gt]=",
    ]) {
      const res = await admin.post("/admin", body);
      expect(res.status).toBe(400);
      expect(await res.text()).toContain("Det finns ett problem");
    }
    expect(await UserModel.estimatedDocumentCount()).toBe(before);
  });
});

describe("reminder settings", () => {
  it("lets an administrator set the reminder days, with field messages for bad input", async () => {
    const admin = await loginAs(app.url, DEMO.admin);
    const ok = await admin.post("/admin", {
      intent: "reminders",
      unroutedReminderDays: "5",
      inactivityReminderDays: "10",
      completionReminderDays: "4",
      signatureReminderDays: "6",
    });
    expect(ok.status).toBe(302);
    const body = await PublicBodyModel.findOne({ slug: "exempelkommun" }).lean();
    expect([
      body?.unroutedReminderDays,
      body?.inactivityReminderDays,
      body?.completionReminderDays,
      body?.signatureReminderDays,
    ]).toEqual([5, 10, 4, 6]);
    for (const bad of ["0", "9999", "fem", "<script>"]) {
      const res = await admin.post("/admin", {
        intent: "reminders",
        unroutedReminderDays: bad,
        inactivityReminderDays: "10",
        completionReminderDays: "4",
        signatureReminderDays: "6",
      });
      expect(res.status, bad).toBe(400);
    }
    const coordinator = await loginAs(app.url, DEMO.coordinator);
    expect(
      (
        await coordinator.post("/admin", {
          intent: "reminders",
          unroutedReminderDays: "1",
          inactivityReminderDays: "1",
          completionReminderDays: "1",
        })
      ).status,
    ).toBe(403);
    expect((await PublicBodyModel.findOne({ slug: "exempelkommun" }).lean())?.unroutedReminderDays).toBe(5);
  });
});

describe("the euro rate of the de minimis check", () => {
  it("lets an administrator set it, refuses bad input with a field message, and nobody else", async () => {
    const admin = await sessionFor(app.url, DEMO.admin);
    const ok = await admin.post("/admin", { intent: "eurRate", sekPerEur: "11,2345", rateDate: "2026-11-02" });
    expect(ok.status).toBe(302);
    const rate = async () => (await PublicBodyModel.findOne({ slug: "exempelkommun" }).lean())?.eurRate;
    expect(await rate()).toEqual({ sekPerEur: 11.2345, date: new Date("2026-11-02T00:00:00Z") });
    const bad: [string, string][] = [
      ["intent=eurRate&sekPerEur=elva&rateDate=2026-11-02", "Skriv kursen som kronor per euro"],
      ["intent=eurRate&sekPerEur=0&rateDate=2026-11-02", "Skriv kursen som kronor per euro"],
      ["intent=eurRate&sekPerEur[$ne]=1&rateDate=2026-11-02", "Fyll i kronor per euro"],
      ["intent=eurRate&sekPerEur=11&rateDate=2026-02-30", "ÅÅÅÅ-MM-DD"],
      [`intent=eurRate&sekPerEur=${"1".repeat(100_000)}&rateDate=2026-11-02`, "Skriv högst 10 tecken"],
    ];
    for (const [body, message] of bad) {
      const res = await admin.post("/admin", body);
      expect(res.status, body.slice(0, 50)).toBe(400);
      expect(await res.text(), body.slice(0, 50)).toContain(message);
    }
    for (const [who, status] of [
      [DEMO.coordinator, 403],
      [DEMO.officer, 403],
      [DEMO.politician, 403],
      [DEMO.orgAdminA, 404], // not the body's staff: the page does not exist for them
    ] as const) {
      const client = await sessionFor(app.url, who);
      const res = await client.post("/admin", { intent: "eurRate", sekPerEur: "2", rateDate: "2026-11-03" });
      expect(res.status, who).toBe(status);
    }
    expect((await rate())?.sekPerEur).toBe(11.2345);
  });
});
