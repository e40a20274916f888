// Starting a session's workflow: the one helper every caller uses (the API on create, the sessions
// worker for a repeat, the reconciler at boot), so the id, input, memo and policies are the same.
import { SESSIONS_TASK_QUEUE, sessionWorkflowId, type SessionWorkflowInput } from '@rhythm/domain';
import type { Session, Team } from '@rhythm/persistence';
import { WorkflowExecutionAlreadyStartedError, WorkflowIdReusePolicy, type Client } from '@temporalio/client';

export function sessionWorkflowInput(
  session: Pick<
    Session,
    'id' | 'date' | 'kind' | 'sendInvitation' | 'sendReminder' | 'sendEscalation' | 'repeat' | 'series'
  >,
  team: Pick<Team, 'id' | 'timeZone' | 'sendHour'>,
): SessionWorkflowInput {
  return {
    version: 1,
    sessionId: session.id,
    teamId: team.id,
    date: session.date,
    kind: session.kind,
    timeZone: team.timeZone,
    sendHour: team.sendHour,
    sendInvitation: session.sendInvitation,
    sendReminder: session.sendReminder,
    sendEscalation: session.sendEscalation,
    // An occurrence of a series does not make the next one: the keeper does (topUpSeries). Only
    // rows from before series repeat the old way, from their workflow when held.
    repeat: session.series ? 'none' : session.repeat,
  };
}

export interface StartSessionOptions {
  taskQueue?: string;
  /**
   * The keeper's restart of a session whose last run ended early (failed, terminated, timed out;
   * how, e.g. "TERMINATED"): the new run carries on from the Delivery rows. Only a run that ended
   * so may be followed (ALLOW_DUPLICATE_FAILED_ONLY); a completed one (held, cancelled) never is.
   */
  resumeAfter?: string;
}

/**
 * Starts `session-<id>`. "Already started" is success: the workflow exists, which is what the
 * caller wanted (a retried request, a retried activity, a reconciler pass). A closed workflow of
 * that id is never started again (REJECT_DUPLICATE): a held or cancelled session stays so.
 * Returns true when this call started it.
 */
export async function startSessionWorkflow(
  client: Client,
  session: Parameters<typeof sessionWorkflowInput>[0],
  team: Parameters<typeof sessionWorkflowInput>[1] & Pick<Team, 'name'>,
  options: StartSessionOptions = {},
): Promise<boolean> {
  try {
    await client.workflow.start('sessionWorkflow', {
      taskQueue: options.taskQueue ?? SESSIONS_TASK_QUEUE,
      workflowId: sessionWorkflowId(session.id),
      args: options.resumeAfter
        ? [sessionWorkflowInput(session, team), { resume: { previousRun: options.resumeAfter } }]
        : [sessionWorkflowInput(session, team)],
      memo: { teamName: team.name },
      workflowIdReusePolicy: options.resumeAfter
        ? WorkflowIdReusePolicy.ALLOW_DUPLICATE_FAILED_ONLY
        : WorkflowIdReusePolicy.REJECT_DUPLICATE,
    });
    return true;
  } catch (error) {
    if (error instanceof WorkflowExecutionAlreadyStartedError) return false;
    throw error;
  }
}
