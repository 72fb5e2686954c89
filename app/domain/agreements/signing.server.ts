import { type AgreementState, type Signature, type SignatureEid, type SigningState } from "#models/agreement";
import type { StepUp } from "#models/session";
import { PublicBodyModel } from "#models/public-body";
import { UserModel } from "#models/user";
import { DocumentModel } from "#models/document";
import { stableId } from "#models/shared";
import type { CaseEffect } from "../cases/effects";
import { CaseConflictError, loadCaseById, type CaseDoc } from "../cases/engine.server";
import { noticeEffects, staffRecipients } from "../cases/notices.server";
import { clockNow } from "../kernel/clock";
import { dayOf, swedishToday } from "../kernel/days";
import type { SessionUser } from "../identity/sessions.server";
import { stepUpProvider } from "../identity/linked-identities.server";
import { currentStepUp } from "../identity/step-up.server";
import { storeDocument } from "../records/documents.server";
import { agreementText } from "./agreement-text";
import { agreementPdf } from "./pdf.server";
import { confirmPassword } from "../identity/reauthentication.server";
import {
  AgreementError,
  commitSigningStep,
  openDraft,
  planFor,
  requireAction,
  sha256,
  versionOf,
  withDraft,
} from "./shared.server";

// Signing (docs/domain.md, "The agreement"): each named signer signs the version out for
// signing after giving their password again; the last signature brings the signed PDF and
// puts the text in force (the agreement itself, or a change replacing the signed one).

/** The version out for signing now, if any (the agreement's own, or a change's). */
function pendingSigning(c: CaseDoc) {
  const open = openDraft(c);
  const signing = open?.draft.signing;
  return open && signing && signing.signatures.length < signing.signers.length ? { ...open, signing } : null;
}

/**
 * How a signer proves it is them: the password again, or a fresh e-ID authentication made for
 * this signing (taken, once, only after the text is found to be the one the signer saw).
 */
export type SigningCredential = { ip: string } & (
  { password: string } | { eid: () => Promise<StepUp | "used" | null> }
);

/** What the signer saw when they opened the page: the version's number and its text's SHA-256. */
export interface SeenVersion {
  number: number;
  hash: string;
}

/** The version out for signing now, as a signer who opened the page sees it. */
export function seenVersionOf(c: CaseDoc): SeenVersion | null {
  const signing = pendingSigning(c)?.signing;
  return signing ? { number: signing.number, hash: signing.hash } : null;
}

/** Names one signing for an e-ID step-up: the case and the version out for signing. */
export const signingKey = (c: Pick<CaseDoc, "_id">, number: number) => `${String(c._id)}:${number}`;

/**
 * Which e-ID provider the signer must step up with (decision 016), if the public body
 * configured one for the signer's side; else the password is asked for.
 */
export async function stepUpFor(c: CaseDoc, user: SessionUser) {
  const signer = pendingSigning(c)?.signing.signers.find((s) => s.userId.equals(user._id));
  return signer ? stepUpProvider(c.publicBodyId, signer.party === "organisation" ? "organisation" : "staff") : null;
}

/**
 * For the sign form: the e-ID to step up with, a fresh step-up already made in this session for
 * this very signing, and the key that names the signing.
 */
export async function signingMethod(session: string | null, c: CaseDoc, user: SessionUser) {
  const provider = await stepUpFor(c, user);
  const number = pendingSigning(c)?.signing.number;
  if (!provider || number === undefined) return { provider: null, fresh: null, signing: null };
  const signing = signingKey(c, number);
  const stepUp = await currentStepUp(session, signing);
  const fresh = stepUp && String(stepUp.providerId) === provider.id ? stepUp : null;
  return { provider, signing, fresh: fresh ? { label: fresh.label, authTime: fresh.authTime.toISOString() } : null };
}

/**
 * Whether the user's signature of exactly the version they saw is recorded, in a signing under
 * way or done. Never true for another version (an agreement in force the person signed earlier).
 */
const hasSigned = (c: CaseDoc, user: SessionUser, seen: SeenVersion) =>
  [pendingSigning(c)?.signing, c.agreement?.signing].some(
    (s) => s?.number === seen.number && s.hash === seen.hash && s.signatures.some((x) => x.userId.equals(user._id)),
  );

/** The version out for signing is the one the signer saw, else the text changed under them (409). */
function requireSeen(c: CaseDoc, seen: SeenVersion) {
  const pending = pendingSigning(c);
  if (!pending) throw new AgreementError("status");
  if (pending.signing.number !== seen.number || pending.signing.hash !== seen.hash) {
    throw new AgreementError("changed");
  }
  return pending;
}

const fail = (reason: "eid"): never => {
  throw new AgreementError(reason);
};

const TWIN_WAIT_MS = 30_000;

/**
 * Waits for the twin request that took the step-up to record its signature: as long as that
 * request may take on a busy server (its answer is this one's), 30 seconds at most.
 */
async function twinSigned(c: CaseDoc, user: SessionUser, seen: SeenVersion) {
  for (const deadline = Date.now() + TWIN_WAIT_MS; Date.now() < deadline;) {
    const fresh = await loadCaseById(c.publicBodyId, c._id);
    if (fresh && hasSigned(fresh, user, seen)) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return false;
}

async function checkCredential(
  c: CaseDoc,
  user: SessionUser,
  input: SigningCredential,
  seen: SeenVersion,
): Promise<SignatureEid | null | "signed"> {
  const required = await stepUpFor(c, user);
  if (required) {
    const eid = "eid" in input ? await input.eid() : null;
    // A double click: the twin took the step-up a moment ago. Its signature is the answer.
    if (eid === "used") return (await twinSigned(c, user, seen)) ? "signed" : fail("eid");
    if (!eid || String(eid.providerId) !== required.id) throw new AgreementError("eid");
    return {
      provider: eid.label,
      authTime: eid.authTime,
      ...(eid.acr ? { acr: eid.acr } : {}),
      ...(eid.personalNumberHash ? { personalNumberHash: eid.personalNumberHash } : {}),
    };
  }
  const checked = await confirmPassword(user, "password" in input ? input.password : "", input.ip);
  if (checked === "password") throw new AgreementError("password");
  if (checked !== "ok") throw new AgreementError("throttled", checked.throttledMinutes);
  return null;
}

/**
 * A designated signer signs the version they saw (its number and SHA-256 come with the form)
 * after giving their password again or a fresh e-ID authentication where the public body asks
 * for one. The record keeps time, account, IP, the SHA-256 of the exact text and the e-ID
 * (provider, time, acr). A version out for signing other than the one seen is refused (409):
 * the page then shows the text as it is now. Signing twice (a double click, a retry) records one
 * signature; two signers at once both land (the loser retries). "Signed" is answered only when
 * this person's signature of that very version is recorded.
 */
export async function signAgreement(c: CaseDoc, user: SessionUser, input: SigningCredential, seen: SeenVersion) {
  requireAction("signAgreement", user, c);
  if (hasSigned(c, user, seen)) return c;
  const signerOf = (p: ReturnType<typeof requireSeen>) => p.signing.signers.find((s) => s.userId.equals(user._id));
  // Nothing is asked of the credential (nor a step-up used up) before the text is the one seen.
  if (!signerOf(requireSeen(c, seen))) throw new AgreementError("signer");
  const eid = await checkCredential(c, user, input, seen);
  if (eid === "signed") return c;
  let current: CaseDoc | null = c;
  for (let attempt = 0; attempt < 5 && current; attempt++) {
    // Signed meanwhile by this very request's twin: the signature is there, nothing to do.
    if (hasSigned(current, user, seen)) return current;
    const pending = requireSeen(current, seen);
    const { signing, amendment } = pending;
    const signer = signerOf(pending);
    if (!signer) throw new AgreementError("signer");
    // The hash is of the version stored when it was sent: a signature is of exactly that text.
    const version = await versionOf(c, signing.number);
    if (!version || sha256(agreementText(version)) !== signing.hash) throw new AgreementError("status");
    const signature: Signature = {
      ...signer,
      at: clockNow(),
      ip: input.ip,
      hash: signing.hash,
      ...(eid ? { eid } : {}),
    };
    const signatures = [...signing.signatures, signature];
    const last = signatures.length === signing.signers.length;
    // The last signature brings the signed PDF, under an id fixed by the case, the version and
    // its hash: the change names it, and it is stored once from what the change recorded.
    const pdfId = last ? signedPdfId(c._id, signing.number, signing.hash) : undefined;
    const signed: SigningState = { ...signing, signatures, documentId: pdfId };
    const a = current.agreement!;
    try {
      const { case: after } = await commitSigningStep(current, "signAgreement", user, amendment, {
        expectedVersion: current.version,
        data: { number: signing.number, last },
        patch: {
          agreement: !last
            ? withDraft(a, { ...pending.draft, signing: signed }, amendment)
            : amendment
              ? inForce(a, signed, signature.at)
              : // In force: the payment plan the text promises starts the ledger.
                { ...a, signing: signed, plan: planFor(a) },
        },
        effects: pdfId ? await signedEffects(current, user, signing.number, pdfId, signing.signers) : [],
      });
      if (pdfId) await ensureSignedPdf(after);
      return after;
    } catch (error) {
      if (!(error instanceof CaseConflictError)) throw error;
      current = await loadCaseById(c.publicBodyId, c._id);
    }
  }
  throw new CaseConflictError();
}

/**
 * A signed change replaces the agreement in force: its text and terms, its signing; the signed
 * version before it is kept (with its PDF). Payments planned before the day it is signed stay;
 * from that day the plan follows the new terms.
 */
function inForce(a: AgreementState, signing: SigningState, today: Date): AgreementState {
  const { amendment, ...current } = a;
  if (!amendment || !a.signing) return a;
  const isBefore = (d: Date) => dayOf(d) < swedishToday(today);
  const { kind: _k, basedOn: _b, reason: _r, startedBy: _s, startedAt: _a, ...draft } = amendment;
  const signedAt = a.signing.signatures.at(-1)?.at ?? a.signing.sentAt;
  const next: AgreementState = {
    ...current,
    ...draft,
    signing,
    earlier: [
      ...(a.earlier ?? []),
      { number: a.signing.number, hash: a.signing.hash, signedAt, documentId: a.signing.documentId },
    ],
  };
  return {
    ...next,
    plan: [...(a.plan ?? []).filter((p) => isBefore(p.date)), ...planFor(next).filter((p) => !isBefore(p.date))],
  };
}

async function signedEffects(
  c: CaseDoc,
  user: SessionUser,
  number: number,
  documentId: CaseDoc["_id"],
  signers: SigningState["signers"],
): Promise<CaseEffect[]> {
  const everyone = await UserModel.find({ _id: { $in: signers.map((s) => s.userId) } })
    .select("email")
    .lean();
  const notices = [
    ...(await noticeEffects(
      c,
      "agreementActive",
      everyone.map((e) => e.email),
      user.name,
      false,
    )),
    ...(await noticeEffects(c, "agreementActive", await staffRecipients(c), user.name, true)),
  ];
  return [
    {
      kind: "document",
      ref: `agreement-signed:${number}`,
      entry: {
        direction: "signed",
        title: `Överenskommelse, version ${number}, undertecknad`,
        sender: "",
        documentId,
      },
    },
    ...notices.map((e) => (e.kind === "email" ? { ...e, attachmentId: documentId } : e)),
  ];
}

/** The signed PDF's document id: one per case, version and text, whoever stores it. */
const signedPdfId = (caseId: CaseDoc["_id"], number: number, hash: string) =>
  stableId(`signed-agreement-pdf:${String(caseId)}:${number}:${hash}`);

/**
 * Stores the signed PDF that a completed signing names, if it is not stored yet: rendered from
 * the recorded signatures (PDF/A, GridFS). Idempotent, and safe to run at once from two places;
 * run after the signing's change and again by whoever needs the file (a stop between the two).
 */
export async function ensureSignedPdf(c: CaseDoc) {
  const signing = c.agreement?.signing;
  const id = signing?.documentId;
  if (!signing || !id || !signing.signatures.length) return;
  if (await DocumentModel.exists({ _id: id, publicBodyId: c.publicBodyId })) return;
  const version = await versionOf(c, signing.number);
  if (!version) return;
  const body = await PublicBodyModel.findById(c.publicBodyId).select("name").lean();
  const caseNumber = c.caseNumber ?? "";
  const bytes = await agreementPdf({
    caseNumber,
    title: c.title,
    publicBody: body?.name ?? "",
    version,
    signatures: signing.signatures,
    hash: signing.hash,
  });
  await storeDocument({
    _id: id,
    publicBodyId: c.publicBodyId,
    organisationId: c.organisationId,
    caseId: c._id,
    uploadedBy: signing.signatures.at(-1)!.userId,
    kind: "agreement",
    title: `Överenskommelse ${caseNumber}, version ${version.number}, undertecknad`,
    file: {
      bytes,
      type: { ext: "pdf", mime: "application/pdf" },
      name: `overenskommelse-${caseNumber.replace(/\W+/g, "-")}-version-${version.number}.pdf`,
    },
  });
}
