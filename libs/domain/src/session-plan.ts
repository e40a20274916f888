// What a session's workflow does next: the notification rules of the product brief as one pure
// function, shared by the workflow (which sleeps until `at`) and the API (which previews it).
import type { CalendarDate, SendHour, TimeZone } from './calendar-date.js';
import { sendTimes } from './schedule.js';
import type { DeliveryStep } from './vocabulary.js';

export type PlannedStep = 'invitation' | 'reminder' | 'escalation' | 'held';

export interface SessionPlanInput {
  sessionDate: CalendarDate;
  timeZone: TimeZone;
  sendHour: SendHour;
  sendInvitation: boolean;
  sendReminder: boolean;
  /** The day-before list of missing reports to the process owner(s). */
  sendEscalation: boolean;
  /**
   * When the invitation went out, and for which date; null until it has. Invitations are per
   * session, not per date: owners invited before a move get a "session moved" email instead.
   */
  invitation: { sessionDate: CalendarDate; at: Date } | null;
  /** The session dates a reminder has gone out for (a move makes the reminder follow the new date). */
  remindedFor: readonly CalendarDate[];
  /** The session dates the escalation was done for (sent, or skipped with everything in). */
  escalatedFor: readonly CalendarDate[];
}

export interface PlannedNext {
  step: PlannedStep;
  /** When to do it: the rule's time, or `now` when that time has passed (do it at once). */
  at: Date;
}

/**
 * The next step, in rule order:
 * 1. the invitation, when on and not yet sent: at 7 days before at the send hour, or at once when
 *    that has passed (a session created or moved late, or the step switched on late);
 * 2. the reminder, when on and not yet sent for this date: at 3 days before, or at once when that
 *    has passed, except when the invitation for this date itself went out after the reminder time
 *    (then the invitation was the reminder: no separate one for that date);
 * 3. the escalation, when on and not yet done for this date: at 1 day before, or at once when that
 *    has passed, except when this date's invitation itself went out after the escalation time
 *    (owners have had no time to report: telling the process owner they have not is noise);
 * 4. otherwise the end of the session's day, when it counts as held.
 */
export function planNext(input: SessionPlanInput, now: Date): PlannedNext {
  const times = sendTimes(input);
  const due = (at: Date) => new Date(Math.max(at.getTime(), now.getTime()));
  if (now.getTime() >= times.heldAt.getTime()) return { step: 'held', at: times.heldAt };
  if (input.sendInvitation && input.invitation === null)
    return { step: 'invitation', at: due(times.invitationAt) };
  if (
    input.sendReminder &&
    !input.remindedFor.includes(input.sessionDate) &&
    !reminderCoveredByInvitation(input, times.reminderAt)
  ) {
    return { step: 'reminder', at: due(times.reminderAt) };
  }
  if (
    input.sendEscalation &&
    !input.escalatedFor.includes(input.sessionDate) &&
    !invitedAtOrAfter(input, times.escalationAt)
  ) {
    return { step: 'escalation', at: due(times.escalationAt) };
  }
  return { step: 'held', at: times.heldAt };
}

/** True when this date's invitation went out at or after its reminder time. */
export function reminderCoveredByInvitation(
  input: SessionPlanInput,
  reminderAt: Date = sendTimes(input).reminderAt,
): boolean {
  return invitedAtOrAfter(input, reminderAt);
}

/** True when this date's invitation went out at or after the escalation time (see planNext). */
export function escalationCoveredByInvitation(
  input: SessionPlanInput,
  escalationAt: Date = sendTimes(input).escalationAt,
): boolean {
  return invitedAtOrAfter(input, escalationAt);
}

function invitedAtOrAfter(input: SessionPlanInput, time: Date): boolean {
  const { invitation } = input;
  return (
    invitation !== null &&
    invitation.sessionDate === input.sessionDate &&
    invitation.at.getTime() >= time.getTime()
  );
}

/**
 * One recorded email (a Delivery row), as far as the plan cares. An escalation with nothing
 * missing sends nothing and leaves no row: a run rebuilt from the rows looks again, and still
 * finds nothing missing (or sends the list if a report was withdrawn meanwhile).
 */
export interface RecordedSend {
  step: DeliveryStep;
  sessionDate: CalendarDate;
  at: Date;
}

/**
 * What was done, in planNext's terms, from the record of emails (oldest first): the invitation once
 * per session, for the date of its latest email and at the time that email was recorded (as the
 * workflow notes it after sending); a reminder per date. The one reading of that record, for a
 * keeper's new run and for the API's preview when no workflow answers.
 */
export function stepsDone(
  records: readonly RecordedSend[],
): Pick<SessionPlanInput, 'invitation' | 'remindedFor' | 'escalatedFor'> {
  const last = records.filter((record) => record.step === 'invitation').at(-1);
  return {
    invitation: last ? { sessionDate: last.sessionDate, at: last.at } : null,
    remindedFor: datesOf(records, 'reminder'),
    escalatedFor: datesOf(records, 'escalation'),
  };
}

function datesOf(records: readonly RecordedSend[], step: DeliveryStep): CalendarDate[] {
  return [...new Set(records.filter((r) => r.step === step).map((r) => r.sessionDate))];
}

/**
 * Owners given items after the invitation went out are invited late, once the plan has been quiet
 * for half a minute and at most a minute after the first change: an administrator entering several
 * items for someone sends them one email, and nobody waits more than a minute.
 */
export const LATE_INVITE_QUIET_MS = 30_000;
export const LATE_INVITE_MAX_MS = 60_000;

/** When owners newly involved by plan changes between `first` and `last` are invited. */
export function lateInviteDue({ first, last }: { first: Date; last: Date }): Date {
  return new Date(Math.min(last.getTime() + LATE_INVITE_QUIET_MS, first.getTime() + LATE_INVITE_MAX_MS));
}
