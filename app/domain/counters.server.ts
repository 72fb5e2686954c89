import { SequenceModel } from "#models/sequence";

const isDuplicateKey = (error: unknown) => (error as { code?: number } | null)?.code === 11000;

/**
 * The next number of a sequence (case numbers per public body and year): unique and
 * gap-free under concurrency. FerretDB 1.x does not make `$inc` atomic between connections
 * (docs/decisions/002), so each number is claimed by inserting it under a unique index;
 * whoever loses a race tries the next number.
 */
export async function nextSequence(key: string, ref?: string): Promise<number> {
  if (ref) {
    const given = await SequenceModel.findOne({ key, ref }).select("n").lean();
    if (given) return given.n;
  }
  for (let attempt = 0; attempt < 1000; attempt++) {
    const last = await SequenceModel.findOne({ key }).sort({ n: -1 }).select("n").lean();
    const n = (last?.n ?? 0) + 1;
    try {
      await SequenceModel.collection.insertOne({ key, n, ref, createdAt: new Date() });
      return n;
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 5 * Math.min(attempt + 1, 10)));
    }
  }
  throw new Error(`could not allocate a number in ${key}`);
}
