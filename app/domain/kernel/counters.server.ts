import { randomUUID } from "node:crypto";
import { SequenceModel } from "#models/sequence";
import { isDuplicateKey } from "./claims.server";
import { clockNow } from "./clock";

/**
 * The next number of a sequence (case numbers per public body and year): unique and
 * gap-free under concurrency, and at most one per `owner` (unique index). FerretDB 1.x does not make `$inc` atomic between connections
 * (docs/decisions/002), so each number is claimed by inserting it under a unique index;
 * whoever loses a race tries the next number.
 */
export async function nextSequence(key: string, owner: string = randomUUID()): Promise<number> {
  for (let attempt = 0; attempt < 1000; attempt++) {
    // Asked before for the same owner (a retry, or a race with ourselves): the same number.
    const given = await SequenceModel.findOne({ key, owner }).select("n").lean();
    if (given) return given.n;
    const last = await SequenceModel.findOne({ key }).sort({ n: -1 }).select("n").lean();
    const n = (last?.n ?? 0) + 1;
    try {
      await SequenceModel.collection.insertOne({ key, n, owner, createdAt: clockNow() });
      return n;
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 5 * Math.min(attempt + 1, 10)));
    }
  }
  throw new Error(`could not allocate a number in ${key}`);
}
