// A tiny HTTP endpoint for a worker's container probes: GET /healthz answers 200 while the
// caller's `healthy()` says so, 503 otherwise, 404 for anything else.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface HealthServer {
  port: number;
  close(): Promise<void>;
}

export function startHealthServer(
  port: number,
  healthy: () => { ok: boolean; state: string },
): Promise<HealthServer> {
  const server = http.createServer((req, res) => {
    if (req.method !== 'GET' || req.url !== '/healthz') {
      res.writeHead(404).end();
      return;
    }
    const { ok, state } = healthy();
    res
      .writeHead(ok ? 200 : 503, { 'content-type': 'application/json' })
      .end(JSON.stringify({ status: ok ? 'up' : 'down', state }));
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, () =>
      resolve({
        port: (server.address() as AddressInfo).port,
        close: () => new Promise((done) => server.close(() => done())),
      }),
    );
  });
}

/**
 * A Temporal worker is healthy while it starts, polls or drains: a probe must not kill a worker
 * that is finishing its activities; only a failed or stopped worker is down.
 */
export function workerHealth(state: string): { ok: boolean; state: string } {
  return { ok: state !== 'FAILED' && state !== 'STOPPED', state };
}
