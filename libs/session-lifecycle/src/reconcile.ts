// Every scheduled session has a running workflow: the API starts it on create, and this pass,
// run by the sessions worker at start, starts any that are missing (seeded or imported rows, or a
// create whose process died between the row and the start). Starting is idempotent, so the pass
// is too.
import { Session, type Orm } from '@rhythm/persistence';
import type { Client } from '@temporalio/client';
import { startSessionWorkflow, type StartSessionOptions } from './start-session.js';

export async function startMissingSessionWorkflows(
  orm: Orm,
  client: Client,
  options: StartSessionOptions = {},
): Promise<string[]> {
  const sessions = await orm.em
    .fork()
    .find(Session, { state: 'scheduled' }, { populate: ['team'], orderBy: { date: 'asc' } });
  const started: string[] = [];
  for (const session of sessions) {
    if (await startSessionWorkflow(client, session, session.team.getEntity(), options))
      started.push(session.id);
  }
  return started;
}
