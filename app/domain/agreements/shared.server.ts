import { createHash } from "node:crypto";
import { Types } from "mongoose";
import { AgreementVersionModel, agreementVersionId, type AgreementDraft, type AgreementState } from "#models/agreement";
import type { NoticeType } from "#emails/templates";
import { mayOnCase, type CaseAction } from "../access/policy";
import { relationOf } from "../access/ability.server";
import { recordChange, transition, type CaseDoc } from "../cases/engine.server";
import type { CaseEffect } from "../cases/effects";
import { noticeEffects, staffRecipients } from "../cases/notices.server";
import type { SessionUser } from "../identity/sessions.server";
import { quarterlyPlan } from "./ledger";
import { membersOf, type Member } from "../organisations/memberships.server";

// What the agreement's use cases share: the refusal, the permission check, who the parties'
// people are, and which text is being written now (the agreement itself, or a change to it).

export type AgreementRefusal =
  | "actor"
  | "status"
  | "changed"
  | "signer"
  | "password"
  | "throttled"
  | "eid"
  | "signers"
  | "unchanged"
  | "partner"
  /** A follow-up report on a year that has not begun. */
  | "notStarted";

export class AgreementError extends Error {
  constructor(
    readonly reason: AgreementRefusal,
    /** For "throttled": the minutes until a password may be tried again. */
    readonly minutes?: number,
  ) {
    super(`agreement.refused.${reason}`);
  }
}

export const sha256 = (text: string) => createHash("sha256").update(text, "utf8").digest("hex");

export const idOf = (id: string) => new Types.ObjectId(id);

/** The policy first (a refusal tells nothing about the state); returns the person's relation. */
export function requireAction(action: CaseAction, user: SessionUser, c: CaseDoc) {
  const actor = relationOf(user, c);
  if (!mayOnCase(action, actor)) throw new AgreementError("actor");
  return actor;
}

/**
 * Whether the person may act for the organisation party to the case in what binds it (notice):
 * one of its registered authorised signatories, or its administrator.
 */
export const actsForOrganisation = (user: SessionUser, c: CaseDoc) =>
  [c.organisationId, ...(c.partnerOrganisationIds ?? [])].some((id) =>
    user.orgMemberships.some((m) => m.organisationId.equals(id) && (m.signatory || m.role === "org_admin")),
  );

/** Whether a staff member holds the delegation to sign agreements for the case's public body. */
export const holdsDelegation = (user: { staffMemberships: SessionUser["staffMemberships"] }, c: CaseDoc) =>
  user.staffMemberships.some((m) => m.publicBodyId.equals(c.publicBodyId) && m.delegation);

export function requireActive(c: CaseDoc): AgreementState {
  if (c.status !== "active" || !c.agreement) throw new AgreementError("status");
  return c.agreement;
}

/**
 * The members of the organisations party to the agreement (the lead organisation and any
 * co-organisations), each with the organisation they may sign for: who reads, comments and signs.
 */
export async function partyMembers(c: CaseDoc) {
  const orgIds = [c.organisationId, ...(c.partnerOrganisationIds ?? [])];
  // One row per person, for the first of the parties they belong to.
  const people = new Map<string, Member>();
  for (const o of orgIds)
    for (const m of await membersOf(o)) if (!people.has(String(m.id))) people.set(String(m.id), m);
  return [...people.values()].map((m) => ({
    id: String(m.id),
    name: m.name,
    email: m.email,
    organisationId: String(m.organisationId),
    // Its registered authorised signatories sign for an organisation.
    signatory: m.signatory,
  }));
}

/** The same notice to both parties: the organisation's members and the municipality's officer. */
export async function noticeToBoth(c: CaseDoc, notice: NoticeType, name: string): Promise<CaseEffect[]> {
  const members = (await partyMembers(c)).map((m) => m.email);
  return [
    ...(await noticeEffects(c, notice, members, name, false)),
    ...(await noticeEffects(c, notice, await staffRecipients(c), name, true)),
  ];
}

/**
 * The text being written now: the agreement itself until it is in force, then a change to it
 * (renegotiation or extension) while one is under way. `null` when nothing is being written.
 */
export function openDraft(c: CaseDoc): { draft: AgreementDraft; amendment: boolean } | null {
  const a = c.agreement;
  if (!a) return null;
  if (c.status === "approved" || c.status === "agreement_pending_signatures") return { draft: a, amendment: false };
  if (c.status === "active" && a.amendment) return { draft: a.amendment, amendment: true };
  return null;
}

/** Who the case names as co-organisations: those of the agreement and of a change to it. */
export const partnerIdsOf = (a: AgreementState) => {
  const ids = [...(a.partners ?? []), ...(a.amendment?.partners ?? [])].map((p) => String(p.organisationId));
  return [...new Set(ids)].map(idOf);
};

/** The agreement with its open draft replaced. */
export function withDraft(a: AgreementState, draft: AgreementDraft, amendment: boolean): AgreementState {
  return amendment && a.amendment ? { ...a, amendment: { ...a.amendment, ...draft } } : { ...a, ...draft };
}

/** The number of the case's latest version, whichever text it belongs to. */
/** Version `number` of a case's agreement text, by `_id` and the case's body (decision 037). */
export const versionOf = (c: Pick<CaseDoc, "_id" | "publicBodyId">, number: number) =>
  AgreementVersionModel.findOne({ _id: agreementVersionId(c._id, number), publicBodyId: c.publicBodyId }).lean();

export const latestNumber = (a: AgreementState) => Math.max(a.number, a.amendment?.number ?? 0, a.lastNumber ?? 0);

export const planFor = (a: AgreementDraft) =>
  a.start && a.end ? quarterlyPlan(a.start, a.end, a.municipalSekPerYear) : [];

const AMENDMENT_EVENTS = {
  sendForSigning: "amendmentSent",
  reopenAgreement: "amendmentReopened",
  signAgreement: "amendmentSigned",
} as const;

/**
 * A signing step. For the agreement itself it is a lifecycle transition (the table decides the
 * status); a change to the agreement in force leaves the case active, so the same step is a
 * plain change with an event of its own.
 */
export function commitSigningStep(
  c: CaseDoc,
  name: keyof typeof AMENDMENT_EVENTS,
  user: SessionUser,
  amendment: boolean,
  options: { expectedVersion: number; data?: Record<string, unknown>; patch: Partial<CaseDoc>; effects?: CaseEffect[] },
) {
  if (!amendment) return transition(c, name, user, { ...options, shared: true });
  return recordChange(
    c,
    {
      expectedVersion: options.expectedVersion,
      type: AMENDMENT_EVENTS[name],
      actor: user,
      shared: true,
      data: options.data,
    },
    options.patch,
    options.effects,
  );
}
