import type { Types } from "mongoose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DocumentModel } from "#models/document";
import { ProposalModel } from "#models/proposal";
import { agreementInStatus } from "~/domain/demo/factories.server";
import { seenVersionOf, signAgreement } from "~/domain/agreements/agreements.server";
import { loadCaseById } from "~/domain/cases/engine.server";
import { startTestApp, type TestApp } from "../support/app";
import { laxhjalpenCast } from "../support/cast";
import { DEMO, sessionFor, signForm } from "../support/http";

// A signature is bound to exactly the text the signer saw (issue 21, part 1): the form carries
// the version's number and hash, "signed" is never said without a recorded signature, and the
// signed PDF is stored once per signing.

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp("signing-integrity");
});
afterAll(async () => app?.stop());

const reload = async (id: unknown) => {
  const c = await ProposalModel.findById(id).lean();
  const found = c ? await loadCaseById(c.publicBodyId, c._id) : null;
  if (!found) throw new Error("case missing");
  return found;
};

/** An agreement out for signing (or, `signed`, in force), its two pages and its two parties' sessions. */
async function agreementWithParties(title: string, signed: boolean) {
  const cast = await laxhjalpenCast();
  const c = await agreementInStatus(cast, title, signed);
  return {
    cast,
    c,
    orgPage: `/forslag/${String(c._id)}/avtal`,
    staffPage: `/handlaggning/arenden/${String(c._id)}/avtal`,
    lina: await sessionFor(app.url, DEMO.orgAdminB),
    hans: await sessionFor(app.url, DEMO.officer),
  };
}

const agreementPdfs = (caseId: Types.ObjectId) => DocumentModel.find({ caseId, kind: "agreement" }).lean();

describe("a signature is of the text the signer saw", () => {
  it("refuses (409, the new text shown) a text changed and sent again after the signer opened the page", async () => {
    const { cast, c, orgPage, staffPage, lina, hans } = await agreementWithParties(
      "Underskrift: texten ändras under tiden",
      false,
    );
    // Lina opens the page: the form holds the version out for signing and its hash.
    const page = await (await lina.get(orgPage)).text();
    const seenForm = await signForm(c._id, DEMO.password);
    expect(page).toContain(`name="signingHash" value="${seenForm.signingHash}"`);

    // Meanwhile staff take it back, change the money and send it again.
    let current = await reload(c._id);
    expect((await hans.post(staffPage, { intent: "reopen", version: String(current.version) })).status).toBe(302);
    current = await reload(c._id);
    const a = current.agreement!;
    const saved = await hans.post(staffPage, {
      intent: "saveAgreement",
      version: String(current.version),
      start: a.start!.toISOString().slice(0, 10),
      end: a.end!.toISOString().slice(0, 10),
      noticeMonths: String(a.noticeMonths),
      municipalSekPerYear: "999 000",
      "sections.purpose": "Ändrad text efter att Lina öppnade sidan.",
    });
    expect(saved.status).toBe(302);
    current = await reload(c._id);
    const signers = `organisationSignerIds=${String(cast.member._id)}&delegateId=${String(cast.officer._id)}`;
    expect((await hans.post(staffPage, `intent=sendForSigning&version=${current.version}&${signers}`)).status).toBe(
      302,
    );
    current = await reload(c._id);
    expect(current.agreement?.signing?.number).toBeGreaterThan(Number(seenForm.signingNumber));

    // Her form from before: refused, nothing signed, and the page shows the text as it is now.
    const refused = await lina.post(orgPage, seenForm);
    expect(refused.status).toBe(409);
    const body = (await refused.text()).replaceAll("<!-- -->", "");
    expect(body).toContain("Texten som är ute för underskrift har ändrats sedan du öppnade sidan");
    expect(body).toContain("Ändrad text efter att Lina öppnade sidan.");
    expect((await reload(c._id)).agreement?.signing?.signatures).toEqual([]);

    // The same number with another hash (a forged or stale form) is refused too.
    const fresh = await signForm(c._id, DEMO.password);
    expect((await lina.post(orgPage, { ...fresh, signingHash: "0".repeat(64) })).status).toBe(409);
    // Hostile or malformed version fields are the form's errors (400), and sign nothing.
    for (const bad of [
      { ...fresh, signingHash: "<script>alert(1)</script>" },
      { ...fresh, signingHash: "a".repeat(1_000_000) },
      { ...fresh, signingNumber: "två" },
    ]) {
      expect((await lina.post(orgPage, bad)).status).toBe(400);
    }
    expect(
      (await lina.post(orgPage, `intent=sign&confirm=on&password=x&signingNumber=1&signingHash[$ne]=x`)).status,
    ).toBe(400);
    expect((await reload(c._id)).agreement?.signing?.signatures).toEqual([]);
    // Having read the new text, she signs it.
    expect((await lina.post(orgPage, fresh)).status).toBe(302);
    expect((await reload(c._id)).agreement?.signing?.signatures.map((s) => [s.name, s.hash])).toEqual([
      ["Lina Verksamhetschef", fresh.signingHash],
    ]);
  });

  it("never answers 'signed' for a change that was taken back, though the person signed the agreement in force", async () => {
    const { cast, c, orgPage, staffPage, lina, hans } = await agreementWithParties(
      "Underskrift: ändringen tas tillbaka",
      true,
    );
    const v = async () => String((await reload(c._id)).version);
    const amend = { intent: "amend", kind: "renegotiation", changeReason: "Ny målgrupp" };
    expect((await hans.post(staffPage, { ...amend, version: await v() })).status).toBe(302);
    const signers = `organisationSignerIds=${String(cast.member._id)}&delegateId=${String(cast.officer._id)}`;
    expect((await hans.post(staffPage, `intent=sendForSigning&version=${await v()}&${signers}`)).status).toBe(302);
    const changeForm = await signForm(c._id, DEMO.password);
    expect(Number(changeForm.signingNumber)).toBeGreaterThan(1);
    // Staff withdraw the change before Lina signs it.
    expect((await hans.post(staffPage, { intent: "withdrawAmendment", version: await v() })).status).toBe(302);

    const answer = await lina.post(orgPage, changeForm);
    expect(answer.status).toBe(409);
    expect(await answer.text()).not.toContain("Din underskrift är registrerad");
    const after = await reload(c._id);
    expect(after.agreement?.amendment).toBeUndefined();
    // The domain says the same: no recorded signature, no "signed".
    await expect(
      signAgreement(
        after,
        cast.member,
        { password: DEMO.password, ip: "127.0.0.1" },
        {
          number: Number(changeForm.signingNumber),
          hash: changeForm.signingHash,
        },
      ),
    ).rejects.toThrow("agreement.refused.status");
  });
});

describe("the signed PDF", () => {
  it("is stored once however often the last signature is posted, and again only if it went missing", async () => {
    const cast = await laxhjalpenCast();
    const c = await agreementInStatus(cast, "Underskrift: en PDF per underskrift", false);
    const first = await reload(c._id);
    await signAgreement(first, cast.member, { password: DEMO.password, ip: "127.0.0.1" }, seenVersionOf(first)!);
    const staffPage = `/handlaggning/arenden/${String(c._id)}/avtal`;
    const hans = await sessionFor(app.url, DEMO.officer);
    const form = await signForm(c._id, DEMO.password);
    // A double click on the last signature, and a retry of the same form afterwards.
    const answers = await Promise.all([hans.post(staffPage, form), hans.post(staffPage, form)]);
    expect(answers.map((r) => r.status)).toEqual([302, 302]);
    expect((await hans.post(staffPage, form)).status).toBe(302);
    const signed = await reload(c._id);
    expect(signed.status).toBe("active");
    const pdfs = await agreementPdfs(c._id);
    expect(pdfs.map((d) => String(d._id))).toEqual([String(signed.agreement?.signing?.documentId)]);
    expect(await ProposalModel.db.collection("files.files").countDocuments({ _id: pdfs[0]!.fileId })).toBe(1);

    // A stop between the signature and the PDF: the PDF is made when someone asks for it.
    await DocumentModel.deleteOne({ _id: pdfs[0]!._id });
    const download = await hans.get(`/forslag/${String(c._id)}/avtal/pdf`);
    expect(download.status).toBe(200);
    expect(download.headers.get("content-type")).toBe("application/pdf");
    expect((await agreementPdfs(c._id)).map((d) => String(d._id))).toEqual([
      String(signed.agreement?.signing?.documentId),
    ]);
  });
});

describe("registered documents", () => {
  it("are never removed through the app: no button, a refused post, and the PDF still there for both", async () => {
    const cast = await laxhjalpenCast();
    const c = await agreementInStatus(cast, "Underskrift: PDF:en ligger kvar", true);
    const signed = await reload(c._id);
    const pdfId = String(signed.agreement?.signing?.documentId);
    const orgPage = `/organisation/${String(cast.organisation._id)}`;
    const lina = await sessionFor(app.url, DEMO.orgAdminB);
    const page = (await (await lina.get(orgPage)).text()).replaceAll("<!-- -->", "");
    // Listed as what it is, without a way to remove it.
    expect(page).toContain("Undertecknad överenskommelse");
    expect(page).not.toContain(`name="documentId" value="${pdfId}"`);
    expect(page).not.toContain("org.docKinds");

    const refused = await lina.post(orgPage, { intent: "deleteDocument", documentId: pdfId });
    expect(refused.status).toBe(409);
    expect(await DocumentModel.exists({ _id: pdfId })).not.toBeNull();
    const hans = await sessionFor(app.url, DEMO.officer);
    expect((await hans.get(`/forslag/${String(c._id)}/avtal/pdf`)).status).toBe(200);
    expect((await lina.get(`/forslag/${String(c._id)}/avtal/pdf`)).status).toBe(200);

    // On the case pages the signed PDF says what it is, for staff and for the organisation.
    const staffCase = (await (await hans.get(`/handlaggning/arenden/${String(c._id)}`)).text()).replaceAll(
      "<!-- -->",
      "",
    );
    expect(staffCase).toContain("Undertecknad av båda parter");
    expect(staffCase).not.toContain("org.docKinds");
    const orgCase = (await (await lina.get(`/forslag/${String(c._id)}`)).text()).replaceAll("<!-- -->", "");
    expect(orgCase).toContain("undertecknad av båda parter");
    expect(orgCase).not.toContain("kommunens anteckning)");
  });
});
