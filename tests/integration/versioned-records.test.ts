import { Schema, Types } from "mongoose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { defineModel, stableId } from "#models/shared";
import { versionedRecords, VersionConflictError, type RecordKind } from "~/domain/kernel/versioned.server";
import { startTestApp, type TestApp } from "../support/app";

// The engine is generic: a record kind other than cases (here a small test "ledger") gets the
// same lock, trail, monotonic version, exactly-once effects and repair.

interface Ledger {
  _id: Types.ObjectId;
  version: number;
  pendingSeq: number;
  balance: number;
  touchedAt?: Date;
}
const LedgerModel = defineModel(
  "TestLedger",
  new Schema<Ledger>(
    {
      version: { type: Number, default: 0 },
      pendingSeq: { type: Number, default: 0 },
      balance: Number,
      touchedAt: Date,
    },
    { versionKey: false },
  ),
);
const LedgerEventModel = defineModel(
  "TestLedgerEvent",
  new Schema(
    {
      ledgerId: Schema.Types.ObjectId,
      seq: Number,
      type: String,
      data: Schema.Types.Mixed,
      idempotencyKey: String,
      effects: { type: [Schema.Types.Mixed], default: undefined },
      effectsPending: Boolean,
      at: Date,
    },
    { versionKey: false },
  ),
);
const ReceiptModel = defineModel("TestReceipt", new Schema({ ledgerId: Schema.Types.ObjectId, text: String }));

type Effect = { key: string; text: string };
const applied: string[] = [];
const ledgers = versionedRecords<Ledger, Effect>({
  records: LedgerModel as unknown as RecordKind<Ledger, Effect>["records"],
  events: LedgerEventModel as unknown as RecordKind<Ledger, Effect>["events"],
  eventId: (id, seq) => stableId(`ledger:${String(id)}:${seq}`),
  stamp: (at) => ({ touchedAt: at }),
  async applyEffects(record, seq, _at, effects) {
    for (const e of effects) {
      applied.push(`${String(record._id)}:${seq}:${e.key}`);
      await ReceiptModel.create({
        _id: stableId(`receipt:${String(record._id)}:${seq}:${e.key}`),
        ledgerId: record._id,
        text: e.text,
      }).catch((error: { code?: number }) => {
        if (error.code !== 11000) throw error;
      });
    }
  },
});

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp("versioned");
});
afterAll(() => app.stop());

async function newLedger() {
  const l = await LedgerModel.create({ balance: 0 });
  return l.toObject() as Ledger;
}
const event = (type: string, idempotencyKey?: string) => ({ fields: { type }, idempotencyKey });

describe("versioned records (generic engine)", () => {
  it("lets exactly one of two concurrent changes from the same version win", async () => {
    const l = await newLedger();
    const results = await Promise.allSettled([
      ledgers.commit(l, event("deposit"), { balance: 100 }),
      ledgers.commit(l, event("deposit"), { balance: 200 }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const loser = results.find((r) => r.status === "rejected");
    expect(loser?.status === "rejected" && loser.reason).toBeInstanceOf(VersionConflictError);
    const stored = await ledgers.load(l);
    expect(stored?.version).toBe(1);
    expect((await ledgers.trail(stored!)).map((e) => e.seq)).toEqual([1]);
  });

  it("answers a retried change (same idempotency key) as done, without a second event", async () => {
    const l = await newLedger();
    const first = await ledgers.commit(l, event("deposit", "req-1"), { balance: 5 });
    const again = await ledgers.commit(l, event("deposit", "req-1"), { balance: 5 });
    expect(first.repeated).toBe(false);
    expect(again.repeated).toBe(true);
    expect(again.record.version).toBe(1);
  });

  it("never moves a record back to an older version", async () => {
    const l = await newLedger();
    const one = await ledgers.commit(l, event("deposit"), { balance: 10 });
    await ledgers.commit(one.record, event("deposit"), { balance: 20 });
    await ledgers.applyVersion(l, 1, { balance: 10 }); // a slow writer of version 1
    const stored = await LedgerModel.findById(l._id).lean();
    expect(stored).toMatchObject({ version: 2, balance: 20 });
  });

  it("finishes a change whose writer stopped after the event: patch, stamp and effects, once", async () => {
    const l = await newLedger();
    const effects = [{ key: "receipt", text: "Kvitto 42 kr" }];
    const { seq, at } = await ledgers.writeEvent(l, event("deposit"), { balance: 42 }, effects);
    const [a, b] = await Promise.all([ledgers.load(l), ledgers.load(l)]);
    expect(a).toMatchObject({ version: seq, balance: 42, touchedAt: at });
    expect(b?.version).toBe(seq);
    expect(await ReceiptModel.countDocuments({ ledgerId: l._id })).toBe(1);
    const e = await LedgerEventModel.findById(stableId(`ledger:${String(l._id)}:${seq}`)).lean();
    expect(e?.effectsPending).toBeUndefined();
    // Once settled, reading again applies nothing more.
    const before = applied.length;
    await ledgers.load(l);
    expect(applied.length).toBe(before);
  });
});
