// rhythm-notifier: renders and sends the session emails (Resend, or the local outbox).
import { connectOrm } from '@rhythm/persistence';
import {
  createLogger,
  databaseLocation,
  reach,
  runMain,
  runWorker,
  temporalConnectionOptions,
} from '@rhythm/platform';
import { NativeConnection } from '@temporalio/worker';
import { Resend } from 'resend';
import { createNotifierActivities } from './activities.js';
import { purgeOldBatches } from './coalescing/batch-store.js';
import { sharedRateLimiter, unlimited } from './coalescing/rate-limiter.js';
import { loadNotifierConfig } from './config.js';
import { outboxTransport } from './transports/outbox.transport.js';
import { resendTransport } from './transports/resend.transport.js';
import { createNotifierWorker } from './worker.js';

runMain('rhythm-notifier', async () => {
  const config = loadNotifierConfig();
  const logger = createLogger('rhythm-notifier', config.LOG_LEVEL);
  const orm = await reach('PostgreSQL', databaseLocation(config.DATABASE_URL), 'DATABASE_URL', () =>
    connectOrm(config.DATABASE_URL),
  );
  const connection = await reach('Temporal', config.TEMPORAL_ADDRESS, 'TEMPORAL_ADDRESS', () =>
    NativeConnection.connect(temporalConnectionOptions(config)),
  );
  // The SDK would also read RESEND_BASE_URL itself; passing the parsed config keeps one source.
  const transport = config.RESEND_API_KEY
    ? resendTransport(new Resend(config.RESEND_API_KEY, { baseUrl: config.RESEND_BASE_URL }))
    : outboxTransport(orm, logger);
  // The outbox is a local table: only a provider has a rate limit to share.
  const limiter = config.RESEND_API_KEY
    ? sharedRateLimiter(orm, 'resend', config.NOTIFIER_REQUESTS_PER_SECOND)
    : unlimited;
  const purge = () =>
    purgeOldBatches(orm).then(
      (purged) => {
        if (purged) logger.info({ purged }, 'purged email batches older than two days');
      },
      (error: unknown) => logger.warn({ err: error }, 'could not purge old email batches'),
    );
  void purge();
  const purging = setInterval(() => void purge(), 60 * 60 * 1000).unref();
  const worker = await createNotifierWorker({
    connection,
    namespace: config.TEMPORAL_NAMESPACE,
    activities: createNotifierActivities({
      orm,
      transport,
      from: config.EMAIL_FROM,
      links: {
        web: config.WEB_BASE_URL,
        ...(config.EMAIL_LINK_SECRET ? { secret: config.EMAIL_LINK_SECRET } : {}),
      },
      ...(config.EMAIL_LINK_SECRET
        ? { pauseLinks: { secret: config.EMAIL_LINK_SECRET, baseUrl: config.WEB_BASE_URL } }
        : {}),
      coalescing: { limiter, lingerMs: config.NOTIFIER_BATCH_LINGER_MS },
    }),
    maxConcurrentActivities: config.NOTIFIER_MAX_CONCURRENT_ACTIVITIES,
    taskQueue: config.NOTIFIER_TASK_QUEUE,
  });
  await runWorker(worker, {
    service: 'rhythm-notifier',
    logger,
    healthPort: config.HEALTH_PORT,
    close: [async () => clearInterval(purging), () => connection.close(), () => orm.close()],
    details: {
      transport: transport.name,
      ...(config.RESEND_API_KEY
        ? {
            resend: config.RESEND_BASE_URL ?? 'https://api.resend.com',
            requestsPerSecond: config.NOTIFIER_REQUESTS_PER_SECOND,
          }
        : {}),
      batchLingerMs: config.NOTIFIER_BATCH_LINGER_MS,
    },
  });
});
