import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { OutboxModel } from "#models/email-outbox";
import { OrganisationModel } from "#models/organisation";
import { processOutbox } from "~/domain/notifications/outbox.server";
import { startTestApp, type TestApp } from "../support/app";
import { DEMO, loginAs } from "../support/http";
import { recipients } from "../support/smtp";

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp("outbox");
});
afterAll(async () => app?.stop());

const until = async (check: () => Promise<boolean>, timeoutMs = 15_000) => {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error("condition not met in time");
};

describe("email outbox", () => {
  it("keeps an invitation while the mail server is down and sends it exactly once when it is back", async () => {
    const orgA = await OrganisationModel.findOne({ orgNumber: "802400-1375" }).lean();
    await app.smtp.stop();
    const anna = await loginAs(app.url, DEMO.orgAdminA);
    const email = "vantar@gronagarden.example";
    const res = await anna.post(`/organisation/${String(orgA?._id)}`, { intent: "invite", email, role: "org_member" });
    expect(res.status).toBe(302); // the request succeeds although mail cannot be sent

    // The worker tries, fails and schedules a retry with backoff.
    await until(async () => ((await OutboxModel.findOne({ to: email }).lean())?.attempts ?? 0) >= 1);
    const failed = await OutboxModel.findOne({ to: email }).lean();
    expect(failed?.status).toBe("pending");
    expect(failed?.lastError).toBeTruthy();
    expect(failed?.nextAttemptAt.getTime()).toBeGreaterThan(Date.now() - 1000);

    await app.smtp.start(); // same port
    await app.smtp.waitFor((m) => recipients(m).includes(email), 20_000);
    await until(async () => (await OutboxModel.findOne({ to: email }).lean())?.status === "sent");

    // Competing workers and extra rounds do not send it again.
    await Promise.all([processOutbox(), processOutbox(), processOutbox()]);
    await new Promise((r) => setTimeout(r, 800));
    expect(app.smtp.messages.filter((m) => recipients(m).includes(email))).toHaveLength(1);
  });

  it("never sends two emails for one idempotency key, however many workers race", async () => {
    const { enqueueEmail } = await import("~/domain/notifications/outbox.server");
    const payload = {
      template: "verify" as const,
      locale: "sv" as const,
      name: "Race",
      url: "http://x/",
      sender: { office: "Kontoret", email: "", phone: "", url: "" },
    };
    await Promise.all(Array.from({ length: 5 }, () => enqueueEmail("race-key-1", "race@example.se", payload)));
    await Promise.all(Array.from({ length: 4 }, () => processOutbox()));
    await app.smtp.waitFor((m) => recipients(m).includes("race@example.se"));
    await new Promise((r) => setTimeout(r, 800));
    expect(await OutboxModel.countDocuments({ idempotencyKey: "race-key-1" })).toBe(1);
    expect(app.smtp.messages.filter((m) => recipients(m).includes("race@example.se"))).toHaveLength(1);
  });
});
