// One workflow per session: sleeps durably until the next step of its plan, follows reschedules
// and switches by signal (an updatable-timer loop, never terminate-and-restart), sends through the
// notifier's task queue, and ends with a summary when the session's day is over.
import {
  NOTIFICATIONS_TASK_QUEUE,
  RhythmNextSendAt,
  RhythmSessionDate,
  RhythmSessionKind,
  RhythmState,
  RhythmTeamId,
  SessionWorkflowInputV1,
  EMAIL_RETRY_BOUND,
  cancelSignal,
  emailMessage,
  lateInviteDue,
  nextOccurrence,
  planChangedSignal,
  planNext,
  reminderCoveredByInvitation,
  rescheduleSignal,
  retryFailedSignal,
  setNotificationsSignal,
  statusQuery,
  teamSettingsChangedSignal,
  type DeliveryStep,
  type EmailMessage,
  type NotifierActivities,
  type OwnerWithItems,
  type PlannedNext,
  type SendResult,
  type SessionSummary,
  type SessionWorkflowInput,
} from '@rhythm/domain';
import {
  ApplicationFailure,
  condition,
  continueAsNew,
  patched,
  proxyActivities,
  setHandler,
  upsertSearchAttributes,
  uuid4,
  workflowInfo,
} from '@temporalio/workflow';
import type { SessionActivities } from './session.activities.js';
import {
  applySignal,
  initialMemory,
  needsMovedNotice,
  planInput,
  resumedMemory,
  status,
  type SessionMemory,
} from './session-state.js';

const db = proxyActivities<SessionActivities>({
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

/**
 * Workflow changes since v1, each behind `patched()` so that histories of older runs replay:
 * - a session's emails never fail it: a notifier call that gives up (retries past the 20-hour
 *   bound) is recorded as failed sends, and the workflow carries on;
 * - "moved" notices are counted per session (round), so A → B → A → B tells owners three times;
 * - owners left with no items get no "moved" or "cancelled" notice.
 * Without a patch, because no older history can take the new path: the `planChanged` signal (late
 * owners invited) did not exist before, and without it the loop issues the same commands as before.
 */
export const PATCHES = {
  emailNeverFailsSession: 'email-never-fails-session',
  movedNoticeRounds: 'moved-notice-rounds',
  noNoticeWithoutItems: 'no-notice-without-items',
} as const;

/**
 * The second argument. `memory`: carried across continue-as-new, so a long-lived session never
 * resends anything. `resume`: a new run started by the keeper after an earlier run of the session
 * ended early; it rebuilds its memory from the Delivery rows first (no older history has it, so
 * no patch is needed).
 */
export type SessionWorkflowCarry = { memory: SessionMemory } | { resume: { previousRun: string } };

export async function sessionWorkflow(
  rawInput: SessionWorkflowInput,
  carry?: SessionWorkflowCarry,
): Promise<SessionSummary> {
  const input = validInput(rawInput);
  const memory: SessionMemory =
    carry && 'resume' in carry
      ? resumedMemory(
          input,
          await db.deliveriesOf({ sessionId: input.sessionId }),
          carry.resume.previousRun,
          new Date(),
        )
      : (carry?.memory ?? initialMemory(input));
  let next: PlannedNext | null = null;
  let replan = false;
  const on = (changed: boolean) => {
    replan ||= changed;
  };
  setHandler(rescheduleSignal, (payload) => on(applySignal.reschedule(memory, payload, new Date())));
  setHandler(setNotificationsSignal, (payload) =>
    on(applySignal.setNotifications(memory, payload, new Date())),
  );
  setHandler(cancelSignal, (payload) => on(applySignal.cancel(memory, payload, new Date())));
  setHandler(planChangedSignal, (payload) => on(applySignal.planChanged(memory, payload, new Date())));
  setHandler(retryFailedSignal, (payload) => on(applySignal.retryFailed(memory, payload, new Date())));
  setHandler(teamSettingsChangedSignal, (payload) =>
    on(applySignal.teamSettingsChanged(memory, payload, new Date())),
  );
  setHandler(statusQuery, () => status(memory, input.kind, next));

  for (;;) {
    replan = false;
    if (memory.state === 'cancelled') return cancel(input, memory);
    if (needsMovedNotice(memory)) {
      await notifyInvited(input, memory, 'moved');
      continue;
    }
    if (memory.retryAsked) {
      await retryFailed(input, memory);
      continue;
    }
    const lateInviteAt = memory.planChanged ? lateInvitationDue(memory.planChanged) : null;
    if (lateInviteAt && lateInviteAt <= Date.now()) {
      await inviteLate(input, memory);
      continue;
    }
    next = planNext(planInput(memory), new Date());
    publish(input, memory, next);
    if (workflowInfo().continueAsNewSuggested) {
      await continueAsNew<typeof sessionWorkflow>(input, { memory });
    }
    const wakeAt = Math.min(next.at.getTime(), lateInviteAt ?? Infinity);
    const wait = wakeAt - Date.now();
    if (wait > 0 && (await condition(() => replan, wait))) continue;
    if (replan) continue; // A signal arrived while a step was due: plan again first.
    if (wakeAt < next.at.getTime()) continue; // The late invitation is due first.
    switch (next.step) {
      case 'invitation':
        await invite(input, memory);
        break;
      case 'reminder':
        await remind(input, memory);
        break;
      case 'held':
        return hold(input, memory);
    }
  }
}

async function invite(input: SessionWorkflowInput, memory: SessionMemory): Promise<void> {
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
}

/**
 * Owners who got items after the invitation went out (a new item, an item handed on) are invited
 * now, listing their items; owners already invited are not written to again.
 */
async function inviteLate(input: SessionWorkflowInput, memory: SessionMemory): Promise<void> {
  delete memory.planChanged;
  const invited = new Set(memory.invited);
  const owners = (await db.ownersToInvite({ sessionId: input.sessionId })).filter(
    (owner) => !invited.has(owner.userId),
  );
  if (owners.length === 0) return;
  const sentTo = await send(input, memory, 'invitation', owners);
  memory.invited = [...memory.invited, ...sentTo];
}

function lateInvitationDue(changed: { first: string; last: string }): number {
  return lateInviteDue({ first: new Date(changed.first), last: new Date(changed.last) }).getTime();
}

async function remind(input: SessionWorkflowInput, memory: SessionMemory): Promise<void> {
  const sessionDate = memory.sessionDate;
  const owners = await db.ownersMissingReports({ sessionId: input.sessionId, sessionDate });
  const sentTo = await send(input, memory, 'reminder', owners);
  memory.remindedFor.push(sessionDate);
  memory.reminded = [...new Set([...memory.reminded, ...sentTo])];
}

/** "Session moved" or "session cancelled" to the owners who were invited. */
async function notifyInvited(
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
async function retryFailed(input: SessionWorkflowInput, memory: SessionMemory): Promise<void> {
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
async function send(
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

async function cancel(input: SessionWorkflowInput, memory: SessionMemory): Promise<SessionSummary> {
  publish(input, memory, null);
  if (memory.invited.length > 0) await notifyInvited(input, memory, 'cancelled');
  await db.markSession({ sessionId: input.sessionId, state: 'cancelled' });
  return summary(input, memory, [], null);
}

async function hold(input: SessionWorkflowInput, memory: SessionMemory): Promise<SessionSummary> {
  memory.state = 'held';
  publish(input, memory, null);
  const involved = await db.ownersToInvite({ sessionId: input.sessionId });
  const missing = new Set(
    (await db.ownersMissingReports({ sessionId: input.sessionId, sessionDate: memory.sessionDate })).map(
      (o) => o.userId,
    ),
  );
  await db.markSession({ sessionId: input.sessionId, state: 'held' });
  const nextDate = nextOccurrence(memory.sessionDate, input.repeat);
  let nextSessionId: string | null = null;
  if (nextDate) {
    // uuid4() is deterministic in a workflow: a retried or replayed step asks for the same id.
    nextSessionId = uuid4();
    await db.scheduleNextOccurrence({ sessionId: input.sessionId, nextSessionId, date: nextDate });
    memory.changes.push({
      at: new Date().toISOString(),
      what: `next session ${nextSessionId} on ${nextDate}`,
    });
  }
  const reported = involved.map((o) => o.userId).filter((id) => !missing.has(id));
  return summary(input, memory, reported, nextSessionId);
}

function summary(
  input: SessionWorkflowInput,
  memory: SessionMemory,
  reported: string[],
  nextSessionId: string | null,
): SessionSummary {
  return {
    sessionId: input.sessionId,
    sessionDate: memory.sessionDate,
    state: memory.state,
    invited: memory.invited,
    reminded: memory.reminded,
    reported,
    nextSessionId,
  };
}

/** Keeps the search attributes ops filter on current. */
function publish(input: SessionWorkflowInput, memory: SessionMemory, next: PlannedNext | null): void {
  upsertSearchAttributes([
    { key: RhythmTeamId, value: input.teamId },
    { key: RhythmSessionKind, value: input.kind },
    { key: RhythmSessionDate, value: new Date(`${memory.sessionDate}T00:00:00Z`) },
    { key: RhythmState, value: memory.state },
    { key: RhythmNextSendAt, value: next && next.step !== 'held' ? next.at : null },
  ]);
}

/** A malformed input fails the workflow at once, visibly, instead of misbehaving later. */
function validInput(input: unknown): SessionWorkflowInput {
  const parsed = SessionWorkflowInputV1.safeParse(input);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
  throw ApplicationFailure.nonRetryable(
    `invalid session workflow input: ${problems}`,
    'InvalidWorkflowInput',
  );
}

function teamName(): string {
  const name = workflowInfo().memo?.teamName;
  return typeof name === 'string' ? name : '';
}
