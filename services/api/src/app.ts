// The Express application, built from its parts so tests can run it with real or local ones.
import express, { type Express } from 'express';
import { pinoHttp } from 'pino-http';
import { randomUUID } from 'node:crypto';
import type { Logger } from '@rhythm/platform';
import { healthRoutes, type ReadinessCheck } from './health/health.routes.js';
import { notFound, problemHandler } from './http/problem.js';

export interface AppDependencies {
  logger: Logger;
  readiness: ReadinessCheck[];
}

export function createApp({ logger, readiness }: AppDependencies): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
  app.use(
    pinoHttp({
      logger,
      genReqId: (req, res) => {
        const id = (req.headers['x-request-id'] as string | undefined) ?? randomUUID();
        res.setHeader('x-request-id', id);
        return id;
      },
      autoLogging: { ignore: (req) => req.url === '/healthz' || req.url === '/readyz' },
    }),
  );
  app.use(express.json({ limit: '100kb' }));
  app.use(healthRoutes(readiness));
  app.use(notFound);
  app.use(problemHandler);
  return app;
}
