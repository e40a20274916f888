// One workflow per session: sleeps durably until the next step of its plan, follows reschedules
// and switches by signal (an updatable-timer loop, never terminate-and-restart), sends through the
// notifier's task queue (session-sends.ts), and ends with a summary when the session's day is over.
import {
  RhythmNextSendAt,
  RhythmSessionDate,
  RhythmSessionKind,
  RhythmState,
  RhythmTeamId,
  SessionWorkflowInputV1,
  nextOccurrence,
  planNext,
  statusQuery,
  type PlannedNext,
  type SessionSummary,
  type SessionWorkflowInput,
} from '@rhythm/domain';
import {
  ApplicationFailure,
  continueAsNew,
  patched,
  setHandler,
  upsertSearchAttributes,
  uuid4,
  workflowInfo,
} from '@temporalio/workflow';
import {
  db,
  invite,
  inviteLate,
  lateInvitationDue,
  notifyInvited,
  remind,
  retryFailed,
} from './session-sends.js';
import { escalate } from './session-escalation.js';
import { PATCHES } from './patches.js';
import { signalHandlers } from './session-signals.js';
import {
  initialMemory,
  needsMovedNotice,
  planInput,
  resumedMemory,
  status,
  type SessionMemory,
} from './session-state.js';
import { sleepUntil } from './updatable-timer.js';

export { PATCHES } from './patches.js';

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
  let memory: SessionMemory = carry && 'memory' in carry ? carry.memory : initialMemory(input);
  let next: PlannedNext | null = null;
  // Asked once, before anything else: replaying a run started before the escalation step finds
  // no marker and answers false for the whole run, so that run never escalates.
  const escalates = patched(PATCHES.escalationStep);
  // Answerable from the first task, while a resumed run still reads what was sent.
  setHandler(statusQuery, () => status(memory, input.kind, next));
  if (carry && 'resume' in carry) {
    const records = await db.deliveriesOf({ sessionId: input.sessionId });
    memory = resumedMemory(input, records, carry.resume.previousRun, new Date());
  }
  let replan = false;
  const on = (changed: boolean) => {
    replan ||= changed;
  };
  for (const [signal, apply] of signalHandlers)
    setHandler(signal, (payload: unknown) => on(apply(memory, payload, new Date())));

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
    next = planNext(planInput(memory, escalates), new Date());
    publish(input, memory, next);
    if (workflowInfo().continueAsNewSuggested) {
      await continueAsNew<typeof sessionWorkflow>(input, { memory });
    }
    const wakeAt = Math.min(next.at.getTime(), lateInviteAt ?? Infinity);
    if (await sleepUntil(wakeAt, () => replan)) continue;
    if (replan) continue; // A signal arrived while a step was due: plan again first.
    if (wakeAt < next.at.getTime()) continue; // The late invitation is due first.
    switch (next.step) {
      case 'invitation':
        await invite(input, memory);
        break;
      case 'reminder':
        await remind(input, memory);
        break;
      case 'escalation':
        await escalate(input, memory);
        break;
      case 'held':
        return hold(input, memory);
    }
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
