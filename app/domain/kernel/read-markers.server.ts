import mongoose from "mongoose";
import { ReadMarkerModel, touchMarker, type ReadMarker } from "#models/read-marker";
import { clockNow } from "./clock";
import { oncePerRequest } from "./request-scope";
import { readByIds } from "./by-id.server";

// Per-instance caches checked against a marker in the database (docs/decisions/009 and 017).
// FerretDB 1.x reads and decodes a whole collection for every query that is not an `_id` lookup,
// so what many pages read (every case's list fields, names, departments, the public body, the
// organisations' document lists, members and invitations) is kept in memory and re-read only when its marker's token has
// changed. A page view reads all markers with one command on a collection of a few documents. A
// lost marker update leaves a cache stale until the next change of the same kind.

// "caseChanges" is not a cache of its own: it says a case changed (cases/read-model.server.ts
// then reads only that case); "cases" makes every instance read the whole list again.
// "accounts" is set by every write of a user and every ended session (models/user.ts, session.ts).
const NAMES = [
  "cases",
  "caseChanges",
  "directory",
  "settings",
  "orgDocuments",
  "memberships",
  "invitations",
  "accounts",
] as const;
export type MarkerName = (typeof NAMES)[number];

type Marker = { token: string; at: Date; seq?: number };
type Cached<T> = { key: string; value: T };
const caches = new Map<MarkerName, Cached<unknown>>();

/** Marks a cache's source as changed: every instance re-reads it on its next use. */
export async function touch(name: MarkerName, extra: { seq?: number } = {}) {
  return touchMarker(name, { at: clockNow(), ...extra });
}

/** Every marker, read once per page view. */
export function markers(): Promise<Map<string, Marker>> {
  return oncePerRequest("read-markers", async () => {
    const found = await readByIds<ReadMarker>(ReadMarkerModel, NAMES);
    return new Map(found.map((m) => [m._id, { token: m.token, at: m.at, ...(m.seq ? { seq: m.seq } : {}) }]));
  });
}

/**
 * What a copy read now is valid for: `name`'s current token, with the database (tests run several
 * databases in one process). A marker nobody has set yet is set here, before the copy is read: a
 * write after it sets another.
 */
export async function markerKey(name: MarkerName) {
  const token = (await markers()).get(name)?.token ?? (await touch(name));
  return `${mongoose.connection.name}:${token}`;
}

/** `load()`'s value, kept until `name`'s marker changes. */
export async function cachedUntilTouched<T>(name: MarkerName, load: () => Promise<T>): Promise<T> {
  const key = await markerKey(name);
  const hit = caches.get(name) as Cached<T> | undefined;
  if (hit?.key === key) return hit.value;
  const value = await singleFlight(`${name}:${key}`, load);
  caches.set(name, { key, value });
  return value;
}

const inFlight = new Map<string, Promise<unknown>>();

/**
 * `load()` once for `key` however many page views ask at the same moment (the first view after a
 * change, or after a start, must not read a collection once per waiting view).
 */
export function singleFlight<T>(key: string, load: () => Promise<T>): Promise<T> {
  let pending = inFlight.get(key) as Promise<T> | undefined;
  if (!pending) {
    pending = load().finally(() => inFlight.delete(key));
    inFlight.set(key, pending);
  }
  return pending;
}
