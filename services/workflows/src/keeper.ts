// Runs the session keeper (libs/session-lifecycle) at boot and then every interval, one pass at a
// time. A pass that fails (PostgreSQL or Temporal away) is logged and tried again at the next
// interval: the keeper never stops the worker.
import type { Logger } from '@rhythm/platform';
import type { Orm } from '@rhythm/persistence';
import { keepSessionWorkflows } from '@rhythm/session-lifecycle';
import type { Client } from '@temporalio/client';

export interface KeeperOptions {
  orm: Orm;
  client: Client;
  logger: Logger;
  intervalMs: number;
}

/** Starts the keeper; the returned function stops it (and waits for a pass under way). */
export function startKeeper({ orm, client, logger, intervalMs }: KeeperOptions): () => Promise<void> {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let pass: Promise<void> = Promise.resolve();
  const run = async () => {
    try {
      const { made, started, resumed, flagged } = await keepSessionWorkflows(orm, client);
      if (made.length) logger.info({ sessions: made }, 'made the next occurrences of repeating series');
      if (started.length)
        logger.info({ sessions: started }, 'started workflows for scheduled sessions that had none');
      for (const { sessionId, previousRun } of resumed)
        logger.warn(
          { sessionId, previousRun },
          'session workflow had ended early: a new run carries on from what was sent',
        );
      for (const { sessionId, reason } of flagged)
        logger.error({ sessionId, reason }, 'session needs attention');
    } catch (error) {
      logger.error({ err: error }, 'session keeper pass failed; trying again at the next interval');
    }
    if (!stopped) timer = setTimeout(() => (pass = run()), intervalMs);
  };
  pass = run();
  return async () => {
    stopped = true;
    clearTimeout(timer);
    await pass;
  };
}
