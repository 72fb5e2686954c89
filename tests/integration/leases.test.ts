import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ClaimModel } from "#models/claim";
import { StatisticsModel, StatisticsPendingModel } from "#models/statistics";
import { caseInStatus } from "~/domain/demo/factories.server";
import { CaseConflictError, loadCaseById, recordChange } from "~/domain/cases/engine.server";
import { fencedSet, isClaimed, LeaseLostError, releaseLease, takeLease, withLock } from "~/domain/kernel/claims.server";
import { countParkedStatistics, rebuildStatistics, setStatisticsWait } from "~/domain/statistics/statistics.server";
import { startTestApp, type TestApp } from "../support/app";
import { laxhjalpenCast } from "../support/cast";

// Locks that never lose an update (issue 21, part 4): a claim is released only by its holder, a
// holder past its lease cannot write after the next holder took it, and the statistics count
// every change once, also when the counters were busy or a write failed.

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp("leases");
});
afterAll(async () => app?.stop());

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const counted = async (id: string) =>
  Object.fromEntries(Object.entries((await StatisticsModel.findById(id).lean())?.counters ?? {}).filter(([, n]) => n));

describe("a lease", () => {
  it("is released only by its holder, and a holder past its lease cannot write after the next one", async () => {
    // The lease's time is given, so a slow test machine cannot let it expire early.
    const t0 = new Date();
    const at = (ms: number) => new Date(t0.getTime() + ms);
    const slow = await takeLease("lease-test:a", 50, t0);
    expect(slow).not.toBeNull();
    expect(await takeLease("lease-test:a", 50, at(10))).toBeNull();
    const next = await takeLease("lease-test:a", 60_000, at(80));
    expect(next?.fence).toBeGreaterThan(slow!.fence);
    // The slow holder's `finally` removes nothing of the next holder's.
    await releaseLease(slow!);
    expect(await isClaimed("lease-test:a")).toBe(true);
    expect(await takeLease("lease-test:a", 50)).toBeNull();

    // Fencing: the next holder writes; the slow one's write is refused and changes nothing.
    await fencedSet(StatisticsModel, "lease-test-doc", next!, { counters: { x: 2 } });
    await expect(fencedSet(StatisticsModel, "lease-test-doc", slow!, { counters: { x: 1 } })).rejects.toThrow(
      LeaseLostError,
    );
    expect((await StatisticsModel.findById("lease-test-doc").lean())?.counters).toEqual({ x: 2 });
    await releaseLease(next!);
    expect(await isClaimed("lease-test:a")).toBe(false);
  });

  it("lets two writers of one lock run one after the other, the one past its lease writing nothing", async () => {
    const writes: string[] = [];
    // The slow holder writes only after the next one has (whatever the machine's speed).
    let fastWrote = () => {};
    const fastDone = new Promise<void>((resolve) => (fastWrote = resolve));
    const slow = withLock(
      "lease-test:b",
      async (lease) => {
        await fastDone; // past its 50 ms lease
        try {
          await fencedSet(StatisticsModel, "lease-test-b", lease, { counters: { slow: 1 } });
          writes.push("slow");
        } catch (error) {
          if (!(error instanceof LeaseLostError)) throw error;
          writes.push("slow refused");
        }
      },
      { ttlMs: 50 },
    );
    await sleep(20);
    const fast = withLock(
      "lease-test:b",
      async (lease) => {
        await fencedSet(StatisticsModel, "lease-test-b", lease, { counters: { fast: 1 } });
        writes.push("fast");
        fastWrote();
      },
      { waitMs: 5_000 },
    );
    await Promise.all([slow, fast]);
    expect(writes).toEqual(["fast", "slow refused"]);
    expect((await StatisticsModel.findById("lease-test-b").lean())?.counters).toEqual({ fast: 1 });
    expect(await ClaimModel.exists({ _id: "lease-test:b" })).toBeNull();
  });
});

describe("the statistics counters", () => {
  it("park a difference while the counters are busy and count it once later, equal to a rebuild", async () => {
    const cast = await laxhjalpenCast();
    const body = String(cast.publicBodyId);
    await rebuildStatistics(cast.publicBodyId);
    // Someone holds the counters' lease for a minute (a stuck instance): changes go on.
    const stuck = await takeLease(`statistics-lock:${body}`, 60_000);
    setStatisticsWait(100);
    try {
      await caseInStatus("submitted", cast, "Statistik: medan räknarna är upptagna");
    } finally {
      setStatisticsWait(15_000);
    }
    expect(await StatisticsPendingModel.countDocuments({ publicBodyId: body })).toBeGreaterThan(0);
    // The job counts them once the lease is free; a second run (or a crash and a rerun) adds nothing.
    await releaseLease(stuck!);
    await countParkedStatistics();
    await countParkedStatistics();
    expect(await StatisticsPendingModel.countDocuments({ publicBodyId: body })).toBe(0);
    const kept = await counted(body);
    expect(kept).toEqual(await rebuildStatistics(cast.publicBodyId).then((c) => filterZero(c)));
  });

  it("count a parked difference once even when it was counted before the park was removed", async () => {
    const cast = await laxhjalpenCast();
    const body = String(cast.publicBodyId);
    await rebuildStatistics(cast.publicBodyId);
    await caseInStatus("submitted", cast, "Statistik: räknad men kvar som parkerad");
    const before = await counted(body);
    // A stop after the counters were written but before the parked copy was removed.
    const counter = Object.keys(before)[0]!;
    const applied = (await StatisticsModel.findById(body).lean())?.applied ?? [];
    await StatisticsPendingModel.create({ _id: applied.at(-1)!, publicBodyId: body, delta: { [counter]: 1 } });
    await countParkedStatistics();
    expect(await counted(body)).toEqual(before);
    expect(await StatisticsPendingModel.countDocuments({ publicBodyId: body })).toBe(0);
  });
});

const filterZero = (c: Record<string, number>) => Object.fromEntries(Object.entries(c).filter(([, n]) => n));

describe("the version a person saw", () => {
  it("is checked by the engine's commit for every change, and a stale one writes nothing", async () => {
    const cast = await laxhjalpenCast();
    const c = await caseInStatus("in_dialogue", cast, "Version: inaktuellt formulär");
    await expect(
      recordChange(c, { expectedVersion: c.version - 1, type: "draftSaved", actor: cast.member }, { title: "Ny" }),
    ).rejects.toThrow(CaseConflictError);
    const after = await loadCaseById(c.publicBodyId, c._id);
    expect([after?.version, after?.title]).toEqual([c.version, c.title]);
    // A use case that no longer checks by hand is refused the same way.
    const { saveDraft } = await import("~/domain/cases/proposals.server");
    await expect(saveDraft(after!, cast.member, { title: "Också ny" }, c.version - 1)).rejects.toThrow(
      CaseConflictError,
    );
    expect((await loadCaseById(c.publicBodyId, c._id))?.version).toBe(c.version);
  });
});
