// Which reminders are due (plain, unit-tested). A reminder repeats every N days while the
// condition lasts; `period` numbers those repeats so each is sent once (claims.server.ts).

export interface ReminderSettings {
  unroutedReminderDays: number;
  inactivityReminderDays: number;
  completionReminderDays: number;
}

export interface ReminderCase {
  id: string;
  status: string;
  receivedAt?: Date;
  lastActivityAt: Date;
}

export type ReminderType = "reminderUnrouted" | "reminderInactive" | "reminderCompletion";

export interface DueReminder {
  type: ReminderType;
  caseId: string;
  days: number;
  /** The n-th reminder of this kind for this case (1, 2, ...). */
  period: number;
}

const DAY = 24 * 60 * 60 * 1000;

/** Whole working days (Monday–Friday) from `from` to `to`, not counting the first day. */
export function workingDaysBetween(from: Date, to: Date): number {
  let days = 0;
  const d = new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth(), from.getUTCDate()));
  const end = Date.UTC(to.getUTCFullYear(), to.getUTCMonth(), to.getUTCDate());
  while (d.getTime() < end) {
    d.setUTCDate(d.getUTCDate() + 1);
    const weekday = d.getUTCDay();
    if (weekday !== 0 && weekday !== 6) days++;
  }
  return days;
}

const daysBetween = (from: Date, to: Date) => Math.floor((to.getTime() - from.getTime()) / DAY);

export function dueReminders(cases: ReminderCase[], settings: ReminderSettings, now: Date): DueReminder[] {
  const due: DueReminder[] = [];
  const add = (type: ReminderType, c: ReminderCase, days: number, every: number) => {
    if (every > 0 && days >= every) due.push({ type, caseId: c.id, days, period: Math.floor(days / every) });
  };
  for (const c of cases) {
    if (c.status === "submitted" && c.receivedAt) {
      add("reminderUnrouted", c, workingDaysBetween(c.receivedAt, now), settings.unroutedReminderDays);
    } else if (c.status === "in_dialogue" || c.status === "in_assessment") {
      add("reminderInactive", c, daysBetween(c.lastActivityAt, now), settings.inactivityReminderDays);
    } else if (c.status === "awaiting_completion") {
      add("reminderCompletion", c, daysBetween(c.lastActivityAt, now), settings.completionReminderDays);
    }
  }
  return due;
}
