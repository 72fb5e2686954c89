import { LRUCache } from "lru-cache";
import mongoose, { type Model, type Types } from "mongoose";
import { isDuplicateKey } from "./claims.server";
import { clockNow } from "./clock";
import { readById } from "./by-id.server";

// One engine for versioned, audited records (docs/architecture.md, decisions 002, 008, 009):
// a record holds `version` n and has events 1..n. A change inserts event n+1 holding its patch
// and its effects; that unique insert is the lock. Then the patch is applied (the version only
// grows) and the effects, each idempotent, exactly once, by the writer or by whoever reads the
// record next. Cases use it today; agreements, follow-up reports and payments are next.

export interface VersionedRecord {
  _id: Types.ObjectId;
  version: number;
  /** The highest change announced (written before its event), so readers know when to look. */
  pendingSeq?: number;
  /** The body a per-body record belongs to: named with `_id` in every read and write of the record and its events (decision 037). */
  publicBodyId?: Types.ObjectId;
}

/**
 * A record as the filters need it. `version` is required only so that a bare ObjectId (which has
 * an `_id` of itself) cannot be passed where the record, and so its body, is meant.
 */
type Owned = Pick<VersionedRecord, "_id" | "version" | "publicBodyId">;

/** The filter of a record by `_id`, with its body where it has one (a sharded cluster's key). */
const own = (record: Owned) =>
  record.publicBodyId ? { _id: record._id, publicBodyId: record.publicBodyId } : { _id: record._id };

export interface TrailEvent {
  _id: Types.ObjectId;
  seq: number;
  at: Date;
  idempotencyKey?: string;
  data?: Record<string, unknown>;
  effects?: unknown[];
  effectsPending?: boolean;
}

export interface RecordKind<R extends VersionedRecord, Effect> {
  records: Model<R>;
  events: Model<TrailEvent & Record<string, unknown>>;
  eventId: (recordId: Types.ObjectId, seq: number) => Types.ObjectId;
  /** Applies one event's effects; each must be idempotent (a repair may apply it again). */
  applyEffects: (record: R, seq: number, at: Date, effects: Effect[]) => Promise<void>;
  /** After a version of the record is applied: derived read models are told here. */
  afterApply?: (record: Owned) => Promise<void>;
  /** Fields every change sets from its time and event (a case's last activity). */
  stamp?: (at: Date, event: Record<string, unknown>) => Partial<R>;
  /** Completes what a version implies beyond its patch (a case's number), idempotently. */
  complete?: (record: R) => Promise<R>;
}

/** Another change won the race: the caller shows the new state (HTTP 409). */
export class VersionConflictError extends Error {
  constructor() {
    super("cases.conflict");
  }
}

export interface NewEvent {
  /** Kind-specific fields of the event (owner ids, type, actor, statuses, visibility). */
  fields: Record<string, unknown>;
  data?: Record<string, unknown>;
  idempotencyKey?: string;
}

export interface Committed<R> {
  record: R;
  seq: number;
  /** The same request was made before and had succeeded: nothing new was done. */
  repeated: boolean;
}

// Settled events never change again: each instance keeps them once read, so a trail costs
// lookups only for what is new (bounded, least recently used dropped first).
const SETTLED_MAX = 50_000;
/** Derived lists kept (a few per record version; least recently used dropped first). */
const DERIVED_MAX = 5_000;

export function versionedRecords<R extends VersionedRecord, Effect>(kind: RecordKind<R, Effect>) {
  const settled = new LRUCache<string, TrailEvent>({ max: SETTLED_MAX });
  // Values may be anything a caller derives, so they are boxed for the cache (which holds objects).
  const derived = new LRUCache<string, { value: unknown }>({ max: DERIVED_MAX });
  type Patch = Partial<R>;
  /** Event `seq` of a record, by `_id` and the record's body. */
  const eventOf = (record: Owned, seq: number) => ({ ...own(record), _id: kind.eventId(record._id, seq) });
  const readEvent = (record: Owned, seq: number) =>
    readById<TrailEvent>(kind.events, kind.eventId(record._id, seq), undefined, record.publicBodyId);

  /**
   * The first write of a change: event n+1 with the patch and the effects. A concurrent change
   * gets VersionConflictError; a retry of the very same request (same idempotency key) is
   * answered as done. After this write the change is decided; the rest can be redone from it.
   */
  async function writeEvent(record: R, event: NewEvent, patch: Patch, effects: Effect[] = []) {
    const seq = record.version + 1;
    const at = clockNow();
    // Announce the change first, so readers know to look for its event if the writer stops.
    // Only ever upwards: a slow writer of an older change must not hide a newer one.
    await kind.records.updateOne(own(record), { $max: { pendingSeq: seq } });
    try {
      await kind.events.create({
        ...event.fields,
        _id: kind.eventId(record._id, seq),
        seq,
        data: { ...event.data, patch },
        idempotencyKey: event.idempotencyKey,
        ...(effects.length ? { effects, effectsPending: true } : {}),
        at,
      });
      return { seq, at, repeated: false };
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
      const winner = await readEvent(record, seq);
      if (event.idempotencyKey && winner?.idempotencyKey === event.idempotencyKey) return { seq, at, repeated: true };
      throw new VersionConflictError();
    }
  }

  /** The second write: version `seq` and its patch, unless the record already holds it or later. */
  async function applyVersion(record: Owned, seq: number, patch: Patch) {
    const { matchedCount } = await kind.records.updateOne(
      { ...own(record), version: { $lt: seq } },
      { $set: { ...patch, version: seq } },
    );
    await kind.afterApply?.(record);
    return matchedCount > 0;
  }

  async function settle(record: R, seq: number, at: Date, effects: Effect[]) {
    await kind.applyEffects(record, seq, at, effects);
    const event = eventOf(record, seq);
    await kind.events.updateOne(event, { $unset: { effectsPending: 1 } });
    settled.delete(String(event._id));
  }

  /** Both writes of a change, and its effects. */
  async function commit(record: R, event: NewEvent, patch: Patch, effects: Effect[] = []) {
    const written = await writeEvent(record, event, patch, effects);
    if (written.repeated) {
      const again = await load(record);
      if (!again) throw new VersionConflictError();
      return { record: again, seq: written.seq, repeated: true };
    }
    const { seq, at } = written;
    const applied = { ...patch, ...kind.stamp?.(at, event.fields) };
    if (
      !(await applyVersion(record, seq, applied)) &&
      !(await readById(kind.records, record._id, "_id", record.publicBodyId))
    ) {
      // The record was removed while this change was written (a draft deleted at the same
      // moment, which also removed its events, so this event found its number free): undone.
      await kind.events.deleteOne(eventOf(record, seq));
      throw new VersionConflictError();
    }
    let after = { ...record, ...applied, version: seq } as R;
    if (kind.complete) after = await kind.complete(after);
    if (effects.length) await settle(after, seq, at, effects);
    return { record: after, seq, repeated: false };
  }

  /**
   * Finishes whatever was decided but not yet applied (a process that stopped between the
   * writes): patches of events beyond the version, what they imply, and pending effects.
   */
  async function rollForward(record: R): Promise<R> {
    const beyond: TrailEvent[] = [];
    // Only a change announced beyond the version can be unapplied; a lookup that finds nothing
    // reads the whole collection on FerretDB, so none is made otherwise (decision 009).
    for (let seq = record.version + 1; seq <= (record.pendingSeq ?? 0); seq++) {
      const e = await readEvent(record, seq);
      if (!e) break;
      beyond.push(e);
    }
    // Only the latest event's effects can still be pending: every change starts from a loaded
    // record. An event this instance holds as settled has none, so it is not read again.
    const latestId = record.version > 0 ? kind.eventId(record._id, record.version) : null;
    const latest = latestId && !settled.has(String(latestId)) ? await readEvent(record, record.version) : null;
    // Settled, it is kept like the trail's events, and not read again on the next view.
    if (latest && !latest.effectsPending) settled.set(String(latest._id), latest);
    let current = record;
    for (const e of beyond) {
      // mongoose drops empty objects (`minimize`), so an event without changes has no data.
      const patch = {
        ...(e.data as { patch?: Patch } | undefined)?.patch,
        ...kind.stamp?.(e.at, e as unknown as Record<string, unknown>),
      } as Patch;
      await applyVersion(record, e.seq, patch);
      current = { ...current, ...patch, version: e.seq };
    }
    if (kind.complete) current = await kind.complete(current);
    for (const e of [latest, ...beyond]) {
      if (e?.effectsPending) await settle(current, e.seq, e.at, (e.effects ?? []) as Effect[]);
    }
    return current;
  }

  /** The record by `_id` (the only lookup FerretDB answers without a scan), repaired if needed. */
  async function load(owned: Owned): Promise<R | null> {
    const record = await readById<R>(kind.records, owned._id, undefined, owned.publicBodyId);
    return record ? rollForward(record) : null;
  }

  /** The record's events 1..version, by `_id` (each read once per instance). */
  async function trail<E extends TrailEvent>(record: Owned): Promise<E[]> {
    const ids = Array.from({ length: record.version }, (_, i) => kind.eventId(record._id, i + 1));
    const missing = ids.filter((id) => !settled.has(String(id)));
    const loaded = await Promise.all(
      missing.map((id) => readById<TrailEvent>(kind.events, id, undefined, record.publicBodyId)),
    );
    for (const e of loaded) {
      if (!e || e.effectsPending) continue;
      settled.set(String(e._id), e);
    }
    const fresh = new Map(loaded.flatMap((e) => (e ? [[String(e._id), e] as const] : [])));
    return ids.flatMap((id) => {
      const e = settled.get(String(id)) ?? fresh.get(String(id));
      return e ? [e as E] : [];
    });
  }

  /**
   * What is derived from one version of a record (its document list, its messages), kept per
   * instance: every change of those goes through an event and so makes a new version. Call it
   * with a record that has been rolled forward; `complete: false` (something not written yet)
   * is not kept.
   */
  async function keptForVersion<T>(
    record: Pick<R, "_id" | "version">,
    part: string,
    read: () => Promise<{ value: T; complete: boolean }>,
  ): Promise<T> {
    const key = `${mongoose.connection.name}:${String(record._id)}:${record.version}:${part}`;
    const hit = derived.get(key);
    if (hit) return hit.value as T;
    const { value, complete } = await read();
    if (complete) {
      derived.set(key, { value });
    }
    return value;
  }

  /** The event that made version `seq`, if any (to recognise a retried request). */
  const eventAt = readEvent;

  return { writeEvent, applyVersion, commit, rollForward, load, trail, eventAt, keptForVersion };
}
