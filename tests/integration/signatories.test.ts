import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { UserModel } from "#models/user";
import { agreementInStatus, caseInStatus, upsertUser } from "~/domain/demo/factories.server";
import { loadCaseById } from "~/domain/cases/engine.server";
import { startTestApp, type TestApp } from "../support/app";
import { joinOrganisation, laxhjalpenCast } from "../support/cast";
import { DEMO, sessionFor } from "../support/http";

// Who signs and gives notice (issue 21): for the organisation its registered authorised
// signatories (firmatecknare, named by its administrator), for the municipality whoever holds
// the delegation (an attribute an administrator sets), never the IT administrator for being one.

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp("signatories");
});
afterAll(async () => app?.stop());

const PLAIN = "vanlig.medlem@laxhjalpen.example";

async function setup(title: string, status: "approved" | "active") {
  const cast = await laxhjalpenCast();
  const c =
    status === "approved"
      ? await caseInStatus("approved", cast, title).then(async (x) => {
          const { createAgreementDraft } = await import("~/domain/agreements/agreements.server");
          return createAgreementDraft(x, cast.officer, x.version);
        })
      : await agreementInStatus(cast, title, true);
  const plain = await upsertUser({ email: PLAIN, name: "Vera Vanlig", password: DEMO.password });
  await joinOrganisation(plain._id, cast.organisation);
  return { cast, c, plain, staffPage: `/handlaggning/arenden/${String(c._id)}/avtal` };
}

const version = async (c: { publicBodyId: unknown; _id: unknown }) =>
  String((await loadCaseById(c.publicBodyId as never, c._id as never))?.version);

describe("the signers of an agreement", () => {
  it("are the organisation's registered signatories and a delegation holder, nobody else (hand-written table)", async () => {
    const { cast, c, plain, staffPage } = await setup("Firmatecknare: vem skriver under", "approved");
    const hans = await sessionFor(app.url, DEMO.officer);
    const page = (await (await hans.get(staffPage)).text()).replaceAll("<!-- -->", "");
    // Offered: Lina (registered signatory) and Hans (delegation). Not offered: Vera, Adam, Sara.
    expect(page).toContain(`value="${String(cast.member._id)}"`);
    expect(page).not.toContain(`value="${String(plain._id)}"`);
    const admin = await UserModel.findOne({ email: DEMO.admin }).lean();
    const sara = await UserModel.findOne({ email: DEMO.coordinator }).lean();
    expect(page).not.toContain(`value="${String(admin?._id)}"`);

    const send = async (orgSigner: unknown, delegate: unknown) =>
      hans.post(
        staffPage,
        `intent=sendForSigning&version=${await version(c)}&organisationSignerIds=${String(orgSigner)}&delegateId=${String(delegate)}`,
      );
    for (const [who, org, delegate] of [
      ["a plain member for the organisation", plain._id, cast.officer._id],
      ["the IT administrator for the municipality", cast.member._id, admin?._id],
      ["a coordinator without delegation", cast.member._id, sara?._id],
    ] as const) {
      const res = await send(org, delegate);
      expect(res.status, who).toBe(400);
      expect(await res.text(), who).toContain("Välj så många firmatecknare");
    }
    expect((await loadCaseById(c.publicBodyId, c._id))?.status).toBe("approved");
    const sent = await send(cast.member._id, cast.officer._id);
    expect(sent.status).toBe(302);
    expect((await loadCaseById(c.publicBodyId, c._id))?.agreement?.signing?.signers.map((s) => s.name)).toEqual([
      "Lina Verksamhetschef",
      "Hans Handläggare",
    ]);
  });

  it("are named by the organisation's administrator only", async () => {
    const { cast, plain } = await setup("Firmatecknare: utses av administratören", "approved");
    const orgPage = `/organisation/${String(cast.organisation._id)}`;
    const mark = (signatory: "yes" | "no") => ({ intent: "setSignatory", userId: String(plain._id), signatory });
    const isSignatory = async () =>
      (await UserModel.findById(plain._id).lean())?.orgMemberships.find((m) =>
        m.organisationId.equals(cast.organisation._id),
      )?.signatory === true;
    // A plain member may not; another organisation's administrator gets nothing; staff may not.
    expect((await (await sessionFor(app.url, PLAIN)).post(orgPage, mark("yes"))).status).toBe(403);
    expect((await (await sessionFor(app.url, DEMO.orgAdminA)).post(orgPage, mark("yes"))).status).toBe(404);
    expect((await (await sessionFor(app.url, DEMO.officer)).post(orgPage, mark("yes"))).status).toBe(403);
    expect(await isSignatory()).toBe(false);
    // Hostile input is a 400 and changes nothing.
    const lina = await sessionFor(app.url, DEMO.orgAdminB);
    expect((await lina.post(orgPage, "intent=setSignatory&userId[$ne]=x&signatory=yes")).status).toBe(400);
    expect((await lina.post(orgPage, { ...mark("yes"), signatory: "kanske" })).status).toBe(400);
    expect(await isSignatory()).toBe(false);
    // The administrator names her, and the members list says so.
    expect((await lina.post(orgPage, mark("yes"))).status).toBe(302);
    expect(await isSignatory()).toBe(true);
    const page = (await (await lina.get(orgPage)).text()).replaceAll("<!-- -->", "");
    expect(page).toContain("Ta bort Vera Vanlig som firmatecknare");
    expect((await lina.post(orgPage, mark("no"))).status).toBe(302);
    expect(await isSignatory()).toBe(false);
  });
});

describe("marking signatories and delegation", () => {
  it("holds when a member is marked while being removed, and refuses hostile delegation input", async () => {
    const { cast, plain } = await setup("Firmatecknare: samtidigt", "approved");
    const { setSignatory, removeMembership } = await import("~/domain/organisations/organisations.server");
    // Marked and removed at once (two administrators): the lock orders them, and a removed
    // member never comes back as a signatory.
    await Promise.all([
      setSignatory(cast.organisation._id, plain._id, true),
      removeMembership(cast.organisation._id, plain._id),
    ]);
    const after = await UserModel.findById(plain._id).lean();
    expect(after?.orgMemberships.filter((m) => m.organisationId.equals(cast.organisation._id))).toEqual([]);
    await joinOrganisation(plain._id, cast.organisation);

    // The delegation checkbox takes "on" or nothing; anything else is the field's error.
    const admin = await sessionFor(app.url, DEMO.admin);
    const invite = { name: "Delia Delegat", email: "delia@exempelkommun.se", role: "officer" };
    const hostile = await admin.post("/admin", { ...invite, delegation: "<script>" });
    expect(hostile.status).toBe(400);
    expect(await UserModel.exists({ email: "delia@exempelkommun.se" })).toBeNull();
    expect((await admin.post("/admin", "name=D&email=d%40e.se&role=officer&delegation[$ne]=x")).status).toBe(400);
    expect((await admin.post("/admin", { ...invite, delegation: "on" })).status).toBe(302);
    const delia = await UserModel.findOne({ email: "delia@exempelkommun.se" }).lean();
    expect(delia?.staffMemberships.map((m) => [m.role, m.delegation])).toEqual([["officer", true]]);
    // Nobody but an administrator sets it.
    for (const [email, status] of [
      [DEMO.officer, 403],
      [DEMO.coordinator, 403],
      [DEMO.orgAdminB, 404], // not the body's staff: the page does not exist for them
    ] as const) {
      const res = await (await sessionFor(app.url, email)).post("/admin", { ...invite, delegation: "on" });
      expect(res.status, email).toBe(status);
    }
  });
});

describe("notice for the organisation", () => {
  it("is given by a signatory or the administrator, never by a plain member", async () => {
    const { c } = await setup("Firmatecknare: uppsägning", "active");
    const orgPage = `/forslag/${String(c._id)}/avtal`;
    const notice = async () => ({
      intent: "terminate",
      version: await version(c),
      reason: "Vi lägger ned verksamheten.",
      confirm: "on",
    });
    const vera = await sessionFor(app.url, PLAIN);
    expect(await (await vera.get(orgPage)).text()).not.toContain("Säg upp överenskommelsen");
    expect((await vera.post(orgPage, await notice())).status).toBe(403);
    expect((await loadCaseById(c.publicBodyId, c._id))?.agreement?.termination).toBeUndefined();
    const lina = await sessionFor(app.url, DEMO.orgAdminB);
    expect((await lina.post(orgPage, await notice())).status).toBe(302);
    expect((await loadCaseById(c.publicBodyId, c._id))?.agreement?.termination?.party).toBe("organisation");
  });
});
