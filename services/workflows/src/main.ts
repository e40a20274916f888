// rhythm-workflows: the sessions worker. Config → PostgreSQL → Temporal → run until SIGTERM, then
// drain: stop polling, let running activities finish within the grace time, exit 0. Beside the
// worker runs the session keeper (keeper.ts): every scheduled session keeps a running workflow.
import { connectOrm } from '@rhythm/persistence';
import {
  connectTemporalClient,
  createLogger,
  databaseLocation,
  reach,
  runMain,
  runWorker,
  temporalConnectionOptions,
} from '@rhythm/platform';
import { NativeConnection } from '@temporalio/worker';
import { loadWorkflowsConfig } from './config.js';
import { startKeeper } from './keeper.js';
import { createWorkerActivities } from './activities.js';
import { createSessionsWorker } from './worker.js';

runMain('rhythm-workflows', async () => {
  const config = loadWorkflowsConfig();
  const logger = createLogger('rhythm-workflows', config.LOG_LEVEL);
  const orm = await reach('PostgreSQL', databaseLocation(config.DATABASE_URL), 'DATABASE_URL', () =>
    connectOrm(config.DATABASE_URL),
  );
  const client = await connectTemporalClient(config);
  const connection = await reach('Temporal', config.TEMPORAL_ADDRESS, 'TEMPORAL_ADDRESS', () =>
    NativeConnection.connect(temporalConnectionOptions(config)),
  );
  const worker = await createSessionsWorker({
    connection,
    namespace: config.TEMPORAL_NAMESPACE,
    activities: createWorkerActivities({ orm, client }),
    ...(config.WORKFLOW_BUNDLE_PATH ? { workflowBundle: { codePath: config.WORKFLOW_BUNDLE_PATH } } : {}),
    maxCachedWorkflows: config.SESSIONS_MAX_CACHED_WORKFLOWS,
    maxConcurrentWorkflowTaskExecutions: config.SESSIONS_MAX_CONCURRENT_WORKFLOW_TASKS,
  });
  let stopKeeper = async () => {};
  await runWorker(worker, {
    service: 'rhythm-workflows',
    logger,
    healthPort: config.HEALTH_PORT,
    close: [() => stopKeeper(), () => connection.close(), () => client.connection.close(), () => orm.close()],
    afterStart: async () => {
      stopKeeper = startKeeper({
        orm,
        client,
        logger,
        intervalMs: config.SESSION_KEEPER_INTERVAL_SECONDS * 1000,
      });
    },
  });
});
