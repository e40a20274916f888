// Prometheus metrics: the process defaults and an HTTP latency histogram labelled by method, route
// pattern and status. A registry per app (not prom-client's global one), so that several apps in
// one test process do not collide.
import type { RequestHandler } from 'express';
import { Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { z } from 'zod';
import { defineRoute, type Route } from '../http/route.js';

export interface HttpMetrics {
  registry: Registry;
  /** Times every request; mount it first so that even refused requests are counted. */
  middleware: RequestHandler;
}

export function createHttpMetrics(): HttpMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const duration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP request latency, from the first byte read to the last byte written.',
    labelNames: ['method', 'route', 'status_code'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  return {
    registry,
    middleware: (req, res, next) => {
      const stop = duration.startTimer();
      res.once('finish', () => {
        // The path template set by the route (never the raw path, whose ids would make a series per team).
        const route =
          typeof res.locals.route === 'string'
            ? res.locals.route
            : req.path.startsWith('/docs')
              ? '/docs'
              : 'unmatched';
        stop({ method: req.method, route, status_code: String(res.statusCode) });
      });
      next();
    },
  };
}

export function metricsRoutes({ registry }: HttpMetrics): Route[] {
  return [
    defineRoute({
      method: 'get',
      path: '/metrics',
      operationId: 'metrics',
      summary: 'Prometheus metrics',
      tags: ['operations'],
      public: true,
      responses: {
        200: {
          contentType: registry.contentType,
          schema: z.string(),
          description: 'Prometheus text exposition format.',
        },
      },
      handler: async () => ({ status: 200, body: await registry.metrics() }),
    }),
  ];
}
