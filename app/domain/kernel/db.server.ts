import mongoose from "mongoose";
import { allModels } from "#models/index";

// Fail fast instead of buffering for 10 s: a request while the database is away must
// answer 503 quickly, and /readyz must answer within 2 seconds.
mongoose.set("bufferCommands", false);
mongoose.set("autoIndex", false);
mongoose.set("strictQuery", true);

let connecting: Promise<typeof mongoose> | undefined;

export async function connectDb(uri: string) {
  if (mongoose.connection.readyState === 1) return mongoose;
  connecting ??= mongoose
    .connect(uri, {
      serverSelectionTimeoutMS: 2000,
      connectTimeoutMS: 2000,
      heartbeatFrequencyMS: 2000,
      // `npm run bench` counts the commands each page sends.
      monitorCommands: process.env.SAMVERKA_COUNT_DB_COMMANDS === "1",
    })
    .then(async (m) => {
      await upgradeData();
      await ensureIndexes();
      return m;
    })
    .catch((error) => {
      connecting = undefined;
      throw error;
    });
  return connecting;
}

export async function disconnectDb() {
  connecting = undefined;
  await mongoose.disconnect();
}

/**
 * Brings data written by an earlier version up to date; each step is idempotent, so every
 * instance may run it at start. Organisations became national (decision 029): the body they
 * were registered with is `registeredIn`, and their number is unique in the installation.
 * (Memberships keep a stale `publicBodyId` that nothing reads.)
 */
export async function upgradeData() {
  const organisations = mongoose.connection.collection("organisations");
  await organisations.updateMany(
    { registeredIn: { $exists: false }, publicBodyId: { $exists: true } },
    { $rename: { publicBodyId: "registeredIn" } },
  );
  const indexes = await organisations.indexes().catch(() => []);
  for (const index of indexes)
    if (index.name && "publicBodyId" in index.key) await organisations.dropIndex(index.name).catch(() => undefined);
}

// FerretDB 1.x lacks TTL, partial and collation indexes (docs/decisions/002): we create the
// declared indexes ourselves and drop those options; expiry is done by the cleanup job.
const unsupported = ["expireAfterSeconds", "partialFilterExpression", "collation", "background"];

export async function ensureIndexes() {
  for (const model of allModels()) {
    await model.createCollection().catch(() => undefined);
    for (const [fields, options] of model.schema.indexes()) {
      const opts: Record<string, unknown> = { ...options };
      for (const key of unsupported) delete opts[key];
      await model.collection.createIndex(fields as Record<string, 1 | -1>, opts);
    }
  }
}

/**
 * Whether the driver currently sees the database. While it does not, the server answers 503
 * at once (server/app.ts) instead of letting every query wait for the selection timeout.
 */
export const databaseUp = () => mongoose.connection.readyState === 1;

export async function pingDb(timeoutMs = 1500): Promise<boolean> {
  const db = mongoose.connection.db;
  if (!db || mongoose.connection.readyState !== 1) return false;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  try {
    return await Promise.race([
      db
        .admin()
        .ping()
        .then(() => true)
        .catch(() => false),
      timeout,
    ]);
  } finally {
    clearTimeout(timer);
  }
}

/** Errors that mean "the database is not reachable", to be shown as 503, not 500. */
export function isDbUnavailable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  return (
    /MongoServerSelectionError|MongoNetworkError|MongoNotConnectedError|MongoTopologyClosedError|MongooseServerSelectionError/.test(
      error.name,
    ) || /buffering timed out|Client must be connected|connection .* closed|ECONNREFUSED/i.test(error.message)
  );
}
