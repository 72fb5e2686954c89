import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { IdentityLinkModel } from "#models/identity-link";
import { UserModel } from "#models/user";
import { upsertUser } from "~/domain/demo/factories.server";
import {
  backfillIdentityLinks,
  linkIdentity,
  unlinkIdentity,
  userWithIdentity,
} from "~/domain/identity/linked-identities.server";
import { ClaimModel } from "#models/claim";
import { startTestApp, type TestApp } from "../support/app";

// An identity is linked to one account at most (issue 21, part 4): its link is a document keyed
// `issuer|subject`, a unique key that FerretDB enforces (a unique index on the users' identity
// array it does not), so not even a holder past its lock's lease can link it twice.

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp("identity_links");
});
afterAll(async () => app?.stop());

const ISSUER = "https://eid.example.test";
const identity = (subject: string) => ({
  providerId: "",
  issuer: ISSUER,
  subject,
  label: "e-legitimation",
  name: "",
  emailVerified: false,
  groups: [],
  authTime: new Date(),
});
const account = (name: string) =>
  upsertUser({ email: `${name}-${Date.now()}-${Math.random().toString(36).slice(2, 6)}@example.org`, name });
const holders = async (subject: string) =>
  (await UserModel.find({ "externalIdentities.subject": subject }).lean()).map((u) => String(u._id));

describe("an identity's link", () => {
  it("goes to one of five accounts linking it at once, and its sign-in finds that account by _id", async () => {
    const accounts = await Promise.all([1, 2, 3, 4, 5].map((i) => account(`samtidig${i}`)));
    const results = await Promise.allSettled(accounts.map((a) => linkIdentity(a._id, identity("samtidig"))));
    const won = results.flatMap((r, i) => (r.status === "fulfilled" ? [String(accounts[i]!._id)] : []));
    expect(won).toHaveLength(1);
    expect(await holders("samtidig")).toEqual(won);
    expect(String((await userWithIdentity(ISSUER, "samtidig"))?._id)).toBe(won[0]);
    // Linking it again to the same account changes nothing (a retry, a double click).
    await linkIdentity(accounts.find((a) => String(a._id) === won[0])!._id, identity("samtidig"));
    expect(await holders("samtidig")).toEqual(won);
  });

  it("holds even when the lock is gone (a holder past its lease): the unique key refuses the second", async () => {
    const [first, second] = [await account("forst"), await account("sen")];
    await linkIdentity(first._id, identity("utan-las"));
    // The lock left nothing behind; a second account tries as if it held the lock itself.
    expect(await ClaimModel.exists({ _id: `identity:${ISSUER}|utan-las` })).toBeNull();
    await expect(linkIdentity(second._id, identity("utan-las"))).rejects.toMatchObject({ reason: "linkedElsewhere" });
    expect(await holders("utan-las")).toEqual([String(first._id)]);
    await expect(
      IdentityLinkModel.create({ _id: `${ISSUER}|utan-las`, userId: second._id, linkedAt: new Date() }),
    ).rejects.toMatchObject({ code: 11000 });
  });

  it("is completed by a retry after a crash between the link and the account's entry", async () => {
    const person = await account("krasch");
    // The first write happened, the second did not.
    await IdentityLinkModel.create({ _id: `${ISSUER}|krasch`, userId: person._id, linkedAt: new Date() });
    expect(await holders("krasch")).toEqual([]);
    await linkIdentity(person._id, identity("krasch"));
    await linkIdentity(person._id, identity("krasch"));
    expect(await holders("krasch")).toEqual([String(person._id)]);
    const entries = (await UserModel.findById(person._id).lean())?.externalIdentities ?? [];
    expect(entries.filter((e) => e.subject === "krasch")).toHaveLength(1);
  });

  it("is removed with the identity, so another account may link it afterwards", async () => {
    const [first, second] = [await account("bort"), await account("sedan")];
    await UserModel.updateOne({ _id: first._id }, { $set: { passwordHash: "x" } });
    await linkIdentity(first._id, identity("flyttas"));
    await unlinkIdentity(first._id, `${ISSUER}|flyttas`);
    expect(await userWithIdentity(ISSUER, "flyttas")).toBeNull();
    await linkIdentity(second._id, identity("flyttas"));
    expect(await holders("flyttas")).toEqual([String(second._id)]);
  });

  it("is made at start-up for identities linked before links were kept apart, the first linked keeping a shared one", async () => {
    const [older, newer] = [await account("aldre"), await account("nyare")];
    const entry = (at: string) => ({ issuer: ISSUER, subject: "gammal", label: "BankID", linkedAt: new Date(at) });
    await UserModel.updateOne({ _id: newer._id }, { $push: { externalIdentities: entry("2026-03-01T10:00:00Z") } });
    await UserModel.updateOne({ _id: older._id }, { $push: { externalIdentities: entry("2026-01-01T10:00:00Z") } });
    expect(await userWithIdentity(ISSUER, "gammal")).toBeNull();
    const logged: string[][] = [];
    await backfillIdentityLinks((holder, other, id) => logged.push([holder, other, id]));
    expect(String((await userWithIdentity(ISSUER, "gammal"))?._id)).toBe(String(older._id));
    expect(logged).toEqual([[String(older._id), String(newer._id), `${ISSUER}|gammal`]]);
    // Run again (every start-up): the link stays; the shared identity is reported again.
    await backfillIdentityLinks((holder, other, id) => logged.push([holder, other, id]));
    expect(String((await userWithIdentity(ISSUER, "gammal"))?._id)).toBe(String(older._id));
    expect(logged).toHaveLength(2);
  });
});
