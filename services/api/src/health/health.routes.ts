// /healthz: the process is up. /readyz: it can do its job, i.e. PostgreSQL and Temporal answer.
import { z } from 'zod';
import { defineRoute, type Route } from '../http/route.js';

export interface ReadinessCheck {
  name: string;
  check(): Promise<void>;
}

const Health = z.object({ status: z.literal('up') }).meta({ id: 'Health' });
const Readiness = z
  .object({
    status: z.enum(['ready', 'not ready']),
    checks: z.record(
      z.string(),
      z.object({ ok: z.boolean(), ms: z.number().optional(), error: z.string().optional() }),
    ),
  })
  .meta({ id: 'Readiness' });

export function healthRoutes(checks: ReadinessCheck[]): Route[] {
  return [
    defineRoute({
      method: 'get',
      path: '/healthz',
      operationId: 'health',
      summary: 'The process is up',
      tags: ['operations'],
      public: true,
      responses: { 200: Health },
      handler: async () => ({ status: 200, body: { status: 'up' as const } }),
    }),
    defineRoute({
      method: 'get',
      path: '/readyz',
      operationId: 'readiness',
      summary: 'PostgreSQL and Temporal answer',
      tags: ['operations'],
      public: true,
      responses: { 200: Readiness, 503: Readiness },
      handler: async () => {
        const results = await Promise.all(checks.map(runCheck));
        const ready = results.every((result) => result.ok);
        const body = {
          status: ready ? ('ready' as const) : ('not ready' as const),
          checks: Object.fromEntries(results.map(({ name, ...rest }) => [name, rest])),
        };
        return ready ? { status: 200, body } : { status: 503, body };
      },
    }),
  ];
}

async function runCheck({ name, check }: ReadinessCheck) {
  const started = performance.now();
  try {
    await withTimeout(check(), 3_000);
    return { name, ok: true, ms: Math.round(performance.now() - started) };
  } catch (error) {
    return {
      name,
      ok: false,
      error: error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error),
    };
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
