import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { caseInStatus } from "~/domain/demo/factories.server";
import { startTestApp, type TestApp } from "../support/app";
import { laxhjalpenCast } from "../support/cast";
import { DEMO, sessionFor } from "../support/http";

// Details that made people hesitate (issue 21, part 7), each as the person meets it.

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp("details");
});
afterAll(async () => app?.stop());

describe("the organisation's list of its cases", () => {
  it("shows the cases still going on before the withdrawn and declined ones, however recent those are", async () => {
    const cast = await laxhjalpenCast();
    await caseInStatus("in_dialogue", cast, "Detaljer: pågående förslag");
    await caseInStatus("declined", cast, "Detaljer: avslaget förslag");
    await caseInStatus("withdrawn", cast, "Detaljer: återkallat förslag");
    const page = await (await (await sessionFor(app.url, DEMO.orgAdminB)).get("/forslag")).text();
    const at = (title: string) => page.indexOf(title);
    expect(at("Detaljer: pågående förslag")).toBeGreaterThan(-1);
    expect(at("Detaljer: pågående förslag")).toBeLessThan(at("Detaljer: återkallat förslag"));
    expect(at("Detaljer: pågående förslag")).toBeLessThan(at("Detaljer: avslaget förslag"));
  });
});
