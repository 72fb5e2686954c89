import { workingDaysBetween } from "../kernel/swedish-calendar";

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
  /** The n-th reminder of this kind for this case (1, 2, ...) since `since`. */
  period: number;
  /** When the quiet spell began (received, or the last activity): new activity re-arms. */
  since: Date;
}

const DAY = 24 * 60 * 60 * 1000;

const daysBetween = (from: Date, to: Date) => Math.floor((to.getTime() - from.getTime()) / DAY);

/** One key per case, kind, quiet spell and period: what makes a reminder "sent once". */
export const reminderKey = (r: DueReminder) => `reminder:${r.type}:${r.caseId}:${r.since.getTime()}:${r.period}`;

export function dueReminders(cases: ReminderCase[], settings: ReminderSettings, now: Date): DueReminder[] {
  const due: DueReminder[] = [];
  const add = (type: ReminderType, c: ReminderCase, since: Date, days: number, every: number) => {
    if (every > 0 && days >= every) due.push({ type, caseId: c.id, days, period: Math.floor(days / every), since });
  };
  for (const c of cases) {
    if (c.status === "submitted" && c.receivedAt) {
      add("reminderUnrouted", c, c.receivedAt, workingDaysBetween(c.receivedAt, now), settings.unroutedReminderDays);
    } else if (c.status === "in_dialogue" || c.status === "in_assessment") {
      const days = daysBetween(c.lastActivityAt, now);
      add("reminderInactive", c, c.lastActivityAt, days, settings.inactivityReminderDays);
    } else if (c.status === "awaiting_completion") {
      const days = daysBetween(c.lastActivityAt, now);
      add("reminderCompletion", c, c.lastActivityAt, days, settings.completionReminderDays);
    }
  }
  return due;
}
