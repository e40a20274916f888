// rhythm-api: config → connections → app → listen; graceful shutdown on SIGTERM/SIGINT.
import { checkDatabase, openOrm } from '@rhythm/persistence';
import { connectTemporalClient, createLogger, databaseLocation, onShutdown, reach, runMain } from '@rhythm/platform';
import { createApp } from './app.js';
import { loadApiConfig } from './config.js';

runMain('rhythm-api', async () => {
  const config = loadApiConfig();
  const logger = createLogger('rhythm-api', config.LOG_LEVEL);
  const orm = await reach('PostgreSQL', databaseLocation(config.DATABASE_URL), 'DATABASE_URL', () => openOrm(config.DATABASE_URL));
  const temporal = await connectTemporalClient(config);
  const app = createApp({
    logger,
    readiness: [
      { name: 'postgresql', check: () => checkDatabase(orm) },
      { name: 'temporal', check: async () => void (await temporal.workflowService.getSystemInfo({})) },
    ],
  });
  const server = app.listen(config.PORT, () => logger.info({ port: config.PORT }, 'rhythm-api listening'));
  onShutdown(async (signal) => {
    logger.info({ signal }, 'shutting down: no new connections, finishing requests in flight');
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await orm.close();
    await temporal.connection.close();
  });
});
