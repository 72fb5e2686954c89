import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { OrganisationModel } from "#models/organisation";
import { SessionModel } from "#models/session";
import { UserModel } from "#models/user";
import { createCase, saveDraft, submitCase } from "~/domain/cases/proposals.server";
import type { SessionUser } from "~/http/session.server";
import { startTestApp, type TestApp } from "../support/app";
import { pdfBytes } from "../support/files";
import { Client, DEMO, sessionFor } from "../support/http";

// Requests no form of ours sends: wrong content types, broken multipart bodies, deep or huge
// field names, control characters. Each gets one definite 4xx answer and never a 500.

const ideaContent = {
  summary: "Läxhjälp för barn i årskurs 4–6.",
  areas: ["laxhjalp"],
  contactName: "Lina",
  contactEmail: "lina@laxhjalpen.example",
};

let app: TestApp;
let caseId: string;
let draftId: string;
let orgId: string;
const clients: Record<string, Client> = {};

beforeAll(async () => {
  app = await startTestApp("hostile");
  const lina = (await UserModel.findOne({ email: DEMO.orgAdminB }).lean()) as unknown as SessionUser;
  const org = await OrganisationModel.findOne({ orgNumber: "802500-6266" }).lean();
  if (!org) throw new Error("seed missing");
  orgId = String(org._id);
  const draft = await createCase(org.registeredIn, org._id, lina, { kind: "idea", title: "Fientlig" });
  const saved = await saveDraft(draft, lina, ideaContent, draft.version);
  const submitted = await submitCase(saved, lina, saved.version);
  if (!submitted.ok) throw new Error("not submitted");
  caseId = String(draft._id);
  draftId = String(
    (await createCase(org.registeredIn, org._id, lina, { kind: "proposal", title: "Fientligt förslag" }))._id,
  );
  clients.anon = new Client(app.url);
  clients.lina = await sessionFor(app.url, DEMO.orgAdminB);
  clients.admin = await sessionFor(app.url, DEMO.admin);
  clients.coordinator = await sessionFor(app.url, DEMO.coordinator);
});
afterAll(async () => app?.stop());

/** Every route that takes a form, with the person who may post it. */
const formRoutes = (): [string, string][] => [
  ["/logga-in", "anon"],
  ["/registrera", "anon"],
  ["/glomt-losenord", "anon"],
  ["/aterstall-losenord?token=abc", "anon"],
  ["/inbjudan?token=abc", "anon"],
  ["/sprak", "anon"],
  ["/verifiera-epost", "anon"],
  ["/konto", "lina"],
  ["/organisation/ny", "lina"],
  [`/organisation/${orgId}`, "lina"],
  ["/forslag/ny", "lina"],
  [`/forslag/${caseId}`, "lina"],
  [`/forslag/${draftId}/del/insatser`, "lina"],
  [`/forslag/${draftId}/del/bilagor`, "lina"],
  [`/forslag/${draftId}/granska`, "lina"],
  [`/handlaggning/arenden/${caseId}`, "coordinator"],
  ["/admin", "admin"],
  ["/admin/texter", "admin"],
  ["/registrera/skickat", "anon"],
];

async function postRaw(who: string, path: string, body: BodyInit, contentType?: string) {
  return clients[who]!.post(path, body as string, contentType ? { "Content-Type": contentType } : {});
}

describe("bodies that are not forms", () => {
  it("answers 415 with the friendly page to JSON and plain text on every form route", async () => {
    for (const [path, who] of formRoutes()) {
      for (const type of ["application/json", "text/plain"]) {
        const res = await postRaw(who, path, '{"email":{"$ne":""}}', type);
        expect(`${path} ${type} ${res.status}`).toBe(`${path} ${type} 415`);
        const page = await res.text();
        expect(page).toContain("Förfrågan kunde inte behandlas");
        // The error page keeps the public body's name and the person's navigation.
        expect(page).toContain("Samverka är Exempelkommuns väg in");
      }
    }
  });

  it("answers 400 to multipart bodies without a boundary or with a broken one", async () => {
    for (const [path, who] of formRoutes()) {
      const none = await postRaw(who, path, "--x\r\nhello", "multipart/form-data");
      expect(`${path} ${none.status}`).toBe(`${path} 400`);
      const broken = await postRaw(
        who,
        path,
        '--x\r\nContent-Disposition: form-data; name="a\r\n\r\nvalue-without-end',
        "multipart/form-data; boundary=x",
      );
      expect(`${path} ${broken.status}`).toBe(`${path} 400`);
    }
  });

  it("answers 400 to field names nested thousands of levels deep", async () => {
    const deep = "email" + "[b]".repeat(5000);
    for (const [path, who] of formRoutes()) {
      const res = await postRaw(who, path, `${encodeURIComponent(deep)}=x&email=x`);
      expect(`${path} ${res.status}`).toBe(`${path} 400`);
    }
  });

  it("refuses huge array indices before building anything: a small answer, quickly", async () => {
    for (const [path, who] of formRoutes()) {
      for (const name of ["zz[1000000]", "areas[10000000]"]) {
        const started = Date.now();
        const res = await postRaw(who, path, `${encodeURIComponent(name)}=x`);
        const text = await res.text();
        expect(`${path} ${name} ${res.status}`).toBe(`${path} ${name} 400`);
        expect(text.length).toBeLessThan(100_000);
        expect(Date.now() - started).toBeLessThan(2000);
      }
    }
  });
});

describe("redirects", () => {
  const evil = [
    "/\t/evil.example/",
    "/\n/evil.example/",
    "//evil.example/",
    "/\\evil.example/",
    "/.//evil.example/",
    "https://evil.example/",
    "/%09/evil.example/",
  ];

  it("signs in but never sends the person to another site", async () => {
    for (const target of evil) {
      const res = await new Client(app.url).post("/logga-in", {
        email: DEMO.orgAdminA,
        password: DEMO.password,
        redirectTo: target,
      });
      expect(res.status).toBe(302);
      const location = res.headers.get("Location") ?? "";
      expect(new URL(location, app.url).origin, JSON.stringify(target)).toBe(new URL(app.url).origin);
    }
  });

  it("keeps a same-site path with its query, encoded", async () => {
    const res = await new Client(app.url).post("/logga-in", {
      email: DEMO.orgAdminA,
      password: DEMO.password,
      redirectTo: "/forslag?status=öppen",
    });
    expect(res.headers.get("Location")).toBe("/forslag?status=%C3%B6ppen");
  });

  it("answers control and non-Latin characters in redirectTo without a 500 and without a stray session", async () => {
    const user = await UserModel.findOne({ email: DEMO.orgAdminA }).lean();
    for (const target of ["/konto\r\nSet-Cookie: x=y", "/konto\u0000", "/konto/€", "/\u2028konto"]) {
      const before = await SessionModel.countDocuments({ userId: user?._id });
      const res = await new Client(app.url).post("/logga-in", {
        email: DEMO.orgAdminA,
        password: DEMO.password,
        redirectTo: target,
      });
      expect(res.status, JSON.stringify(target)).toBe(302);
      expect(res.headers.get("Location") ?? "").toMatch(/^\/[\x21-\x7e]*$/);
      expect(await SessionModel.countDocuments({ userId: user?._id })).toBe(before + 1);
    }
  });

  it("the language switch follows the same rule", async () => {
    const res = await new Client(app.url).post("/sprak", { lang: "en", redirectTo: "/\t/evil.example/" });
    expect(res.status).toBe(302);
    expect(res.headers.get("Location")).toBe("/");
  });
});

describe("paths, names and headers", () => {
  it("answers 400 to malformed percent-encoding in a path", async () => {
    const res = await fetch(`${app.url}/forslag/%E0%A4%A`);
    expect(res.status).toBe(400);
  });

  it("accepts a quote in an upload's file name and sends it back in a valid header", async () => {
    const fd = new FormData();
    fd.append("intent", "attach");
    fd.append("title", "Budget");
    fd.append("file", new File([new Uint8Array(pdfBytes())], 'bud"get\\.pdf', { type: "application/pdf" }));
    const res = await clients.lina!.post(`/forslag/${caseId}`, fd);
    expect(res.status).toBe(302);
  });

  it("marks signed-in pages as not to be stored, and leaves public pages cacheable", async () => {
    const mine = await clients.lina!.get("/forslag");
    expect(mine.headers.get("Cache-Control")).toBe("private, no-store");
    const open = await fetch(`${app.url}/om-iop`);
    expect(open.headers.get("Cache-Control") ?? "").not.toContain("no-store");
  });

  it("never echoes a huge invitation token into a redirect", async () => {
    const token = "a".repeat(1024 * 1024);
    const res = await clients.lina!.post("/inbjudan", { intent: "accept", token });
    expect(res.status).toBe(400);
    expect((res.headers.get("Location") ?? "").length).toBeLessThan(2000);
  });
});
