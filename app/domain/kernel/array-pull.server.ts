import type { Model, Types } from "mongoose";
import { touchAfterDriverWrite } from "#models/read-marker";

/**
 * Removes the array elements that match `predicate` from one document. FerretDB 1.x only
 * supports `$pull` of exact values (not `$pull` with a condition, nor `$elemMatch`), so we
 * read the elements and pull each exactly as stored (docs/decisions/002).
 */
export async function pullMatching<T>(
  model: Model<T>,
  id: Types.ObjectId,
  field: string,
  predicate: (element: Record<string, unknown>) => boolean,
): Promise<number> {
  const doc = await model.collection.findOne({ _id: id }, { projection: { [field]: 1 } });
  const elements = ((doc?.[field] as Record<string, unknown>[] | undefined) ?? []).filter(predicate);
  for (const element of elements) {
    await model.collection.updateOne({ _id: id }, { $pull: { [field]: element } as never });
  }
  // Past mongoose's hooks: set the marker its writes set (users: decision 032).
  if (elements.length) await touchAfterDriverWrite(model.collection.name);
  return elements.length;
}
