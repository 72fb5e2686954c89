import { Types } from "mongoose";
import { CaseDocumentModel, type CaseDocument } from "#models/case-document";
import { CaseEventModel } from "#models/case-event";
import { ProposalModel, type Proposal } from "#models/proposal";
import { PublicBodyModel } from "#models/public-body";
import type { SessionUser } from "./session.server";
import { nextSequence } from "./counters.server";
import {
  nextStatus,
  TransitionError,
  TRANSITIONS,
  type CaseActor,
  type CaseFacts,
  type TransitionName,
} from "./case-lifecycle";

export type CaseDoc = Proposal & { _id: Types.ObjectId };

/** Another change won the race: the caller shows the new state (HTTP 409). */
export class CaseConflictError extends Error {
  constructor() {
    super("cases.conflict");
  }
}

const isDuplicateKey = (error: unknown) => (error as { code?: number } | null)?.code === 11000;

export const factsOf = (c: Pick<CaseDoc, "status" | "kind" | "routing">): CaseFacts => ({
  status: c.status,
  kind: c.kind,
  routed: Boolean(c.routing),
});

/** How this user relates to this case (for the transition table). */
export function actorFor(
  user: SessionUser | null,
  c: Pick<CaseDoc, "organisationId" | "publicBodyId" | "routing">,
): CaseActor {
  if (!user) return "stranger";
  if (user.orgMemberships.some((m) => m.organisationId.equals(c.organisationId))) return "organisation";
  const staff = user.staffMemberships.find((m) => m.publicBodyId.equals(c.publicBodyId));
  if (!staff) return "stranger";
  if (staff.role === "officer") {
    const routing = c.routing;
    const mine =
      routing &&
      (routing.officerId.equals(user._id) || staff.departmentIds.some((d) => d.equals(routing.departmentId)));
    return mine ? "officer" : "stranger";
  }
  return staff.role;
}

/**
 * Refuses (403) a person who may never make this transition on this case, before any check
 * of the case's state: permission first, so a refusal never tells a stranger about the state.
 */
export function requireTransitionActor(name: TransitionName, user: SessionUser | null, c: CaseDoc) {
  const actor = actorFor(user, c);
  if (!TRANSITIONS[name].by.includes(actor)) throw new TransitionError(name, "actor", c.status);
  return actor;
}

export interface EventInput {
  type: string;
  actor: SessionUser | null;
  shared?: boolean;
  data?: Record<string, unknown>;
  idempotencyKey?: string;
}

/**
 * Appends event n+1 and moves the case to version n+1 with `patch`. The unique insert of the
 * event is the lock (docs/decisions/002): a concurrent change gets CaseConflictError, while a
 * retry of the very same request (same idempotency key) is answered as done.
 */
async function commit(c: CaseDoc, event: EventInput, patch: Partial<Proposal>) {
  const seq = c.version + 1;
  const at = new Date();
  try {
    await CaseEventModel.create({
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
      at,
    });
  } catch (error) {
    if (!isDuplicateKey(error)) throw error;
    const winner = await CaseEventModel.findOne({ caseId: c._id, seq }).lean();
    if (event.idempotencyKey && winner?.idempotencyKey === event.idempotencyKey) {
      const again = await loadCaseById(c.publicBodyId, c._id);
      if (again) return { case: again, seq, repeated: true };
    }
    throw new CaseConflictError();
  }
  await applyVersion(c._id, seq, { ...patch, lastActivityAt: at });
  return { case: { ...c, ...patch, version: seq, lastActivityAt: at } as CaseDoc, seq, repeated: false };
}

/**
 * The second write of a change: the case takes version `seq` and its patch, unless it already
 * holds that version or a later one (a slow writer never moves a case backwards).
 */
export async function applyVersion(id: Types.ObjectId, seq: number, patch: Partial<Proposal>) {
  await ProposalModel.updateOne({ _id: id, version: { $lt: seq } }, { $set: { ...patch, version: seq } });
}

/**
 * Applies whatever events were written but not yet applied to the case (a process that
 * stopped between the two writes), so the case always matches its trail.
 */
async function rollForward(c: CaseDoc): Promise<CaseDoc> {
  const pending = await CaseEventModel.find({ caseId: c._id, seq: { $gt: c.version } })
    .sort({ seq: 1 })
    .lean();
  let current = c;
  for (const e of pending) {
    // mongoose drops empty objects (`minimize`), so an event without changes has no data.
    const patch = (e.data as { patch?: Partial<Proposal> } | undefined)?.patch ?? {};
    await applyVersion(c._id, e.seq, patch);
    current = { ...current, ...patch, version: e.seq };
  }
  // Submitted but stopped before the number was written: the number is already claimed for
  // this case (ref), so asking again returns the same one.
  if (current.status !== "draft" && !current.caseNumber && current.version > 0) {
    const receivedAt = current.receivedAt ?? new Date();
    const caseNumber = await allocateCaseNumber(current, receivedAt);
    await ProposalModel.updateOne({ _id: c._id }, { $set: { caseNumber, receivedAt } });
    current = { ...current, caseNumber, receivedAt };
  }
  return current;
}

export async function loadCaseById(publicBodyId: Types.ObjectId, id: Types.ObjectId | string): Promise<CaseDoc | null> {
  if (!Types.ObjectId.isValid(id)) return null;
  const c = await ProposalModel.findOne({ _id: id, publicBodyId }).lean<CaseDoc>();
  return c ? rollForward(c) : null;
}

/** A change that is not a status transition (edit a draft, a message): one event, one write. */
export function recordChange(c: CaseDoc, event: EventInput, patch: Partial<Proposal> = {}) {
  return commit(c, event, patch);
}

/**
 * Makes a lifecycle transition: checks the table (TransitionError), then commits status,
 * patch and event together. `expectedVersion` is the version the user saw.
 */
export async function transition(
  c: CaseDoc,
  name: TransitionName,
  user: SessionUser | null,
  options: { expectedVersion: number; patch?: Partial<Proposal>; data?: Record<string, unknown>; shared?: boolean },
) {
  if (options.expectedVersion !== c.version) throw new CaseConflictError();
  const status = nextStatus(name, factsOf(c), actorFor(user, c));
  return commit(
    c,
    {
      type: name,
      actor: user,
      data: options.data,
      shared: options.shared,
      idempotencyKey: `${String(c._id)}:${c.version}:${name}:${String(user?._id ?? "")}`,
    },
    { ...options.patch, status },
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
  ref?: string,
) {
  const number = await nextSequence(`casedoc:${String(c._id)}`, ref);
  try {
    await CaseDocumentModel.create({
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

export function listCaseDocuments(c: Pick<CaseDoc, "_id">) {
  return CaseDocumentModel.find({ caseId: c._id }).sort({ number: 1 }).lean();
}

export function listCaseEvents(c: Pick<CaseDoc, "_id">, { sharedOnly }: { sharedOnly: boolean }) {
  return CaseEventModel.find(sharedOnly ? { caseId: c._id, shared: true } : { caseId: c._id })
    .sort({ seq: 1 })
    .lean();
}
