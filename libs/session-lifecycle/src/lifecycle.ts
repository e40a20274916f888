// Everything callers do to a session's workflow, `session-<id>`, beyond starting it
// (start-session.ts): signal it (starting it first when its scheduled row has none), signal many,
// end it, ask its status. The API, the sessions worker and the keeper all go through here.
import { sessionWorkflowId, statusQuery, type SessionStatus } from '@rhythm/domain';
import type { Session, Team } from '@rhythm/persistence';
import { WorkflowNotFoundError, type Client, type SignalDefinition } from '@temporalio/client';
import { startSessionWorkflow } from './start-session.js';

/** The client, and the queue the sessions worker polls (tests use one of their own). */
export interface WorkflowContext {
  client: Client;
  taskQueue: string;
}

/** A session row's values as committed, and its team's: what a workflow started now begins from. */
export interface SessionRow {
  session: Pick<
    Session,
    | 'id'
    | 'date'
    | 'kind'
    | 'sendInvitation'
    | 'sendReminder'
    | 'sendEscalation'
    | 'repeat'
    | 'series'
    | 'state'
  >;
  team: Pick<Team, 'id' | 'name' | 'timeZone' | 'sendHour'>;
}

export function sessionRow(session: Session, team: Team): SessionRow {
  const { id, date, kind, sendInvitation, sendReminder, sendEscalation, repeat, series, state } = session;
  const { name, timeZone, sendHour } = team;
  return {
    session: { id, date, kind, sendInvitation, sendReminder, sendEscalation, repeat, series, state },
    team: { id: team.id, name, timeZone, sendHour },
  };
}

/**
 * Signals the session's workflow. A scheduled row can be without one for a moment: a create whose
 * process died between its commit and its start. Then the workflow is started here from the row as
 * committed, as the keeper would at its next pass, and the signal follows. Returns 'closed' when a
 * workflow of that id has already ended (held, cancelled or terminated), or when a row that is no
 * longer scheduled has none: nothing follows the session any more.
 */
export async function signalSession<Args extends unknown[]>(
  ctx: WorkflowContext,
  row: SessionRow,
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
export async function signalSessions<Args extends unknown[]>(
  ctx: WorkflowContext,
  rows: SessionRow[],
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
  ctx: Pick<WorkflowContext, 'client'>,
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

/** The workflow's own view (plan, sends, changes), or why it is not available within `timeoutMs`. */
export async function querySessionStatus(
  ctx: Pick<WorkflowContext, 'client'>,
  sessionId: string,
  timeoutMs: number,
): Promise<WorkflowStatusView> {
  const handle = ctx.client.workflow.getHandle(sessionWorkflowId(sessionId));
  try {
    const status = await ctx.client.withDeadline(Date.now() + timeoutMs, () => handle.query(statusQuery));
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
