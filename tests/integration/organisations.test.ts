import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DocumentModel } from "#models/document";
import { OrganisationModel } from "#models/organisation";
import { UserModel } from "#models/user";
import { upsertOrganisation, upsertUser } from "~/domain/demo/factories.server";
import { removeMembership } from "~/domain/organisations/organisations.server";
import { startTestApp, type TestApp } from "../support/app";
import { Client, DEMO, loginAs, signUp } from "../support/http";
import { elfBytes, exeBytes, pdfBytes, uploadForm } from "../support/files";
import { linkIn, recipients } from "../support/smtp";

let app: TestApp;
let orgA: string; // Föreningen Gröna Gården (Anna admin, Olle member)
let orgB: string; // Stiftelsen Läxhjälpen (Lina admin)
let docB: string;

const validOrg = {
  intent: "saveOrganisation",
  name: "Kvarterets Idrottsförening",
  orgNumber: "802481-2342",
  legalForm: "non_profit_association",
  purpose: "Idrott för barn i kvarteret.",
  email: "info@kvarteret.example",
  postalCode: "123 45",
  city: "Exempelstad",
  signatories: "Karin Kassör, kassör\nOlof Ordförande, ordförande",
  signingRule: "jointly",
};

beforeAll(async () => {
  app = await startTestApp("organisations");
  orgA = String((await OrganisationModel.findOne({ orgNumber: "802400-1375" }).lean())?._id);
  orgB = String((await OrganisationModel.findOne({ orgNumber: "802500-6266" }).lean())?._id);
  const lina = await loginAs(app.url, DEMO.orgAdminB);
  const up = await lina.post(
    `/organisation/${orgB}`,
    uploadForm({ intent: "upload", kind: "statutes", title: "Stadgar B" }, { name: "stadgar.pdf", bytes: pdfBytes() }),
  );
  expect(up.status).toBe(302);
  docB = String((await DocumentModel.findOne({ organisationId: orgB }).lean())?._id);
});
afterAll(async () => app?.stop());

describe("registering an organisation", () => {
  it("registers with a valid organisationsnummer and makes the user its administrator", async () => {
    const email = "karin@kvarteret.example";
    await signUp(app.url, email, "ett långt lösenord", "Karin");
    await UserModel.updateOne({ email }, { $set: { emailVerifiedAt: new Date() } });
    const client = await loginAs(app.url, email, "ett långt lösenord");
    const res = await client.post("/organisation/ny", validOrg);
    expect(res.status).toBe(302);
    const page = await client.follow(res);
    const html = await page.text();
    expect(html).toContain("Organisationen är registrerad.");
    expect(html).toContain("802481-2342");
    expect(html).toContain("Karin Kassör, kassör");
    expect(html).toContain("Två i förening: två firmatecknare skriver under tillsammans");
    expect((await OrganisationModel.findOne({ orgNumber: "802481-2342" }).lean())?.signingRule).toBe("jointly");
    const user = await UserModel.findOne({ email }).lean();
    expect(user?.orgMemberships[0]?.role).toBe("org_admin");
  });

  it("requires a verified email", async () => {
    const email = "overifierad@kvarteret.example";
    await signUp(app.url, email, "ett långt lösenord", "O");
    const client = await loginAs(app.url, email, "ett långt lösenord");
    const res = await client.post("/organisation/ny", { ...validOrg, orgNumber: "802482-4362" });
    expect(res.status).toBe(403);
    expect(await OrganisationModel.countDocuments({ orgNumber: "802482-4362" })).toBe(0);
  });

  it("refuses a wrong check digit and a duplicate with clear Swedish messages", async () => {
    const anna = await loginAs(app.url, DEMO.orgAdminA);
    const wrong = await anna.post("/organisation/ny", { ...validOrg, orgNumber: "802400-1374" });
    expect(wrong.status).toBe(400);
    expect(await wrong.text()).toContain("kontrollsiffran (sista siffran) är fel");
    const dup = await anna.post("/organisation/ny", { ...validOrg, orgNumber: "8024001375" });
    expect(dup.status).toBe(409);
    expect(await dup.text()).toContain("Det finns redan en organisation med det här organisationsnumret");
  });

  it("refuses hostile input with field messages and saves nothing", async () => {
    const anna = await loginAs(app.url, DEMO.orgAdminA);
    const before = await OrganisationModel.estimatedDocumentCount();
    const cases: (Record<string, string> | string)[] = [
      { ...validOrg, name: "x".repeat(1024 * 1024), orgNumber: "802483-0021" },
      "intent=saveOrganisation&name=A&orgNumber[$ne]=&legalForm=foundation&purpose=p&email=a%40b.se",
      { ...validOrg, legalForm: "<script>", orgNumber: "802483-0021" },
      { ...validOrg, email: "inte-en-adress", orgNumber: "802483-0021" },
      { ...validOrg, signingRule: "tre i förening", orgNumber: "802483-0021" },
    ];
    for (const body of cases) {
      const res = await anna.post("/organisation/ny", body);
      expect(res.status).toBe(400);
      expect(await res.text()).toContain("Det finns ett problem");
    }
    expect(await OrganisationModel.estimatedDocumentCount()).toBe(before);
  });
});

describe("who may see and change an organisation", () => {
  it("a member of A cannot read or change B or its documents (404)", async () => {
    const olle = await loginAs(app.url, DEMO.orgMemberA);
    expect((await olle.get(`/organisation/${orgA}`)).status).toBe(200);
    expect((await olle.get(`/organisation/${orgB}`)).status).toBe(404);
    expect((await olle.post(`/organisation/${orgB}`, { ...validOrg, name: "Kapad" })).status).toBe(404);
    expect((await olle.get(`/organisation/${orgB}/dokument/${docB}`)).status).toBe(404);
    expect((await olle.get(`/organisation/${orgA}/dokument/${docB}`)).status).toBe(404);
    expect(
      (await olle.post(`/organisation/${orgB}`, { intent: "invite", email: "x@y.se", role: "org_admin" })).status,
    ).toBe(404);
    expect((await OrganisationModel.findById(orgB).lean())?.name).toBe("Stiftelsen Läxhjälpen Exempelstad");
  });

  it("a member (not admin) of A cannot edit A or invite", async () => {
    const olle = await loginAs(app.url, DEMO.orgMemberA);
    expect(
      (await olle.post(`/organisation/${orgA}`, { ...validOrg, orgNumber: "802400-1375", name: "Kapad" })).status,
    ).toBe(403);
    expect(
      (await olle.post(`/organisation/${orgA}`, { intent: "invite", email: "x@y.se", role: "org_member" })).status,
    ).toBe(403);
    expect((await OrganisationModel.findById(orgA).lean())?.name).toBe("Föreningen Gröna Gården");
  });

  it("a politician sees the organisation but no member list or documents", async () => {
    const petra = await loginAs(app.url, DEMO.politician);
    const res = await petra.get(`/organisation/${orgB}`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain("Stiftelsen Läxhjälpen Exempelstad");
    expect(html).not.toContain(DEMO.orgAdminB);
    expect(html).not.toContain("Stadgar B");
    expect((await petra.get(`/organisation/${orgB}/dokument/${docB}`)).status).toBe(404);
  });

  it("a coordinator reads documents of every organisation in the municipality", async () => {
    const sara = await loginAs(app.url, DEMO.coordinator);
    expect((await sara.get(`/organisation/${orgB}/dokument/${docB}`)).status).toBe(200);
  });

  it("a stranger is sent to sign in", async () => {
    const res = await new Client(app.url).get(`/organisation/${orgA}`);
    expect(res.status).toBe(302);
    expect(res.headers.get("Location")).toContain("/logga-in");
    expect((await new Client(app.url).get(`/organisation/${orgB}/dokument/${docB}`)).status).toBe(302);
  });

  it("an unknown or malformed id answers 404", async () => {
    const anna = await loginAs(app.url, DEMO.orgAdminA);
    expect((await anna.get("/organisation/000000000000000000000000")).status).toBe(404);
    expect((await anna.get("/organisation/inte-ett-id")).status).toBe(404);
  });
});

describe("documents", () => {
  it("stores a PDF in GridFS and serves it only as an attachment", async () => {
    const anna = await loginAs(app.url, DEMO.orgAdminA);
    const res = await anna.post(
      `/organisation/${orgA}`,
      uploadForm(
        { intent: "upload", kind: "annual_report", title: "Verksamhetsberättelse 2025" },
        { name: "vb 2025.pdf", bytes: pdfBytes() },
      ),
    );
    expect(res.status).toBe(302);
    const doc = await DocumentModel.findOne({ organisationId: orgA, title: "Verksamhetsberättelse 2025" }).lean();
    expect(doc?.contentType).toBe("application/pdf");
    const dl = await anna.get(`/organisation/${orgA}/dokument/${String(doc?._id)}`);
    expect(dl.status).toBe(200);
    expect(dl.headers.get("Content-Disposition")).toMatch(/^attachment; filename="vb 2025.pdf"/);
    expect(dl.headers.get("X-Content-Type-Options")).toBe("nosniff");
    expect(dl.headers.get("Content-Type")).toBe("application/pdf");
    expect(Buffer.from(await dl.arrayBuffer()).equals(pdfBytes())).toBe(true);
  });

  it("refuses executables renamed to .pdf, empty files and files over 10 MB", async () => {
    const olle = await loginAs(app.url, DEMO.orgMemberA);
    const before = await DocumentModel.countDocuments({ organisationId: orgA });
    for (const bytes of [elfBytes(), exeBytes()]) {
      const res = await olle.post(
        `/organisation/${orgA}`,
        uploadForm({ intent: "upload", kind: "other", title: "Faktura" }, { name: "faktura.pdf", bytes }),
      );
      expect(res.status).toBe(400);
      expect(await res.text()).toContain("Filtypen stöds inte");
    }
    const empty = await olle.post(
      `/organisation/${orgA}`,
      uploadForm({ intent: "upload", kind: "other", title: "Tom" }, { name: "tom.pdf", bytes: Buffer.alloc(0) }),
    );
    expect(empty.status).toBe(400);
    const big = Buffer.concat([pdfBytes(), Buffer.alloc(10 * 1024 * 1024)]);
    const tooBig = await olle.post(
      `/organisation/${orgA}`,
      uploadForm({ intent: "upload", kind: "other", title: "Stor" }, { name: "stor.pdf", bytes: big }),
    );
    expect(tooBig.status).toBe(413);
    expect(await tooBig.text()).toContain("Filen är större än 10 MB");
    const noFile = await olle.post(`/organisation/${orgA}`, {
      intent: "upload",
      kind: "other",
      title: "Ingen fil",
      file: "inte en fil",
    });
    expect(noFile.status).toBe(400);
    expect(await DocumentModel.countDocuments({ organisationId: orgA })).toBe(before);
  });
});

describe("members", () => {
  it("an admin invites by email; the invited person joins; an admin removes them", async () => {
    const anna = await loginAs(app.url, DEMO.orgAdminA);
    const email = "ny.medlem@gronagarden.example";
    const res = await anna.post(`/organisation/${orgA}`, { intent: "invite", email, role: "org_member" });
    expect(res.status).toBe(302);
    const mail = await app.smtp.waitFor((m) => recipients(m).includes(email));
    expect(mail.subject).toBe("Inbjudan till Föreningen Gröna Gården i Samverka");
    const link = new URL(linkIn(mail, "/inbjudan"));
    const invited = new Client(app.url);
    expect(await (await invited.get(link.pathname + link.search)).text()).toContain("Skapa konto och gå med");
    const join = await invited.post("/inbjudan", {
      intent: "create",
      token: link.searchParams.get("token") ?? "",
      name: "Nya Medlemmen",
      password: "ett långt lösenord",
      confirmPassword: "ett långt lösenord",
    });
    expect(join.status).toBe(302);
    expect(await (await invited.follow(join)).text()).toContain("Välkommen! Du är nu med i organisationen.");

    const user = await UserModel.findOne({ email }).lean();
    const remove = await anna.post(`/organisation/${orgA}`, { intent: "removeMember", userId: String(user?._id) });
    expect(remove.status).toBe(302);
    expect((await invited.get(`/organisation/${orgA}`)).status).toBe(404);
  });

  it("the last administrator cannot leave", async () => {
    const lina = await loginAs(app.url, DEMO.orgAdminB);
    const res = await lina.post(`/organisation/${orgB}`, { intent: "leave" });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain("Organisationen måste ha minst en administratör");
    expect((await lina.get(`/organisation/${orgB}`)).status).toBe(200);
  });

  it("a member can leave", async () => {
    const email = "lamnar@laxhjalpen.example";
    const lina = await loginAs(app.url, DEMO.orgAdminB);
    await lina.post(`/organisation/${orgB}`, { intent: "invite", email, role: "org_member" });
    const mail = await app.smtp.waitFor((m) => recipients(m).includes(email));
    const link = new URL(linkIn(mail, "/inbjudan"));
    const person = new Client(app.url);
    await person.post("/inbjudan", {
      intent: "create",
      token: link.searchParams.get("token") ?? "",
      name: "L",
      password: "ett långt lösenord",
      confirmPassword: "ett långt lösenord",
    });
    expect((await person.get(`/organisation/${orgB}`)).status).toBe(200);
    expect((await person.post(`/organisation/${orgB}`, { intent: "leave" })).status).toBe(302);
    expect((await person.get(`/organisation/${orgB}`)).status).toBe(404);
  });

  it("refuses hostile invitations", async () => {
    const anna = await loginAs(app.url, DEMO.orgAdminA);
    for (const body of [
      "intent=invite&email[$ne]=&role=org_member",
      `intent=invite&email=${"a".repeat(1024 * 1024)}%40x.se&role=org_member`,
      "intent=invite&email=a%40b.se&role=owner",
    ]) {
      const res = await anna.post(`/organisation/${orgA}`, body);
      expect(res.status).toBe(400);
      // Only the invitation form shows the problem, not the other forms on the page.
      expect((await res.text()).match(/Det finns ett problem/g) ?? []).toHaveLength(1);
    }
  });
});

describe("the last administrator under concurrency", () => {
  it("keeps one administrator when two remove each other at the same moment (five tries)", async () => {
    const body = await OrganisationModel.findOne({ orgNumber: "802400-1375" }).select("registeredIn").lean();
    for (let round = 0; round < 5; round++) {
      const [a, b] = await Promise.all(
        ["a", "b"].map((x) => upsertUser({ email: `admin-${x}-${round}@samtidig.example`, name: `Admin ${x}` })),
      );
      const org = await upsertOrganisation({
        registeredIn: body!.registeredIn,
        name: `Samtidiga föreningen ${round}`,
        orgNumber: ["802437-6140", "802437-6157", "802437-6165", "802437-6173", "802437-6181"][round]!,
        createdBy: a!._id,
        members: [
          { userId: a!._id, role: "org_admin" },
          { userId: b!._id, role: "org_admin" },
        ],
      });
      const results = await Promise.all([removeMembership(org._id, a!._id), removeMembership(org._id, b!._id)]);
      expect(results.sort()).toEqual(["lastAdmin", "removed"]);
      const users = await UserModel.find({ _id: { $in: [a!._id, b!._id] } }).lean();
      const admins = users.filter((u) =>
        u.orgMemberships.some((m) => m.organisationId.equals(org._id) && m.role === "org_admin"),
      );
      expect(admins).toHaveLength(1);
    }
  });
});

describe("data written before organisations became national (decision 029)", () => {
  it("are brought up to date at start: the body becomes `registeredIn`, the per-body index goes", async () => {
    const { upgradeData } = await import("~/domain/kernel/db.server");
    const raw = OrganisationModel.collection;
    const body = (await OrganisationModel.findById(orgA).lean())!.registeredIn;
    const { insertedId } = await raw.insertOne({
      publicBodyId: body,
      name: "Föreningen från förr",
      orgNumber: "802470-0018",
      legalForm: "non_profit_association",
      purpose: "Gammal data",
      email: "forr@example.org",
      signatories: [],
      createdBy: body,
      createdAt: new Date(),
      updatedAt: new Date(),
    });
    await raw.createIndex({ publicBodyId: 1, orgNumber: 1 }, { name: "publicBodyId_1_orgNumber_1" });
    await upgradeData();
    // Twice, as a second instance starting at the same time would: nothing more changes.
    await upgradeData();
    const upgraded = await raw.findOne({ _id: insertedId });
    expect([String(upgraded?.registeredIn), upgraded?.publicBodyId]).toEqual([String(body), undefined]);
    expect((await raw.indexes()).map((i) => i.name)).not.toContain("publicBodyId_1_orgNumber_1");
    await raw.deleteOne({ _id: insertedId });
  });
});
