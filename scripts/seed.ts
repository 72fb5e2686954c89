import { connectDb, disconnectDb } from "../app/domain/kernel/db.server";
import { seedDemo, seedDemoCases, seedNeighbour, seedNeighbourCases } from "../app/domain/demo/seed.server";
import { startEmbeddedDb } from "./db";

// `npm run seed` (also run by `npm run dev`): idempotent demo data. Without MONGODB_URI it
// starts the embedded database on .data/ (do not run it beside a running `npm run dev`).
const embedded = process.env.MONGODB_URI ? undefined : await startEmbeddedDb(".data/ferretdb");
const uri = process.env.MONGODB_URI ?? `${embedded?.uri ?? ""}samverka`;
await connectDb(uri);
const body = await seedDemo();
const cases = await seedDemoCases(body);
const neighbour = await seedNeighbour();
await seedNeighbourCases(neighbour);
console.log(
  `[samverka] Demodata klar för ${body.name}${cases ? ` (${cases} ärenden i alla lägen)` : ""} och ${neighbour.name}`,
);
await disconnectDb();
await embedded?.stop();
