// rhythm-notifier: renders and sends the session emails (Resend, or the local outbox).
import { connectOrm } from '@rhythm/persistence';
import { createLogger, databaseLocation, onShutdown, reach, runMain, temporalConnectionOptions } from '@rhythm/platform';
import { NativeConnection } from '@temporalio/worker';
import { createNotifierActivities } from './activities.js';
import { loadNotifierConfig } from './config.js';
import { outboxTransport } from './transports/outbox.transport.js';
import { createNotifierWorker } from './worker.js';

runMain('rhythm-notifier', async () => {
  const config = loadNotifierConfig();
  const logger = createLogger('rhythm-notifier', config.LOG_LEVEL);
  const orm = await reach('PostgreSQL', databaseLocation(config.DATABASE_URL), 'DATABASE_URL', () => connectOrm(config.DATABASE_URL));
  const connection = await reach('Temporal', config.TEMPORAL_ADDRESS, 'TEMPORAL_ADDRESS', () =>
    NativeConnection.connect(temporalConnectionOptions(config)),
  );
  const transport = outboxTransport(orm, logger);
  const worker = await createNotifierWorker({
    connection,
    namespace: config.TEMPORAL_NAMESPACE,
    activities: createNotifierActivities({ orm, transport, from: config.EMAIL_FROM, links: { web: config.WEB_BASE_URL, api: config.API_BASE_URL } }),
    maxActivitiesPerSecond: config.NOTIFIER_MAX_ACTIVITIES_PER_SECOND,
  });
  const running = worker.run().finally(async () => {
    await connection.close();
    await orm.close();
    logger.info('rhythm-notifier stopped');
  });
  onShutdown(async () => {
    if (worker.getState() === 'RUNNING') worker.shutdown();
    await running;
  });
  logger.info({ transport: transport.name, taskQueue: worker.options.taskQueue }, 'rhythm-notifier polling');
  await running;
});
