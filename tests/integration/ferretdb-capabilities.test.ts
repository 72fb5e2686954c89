import { Readable } from "node:stream";
import mongoose from "mongoose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inject } from "vitest";
import { UserModel } from "#models/user";
import { pullMatching } from "~/domain/kernel/array-pull.server";
import { claimOnce } from "~/domain/kernel/claims.server";
import { nextSequence } from "~/domain/kernel/counters.server";
import { connectDb, disconnectDb } from "~/domain/kernel/db.server";

// What Samverka needs from the database, proven against the embedded FerretDB (or whatever
// MONGODB_URI points to). See docs/decisions/002-embedded-ferretdb.md.

beforeAll(async () => {
  await connectDb(`${inject("mongoBaseUri")}caps_${Date.now().toString(36)}`);
});
afterAll(async () => {
  await mongoose.connection.db?.dropDatabase();
  await disconnectDb();
});

describe("database capabilities", () => {
  it("enforces unique indexes (one account per email)", async () => {
    await UserModel.create({ email: "a@example.se", name: "A" });
    await expect(UserModel.create({ email: "a@example.se", name: "B" })).rejects.toMatchObject({ code: 11000 });
  });

  it("allocates unique, gap-free sequence numbers under concurrency", async () => {
    const numbers = await Promise.all(Array.from({ length: 50 }, () => nextSequence("KS-2026")));
    expect(numbers.sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    expect(await nextSequence("KS-2027")).toBe(1); // each key counts on its own
  });

  it("lets exactly one of many concurrent callers claim a key", async () => {
    const results = await Promise.all(Array.from({ length: 30 }, () => claimOnce("token:abc")));
    expect(results.filter(Boolean)).toHaveLength(1);
  });

  it("stores and returns files through GridFS byte for byte", async () => {
    const db = mongoose.connection.db;
    if (!db) throw new Error("not connected");
    const bucket = new mongoose.mongo.GridFSBucket(db, { bucketName: "files" });
    const bytes = Buffer.alloc(3 * 1024 * 1024 + 123);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 31) % 251;
    const upload = bucket.openUploadStream("test.pdf");
    await new Promise((resolve, reject) =>
      Readable.from([bytes]).pipe(upload).on("finish", resolve).on("error", reject),
    );
    const chunks: Buffer[] = [];
    for await (const chunk of bucket.openDownloadStream(upload.id)) chunks.push(chunk as Buffer);
    expect(Buffer.concat(chunks).equals(bytes)).toBe(true);
    await bucket.delete(upload.id);
    expect(await bucket.find({ _id: upload.id }).toArray()).toHaveLength(0);
  });

  it("finds, updates and deletes by _id through the _id index, not by reading every document", async () => {
    const db = mongoose.connection.db!;
    const docs = db.collection<{ _id: mongoose.Types.ObjectId | string; n: number }>("lookups");
    const ids = Array.from({ length: 50 }, () => new mongoose.Types.ObjectId());
    await docs.insertMany([...ids.map((_id, n) => ({ _id, n })), { _id: "settings", n: -1 }]);
    expect((await docs.findOne({ _id: ids[20] }))?.n).toBe(20);
    expect((await docs.findOne({ _id: "settings" }))?.n).toBe(-1);
    expect(await docs.findOne({ _id: new mongoose.Types.ObjectId() })).toBeNull();
    await docs.updateOne({ _id: ids[3] }, { $set: { n: 300 } });
    await docs.deleteOne({ _id: ids[4] });
    expect((await docs.find({ _id: { $in: ids.slice(2, 6) } }).toArray()).map((d) => d.n).sort()).toEqual([2, 300, 5]);
    // FerretDB shows SQLite's plan (docs/decisions/020-ferretdb-id-index.md); MongoDB its stages.
    const explained = await db.command({ explain: { find: "lookups", filter: { _id: ids[7] } } });
    const plan = JSON.stringify(explained.queryPlanner);
    expect(plan).toMatch(/USING INDEX \S+__id_ |"stage":"(IDHACK|EXPRESS_IXSCAN|IXSCAN)"/);
  });

  it("looks up by _id through the index when the filter also names the body, and still applies the rest", async () => {
    const db = mongoose.connection.db!;
    const docs = db.collection<{ _id: mongoose.Types.ObjectId; publicBodyId: mongoose.Types.ObjectId; n: number }>(
      "bodylookups",
    );
    const [ours, theirs] = [new mongoose.Types.ObjectId(), new mongoose.Types.ObjectId()];
    const ids = Array.from({ length: 20 }, () => new mongoose.Types.ObjectId());
    await docs.insertMany(ids.map((_id, n) => ({ _id, publicBodyId: n % 2 ? theirs : ours, n })));
    // The body must match too: another body's document by its _id is not found (decision 037).
    expect((await docs.findOne({ _id: ids[4]!, publicBodyId: ours }))?.n).toBe(4);
    expect(await docs.findOne({ _id: ids[5]!, publicBodyId: ours })).toBeNull();
    expect((await docs.updateOne({ _id: ids[7]!, publicBodyId: ours }, { $set: { n: 70 } })).matchedCount).toBe(0);
    expect((await docs.updateOne({ _id: ids[7]!, publicBodyId: theirs }, { $set: { n: 70 } })).matchedCount).toBe(1);
    expect((await docs.deleteOne({ _id: ids[8]!, publicBodyId: theirs })).deletedCount).toBe(0);
    expect((await docs.findOne({ _id: ids[7]! }))?.n).toBe(70);
    const explained = await db.command({
      explain: { find: "bodylookups", filter: { _id: ids[7], publicBodyId: theirs } },
    });
    expect(JSON.stringify(explained.queryPlanner)).toMatch(
      /USING INDEX \S+__id_ |"stage":"(IDHACK|EXPRESS_IXSCAN|IXSCAN)"/,
    );
  });

  it("matches on array sub-document fields (memberships)", async () => {
    const orgId = new mongoose.Types.ObjectId();
    await UserModel.create({
      email: "m@example.se",
      name: "M",
      orgMemberships: [{ organisationId: orgId, publicBodyId: new mongoose.Types.ObjectId(), role: "org_member" }],
    });
    expect(await UserModel.countDocuments({ "orgMemberships.organisationId": orgId })).toBe(1);
    const user = await UserModel.findOne({ email: "m@example.se" }).lean();
    if (!user) throw new Error("missing");
    expect(
      await pullMatching(UserModel, user._id, "orgMemberships", (m) => orgId.equals(m.organisationId as never)),
    ).toBe(1);
    expect(await UserModel.countDocuments({ "orgMemberships.organisationId": orgId })).toBe(0);
  });
});
