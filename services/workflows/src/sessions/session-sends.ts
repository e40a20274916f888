// What the session workflow sends, and how: one function per step (invitation, late invitation,
// reminder, moved/cancelled notice, retry of failed emails), each reading who to email through the
// sessions activities and sending through the notifier's queue. Workflow code: deterministic, no
// I/O of its own.
import {
  EMAIL_RETRY_BOUND,
  NOTIFICATIONS_TASK_QUEUE,
  emailMessage,
  escalationCoveredByInvitation,
  lateInviteDue,
  reminderCoveredByInvitation,
  type DeliveryStep,
  type EmailMessage,
  type NotifierActivities,
  type OwnerWithItems,
  type SendResult,
  type SessionWorkflowInput,
} from '@rhythm/domain';
import { patched, proxyActivities, workflowInfo } from '@temporalio/workflow';
import { PATCHES } from './patches.js';
import type { SessionActivities } from './session.activities.js';
import { planInput, type SessionMemory } from './session-state.js';

export const db = proxyActivities<SessionActivities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '2 seconds', maximumInterval: '5 minutes' },
});

// Sending retries end within EMAIL_RETRY_BOUND, well inside Resend's 24-hour idempotency window.
const notifier = proxyActivities<NotifierActivities>({
  taskQueue: NOTIFICATIONS_TASK_QUEUE,
  startToCloseTimeout: '10 minutes',
  // The notifier heartbeats per batch: a crashed notifier is noticed in a minute, and the retry is
  // replayed by the provider under the same idempotency keys.
  heartbeatTimeout: '1 minute',
  scheduleToCloseTimeout: EMAIL_RETRY_BOUND,
  retry: { initialInterval: '5 seconds', backoffCoefficient: 2, maximumInterval: '15 minutes' },
});

export async function invite(input: SessionWorkflowInput, memory: SessionMemory): Promise<void> {
  const sessionDate = memory.sessionDate;
  const owners = await db.ownersToInvite({ sessionId: input.sessionId });
  const sentTo = await send(input, memory, 'invitation', owners);
  memory.invitation = { sessionDate, at: new Date().toISOString() };
  memory.invited = sentTo;
  memory.toldDate = sessionDate;
  const plan = planInput(memory);
  if (memory.sendReminder && reminderCoveredByInvitation(plan)) {
    memory.skipped.push({
      step: 'reminder',
      reason: `invitation for ${sessionDate} went out after the reminder time`,
    });
  }
  if (memory.sendEscalation && escalationCoveredByInvitation(plan)) {
    memory.skipped.push({
      step: 'escalation',
      reason: `invitation for ${sessionDate} went out after the escalation time`,
    });
  }
}

/**
 * Owners who got items after the invitation went out (a new item, an item handed on) are invited
 * now, listing their items; owners already invited are not written to again.
 */
export async function inviteLate(input: SessionWorkflowInput, memory: SessionMemory): Promise<void> {
  delete memory.planChanged;
  const invited = new Set(memory.invited);
  const owners = (await db.ownersToInvite({ sessionId: input.sessionId })).filter(
    (owner) => !invited.has(owner.userId),
  );
  if (owners.length === 0) return;
  const sentTo = await send(input, memory, 'invitation', owners);
  memory.invited = [...memory.invited, ...sentTo];
}

export function lateInvitationDue(changed: { first: string; last: string }): number {
  return lateInviteDue({ first: new Date(changed.first), last: new Date(changed.last) }).getTime();
}

export async function remind(input: SessionWorkflowInput, memory: SessionMemory): Promise<void> {
  const sessionDate = memory.sessionDate;
  const owners = await db.ownersMissingReports({ sessionId: input.sessionId, sessionDate });
  const sentTo = await send(input, memory, 'reminder', owners);
  memory.remindedFor.push(sessionDate);
  memory.reminded = [...new Set([...memory.reminded, ...sentTo])];
}

/** "Session moved" or "session cancelled" to the owners who were invited. */
export async function notifyInvited(
  input: SessionWorkflowInput,
  memory: SessionMemory,
  step: 'moved' | 'cancelled',
): Promise<void> {
  const toldDate = memory.toldDate;
  let owners = await db.ownersByIds({ sessionId: input.sessionId, userIds: memory.invited });
  if (patched(PATCHES.noNoticeWithoutItems)) owners = owners.filter((owner) => owner.items.length > 0);
  const round = step === 'moved' && patched(PATCHES.movedNoticeRounds) ? (memory.moves ?? 0) + 1 : 0;
  await send(input, memory, step, owners, { previousDate: toldDate ?? undefined, round });
  if (round) memory.moves = round;
  memory.toldDate = memory.sessionDate;
}

/**
 * Sends again what the provider refused, once someone says its cause is fixed: an invitation for
 * the session (whatever date it failed for), a reminder only to owners still without a report and
 * only for today's date, a "moved" notice only for the date the session is on now. Each under its
 * first key, so a retry never sends what already went out.
 */
export async function retryFailed(input: SessionWorkflowInput, memory: SessionMemory): Promise<void> {
  memory.retryAsked = false;
  const failed = memory.failed ?? [];
  memory.failed = [];
  /** Who failed at `step`: for any date (invitations are per session) or the session's date now. */
  const failedAt = (step: DeliveryStep, anyDate = false) =>
    new Set(
      failed
        .filter((f) => f.step === step && (anyDate || f.sessionDate === memory.sessionDate))
        .map((f) => f.userId),
    );
  const invitees = failedAt('invitation', true);
  if (invitees.size) {
    const owners = (await db.ownersToInvite({ sessionId: input.sessionId })).filter((o) =>
      invitees.has(o.userId),
    );
    const sentTo = await send(input, memory, 'invitation', owners);
    memory.invited = [...new Set([...memory.invited, ...sentTo])];
  }
  const escalated = failedAt('escalation');
  if (escalated.size) {
    // Only while items are still missing: the list is read again, as the reminder's is.
    const { to } = await db.escalationOf({ sessionId: input.sessionId, sessionDate: memory.sessionDate });
    await send(
      input,
      memory,
      'escalation',
      to.filter((o) => escalated.has(o.userId)),
    );
  }
  const remind = failedAt('reminder');
  if (remind.size) {
    const owners = await db.ownersMissingReports({
      sessionId: input.sessionId,
      sessionDate: memory.sessionDate,
    });
    const sentTo = await send(
      input,
      memory,
      'reminder',
      owners.filter((o) => remind.has(o.userId)),
    );
    memory.reminded = [...new Set([...memory.reminded, ...sentTo])];
  }
  const moved = failedAt('moved');
  const movedFrom = failed.find((f) => f.step === 'moved' && f.sessionDate === memory.sessionDate);
  if (moved.size && movedFrom) {
    const owners = await db.ownersByIds({ sessionId: input.sessionId, userIds: [...moved] });
    await send(input, memory, 'moved', owners, {
      previousDate: movedFrom.previousDate,
      round: movedFrom.round,
    });
  }
}

/**
 * Sends one email per owner through the notifier; returns the owners it reached. Emails the
 * provider refused are kept in `memory.failed` for a retry; the step itself always completes.
 */
export async function send(
  input: SessionWorkflowInput,
  memory: SessionMemory,
  step: DeliveryStep,
  owners: OwnerWithItems[],
  { previousDate, round = 0 }: { previousDate?: string | undefined; round?: number } = {},
): Promise<string[]> {
  const sessionDate = memory.sessionDate;
  const of = {
    sessionId: input.sessionId,
    teamId: input.teamId,
    teamName: teamName(),
    kind: input.kind,
    step,
    sessionDate,
    timeZone: memory.timeZone,
    previousDate,
    round,
    reason: memory.cancelReason,
  };
  const messages = owners.map((owner) => emailMessage(of, owner));
  const results = messages.length ? await sendEmails(messages) : [];
  const sentTo = results.filter((result) => result.state === 'sent').map((result) => result.userId);
  const at = new Date().toISOString();
  const failed: { userId: string; reason: string }[] = [];
  for (const result of results) {
    if (result.state === 'skipped')
      memory.skipped.push({ step, reason: `${result.userId}: ${result.reason ?? 'skipped'}` });
    if (result.state === 'failed') {
      const reason = result.reason ?? 'refused by the provider';
      failed.push({ userId: result.userId, reason });
      (memory.failed ??= []).push({
        step,
        sessionDate,
        userId: result.userId,
        reason,
        at,
        ...(previousDate ? { previousDate } : {}),
        ...(round ? { round } : {}),
      });
    }
  }
  memory.sent.push({ step, at, sessionDate, recipients: sentTo, ...(failed.length ? { failed } : {}) });
  return sentTo;
}

/**
 * The notifier call. Refusals come back as failed results; what is left is a notifier that kept
 * failing past its retry bound (a provider down for most of a day, a quota that did not reset):
 * those emails are recorded failed, where the process owner sees them, and the session goes on.
 */
async function sendEmails(messages: EmailMessage[]): Promise<SendResult[]> {
  try {
    return await notifier.sendEmails(messages);
  } catch (error) {
    if (!patched(PATCHES.emailNeverFailsSession)) throw error;
    const cause =
      error instanceof Error && error.cause instanceof Error ? error.cause.message : String(error);
    const reason = `not sent: the email provider kept failing (${cause})`;
    await db.recordFailedSends({ messages, reason });
    return messages.map((m) => ({
      idempotencyKey: m.idempotencyKey,
      userId: m.to.userId,
      state: 'failed',
      reason,
    }));
  }
}

function teamName(): string {
  const name = workflowInfo().memo?.teamName;
  return typeof name === 'string' ? name : '';
}
