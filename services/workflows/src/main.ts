// rhythm-workflows: the sessions worker. Config → PostgreSQL → Temporal → run until SIGTERM, then
// drain: stop polling, let running activities finish within the grace time, exit 0.
import { connectOrm } from '@rhythm/persistence';
import {
  connectTemporalClient,
  createLogger,
  databaseLocation,
  onShutdown,
  reach,
  runMain,
  startHealthServer,
  temporalConnectionOptions,
  workerHealth,
} from '@rhythm/platform';
import { NativeConnection } from '@temporalio/worker';
import { startMissingSessionWorkflows } from '@rhythm/session-lifecycle';
import { loadWorkflowsConfig } from './config.js';
import { createSessionActivities } from './sessions/session.activities.js';
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
    activities: createSessionActivities({ orm, client }),
    ...(config.WORKFLOW_BUNDLE_PATH ? { workflowBundle: { codePath: config.WORKFLOW_BUNDLE_PATH } } : {}),
  });
  const health =
    config.HEALTH_PORT === undefined
      ? null
      : await startHealthServer(config.HEALTH_PORT, () => workerHealth(worker.getState()));
  // The SDK's runtime also turns SIGINT/SIGTERM into worker.shutdown(); run() resolves once drained.
  const running = worker.run().finally(async () => {
    await connection.close();
    await client.connection.close();
    await orm.close();
    await health?.close();
    logger.info('rhythm-workflows stopped');
  });
  onShutdown(async () => {
    logger.info('draining: no new tasks, finishing running activities');
    if (worker.getState() === 'RUNNING') worker.shutdown();
    await running;
  });
  logger.info({ taskQueue: worker.options.taskQueue }, 'rhythm-workflows polling');
  const started = await startMissingSessionWorkflows(orm, client);
  if (started.length)
    logger.info({ sessions: started }, 'started workflows for scheduled sessions that had none');
  await running;
});
