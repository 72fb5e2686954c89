import { Types } from "mongoose";
import { applyStatistics } from "../statistics/statistics.server";
import { contribution } from "../statistics/counters";
import { CaseMessageModel } from "#models/case-message";
import { AgreementCommentModel, AgreementVersionModel, agreementVersionId } from "#models/agreement";
import { caseDocumentId, CaseDocumentModel, type CaseDocument } from "#models/case-document";
import { CaseEventModel, eventId, type CaseEvent } from "#models/case-event";
import { ProposalModel, type Proposal } from "#models/proposal";
import { stableId } from "#models/shared";
import { PublicBodyModel } from "#models/public-body";
import type { SessionUser } from "../identity/sessions.server";
import { mayOnCase, type CaseRelation } from "../access/policy";
import { relationOf } from "../access/ability.server";
import { enqueueEmail } from "../notifications/outbox.server";
import { nextSequence } from "../kernel/counters.server";
import { isDuplicateKey } from "../kernel/claims.server";
import { versionedRecords, VersionConflictError, type RecordKind } from "../kernel/versioned.server";
import { withSeq, type CaseEffect } from "./effects";
import { nextStatus, TransitionError, type CaseFacts, type TransitionName } from "./lifecycle";
import { caseChanged, caseRowById } from "./read-model.server";
import { clockNow } from "../kernel/clock";
import { readById } from "../kernel/by-id.server";

export type CaseDoc = Proposal & { _id: Types.ObjectId };

/** Another change won the race: the caller shows the new state (HTTP 409). */
export const CaseConflictError = VersionConflictError;

export const factsOf = (
  c: Pick<CaseDoc, "status" | "kind" | "routing"> & Partial<Pick<CaseDoc, "agreement">>,
): CaseFacts => {
  const signing = c.agreement?.signing;
  return {
    status: c.status,
    kind: c.kind,
    routed: Boolean(c.routing),
    signaturesMissing: signing ? signing.signers.length - signing.signatures.length : undefined,
  };
};

/**
 * Refuses (403) a person who may never make this transition on this case, before any check
 * of the case's state: permission first, so a refusal never tells a stranger about the state.
 */
export function requireTransitionActor(name: TransitionName, user: SessionUser | null, c: CaseDoc) {
  const actor = relationOf(user, c);
  if (!mayOnCase(name, actor)) throw new TransitionError(name, "actor", c.status);
  return actor;
}

export interface EventInput {
  /**
   * The version of the case the person saw when they sent the form: any other is a conflict
   * (someone else changed the case meanwhile), refused here for every use case.
   */
  expectedVersion?: number;
  type: string;
  actor: SessionUser | null;
  shared?: boolean;
  data?: Record<string, unknown>;
  idempotencyKey?: string;
}

export interface ChangeResult {
  case: CaseDoc;
  seq: number;
  /** The same request was made before and had succeeded: nothing new was done. */
  repeated: boolean;
}

const ignoreDuplicate = (error: unknown) => {
  if (!isDuplicateKey(error)) throw error;
};

/** Applies one event's effects; each is idempotent, so applying twice changes nothing. */
async function applyCaseEffects(c: CaseDoc, seq: number, at: Date, effects: CaseEffect[]) {
  for (const effect of effects) {
    if (effect.kind === "document") {
      await registerDocument(c, effect.entry, withSeq(effect.ref, seq));
    } else if (effect.kind === "message") {
      const key = `${String(c._id)}:${seq}:${effect.key}`;
      await CaseMessageModel.create({
        _id: idFromKey(key),
        publicBodyId: c.publicBodyId,
        caseId: c._id,
        ...effect.message,
      }).catch(ignoreDuplicate);
    } else if (effect.kind === "agreementVersion") {
      await AgreementVersionModel.create({
        _id: agreementVersionId(c._id, effect.version.number),
        publicBodyId: c.publicBodyId,
        caseId: c._id,
        at,
        ...effect.version,
      }).catch(ignoreDuplicate);
    } else if (effect.kind === "agreementComment") {
      await AgreementCommentModel.create({
        _id: idFromKey(`${String(c._id)}:${seq}:${effect.key}`),
        publicBodyId: c.publicBodyId,
        caseId: c._id,
        at,
        ...effect.comment,
      }).catch(ignoreDuplicate);
    } else if (effect.kind === "statistics") {
      await applyStatistics(c, seq, effect.before);
    } else if (effect.kind === "email") {
      const email = "caseNumber" in effect.email ? { ...effect.email, caseNumber: c.caseNumber ?? "" } : effect.email;
      await enqueueEmail(withSeq(effect.key, seq), effect.to, email, c.publicBodyId, effect.attachmentId);
    } else {
      await CaseMessageModel.updateOne(
        { _id: effect.messageId, publicBodyId: c.publicBodyId, caseId: c._id, confirmedAt: { $exists: false } },
        { $set: { confirmedAt: at } },
      );
    }
  }
}

/**
 * A registered case has a number: a submission that stopped before the number was written
 * gets it here. The number is claimed for this case (owner), so asking again returns it.
 */
async function ensureCaseNumber(c: CaseDoc): Promise<CaseDoc> {
  if (c.status === "draft" || c.caseNumber || c.version === 0) return c;
  const receivedAt = c.receivedAt ?? clockNow();
  const caseNumber = await allocateCaseNumber(c, receivedAt);
  await ProposalModel.updateOne({ _id: c._id, publicBodyId: c.publicBodyId }, { $set: { caseNumber, receivedAt } });
  await caseChanged(c);
  return { ...c, caseNumber, receivedAt };
}

// Cases are versioned records (kernel/versioned.server.ts): events in case_events, the case
// number completed after submission, the inbox's read model marked stale on every change.
const cases = versionedRecords<CaseDoc, CaseEffect>({
  records: ProposalModel as unknown as RecordKind<CaseDoc, CaseEffect>["records"],
  events: CaseEventModel as unknown as RecordKind<CaseDoc, CaseEffect>["events"],
  eventId,
  applyEffects: applyCaseEffects,
  afterApply: caseChanged,
  // The organisation's shared changes are news for staff ("new since you last looked"); staff's
  // shared changes tell whose turn it is (start-page.server.ts, "Väntar på mig").
  stamp: (at, e) => ({
    lastActivityAt: at,
    ...(e.fromOrganisation && e.shared !== false && e.type !== "draftSaved"
      ? { orgActivity: { at, type: String(e.type) } }
      : {}),
    ...(e.fromStaff && e.shared !== false ? { staffActivity: { at, by: e.actorId as Types.ObjectId } } : {}),
  }),
  complete: ensureCaseNumber,
});

/** Who acts for the public body on a case (not a co-reader, who only reads along). */
const STAFF_RELATIONS: readonly CaseRelation[] = ["officer", "coordinator", "admin"];

const eventFields = (c: CaseDoc, event: EventInput, patch: Partial<Proposal>) => ({
  fields: {
    publicBodyId: c.publicBodyId,
    caseId: c._id,
    type: event.type,
    actorId: event.actor?._id,
    actorName: event.actor?.name ?? "Samverka",
    fromStatus: c.status,
    toStatus: patch.status ?? c.status,
    shared: event.shared ?? true,
    fromOrganisation: relationOf(event.actor, c) === "organisation",
    fromStaff: STAFF_RELATIONS.includes(relationOf(event.actor, c)),
  },
  data: event.data,
  idempotencyKey: event.idempotencyKey,
});

/** The first write of a change (see kernel/versioned.server.ts); tests use it to stop half-way. */
export const writeEvent = (c: CaseDoc, event: EventInput, patch: Partial<Proposal>, effects: CaseEffect[] = []) =>
  cases.writeEvent(c, eventFields(c, event, patch), patch, effects);

/** The second write: the case takes version `seq` and its patch unless it holds that or later. */
export const applyVersion = cases.applyVersion;

async function commit(
  c: CaseDoc,
  event: EventInput,
  patch: Partial<Proposal>,
  effects: CaseEffect[] = [],
): Promise<ChangeResult> {
  if (event.expectedVersion !== undefined && event.expectedVersion !== c.version) throw new CaseConflictError();
  // Every change moves the case's share of the overview's counters (decision 014).
  const statistics: CaseEffect = { kind: "statistics", before: contribution(c) };
  const done = await cases.commit(c, eventFields(c, event, patch), patch, [...effects, statistics]);
  return { case: done.record, seq: done.seq, repeated: done.repeated };
}

/** A stable ObjectId for an effect, so that inserting it twice is refused as a duplicate. */
export const idFromKey = stableId;

type CaseEventDoc = CaseEvent;

/** The case's events 1..version, by `_id` (each read once per instance). */
export const caseTrail = (c: Pick<CaseDoc, "_id" | "version" | "publicBodyId">) => cases.trail<CaseEventDoc>(c);
/** What one version of a rolled-forward case derives (kept per instance, see the engine). */
export const keptForCaseVersion = cases.keptForVersion;

/** The files attached to the case (added as attachments or sent with messages), in order. */
export function attachmentIdsOf(trail: CaseEventDoc[]) {
  return trail.flatMap((e) => {
    const added = (e.data as { documentId?: Types.ObjectId } | undefined)?.documentId;
    const sent = ((e.effects ?? []) as CaseEffect[]).flatMap((effect) =>
      effect.kind === "message" && effect.message.documentId ? [effect.message.documentId] : [],
    );
    return [...(e.type === "attachmentAdded" && added ? [added] : []), ...sent];
  });
}

/** The effect keys' stable ids: dialogue messages of the trail, in order. */
export function messageIdsOf(c: Pick<CaseDoc, "_id">, trail: CaseEventDoc[]) {
  return trail.flatMap((e) =>
    ((e.effects ?? []) as CaseEffect[]).flatMap((effect) =>
      effect.kind === "message" ? [idFromKey(`${String(c._id)}:${e.seq}:${effect.key}`)] : [],
    ),
  );
}

export async function loadCaseById(publicBodyId: Types.ObjectId, id: Types.ObjectId | string): Promise<CaseDoc | null> {
  if (!Types.ObjectId.isValid(id)) return null;
  // By `_id` and the body: FerretDB looks it up by `_id` (its patched pushdown, decision 037),
  // a sharded MongoDB asks the body's shard; another body's case is not found.
  const c = await readById<CaseDoc>(ProposalModel, id, undefined, publicBodyId);
  return c ? cases.rollForward(c) : null;
}

/**
 * A case to show (a page view, not a write): loadCaseById's answer, kept per instance while the
 * case's row in the kept case list stands. Every write of a case replaces its row (the change
 * log, decision 030), so a view after a change reads the document again and a view after none
 * reads nothing (decision 034). Frozen: the views that share it cannot change it. Actions load.
 */
export async function viewCaseById(publicBodyId: Types.ObjectId, id: Types.ObjectId | string): Promise<CaseDoc | null> {
  if (!Types.ObjectId.isValid(id)) return null;
  const row = await caseRowById(String(id));
  const hit = row ? shown.get(row) : undefined;
  if (hit) return hit.publicBodyId.equals(publicBodyId) ? hit : null;
  const c = await loadCaseById(publicBodyId, id);
  if (c && row) shown.set(row, deepFreeze(c));
  return c;
}

const shown = new WeakMap<object, CaseDoc>();

/** Freezes plain objects and arrays all the way down (ObjectIds, dates and buffers keep theirs). */
function deepFreeze<T>(value: T): T {
  if (Array.isArray(value)) value.forEach(deepFreeze);
  else if (value && typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype)
    Object.values(value).forEach(deepFreeze);
  else return value;
  return Object.freeze(value);
}

/** A change that is not a status transition (edit a draft, a message): one event, one write. */
export function recordChange(c: CaseDoc, event: EventInput, patch: Partial<Proposal> = {}, effects: CaseEffect[] = []) {
  return commit(c, event, patch, effects);
}

const transitionKey = (c: CaseDoc, version: number, name: TransitionName, user: SessionUser | null) =>
  `${String(c._id)}:${version}:${name}:${String(user?._id ?? "")}`;

/**
 * Makes a lifecycle transition: checks the table (TransitionError), then commits status,
 * patch, effects and event together. `expectedVersion` is the version the user saw; a form
 * sent again after it had succeeded (a retry, a double click) is answered as done.
 */
export async function transition(
  c: CaseDoc,
  name: TransitionName,
  user: SessionUser | null,
  options: {
    expectedVersion: number;
    patch?: Partial<Proposal>;
    data?: Record<string, unknown>;
    shared?: boolean;
    effects?: CaseEffect[];
    /** A job's change (`user` null): made as "system", which no person can be. */
    system?: boolean;
  },
): Promise<ChangeResult> {
  if (options.expectedVersion !== c.version) {
    if (options.expectedVersion < c.version) {
      const done = await cases.eventAt(c, options.expectedVersion + 1);
      if (done?.idempotencyKey === transitionKey(c, options.expectedVersion, name, user)) {
        return { case: c, seq: done.seq, repeated: true };
      }
    }
    throw new CaseConflictError();
  }
  const status = nextStatus(name, factsOf(c), options.system && !user ? "system" : relationOf(user, c));
  return commit(
    c,
    {
      type: name,
      actor: user,
      data: options.data,
      shared: options.shared,
      idempotencyKey: transitionKey(c, c.version, name, user),
    },
    { ...options.patch, status },
    options.effects,
  );
}

const stockholmYear = new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Stockholm", year: "numeric" });

/** The registration year of a case received at `receivedAt`: Swedish time, whatever the server's. */
export const caseYear = (receivedAt: Date) => Number(stockholmYear.format(receivedAt));

/**
 * `KS 2026/0042`: unique and gap-free per public body and year (insert-claimed numbers). The
 * year is that of the day the case was received, so a repair after New Year gives the same.
 */
export async function allocateCaseNumber(c: CaseDoc, receivedAt: Date) {
  const body = await PublicBodyModel.findById(c.publicBodyId).select("casePrefix").lean();
  const year = caseYear(receivedAt);
  const n = await nextSequence(`case:${String(c.publicBodyId)}:${year}`, String(c._id));
  return `${body?.casePrefix ?? "IOP"} ${year}/${String(n).padStart(4, "0")}`;
}

/** Adds an entry to the case's document list with the next number of that case. */
export async function registerDocument(
  c: Pick<CaseDoc, "_id" | "publicBodyId">,
  entry: Pick<CaseDocument, "direction" | "title" | "sender"> &
    Partial<Pick<CaseDocument, "confidential" | "documentId">>,
  ref: string,
) {
  const number = await nextSequence(`casedoc:${String(c._id)}`, ref);
  try {
    await CaseDocumentModel.create({
      _id: caseDocumentId(c._id, ref),
      ref,
      publicBodyId: c.publicBodyId,
      caseId: c._id,
      number,
      date: clockNow(),
      confidential: false,
      ...entry,
    });
  } catch (error) {
    // Registered already by an earlier try of the same request (same ref, same number).
    if (!isDuplicateKey(error)) throw error;
  }
  return number;
}

/** The document list, read by `_id` from the entries the case's changes registered. */
export async function listCaseDocuments(c: Pick<CaseDoc, "_id" | "version" | "publicBodyId">, trail?: CaseEventDoc[]) {
  const refs = new Set(
    (trail ?? (await caseTrail(c))).flatMap((e) =>
      ((e.effects ?? []) as CaseEffect[]).flatMap((effect) =>
        effect.kind === "document" ? [withSeq(effect.ref, e.seq)] : [],
      ),
    ),
  );
  return keptForCaseVersion(c, "documents", async () => {
    const found = await Promise.all(
      [...refs].map((ref) =>
        CaseDocumentModel.findOne({ _id: caseDocumentId(c._id, ref), publicBodyId: c.publicBodyId }).lean(),
      ),
    );
    const value = found.flatMap((d) => (d ? [d] : [])).sort((a, b) => a.number - b.number);
    return { value, complete: value.length === found.length };
  });
}

export async function listCaseEvents(
  c: Pick<CaseDoc, "_id" | "version" | "publicBodyId">,
  { sharedOnly }: { sharedOnly: boolean },
) {
  const trail = await caseTrail(c);
  return sharedOnly ? trail.filter((e) => e.shared) : trail;
}

/** Deletes a case that was never registered (a draft) and its events 1..`version`. */
export async function deleteCaseRecord(c: Pick<CaseDoc, "_id" | "publicBodyId">, version: number) {
  const { _id, publicBodyId } = c;
  await ProposalModel.deleteOne({ _id, publicBodyId, status: "draft" });
  for (let seq = 1; seq <= version; seq++) await CaseEventModel.deleteOne({ _id: eventId(_id, seq), publicBodyId });
  await caseChanged({ ...c, version });
}
