import { Writable } from "node:stream";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../support/app";
import { Client, DEMO } from "../support/http";

let app: TestApp;
const lines: string[] = [];
const sink = new Writable({
  write(chunk: Buffer, _enc, done) {
    lines.push(chunk.toString());
    done();
  },
});

beforeAll(async () => {
  app = await startTestApp("logging", { logger: pino({ level: "info" }, sink) });
});
afterAll(async () => app?.stop());

describe("request logs", () => {
  it("carry a request id and never a password, token or cookie", async () => {
    const client = new Client(app.url);
    await client.get("/aterstall-losenord?token=HEMLIG-TOKEN-123&x=1");
    await client.post("/logga-in", { email: DEMO.orgAdminA, password: DEMO.password });
    await client.get("/konto");
    // An OpenID provider's return: its one-time code and the flow's state are secrets too.
    await client.get("/logga-in/retur?code=HEMLIG-KOD-456&state=HEMLIGT-LAGE-789&iss=x");
    await new Promise((r) => setTimeout(r, 200));
    const log = lines.join("");
    const entries = lines.map((l) => JSON.parse(l) as { req?: { id?: string; url?: string } });
    const requests = entries.filter((e) => e.req);
    expect(requests.length).toBeGreaterThanOrEqual(3);
    for (const e of requests) expect(e.req?.id).toMatch(/^[\w-]{8,}$/);
    expect(log).toContain("token=[dold]");
    expect(log).not.toContain("HEMLIG-TOKEN-123");
    expect(log).toContain("code=[dold]&state=[dold]");
    expect(log).not.toContain("HEMLIG-KOD-456");
    expect(log).not.toContain("HEMLIGT-LAGE-789");
    expect(log).not.toContain(DEMO.password);
    expect(log).not.toContain("__session=");
  });

  it("uses the caller's X-Request-Id when it is well formed", async () => {
    const res = await fetch(app.url + "/healthz", { headers: { "X-Request-Id": "abc12345-from-lb" } });
    expect(res.headers.get("X-Request-Id")).toBe("abc12345-from-lb");
    const bad = await fetch(app.url + "/", { headers: { "X-Request-Id": "<script>" } });
    expect(bad.headers.get("X-Request-Id")).toMatch(/^[0-9a-f-]{36}$/);
  });
});
