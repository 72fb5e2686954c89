import { describe, expect, it } from "vitest";
import { dueReminders, workingDaysBetween } from "~/domain/reminders";

const settings = { unroutedReminderDays: 3, inactivityReminderDays: 14, completionReminderDays: 7 };

describe("working days", () => {
  it("skips weekends", () => {
    // Friday 2026-11-20 to Wednesday 2026-11-25: Mon, Tue, Wed.
    expect(workingDaysBetween(new Date("2026-11-20T09:00:00Z"), new Date("2026-11-25T09:00:00Z"))).toBe(3);
    expect(workingDaysBetween(new Date("2026-11-21T09:00:00Z"), new Date("2026-11-22T09:00:00Z"))).toBe(0);
  });
});

describe("due reminders", () => {
  const now = new Date("2026-11-25T09:00:00Z");
  it("reminds the office of a case not routed within N working days, once per period", () => {
    const fresh = { id: "a", status: "submitted", receivedAt: new Date("2026-11-23T09:00:00Z"), lastActivityAt: now };
    const old = { id: "b", status: "submitted", receivedAt: new Date("2026-11-20T09:00:00Z"), lastActivityAt: now };
    expect(dueReminders([fresh, old], settings, now)).toEqual([
      { type: "reminderUnrouted", caseId: "b", days: 3, period: 1 },
    ]);
  });
  it("reminds about inactivity and unanswered completion requests", () => {
    const quiet = { id: "c", status: "in_dialogue", lastActivityAt: new Date("2026-10-27T09:00:00Z") };
    const waiting = { id: "d", status: "awaiting_completion", lastActivityAt: new Date("2026-11-17T09:00:00Z") };
    const decided = { id: "e", status: "approved", lastActivityAt: new Date("2025-01-01T09:00:00Z") };
    expect(dueReminders([quiet, waiting, decided], settings, now)).toEqual([
      { type: "reminderInactive", caseId: "c", days: 29, period: 2 },
      { type: "reminderCompletion", caseId: "d", days: 8, period: 1 },
    ]);
  });
});
