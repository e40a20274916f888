// The session workflow's signals: each with the handler that applies it to the memory. A handler
// returns true when the plan changed; a signal that makes no sense now is recorded in `changes`
// and otherwise ignored: it never fails the workflow. The workflow registers every entry of
// `signalHandlers`, so adding a signal means its contract in libs/domain and its handler here.
import {
  CancelSignal,
  PlanChangedSignal,
  RescheduleSignal,
  RetryFailedSignal,
  SetNotificationsSignal,
  TeamSettingsChangedSignal,
  cancelSignal,
  isBeforeToday,
  planChangedSignal,
  rescheduleSignal,
  retryFailedSignal,
  setNotificationsSignal,
  teamSettingsChangedSignal,
} from '@rhythm/domain';
import type { SignalDefinition } from '@temporalio/workflow';
import { record, type SessionMemory } from './session-state.js';

export const applySignal = {
  reschedule(memory: SessionMemory, payload: unknown, now: Date): boolean {
    const parsed = RescheduleSignal.safeParse(payload);
    if (!parsed.success) return ignore(memory, 'reschedule', 'malformed payload', now);
    const { date } = parsed.data;
    if (memory.state !== 'scheduled') return ignore(memory, 'reschedule', `session is ${memory.state}`, now);
    if (isBeforeToday(date, memory.timeZone, now))
      return ignore(memory, 'reschedule', `${date} is in the past`, now);
    if (date === memory.sessionDate) return ignore(memory, 'reschedule', `already on ${date}`, now);
    record(memory, `moved from ${memory.sessionDate} to ${date}`, now);
    memory.sessionDate = date;
    return true;
  },
  setNotifications(memory: SessionMemory, payload: unknown, now: Date): boolean {
    const parsed = SetNotificationsSignal.safeParse(payload);
    if (!parsed.success) return ignore(memory, 'setNotifications', 'malformed payload', now);
    if (memory.state !== 'scheduled')
      return ignore(memory, 'setNotifications', `session is ${memory.state}`, now);
    const { invitation, reminder, escalation } = parsed.data;
    const what: string[] = [];
    if (invitation !== undefined && invitation !== memory.sendInvitation) {
      memory.sendInvitation = invitation;
      what.push(`invitation ${invitation ? 'on' : 'off'}`);
    }
    if (reminder !== undefined && reminder !== memory.sendReminder) {
      memory.sendReminder = reminder;
      what.push(`reminder ${reminder ? 'on' : 'off'}`);
    }
    if (escalation !== undefined && escalation !== (memory.sendEscalation ?? false)) {
      memory.sendEscalation = escalation;
      what.push(`escalation ${escalation ? 'on' : 'off'}`);
    }
    if (what.length === 0) return ignore(memory, 'setNotifications', 'nothing changed', now);
    record(memory, what.join(', '), now);
    return true;
  },
  retryFailed(memory: SessionMemory, payload: unknown, now: Date): boolean {
    const parsed = RetryFailedSignal.safeParse(payload ?? {});
    if (!parsed.success) return ignore(memory, 'retryFailed', 'malformed payload', now);
    if (memory.state !== 'scheduled') return ignore(memory, 'retryFailed', `session is ${memory.state}`, now);
    if (!memory.failed?.length) return ignore(memory, 'retryFailed', 'no failed emails', now);
    record(memory, `retry of ${memory.failed.length} failed email(s) asked`, now);
    memory.retryAsked = true;
    return true;
  },
  /** Only after the invitation: before it, the invitation reads the plan as it is then. */
  planChanged(memory: SessionMemory, payload: unknown, now: Date): boolean {
    const parsed = PlanChangedSignal.safeParse(payload ?? {});
    if (!parsed.success) return ignore(memory, 'planChanged', 'malformed payload', now);
    if (memory.state !== 'scheduled' || !memory.invitation) return false;
    const at = now.toISOString();
    if (memory.planChanged) memory.planChanged.last = at;
    else {
      memory.planChanged = { first: at, last: at };
      record(memory, 'plan changed: owners newly involved will be invited', now);
    }
    return true;
  },
  cancel(memory: SessionMemory, payload: unknown, now: Date): boolean {
    const parsed = CancelSignal.safeParse(payload ?? {});
    if (!parsed.success) return ignore(memory, 'cancel', 'malformed payload', now);
    if (memory.state !== 'scheduled') return ignore(memory, 'cancel', `session is ${memory.state}`, now);
    memory.state = 'cancelled';
    if (parsed.data.reason) memory.cancelReason = parsed.data.reason;
    record(memory, parsed.data.reason ? `cancelled: ${parsed.data.reason}` : 'cancelled', now);
    return true;
  },
  teamSettingsChanged(memory: SessionMemory, payload: unknown, now: Date): boolean {
    const parsed = TeamSettingsChangedSignal.safeParse(payload);
    if (!parsed.success) return ignore(memory, 'teamSettingsChanged', 'malformed payload', now);
    if (memory.state !== 'scheduled')
      return ignore(memory, 'teamSettingsChanged', `session is ${memory.state}`, now);
    const { timeZone, sendHour } = parsed.data;
    if (timeZone === memory.timeZone && sendHour === memory.sendHour) {
      return ignore(memory, 'teamSettingsChanged', 'nothing changed', now);
    }
    record(memory, `team settings: ${timeZone}, send hour ${sendHour}`, now);
    memory.timeZone = timeZone;
    memory.sendHour = sendHour;
    return true;
  },
};

type Apply = (memory: SessionMemory, payload: unknown, now: Date) => boolean;

/** A signal with its handler; the payload is checked by the handler (zod), not trusted. */
const on = <T>(signal: SignalDefinition<[T]>, apply: Apply): [SignalDefinition<[unknown]>, Apply] => [
  signal as SignalDefinition<[unknown]>,
  apply,
];

/** Every signal the workflow takes, with its handler. */
export const signalHandlers = [
  on(rescheduleSignal, applySignal.reschedule),
  on(setNotificationsSignal, applySignal.setNotifications),
  on(cancelSignal, applySignal.cancel),
  on(planChangedSignal, applySignal.planChanged),
  on(retryFailedSignal, applySignal.retryFailed),
  on(teamSettingsChangedSignal, applySignal.teamSettingsChanged),
];

function ignore(memory: SessionMemory, signal: string, why: string, now: Date): false {
  record(memory, `${signal} ignored: ${why}`, now);
  return false;
}
