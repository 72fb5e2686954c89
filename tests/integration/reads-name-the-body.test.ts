import mongoose from "mongoose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { agreementInStatus, caseInStatus } from "~/domain/demo/factories.server";
import { postMessage } from "~/domain/cases/dialogue.server";
import { submitCase } from "~/domain/cases/proposals.server";
import { loadCaseById } from "~/domain/cases/engine.server";
import { startTestApp, type TestApp } from "../support/app";
import { laxhjalpenCast } from "../support/cast";
import { DEMO, sessionFor } from "../support/http";

// A sharded cluster keys the per-body collections on { publicBodyId, _id } (docs/scaling.md):
// a command that does not name the body is sent to every shard. Every command a case's life and
// its pages send to those collections names the body (decision 037), watched with the driver's
// command monitoring. The exceptions are the two kept lists that hold every body's by design:
// the case list (decision 030) and the national organisations' own documents (decision 029).

const PER_BODY = [
  "proposals",
  "caseevents",
  "casedocuments",
  "casemessages",
  "agreementversions",
  "agreementcomments",
  "documents",
];

interface Seen {
  command: string;
  collection: string;
  /** The filters (or inserted documents) the command carries. */
  parts: Record<string, unknown>[];
}

let app: TestApp;
const seen: Seen[] = [];
beforeAll(async () => {
  process.env.SAMVERKA_COUNT_DB_COMMANDS = "1";
  app = await startTestApp("reads_name_the_body");
  mongoose.connection.getClient().on("commandStarted", (e) => {
    const command = e.command as Record<string, unknown>;
    const collection = String(command[e.commandName] ?? "");
    if (!PER_BODY.includes(collection)) return;
    const list = (v: unknown) => (Array.isArray(v) ? (v as Record<string, unknown>[]) : []);
    const parts: Record<string, unknown>[] =
      e.commandName === "find"
        ? [command.filter as Record<string, unknown>]
        : e.commandName === "update"
          ? list(command.updates).map((u) => u.q as Record<string, unknown>)
          : e.commandName === "delete"
            ? list(command.deletes).map((d) => d.q as Record<string, unknown>)
            : e.commandName === "insert"
              ? list(command.documents)
              : e.commandName === "aggregate"
                ? [(list(command.pipeline)[0]?.$match ?? {}) as Record<string, unknown>]
                : [(command.query ?? {}) as Record<string, unknown>];
    seen.push({ command: e.commandName, collection, parts });
  });
});
afterAll(async () => {
  delete process.env.SAMVERKA_COUNT_DB_COMMANDS;
  await app?.stop();
});

const namesBody = (part: Record<string, unknown> | undefined): boolean =>
  Boolean(
    part &&
    ("publicBodyId" in part ||
      (Array.isArray(part.$and) && (part.$and as Record<string, unknown>[]).some((p) => namesBody(p)))),
  );
/** The kept lists' reads of every body's cases (an empty filter) and organisation documents. */
const wholeList = (s: Seen) =>
  s.command === "find" &&
  ((s.collection === "proposals" && Object.keys(s.parts[0] ?? {}).length === 0) ||
    (s.collection === "documents" && JSON.stringify(s.parts[0]) === '{"kind":{"$ne":"attachment"}}'));

describe("commands to the per-body collections", () => {
  it("name the body in every read and write of a case's life, from draft to signed agreement, and of its pages", async () => {
    const cast = await laxhjalpenCast();
    seen.length = 0;
    const talk = await caseInStatus("in_dialogue", cast, "Kroppen i varje läsning: dialog");
    await postMessage((await loadCaseById(cast.publicBodyId, talk._id))!, cast.member, "organisation", {
      body: "Ett meddelande",
      internal: false,
    });
    // A double click: the same submission sent again with the version it was made from.
    const draft = await caseInStatus("draft", cast, "Kroppen i varje läsning: dubbelklick");
    expect((await submitCase(draft, cast.member, draft.version)).ok).toBe(true);
    const after = (await loadCaseById(cast.publicBodyId, draft._id))!;
    expect(await submitCase(after, cast.member, draft.version)).toMatchObject({ ok: true });
    const c = await agreementInStatus(cast, "Kroppen i varje läsning: avtal", true);
    const [hans, lina] = await Promise.all([sessionFor(app.url, DEMO.officer), sessionFor(app.url, DEMO.orgAdminB)]);
    for (const [client, path] of [
      [hans, `/handlaggning/arenden/${String(talk._id)}`],
      [lina, `/forslag/${String(talk._id)}`],
      [hans, `/handlaggning/arenden/${String(c._id)}/avtal`],
      [lina, `/forslag/${String(c._id)}/avtal`],
      [lina, `/forslag/${String(c._id)}/avtal/pdf`],
      [hans, "/handlaggning"],
      [lina, "/mina-sidor"],
    ] as const)
      expect((await client.get(path)).status, path).toBe(200);
    // Enough was watched for the check to mean something.
    const collections = new Set(seen.map((s) => s.collection));
    for (const name of ["proposals", "caseevents", "casedocuments", "casemessages", "agreementversions", "documents"])
      expect(collections, name).toContain(name);
    const unnamed = seen
      .filter((s) => !wholeList(s) && !s.parts.every(namesBody))
      .map((s) => `${s.command} ${s.collection} ${JSON.stringify(s.parts).slice(0, 160)}`);
    expect(unnamed).toEqual([]);
  });
});
