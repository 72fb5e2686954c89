import {
  AgreementVersionModel,
  agreementVersionId,
  type AgreementState,
  type AgreementVersion,
  type Signature,
  type SignatureEid,
  type SigningState,
} from "#models/agreement";
import type { StepUp } from "#models/session";
import { PublicBodyModel } from "#models/public-body";
import { UserModel } from "#models/user";
import type { CaseEffect } from "../cases/effects";
import { CaseConflictError, loadCaseById, type CaseDoc } from "../cases/engine.server";
import { noticeEffects, staffRecipients } from "../cases/notices.server";
import { clockNow } from "../kernel/clock";
import { swedishToday } from "../kernel/swedish-calendar";
import { verifyPassword } from "../kernel/crypto.server";
import type { SessionUser } from "../identity/session.server";
import { stepUpProvider } from "../identity/linked-identities.server";
import { currentStepUp } from "../identity/oidc-session.server";
import { storeDocument } from "../records/documents.server";
import { agreementText } from "./agreement-text";
import { agreementPdf } from "./pdf.server";
import { beginLoginAttempt } from "../identity/rate-limit.server";
import {
  AgreementError,
  commitSigningStep,
  openDraft,
  planFor,
  requireAction,
  sha256,
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

/** How a signer proves it is them: the password again, or a fresh e-ID authentication. */
export type SigningCredential = { ip: string } & ({ password: string } | { eid: StepUp | null });

/**
 * Which e-ID provider the signer must step up with (decision 016), if the public body
 * configured one for the signer's side; else the password is asked for.
 */
export async function stepUpFor(c: CaseDoc, user: SessionUser) {
  const signer = pendingSigning(c)?.signing.signers.find((s) => s.userId.equals(user._id));
  return signer ? stepUpProvider(c.publicBodyId, signer.party === "organisation" ? "organisation" : "staff") : null;
}

/** For the sign form: the e-ID to step up with, and a fresh step-up already made in this session. */
export async function signingMethod(request: Request, c: CaseDoc, user: SessionUser) {
  const provider = await stepUpFor(c, user);
  if (!provider) return { provider: null, fresh: null };
  const stepUp = await currentStepUp(request);
  const fresh = stepUp && String(stepUp.providerId) === provider.id ? stepUp : null;
  return { provider, fresh: fresh ? { label: fresh.label, authTime: fresh.authTime.toISOString() } : null };
}

/** Whether the user's signature of version `number` is recorded (in a signing under way or done). */
const hasSigned = (c: CaseDoc, user: SessionUser, number: number) =>
  [pendingSigning(c)?.signing, c.agreement?.signing].some(
    (s) => s?.number === number && s.signatures.some((x) => x.userId.equals(user._id)),
  );

async function checkCredential(
  c: CaseDoc,
  user: SessionUser,
  input: SigningCredential,
): Promise<SignatureEid | null | "signed"> {
  const required = await stepUpFor(c, user);
  if (required) {
    const eid = "eid" in input ? input.eid : null;
    if (!eid || String(eid.providerId) !== required.id) {
      // A double click: the twin signed with the step-up and used it up. Nothing left to do.
      const number = pendingSigning(c)?.signing.number;
      const fresh = await loadCaseById(c.publicBodyId, c._id);
      if (number !== undefined && fresh && hasSigned(fresh, user, number)) return "signed";
      throw new AgreementError("eid");
    }
    return {
      provider: eid.label,
      authTime: eid.authTime,
      ...(eid.acr ? { acr: eid.acr } : {}),
      ...(eid.personalNumberHash ? { personalNumberHash: eid.personalNumberHash } : {}),
    };
  }
  // The same throttle as signing in: a taken-over session cannot guess the password here.
  const attempt = await beginLoginAttempt(user.email, input.ip);
  if (!attempt.allowed) throw new AgreementError("throttled", attempt.minutes);
  const account = await UserModel.findById(user._id).select("passwordHash").lean();
  const password = "password" in input ? input.password : "";
  if (!account?.passwordHash || !(await verifyPassword(account.passwordHash, password))) {
    throw new AgreementError("password");
  }
  await attempt.succeeded();
  return null;
}

/**
 * A designated signer signs the version out for signing, after giving their password again or
 * a fresh e-ID authentication where the public body asks for one. The record keeps time,
 * account, IP, the SHA-256 of the exact text and the e-ID (provider, time, acr). Signing twice (a
 * double click, a retry) records one signature; two signers at once both land (the loser retries).
 */
export async function signAgreement(c: CaseDoc, user: SessionUser, input: SigningCredential) {
  requireAction("signAgreement", user, c);
  const eid = await checkCredential(c, user, input);
  if (eid === "signed") return c;
  let current: CaseDoc | null = c;
  for (let attempt = 0; attempt < 5 && current; attempt++) {
    const pending = pendingSigning(current);
    if (!pending) {
      // Signed meanwhile by this very request's twin: the signature is there, nothing to do.
      if (current.agreement?.signing?.signatures.some((s) => s.userId.equals(user._id))) return current;
      throw new AgreementError("status");
    }
    const { signing, amendment } = pending;
    const signer = signing.signers.find((s) => s.userId.equals(user._id));
    if (!signer) throw new AgreementError("signer");
    if (signing.signatures.some((s) => s.userId.equals(user._id))) return current;
    // The hash is of the version stored when it was sent: a signature is of exactly that text.
    const version = await AgreementVersionModel.findById(agreementVersionId(c._id, signing.number)).lean();
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
    // The last signature brings the signed PDF: stored first, then named by the change and
    // mailed to both parties with it.
    const pdf = last ? await storeSignedPdf(current, user, version, signatures, signing.hash) : null;
    const signed: SigningState = { ...signing, signatures, documentId: pdf?._id };
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
        effects: pdf ? await signedEffects(current, user, signing.number, pdf._id, signing.signers) : [],
      });
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
  const isBefore = (d: Date) => d.toISOString().slice(0, 10) < swedishToday(today);
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
        direction: "internal",
        title: `Överenskommelse, version ${number}, undertecknad`,
        sender: "",
        documentId,
      },
    },
    ...notices.map((e) => (e.kind === "email" ? { ...e, attachmentId: documentId } : e)),
  ];
}

/** Renders the signed version as PDF/A and stores it with the case's documents (GridFS). */
async function storeSignedPdf(
  c: CaseDoc,
  user: SessionUser,
  version: AgreementVersion,
  signatures: Signature[],
  hash: string,
) {
  const body = await PublicBodyModel.findById(c.publicBodyId).select("name").lean();
  const caseNumber = c.caseNumber ?? "";
  const bytes = await agreementPdf({
    caseNumber,
    title: c.title,
    publicBody: body?.name ?? "",
    version,
    signatures,
    hash,
  });
  return storeDocument({
    publicBodyId: c.publicBodyId,
    organisationId: c.organisationId,
    caseId: c._id,
    uploadedBy: user._id,
    kind: "agreement",
    title: `Överenskommelse ${caseNumber}, version ${version.number}, undertecknad`,
    file: {
      bytes,
      type: { ext: "pdf", mime: "application/pdf" },
      name: `overenskommelse-${caseNumber.replace(/\W+/g, "-")}-version-${version.number}.pdf`,
    },
  });
}
