// /healthz: the process is up. /readyz: it can do its job, i.e. PostgreSQL and Temporal answer.
import { Router } from 'express';

export interface ReadinessCheck {
  name: string;
  check(): Promise<void>;
}

export function healthRoutes(checks: ReadinessCheck[]): Router {
  const router = Router();
  router.get('/healthz', (_req, res) => {
    res.json({ status: 'up' });
  });
  router.get('/readyz', async (_req, res) => {
    const results = await Promise.all(checks.map(runCheck));
    const ready = results.every((result) => result.ok);
    res.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'not ready', checks: Object.fromEntries(results.map(({ name, ...rest }) => [name, rest])) });
  });
  return router;
}

async function runCheck({ name, check }: ReadinessCheck) {
  const started = performance.now();
  try {
    await withTimeout(check(), 3_000);
    return { name, ok: true, ms: Math.round(performance.now() - started) };
  } catch (error) {
    return { name, ok: false, error: error instanceof Error ? error.message.split('\n')[0] : String(error) };
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
