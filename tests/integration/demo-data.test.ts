import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ProposalModel } from "#models/proposal";
import { PublicBodyModel } from "#models/public-body";
import { seedDemoCases } from "~/domain/demo/seed.server";
import { startTestApp, type TestApp } from "../support/app";

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp("demo-data");
});
afterAll(() => app.stop());

describe("demo data for development", { timeout: 120_000 }, () => {
  it("seeds cases in every status over two organisations, once", async () => {
    const body = await PublicBodyModel.findOne({ slug: "exempelkommun" }).lean();
    if (!body) throw new Error("no public body");
    expect(await seedDemoCases(body)).toBe(13);
    const cases = await ProposalModel.find({ publicBodyId: body._id }).lean();
    expect(new Set(cases.map((c) => c.status))).toEqual(
      new Set([
        "draft",
        "submitted",
        "in_dialogue",
        "awaiting_completion",
        "preparing_proposal",
        "in_assessment",
        "approved",
        "declined",
        "withdrawn",
        "agreement_pending_signatures",
        "active",
      ]),
    );
    expect(new Set(cases.map((c) => String(c.organisationId))).size).toBe(2);
    expect(await seedDemoCases(body)).toBe(0);
  });
});
