import { touch } from "./read-model.server";
import { Types } from "mongoose";
import { CaseMessageModel } from "#models/case-message";
import { caseDocumentId, CaseDocumentModel, type CaseDocument } from "#models/case-document";
import { CaseEventModel, eventId, type CaseEvent } from "#models/case-event";
import { ProposalModel, type Proposal } from "#models/proposal";
import { stableId } from "#models/shared";
import { PublicBodyModel } from "#models/public-body";
import type { SessionUser } from "../identity/session.server";
import { mayOnCase } from "../access/policy";
import { relationOf } from "../access/ability.server";
import { withSeq, type CaseEffect } from "./effects";
import { enqueueEmail } from "../notifications/outbox.server";
import { nextSequence } from "../kernel/counters.server";
import { isDuplicateKey } from "../kernel/claims.server";
import { nextStatus, TransitionError, type CaseFacts, type TransitionName } from "./lifecycle";

export type CaseDoc = Proposal & { _id: Types.ObjectId };

/** Another change won the race: the caller shows the new state (HTTP 409). */
export class CaseConflictError extends Error {
  constructor() {
    super("cases.conflict");
  }
}

export const factsOf = (c: Pick<CaseDoc, "status" | "kind" | "routing">): CaseFacts => ({
  status: c.status,
  kind: c.kind,
  routed: Boolean(c.routing),
});

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

/**
 * The first write of a change: event n+1 with the patch and the effects. Its unique insert is
 * the lock (docs/decisions/002): a concurrent change gets CaseConflictError, while a retry of
 * the very same request (same idempotency key) is answered as done. After this write the
 * change is decided; everything else can be redone from the event.
 */
export async function writeEvent(
  c: CaseDoc,
  event: EventInput,
  patch: Partial<Proposal>,
  effects: CaseEffect[] = [],
): Promise<{ seq: number; at: Date; repeated: boolean }> {
  const seq = c.version + 1;
  const at = new Date();
  // Announce the change first, so readers know to look for its event if the writer stops.
  await ProposalModel.updateOne({ _id: c._id }, { $set: { pendingSeq: seq } });
  try {
    await CaseEventModel.create({
      _id: eventId(c._id, seq),
      publicBodyId: c.publicBodyId,
      caseId: c._id,
      seq,
      type: event.type,
      actorId: event.actor?._id,
      actorName: event.actor?.name ?? "Samverka",
      fromStatus: c.status,
      toStatus: patch.status ?? c.status,
      shared: event.shared ?? true,
      data: { ...event.data, patch },
      idempotencyKey: event.idempotencyKey,
      ...(effects.length ? { effects, effectsPending: true } : {}),
      at,
    });
    return { seq, at, repeated: false };
  } catch (error) {
    if (!isDuplicateKey(error)) throw error;
    const winner = await CaseEventModel.findById(eventId(c._id, seq)).lean();
    if (event.idempotencyKey && winner?.idempotencyKey === event.idempotencyKey) return { seq, at, repeated: true };
    throw new CaseConflictError();
  }
}

async function commit(
  c: CaseDoc,
  event: EventInput,
  patch: Partial<Proposal>,
  effects: CaseEffect[] = [],
): Promise<ChangeResult> {
  const written = await writeEvent(c, event, patch, effects);
  if (written.repeated) {
    const again = await loadCaseById(c.publicBodyId, c._id);
    if (!again) throw new CaseConflictError();
    return { case: again, seq: written.seq, repeated: true };
  }
  const { seq, at } = written;
  await applyVersion(c._id, seq, { ...patch, lastActivityAt: at });
  let after = await ensureCaseNumber({ ...c, ...patch, version: seq, lastActivityAt: at } as CaseDoc);
  if (effects.length) after = await applyEffects(after, seq, at, effects);
  return { case: after, seq, repeated: false };
}

/**
 * The second write of a change: the case takes version `seq` and its patch, unless it already
 * holds that version or a later one (a slow writer never moves a case backwards).
 */
export async function applyVersion(id: Types.ObjectId, seq: number, patch: Partial<Proposal>) {
  await ProposalModel.updateOne({ _id: id, version: { $lt: seq } }, { $set: { ...patch, version: seq } });
  await touch("cases");
}

/**
 * A registered case has a number: a submission that stopped before the number was written
 * gets it here. The number is claimed for this case (owner), so asking again returns it.
 */
async function ensureCaseNumber(c: CaseDoc): Promise<CaseDoc> {
  if (c.status === "draft" || c.caseNumber || c.version === 0) return c;
  const receivedAt = c.receivedAt ?? new Date();
  const caseNumber = await allocateCaseNumber(c, receivedAt);
  await ProposalModel.updateOne({ _id: c._id }, { $set: { caseNumber, receivedAt } });
  await touch("cases");
  return { ...c, caseNumber, receivedAt };
}

const ignoreDuplicate = (error: unknown) => {
  if (!isDuplicateKey(error)) throw error;
};

/** Applies one event's effects; each is idempotent, so applying twice changes nothing. */
async function applyEffects(c: CaseDoc, seq: number, at: Date, effects: CaseEffect[]): Promise<CaseDoc> {
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
    } else if (effect.kind === "email") {
      const email = "caseNumber" in effect.email ? { ...effect.email, caseNumber: c.caseNumber ?? "" } : effect.email;
      await enqueueEmail(withSeq(effect.key, seq), effect.to, email, c.publicBodyId);
    } else {
      await CaseMessageModel.updateOne(
        { _id: effect.messageId, caseId: c._id, confirmedAt: { $exists: false } },
        { $set: { confirmedAt: at } },
      );
    }
  }
  await CaseEventModel.updateOne({ _id: eventId(c._id, seq) }, { $unset: { effectsPending: 1 } });
  settled.delete(String(eventId(c._id, seq)));
  return c;
}

/** A stable ObjectId for an effect, so that inserting it twice is refused as a duplicate. */
export const idFromKey = stableId;

/**
 * Finishes whatever was decided but not yet applied (a process that stopped between the
 * writes): the patches of events beyond the case's version, its number, and the effects of
 * any event still marked pending. So the case and everything it caused match its trail.
 */
async function rollForward(c: CaseDoc): Promise<CaseDoc> {
  // Events beyond the stored version (normally none), and the latest one, whose effects may
  // still be pending: only the latest can be, since every change starts from a loaded case.
  const beyond: CaseEventDoc[] = [];
  // Only a change announced beyond the version can be unapplied (writeEvent); otherwise no
  // lookup for it, since a lookup that finds nothing reads the whole collection on FerretDB.
  for (let seq = c.version + 1; seq <= (c.pendingSeq ?? 0); seq++) {
    const e = await CaseEventModel.findById(eventId(c._id, seq)).lean<CaseEventDoc>();
    if (!e) break;
    beyond.push(e);
  }
  const latest = c.version > 0 ? await CaseEventModel.findById(eventId(c._id, c.version)).lean<CaseEventDoc>() : null;
  let current = c;
  for (const e of beyond) {
    // mongoose drops empty objects (`minimize`), so an event without changes has no data.
    const patch = (e.data as { patch?: Partial<Proposal> } | undefined)?.patch ?? {};
    await applyVersion(c._id, e.seq, patch);
    current = { ...current, ...patch, version: e.seq };
  }
  current = await ensureCaseNumber(current);
  for (const e of [latest, ...beyond]) {
    if (e?.effectsPending) current = await applyEffects(current, e.seq, e.at, (e.effects ?? []) as CaseEffect[]);
  }
  return current;
}

type CaseEventDoc = CaseEvent;

// Settled events never change again: each instance keeps them once read, so a case's trail
// costs lookups only for what is new (bounded, oldest dropped first).
const settled = new Map<string, CaseEventDoc>();
const SETTLED_MAX = 50_000;

/** The case's events 1..version, by `_id` (each read once per instance). */
export async function caseTrail(c: Pick<CaseDoc, "_id" | "version">): Promise<CaseEventDoc[]> {
  const ids = Array.from({ length: c.version }, (_, i) => eventId(c._id, i + 1));
  const missing = ids.filter((id) => !settled.has(String(id)));
  const loaded = await Promise.all(missing.map((id) => CaseEventModel.findById(id).lean<CaseEventDoc>()));
  for (const e of loaded) {
    if (!e || e.effectsPending) continue;
    if (settled.size >= SETTLED_MAX) settled.delete(settled.keys().next().value as string);
    settled.set(String(e._id), e);
  }
  const fresh = new Map(loaded.flatMap((e) => (e ? [[String(e._id), e] as const] : [])));
  return ids.flatMap((id) => {
    const e = settled.get(String(id)) ?? fresh.get(String(id));
    return e ? [e] : [];
  });
}

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
  // By `_id` alone (the only lookup FerretDB answers without reading the whole collection).
  const c = await ProposalModel.findById(id).lean<CaseDoc>();
  return c && c.publicBodyId.equals(publicBodyId) ? rollForward(c) : null;
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
  },
): Promise<ChangeResult> {
  if (options.expectedVersion !== c.version) {
    if (options.expectedVersion < c.version) {
      const done = await CaseEventModel.findById(eventId(c._id, options.expectedVersion + 1)).lean();
      if (done?.idempotencyKey === transitionKey(c, options.expectedVersion, name, user)) {
        return { case: c, seq: done.seq, repeated: true };
      }
    }
    throw new CaseConflictError();
  }
  const status = nextStatus(name, factsOf(c), relationOf(user, c));
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
      date: new Date(),
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
export async function listCaseDocuments(c: Pick<CaseDoc, "_id" | "version">, trail?: CaseEventDoc[]) {
  const refs = new Set(
    (trail ?? (await caseTrail(c))).flatMap((e) =>
      ((e.effects ?? []) as CaseEffect[]).flatMap((effect) =>
        effect.kind === "document" ? [withSeq(effect.ref, e.seq)] : [],
      ),
    ),
  );
  const found = await Promise.all(
    [...refs].map((ref) => CaseDocumentModel.findById(caseDocumentId(c._id, ref)).lean()),
  );
  return found.flatMap((d) => (d ? [d] : [])).sort((a, b) => a.number - b.number);
}

export async function listCaseEvents(c: Pick<CaseDoc, "_id" | "version">, { sharedOnly }: { sharedOnly: boolean }) {
  const trail = await caseTrail(c);
  return sharedOnly ? trail.filter((e) => e.shared) : trail;
}
