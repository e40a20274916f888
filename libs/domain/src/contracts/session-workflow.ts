// The session workflow's contract: its versioned input, signals and query. Workflow-safe (the
// workflow imports it) and imported by the API, which starts, signals and queries the workflow.
import { defineQuery, defineSignal } from '@temporalio/workflow';
import { z } from 'zod';
import { CalendarDate, SendHour, TimeZone } from '../calendar-date.js';
import type { PlannedStep } from '../session-plan.js';
import { SessionKind, SessionRepeat, type DeliveryStep, type SessionState } from '../vocabulary.js';

/**
 * Version 1 of the input. A later version gets its own schema and the workflow branches on
 * `version` (behind `patched()`), so that histories started with version 1 still replay.
 */
export const SessionWorkflowInputV1 = z.object({
  version: z.literal(1),
  sessionId: z.string().uuid(),
  teamId: z.string().uuid(),
  date: CalendarDate,
  kind: SessionKind,
  timeZone: TimeZone,
  sendHour: SendHour,
  sendInvitation: z.boolean(),
  sendReminder: z.boolean(),
  /**
   * The escalation the day before (issue 16). Optional rather than a version 2: inputs of runs
   * started before it lack it and read as off, which is also what they did.
   */
  sendEscalation: z.boolean().optional(),
  repeat: SessionRepeat,
});
export type SessionWorkflowInput = z.infer<typeof SessionWorkflowInputV1>;

export const RescheduleSignal = z.object({ date: CalendarDate });
export type RescheduleSignal = z.infer<typeof RescheduleSignal>;
export const SetNotificationsSignal = z.object({
  invitation: z.boolean().optional(),
  reminder: z.boolean().optional(),
  escalation: z.boolean().optional(),
});
export type SetNotificationsSignal = z.infer<typeof SetNotificationsSignal>;
export const CancelSignal = z.object({ reason: z.string().max(500).optional() });
export type CancelSignal = z.infer<typeof CancelSignal>;
export const TeamSettingsChangedSignal = z.object({ timeZone: TimeZone, sendHour: SendHour });
export type TeamSettingsChangedSignal = z.infer<typeof TeamSettingsChangedSignal>;

/** Try again the emails the provider refused (once their cause, e.g. an address, is fixed). */
export const RetryFailedSignal = z.object({}).strict();
export type RetryFailedSignal = z.infer<typeof RetryFailedSignal>;

/**
 * The plan changed under the session: an item it involves was created, handed to another owner or
 * deleted. After the invitation went out, owners newly involved are invited (see lateInviteDue).
 */
export const PlanChangedSignal = z.object({}).strict();
export type PlanChangedSignal = z.infer<typeof PlanChangedSignal>;

export const rescheduleSignal = defineSignal<[RescheduleSignal]>('reschedule');
export const retryFailedSignal = defineSignal<[RetryFailedSignal]>('retryFailed');
export const setNotificationsSignal = defineSignal<[SetNotificationsSignal]>('setNotifications');
export const cancelSignal = defineSignal<[CancelSignal]>('cancel');
export const planChangedSignal = defineSignal<[PlanChangedSignal]>('planChanged');
export const teamSettingsChangedSignal = defineSignal<[TeamSettingsChangedSignal]>('teamSettingsChanged');

/** A step the workflow sends email for; `moved` and `cancelled` follow signals. */
export type NotificationStep = DeliveryStep;

export interface SessionStatus {
  sessionDate: string;
  kind: SessionKind;
  state: SessionState;
  next: { step: PlannedStep; at: string } | null;
  /** Each send: who it reached (`recipients`) and, since v2, whom the provider refused and why. */
  sent: {
    step: NotificationStep;
    at: string;
    sessionDate: string;
    recipients: string[];
    failed?: { userId: string; reason: string }[];
  }[];
  skipped: { step: NotificationStep; reason: string }[];
  /** Emails that failed and have not gone out since: `retryFailed` tries them again. */
  failed?: FailedSend[];
  changes: { at: string; what: string }[];
}

export interface FailedSend {
  step: NotificationStep;
  sessionDate: string;
  userId: string;
  /** The provider's words, or why the notifier gave up. */
  reason: string;
  at: string;
  /** For `moved`: the date the notice moved from, and its round. */
  previousDate?: string;
  round?: number;
}

/** A Delivery row as the workflow sees it when a new run carries on from what was sent. */
export interface DeliveryRecord {
  step: NotificationStep;
  userId: string;
  sessionDate: string;
  round: number;
  state: 'sent' | 'skipped' | 'failed';
  reason: string | null;
  at: string;
}

export const statusQuery = defineQuery<SessionStatus>('status');

/** What the workflow returns when the session's day is over (or it was cancelled). */
export interface SessionSummary {
  sessionId: string;
  sessionDate: string;
  state: SessionState;
  invited: string[];
  reminded: string[];
  reported: string[];
  nextSessionId: string | null;
}
