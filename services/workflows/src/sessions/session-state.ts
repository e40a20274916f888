// The session workflow's memory: what the session is now, what was sent, what changed. Signals
// mutate it, the workflow loop reads it; it is plain data so that it can be carried across
// continue-as-new and returned by the `status` query.
import {
  stepsDone,
  type CalendarDate,
  type DeliveryRecord,
  type FailedSend,
  type PlannedNext,
  type SessionPlanInput,
  type SessionStatus,
  type SessionWorkflowInput,
} from '@rhythm/domain';

export interface SessionMemory {
  sessionDate: CalendarDate;
  timeZone: string;
  sendHour: number;
  sendInvitation: boolean;
  sendReminder: boolean;
  state: 'scheduled' | 'cancelled' | 'held';
  cancelReason?: string;
  /** When the invitation went out and for which date; owners invited are in `invited`. */
  invitation: { sessionDate: CalendarDate; at: string } | null;
  invited: string[];
  /** The date invited owners were last told about: the invitation's, then each "moved" notice's. */
  toldDate: CalendarDate | null;
  remindedFor: CalendarDate[];
  reminded: string[];
  sent: SessionStatus['sent'];
  skipped: SessionStatus['skipped'];
  changes: SessionStatus['changes'];
  /**
   * Since v2 (optional: memory carried from v1 runs lacks them). `moves`: "moved" notices sent so
   * far, the round of the next one; `failed`: emails refused and not sent since; `retryAsked`: a
   * retryFailed signal waiting for the loop.
   */
  moves?: number;
  failed?: FailedSend[];
  retryAsked?: boolean;
  /**
   * Since the escalation step (optional: older runs lack them). `sendEscalation` is the switch;
   * `escalatedFor` the dates it was done for, sent or skipped with nothing missing.
   */
  sendEscalation?: boolean;
  escalatedFor?: CalendarDate[];
  /** Plan changes since the invitation not yet followed by a late invitation (ISO instants). */
  planChanged?: { first: string; last: string };
}

export function initialMemory(input: SessionWorkflowInput): SessionMemory {
  return {
    sessionDate: input.date,
    timeZone: input.timeZone,
    sendHour: input.sendHour,
    sendInvitation: input.sendInvitation,
    sendReminder: input.sendReminder,
    ...(input.sendEscalation === undefined ? {} : { sendEscalation: input.sendEscalation }),
    state: 'scheduled',
    invitation: null,
    invited: [],
    toldDate: null,
    remindedFor: [],
    reminded: [],
    sent: [],
    skipped: [],
    changes: [],
  };
}

/**
 * The memory of a run that carries on after an earlier run of the session ended early (failed,
 * terminated, timed out: see the keeper in libs/session-lifecycle), rebuilt from the Delivery rows
 * (oldest first): what was delivered is not sent again, invited owners are still told of moves,
 * and refused emails can still be retried. What the rows do not keep (earlier changes) starts
 * afresh, with a line saying so.
 */
export function resumedMemory(
  input: SessionWorkflowInput,
  records: DeliveryRecord[],
  previousRun: string,
  now: Date,
): SessionMemory {
  const memory = initialMemory(input);
  const users = (step: DeliveryRecord['step'], state?: DeliveryRecord['state']) => [
    ...new Set(records.filter((r) => r.step === step && (!state || r.state === state)).map((r) => r.userId)),
  ];
  const done = stepsDone(records.map((r) => ({ ...r, at: new Date(r.at) })));
  if (done.invitation) {
    memory.invitation = { sessionDate: done.invitation.sessionDate, at: done.invitation.at.toISOString() };
    memory.invited = users('invitation', 'sent');
  }
  const told = records.filter((r) => r.step === 'invitation' || r.step === 'moved').at(-1);
  memory.toldDate = told?.sessionDate ?? null;
  memory.moves = Math.max(0, ...records.filter((r) => r.step === 'moved').map((r) => r.round));
  memory.remindedFor = [...done.remindedFor];
  memory.escalatedFor = [...done.escalatedFor];
  memory.reminded = users('reminder', 'sent');
  memory.failed = records
    .filter((r) => r.state === 'failed')
    .map((r) => ({
      step: r.step,
      sessionDate: r.sessionDate,
      userId: r.userId,
      reason: r.reason ?? 'refused by the provider',
      at: r.at,
      ...(r.round ? { round: r.round } : {}),
    }));
  for (const r of records) {
    const last = memory.sent.at(-1);
    const entry =
      last && last.step === r.step && last.sessionDate === r.sessionDate
        ? last
        : memory.sent[
            memory.sent.push({ step: r.step, at: r.at, sessionDate: r.sessionDate, recipients: [] }) - 1
          ]!;
    if (r.state === 'sent') entry.recipients.push(r.userId);
    if (r.state === 'failed') (entry.failed ??= []).push({ userId: r.userId, reason: r.reason ?? '' });
  }
  record(
    memory,
    `carried on from ${records.length} recorded email(s) after the previous run ended (${previousRun})`,
    now,
  );
  return memory;
}

/**
 * The plan's view of the memory. `escalates`: whether this run may escalate at all (the
 * escalation-step patch, asked once per run by the workflow); other callers only read the
 * invitation and reminder.
 */
export function planInput(memory: SessionMemory, escalates = false): SessionPlanInput {
  return {
    sessionDate: memory.sessionDate,
    timeZone: memory.timeZone,
    sendHour: memory.sendHour,
    sendInvitation: memory.sendInvitation,
    sendReminder: memory.sendReminder,
    sendEscalation: escalates && memory.sendEscalation === true,
    invitation: memory.invitation && {
      sessionDate: memory.invitation.sessionDate,
      at: new Date(memory.invitation.at),
    },
    remindedFor: memory.remindedFor,
    escalatedFor: memory.escalatedFor ?? [],
  };
}

/** Owners were invited for another date than the session's now, and have not been told yet. */
export function needsMovedNotice(memory: SessionMemory): boolean {
  return memory.state === 'scheduled' && memory.invited.length > 0 && memory.toldDate !== memory.sessionDate;
}

export function status(
  memory: SessionMemory,
  kind: SessionStatus['kind'],
  next: PlannedNext | null,
): SessionStatus {
  return {
    sessionDate: memory.sessionDate,
    kind,
    state: memory.state,
    next: memory.state === 'scheduled' && next ? { step: next.step, at: next.at.toISOString() } : null,
    sent: memory.sent,
    skipped: memory.skipped,
    failed: memory.failed ?? [],
    changes: memory.changes,
  };
}

/** A line in the status's `changes`. */
export function record(memory: SessionMemory, what: string, now: Date): void {
  memory.changes.push({ at: now.toISOString(), what });
}
