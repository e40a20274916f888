// When a session's emails go out, when it counts as held, and when a repeating session comes next.
import { addDays, addMonths, CalendarDate, localInstant, startOfDay, todayIn } from './calendar-date.js';
import type { SendHour, TimeZone } from './calendar-date.js';
import type { SessionRepeat } from './vocabulary.js';

// Calendar days, not multiples of 24 hours: the send hour holds across daylight-saving changes.
export const INVITATION_DAYS_BEFORE = 7;
export const REMINDER_DAYS_BEFORE = 3;
/** The process owner's list of items still without a report: the day before, at the send hour. */
export const ESCALATION_DAYS_BEFORE = 1;

export interface SendTimesInput {
  sessionDate: CalendarDate;
  timeZone: TimeZone;
  sendHour: SendHour;
}

export interface SendTimes {
  invitationAt: Date;
  reminderAt: Date;
  escalationAt: Date;
  sessionStartsAt: Date;
  heldAt: Date;
}

/**
 * A session has a date but no meeting time, so it counts as held only once its whole day is over in
 * the team's zone: 00:00 of the next day. Until then a report written that day (just before or
 * during the meeting) still belongs to this session, not the next one.
 */
export function heldAt(sessionDate: CalendarDate, timeZone: TimeZone): Date {
  return startOfDay(addDays(sessionDate, 1), timeZone);
}

/**
 * The instants of a session's schedule. Times that are already past (a session created less than
 * a week ahead) are still returned; deciding to send at once is the caller's job (planNext).
 */
export function sendTimes({ sessionDate, timeZone, sendHour }: SendTimesInput): SendTimes {
  return {
    invitationAt: localInstant(addDays(sessionDate, -INVITATION_DAYS_BEFORE), sendHour, timeZone),
    reminderAt: localInstant(addDays(sessionDate, -REMINDER_DAYS_BEFORE), sendHour, timeZone),
    escalationAt: localInstant(addDays(sessionDate, -ESCALATION_DAYS_BEFORE), sendHour, timeZone),
    sessionStartsAt: startOfDay(sessionDate, timeZone),
    heldAt: heldAt(sessionDate, timeZone),
  };
}

/**
 * The date of the next session in a repeating series, or null when it does not repeat. Each step
 * starts from the previous date and month steps clamp to the month's end, so a monthly series
 * started on Jan 31 goes Feb 28, Mar 28, …: the model keeps no anchor day to return to.
 */
export function nextOccurrence(date: CalendarDate, repeat: SessionRepeat): CalendarDate | null {
  switch (repeat) {
    case 'none':
      return null;
    case 'weekly':
      return addDays(date, 7);
    case 'every_two_weeks':
      return addDays(date, 14);
    case 'monthly':
      return addMonths(date, 1);
    case 'quarterly':
      return addMonths(date, 3);
  }
}

/** Whether `date` is a day before today in the team's zone; the API refuses such session dates. */
export function isBeforeToday(date: CalendarDate, timeZone: TimeZone, now: Date): boolean {
  if (!CalendarDate.safeParse(date).success)
    throw new RangeError(`Not a calendar date (YYYY-MM-DD): ${date}`);
  // Both are YYYY-MM-DD with four-digit years, so string order is date order.
  return date < todayIn(timeZone, now);
}
