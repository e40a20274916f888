// The Express application, built from its parts (app dependencies) so tests run it in-process
// with a test database, a lazy Temporal connection and a session service with recording parts.
import { checkDatabase } from '@rhythm/persistence';
import express, { type Express } from 'express';
import { createTokenVerifier } from './auth/tokens.js';
import { createLimits } from './http/limits.js';
import { securityHeaders } from './http/security-headers.js';
import type { AppDependencies } from './dependencies.js';
import { healthRoutes } from './health/health.routes.js';
import { mountRoutes } from './http/mount-routes.js';
import { notFound, problemHandler } from './http/problem-handler.js';
import { requestLogging } from './http/request-logging.js';
import type { Route } from './http/route.js';
import { registerDeliveryMetrics } from './metrics/delivery-metrics.js';
import { createHttpMetrics, metricsRoutes } from './metrics/http-metrics.js';
import { buildOpenApiDocument, type OpenApiDocument } from './openapi/document.js';
import { docsPage, openApiRoutes } from './openapi/openapi.routes.js';
import { apiRoutes } from './routes.js';
import { webApp } from './web/web-app.js';

export type { AppDependencies } from './dependencies.js';

export interface RhythmApp extends Express {
  /** The OpenAPI document the app serves at /openapi.json. */
  readonly openApiDocument: OpenApiDocument;
}

export function createApp(given: AppDependencies): RhythmApp {
  const deps = { ...given, limits: given.limits ?? createLimits(given.config) };
  const metrics = createHttpMetrics();
  registerDeliveryMetrics(metrics.registry, deps.orm);
  const routes: Route[] = [
    ...healthRoutes([
      { name: 'postgresql', check: () => checkDatabase(deps.orm) },
      // A gRPC deadline, so a probe against an unreachable Temporal ends instead of retrying on.
      {
        name: 'temporal',
        check: () =>
          deps.temporal.withDeadline(
            Date.now() + 2_500,
            async () => void (await deps.temporal.workflowService.getSystemInfo({})),
          ),
      },
    ]),
    ...metricsRoutes(metrics),
    ...openApiRoutes(() => document),
    ...apiRoutes(deps.config),
  ];
  // Built at boot, so that a schema zod-openapi cannot render stops the start, not a later request.
  const document = buildOpenApiDocument(routes, { title: 'Rhythm API', version: '1.0.0' });

  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
  app.use(securityHeaders());
  app.use(metrics.middleware);
  app.use(requestLogging(deps.logger));
  app.use(docsPage());
  app.use(mountRoutes(routes, deps, deps.tokenVerifier ?? createTokenVerifier(deps.config.auth)));
  // After the API, so that no file of the web app can shadow a route; before notFound, which answers
  // what neither knows (an unknown /api/ path is never the web app's: it stays a problem+json 404).
  const web = webApp(deps.config.WEB_DIST_DIR, deps.logger);
  if (web) app.use(web);
  app.use(notFound);
  app.use(problemHandler);
  return Object.assign(app, { openApiDocument: document });
}
