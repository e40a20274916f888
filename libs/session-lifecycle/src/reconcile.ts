// The keeper: every scheduled session has a running workflow. The sessions worker runs a pass at
// boot and then periodically (SESSION_KEEPER_INTERVAL_SECONDS). A pass
// - makes the occurrences that active series lack (topUpSeries, series.ts);
// - starts the workflow of a scheduled row that has none (seeded or imported rows, a create whose
//   process died between the row and the start);
// - starts a new run for a row whose workflow ended early (failed, terminated, timed out,
//   cancelled): it carries on from the Delivery rows, so nothing delivered is sent again;
// - flags for ops a row whose workflow completed although the row is still scheduled (nothing the
//   keeper can safely redo), with the reason, in its result and the worker's log.
// Starting is idempotent (an id already running is left alone), so passes may overlap and several
// workers may keep at once.
import { sessionWorkflowId } from '@rhythm/domain';
import { Session, type Orm } from '@rhythm/persistence';
import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import { topUpSeries } from './series.js';
import { startSessionWorkflow, type StartSessionOptions } from './start-session.js';

/** How a run may end early; a new run carries on after these. */
const ENDED_EARLY = new Set(['FAILED', 'TERMINATED', 'TIMED_OUT', 'CANCELLED']);

export interface KeeperPass {
  /** Occurrences made for series (their workflows started). */
  made: string[];
  /** Sessions whose missing workflow was started. */
  started: string[];
  /** Sessions whose workflow had ended early, followed by a new run. */
  resumed: { sessionId: string; previousRun: string }[];
  /** Sessions that need a person: why. */
  flagged: { sessionId: string; reason: string }[];
}

export interface KeeperOptions extends Omit<StartSessionOptions, 'resumeAfter'> {
  /** Only this team's sessions (ops healing one team; tests sharing a database). */
  teamId?: string;
  /** "Today" for series; the clock by default (tests pass the test server's). */
  now?: Date;
}

export async function keepSessionWorkflows(
  orm: Orm,
  client: Client,
  { teamId, now, ...options }: KeeperOptions = {},
): Promise<KeeperPass> {
  const made = await topUpSeries(orm, client, {
    ...options,
    ...(teamId ? { teamId } : {}),
    ...(now ? { now } : {}),
  });
  const sessions = await orm.em
    .fork()
    .find(
      Session,
      { state: 'scheduled', ...(teamId ? { team: teamId } : {}) },
      { populate: ['team'], orderBy: { date: 'asc' } },
    );
  const pass: KeeperPass = { made, started: [], resumed: [], flagged: [] };
  for (const session of sessions) {
    const team = session.team.getEntity();
    const run = await lastRun(client, session.id);
    if (run === 'RUNNING' || run === 'CONTINUED_AS_NEW') continue;
    if (run === null) {
      if (await startSessionWorkflow(client, session, team, options)) pass.started.push(session.id);
    } else if (ENDED_EARLY.has(run)) {
      if (await startSessionWorkflow(client, session, team, { ...options, resumeAfter: run }))
        pass.resumed.push({ sessionId: session.id, previousRun: run });
    } else {
      pass.flagged.push({
        sessionId: session.id,
        reason: `its workflow ${run.toLowerCase()} but the session is still scheduled: check its history in the Temporal UI`,
      });
    }
  }
  return pass;
}

/** The status of the session's latest run (RUNNING, TERMINATED, …), or null when it has none. */
async function lastRun(client: Client, sessionId: string): Promise<string | null> {
  try {
    return (await client.workflow.getHandle(sessionWorkflowId(sessionId)).describe()).status.name;
  } catch (error) {
    if (error instanceof WorkflowNotFoundError) return null;
    throw error;
  }
}
