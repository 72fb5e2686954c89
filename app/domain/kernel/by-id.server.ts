import type { Document, Filter } from "mongodb";
import { LRUCache } from "lru-cache";
import mongoose, { Types, type Collection, type Schema } from "mongoose";

// Hot pages read a handful of documents by `_id` on every view (the session, its user, the case,
// the cache markers). Through the driver directly such a read costs a fraction of a mongoose
// query, whose building, casting and option handling measured about a tenth of a signed-in
// page's CPU time (decision 023). The documents are the same plain objects `.lean()` returns.

/** What a read needs of a model: its collection and its schema. */
type Readable = { collection: Collection; schema: Schema };

const hiddenPaths = new WeakMap<object, string[]>();

/** The schema's `select: false` paths, which a plain read leaves out as mongoose would. */
function hiddenOf(model: Readable) {
  let hidden = hiddenPaths.get(model);
  if (!hidden) {
    hidden = Object.entries(model.schema.paths)
      .filter(([, type]) => (type.options as { select?: boolean }).select === false)
      .map(([path]) => path);
    hiddenPaths.set(model, hidden);
  }
  return hidden;
}

function projectionOf(model: Readable, fields?: string) {
  if (fields)
    return Object.fromEntries(
      fields
        .split(/\s+/)
        .filter(Boolean)
        .map((f) => [f.replace(/^\+/, ""), 1]),
    );
  const hidden = hiddenOf(model);
  return hidden.length ? Object.fromEntries(hidden.map((p) => [p, 0])) : undefined;
}

type Id = Types.ObjectId | string | number;

const idFor = (model: Readable, id: Id) =>
  typeof id === "string" && model.schema.path("_id").instance === "ObjectId"
    ? Types.ObjectId.isValid(id)
      ? new Types.ObjectId(id)
      : null
    : id;

/**
 * One document by `_id` (`fields`: the paths to read, space-separated, as `select` takes them).
 * `publicBodyId`: the body a per-body document belongs to, named in the filter so that a sharded
 * cluster asks one shard (decision 037); a document of another body is not found.
 */
export async function readById<T>(
  model: Readable,
  id: Id,
  fields?: string,
  publicBodyId?: Types.ObjectId,
): Promise<T | null> {
  const _id = idFor(model, id);
  if (_id === null) return null;
  const projection = projectionOf(model, fields);
  const filter = publicBodyId ? { _id, publicBodyId } : { _id };
  return (await model.collection.findOne(filter as Filter<Document>, projection ? { projection } : {})) as T | null;
}

/** The documents with these `_id`s, in no particular order. */
export async function readByIds<T>(model: Readable, ids: readonly (Types.ObjectId | string)[]): Promise<T[]> {
  const projection = projectionOf(model);
  const found = await model.collection
    .find({ _id: { $in: [...ids] } } as Filter<Document>, projection ? { projection } : {})
    .toArray();
  return found as T[];
}

const unchanging = new LRUCache<string, object>({ max: 20_000 });

/**
 * A document that is never changed once written (an agreement's versions and comments are
 * insert-only, decision 011): read by `_id` once per instance, then kept. A miss is not kept,
 * since the document may be written later.
 */
export async function readUnchangingById<T extends object>(
  model: Readable,
  id: Types.ObjectId | string,
  fields?: string,
  publicBodyId?: Types.ObjectId,
): Promise<T | null> {
  const key = `${mongoose.connection.name}:${model.collection.collectionName}:${String(id)}:${fields ?? ""}:${String(publicBodyId ?? "")}`;
  const kept = unchanging.get(key);
  if (kept) return kept as T;
  const found = await readById<T>(model, id, fields, publicBodyId);
  if (found) unchanging.set(key, found);
  return found;
}
