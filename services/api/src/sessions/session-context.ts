// What every session operation works with: PostgreSQL, Temporal, the sessions task queue and a
// clock. Passed in (never imported), so tests run the service on real servers with a task queue of
// their own, or on a Temporal client that fails on purpose.
import { SESSIONS_TASK_QUEUE } from '@rhythm/domain';
import type { Orm } from '@rhythm/persistence';
import type { Client } from '@temporalio/client';

export interface SessionServiceDependencies {
  orm: Orm;
  client: Client;
  /** The queue the sessions worker polls; session workflows are started there. */
  taskQueue?: string;
  /**
   * How long a read waits for the workflow's `status` query. A query needs a worker to answer; when
   * the workers are down the API still shows the row, without the workflow's view, instead of hanging.
   */
  statusQueryTimeoutMs?: number;
  now?: () => Date;
  /** Scheduled sessions a team may have before a new one is refused (409); none when absent. */
  maxScheduledSessionsPerTeam?: number;
}

export interface SessionContext {
  orm: Orm;
  client: Client;
  taskQueue: string;
  statusQueryTimeoutMs: number;
  now: () => Date;
  maxScheduledSessionsPerTeam: number;
}

export function sessionContext(deps: SessionServiceDependencies): SessionContext {
  return {
    orm: deps.orm,
    client: deps.client,
    taskQueue: deps.taskQueue ?? SESSIONS_TASK_QUEUE,
    statusQueryTimeoutMs: deps.statusQueryTimeoutMs ?? 3_000,
    now: deps.now ?? (() => new Date()),
    maxScheduledSessionsPerTeam: deps.maxScheduledSessionsPerTeam ?? Number.POSITIVE_INFINITY,
  };
}
