// rhythm-api: config → connections → app → listen; graceful shutdown on SIGTERM/SIGINT.
import { connectOrm } from '@rhythm/persistence';
import {
  StartupError,
  connectTemporalClient,
  createLogger,
  databaseLocation,
  onShutdown,
  reach,
  runMain,
} from '@rhythm/platform';
import type { Express } from 'express';
import type { AddressInfo, Server } from 'node:net';
import { createApp } from './app.js';
import { loadApiConfig } from './config.js';
import { createSessionService } from './sessions/index.js';

runMain('rhythm-api', async () => {
  const config = loadApiConfig();
  const logger = createLogger('rhythm-api', config.LOG_LEVEL);
  const orm = await reach('PostgreSQL', databaseLocation(config.DATABASE_URL), 'DATABASE_URL', () =>
    connectOrm(config.DATABASE_URL),
  );
  const temporal = await connectTemporalClient(config);
  const sessions = createSessionService({
    orm,
    client: temporal,
    maxScheduledSessionsPerTeam: config.MAX_SCHEDULED_SESSIONS_PER_TEAM,
  });
  const app = createApp({ config, logger, orm, temporal, sessions });
  const server = await listen(app, config.PORT);
  logger.info(
    { port: (server.address() as AddressInfo).port, auth: config.auth.mode },
    'rhythm-api listening',
  );
  onShutdown(async (signal) => {
    logger.info({ signal }, 'shutting down: no new connections, finishing requests in flight');
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await orm.close();
    await temporal.connection.close();
  });
});

function listen(app: Express, port: number): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = app.listen(port);
    server.once('listening', () => resolve(server));
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(new StartupError(`cannot listen on port ${port} (${error.code ?? error.message}): check PORT`)),
    );
  });
}
