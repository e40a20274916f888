// Talking to one session's workflow, `session-<id>`: signal it, end it, ask its status.
import { sessionWorkflowId, statusQuery, type SessionStatus } from '@rhythm/domain';
import { startSessionWorkflow } from '@rhythm/session-lifecycle';
import { WorkflowNotFoundError, type SignalDefinition } from '@temporalio/client';
import type { SessionContext } from './session-context.js';
import type { CommittedSession } from './session-rows.js';

/**
 * Signals the session's workflow. A scheduled row can be without one for a moment: a create whose
 * process died between its commit and its start (see create-session.ts). Then the workflow is
 * started here from the row as committed, as the worker's reconciler would at its next boot, and
 * the signal follows. Returns 'closed' when a workflow of that id has already ended (held,
 * cancelled or terminated), or when a row that is no longer scheduled has none: nothing follows the
 * session any more.
 */
export async function signalSession<Args extends unknown[]>(
  ctx: SessionContext,
  row: CommittedSession,
  signal: SignalDefinition<Args>,
  ...args: Args
): Promise<'signalled' | 'closed'> {
  const handle = ctx.client.workflow.getHandle(sessionWorkflowId(row.session.id));
  try {
    await handle.signal(signal, ...args);
    return 'signalled';
  } catch (error) {
    if (!(error instanceof WorkflowNotFoundError)) throw error;
    if (row.session.state !== 'scheduled') return 'closed'; // Nothing follows a held or cancelled row.
  }
  // "Already started" here means a closed workflow of this id (the id is never reused).
  if (!(await startSessionWorkflow(ctx.client, row.session, row.team, { taskQueue: ctx.taskQueue })))
    return 'closed';
  await handle.signal(signal, ...args);
  return 'signalled';
}

/** Signals at once per batch: a team has tens of scheduled sessions, not thousands. */
const BATCH = 10;

/**
 * Signals every row's workflow, a batch at a time, and stops at the first batch with a failure:
 * returns how many rows were tried (the failed batch included) and the first failure, or null.
 */
export async function signalInBatches<Args extends unknown[]>(
  ctx: SessionContext,
  rows: CommittedSession[],
  signal: SignalDefinition<Args>,
  ...args: Args
): Promise<{ tried: number; reason: unknown } | null> {
  for (let start = 0; start < rows.length; start += BATCH) {
    const batch = rows.slice(start, start + BATCH);
    const outcomes = await Promise.allSettled(batch.map((row) => signalSession(ctx, row, signal, ...args)));
    const failed = outcomes.find((outcome) => outcome.status === 'rejected');
    if (failed) return { tried: start + batch.length, reason: failed.reason };
  }
  return null;
}

/** Ends the workflow if it runs; none at all is fine too. */
export async function terminateSessionWorkflow(
  ctx: SessionContext,
  sessionId: string,
  reason: string,
): Promise<void> {
  try {
    await ctx.client.workflow.getHandle(sessionWorkflowId(sessionId)).terminate(reason);
  } catch (error) {
    if (!(error instanceof WorkflowNotFoundError)) throw error;
  }
}

export type WorkflowStatusView =
  { available: true; status: SessionStatus } | { available: false; reason: string };

/** The workflow's own view (plan, sends, changes), or why it is not available within the timeout. */
export async function queryStatus(ctx: SessionContext, sessionId: string): Promise<WorkflowStatusView> {
  const handle = ctx.client.workflow.getHandle(sessionWorkflowId(sessionId));
  try {
    const status = await ctx.client.withDeadline(Date.now() + ctx.statusQueryTimeoutMs, () =>
      handle.query(statusQuery),
    );
    return { available: true, status };
  } catch (error) {
    if (error instanceof WorkflowNotFoundError)
      return { available: false, reason: 'the session has no workflow' };
    return {
      available: false,
      reason: `the workflow did not answer: ${error instanceof Error ? error.message : String(error)}`,
    };
  }
}
