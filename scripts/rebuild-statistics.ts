import { PublicBodyModel } from "#models/public-body";
import { connectDb, disconnectDb } from "../app/domain/kernel/db.server";
import { rebuildStatistics } from "../app/domain/statistics/statistics.server";
import { startEmbeddedDb } from "./db";

// `npm run stats:rebuild`: recomputes the overview's counters of every public body from its
// cases (docs/decisions/014), e.g. after a crash between a change and its count, or after
// importing cases. Reads every case once; safe to run while the app runs.
const embedded = process.env.MONGODB_URI ? undefined : await startEmbeddedDb(".data/ferretdb");
await connectDb(process.env.MONGODB_URI ?? `${embedded?.uri ?? ""}samverka`);
for (const body of await PublicBodyModel.find().select("name").lean()) {
  const counters = await rebuildStatistics(body._id);
  console.log(`[samverka] ${body.name}: ${Object.keys(counters).length} räknare`);
}
await disconnectDb();
await embedded?.stop();
