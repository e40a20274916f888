// rhythm-workflows: the sessions worker. Config → PostgreSQL → Temporal → run until SIGTERM, then
// drain: stop polling, let running activities finish within the grace time, exit 0.
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
  await runWorker(worker, {
    service: 'rhythm-workflows',
    logger,
    healthPort: config.HEALTH_PORT,
    close: [() => connection.close(), () => client.connection.close(), () => orm.close()],
    afterStart: async () => {
      const started = await startMissingSessionWorkflows(orm, client);
      if (started.length)
        logger.info({ sessions: started }, 'started workflows for scheduled sessions that had none');
    },
  });
});
