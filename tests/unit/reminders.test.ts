import { describe, expect, it } from "vitest";
import { dueReminders, reminderKey } from "~/domain/cases/reminders";
import { easterSunday, swedishHolidays, workingDaysBetween } from "~/domain/kernel/swedish-calendar";

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
      { type: "reminderUnrouted", caseId: "b", days: 3, period: 1, since: old.receivedAt },
    ]);
  });
  it("reminds about inactivity and unanswered completion requests", () => {
    const quiet = { id: "c", status: "in_dialogue", lastActivityAt: new Date("2026-10-27T09:00:00Z") };
    const waiting = { id: "d", status: "awaiting_completion", lastActivityAt: new Date("2026-11-17T09:00:00Z") };
    const decided = { id: "e", status: "approved", lastActivityAt: new Date("2025-01-01T09:00:00Z") };
    expect(dueReminders([quiet, waiting, decided], settings, now)).toEqual([
      { type: "reminderInactive", caseId: "c", days: 29, period: 2, since: quiet.lastActivityAt },
      { type: "reminderCompletion", caseId: "d", days: 8, period: 1, since: waiting.lastActivityAt },
    ]);
  });
  it("gives a new quiet spell of the same length a new key, so the reminder re-arms", () => {
    const first = { id: "f", status: "in_dialogue", lastActivityAt: new Date("2026-11-01T09:00:00Z") };
    const later = { ...first, lastActivityAt: new Date("2026-11-10T09:00:00Z") };
    const [a] = dueReminders([first], settings, new Date("2026-11-16T09:00:00Z"));
    const [b] = dueReminders([later], settings, new Date("2026-11-25T09:00:00Z"));
    expect(a && b && a.period === b.period).toBe(true);
    expect(reminderKey(a!)).not.toBe(reminderKey(b!));
  });
});

describe("Swedish holidays", () => {
  it("finds Easter and the movable holidays", () => {
    expect(easterSunday(2026).toISOString().slice(0, 10)).toBe("2026-04-05");
    expect(easterSunday(2027).toISOString().slice(0, 10)).toBe("2027-03-28");
    const h = swedishHolidays(2026);
    for (const day of ["2026-04-03", "2026-04-06", "2026-05-14", "2026-06-19", "2026-12-24", "2026-01-06"]) {
      expect(h.has(day), day).toBe(true);
    }
    expect(h.has("2026-06-18")).toBe(false);
  });
  it("does not count them as working days", () => {
    // Thursday 2026-12-23 to Monday 2026-12-28: 24, 25 are holidays, 26–27 weekend, 28 counts.
    expect(workingDaysBetween(new Date("2026-12-23T09:00:00Z"), new Date("2026-12-28T09:00:00Z"))).toBe(1);
    // Easter 2026: Thursday 2 April to Tuesday 7 April: only Tuesday counts.
    expect(workingDaysBetween(new Date("2026-04-02T09:00:00Z"), new Date("2026-04-07T09:00:00Z"))).toBe(1);
  });
});
