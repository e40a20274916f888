// Operations: health and readiness, Prometheus metrics, and request logs with their request ids.
import { Client, Connection } from '@temporalio/client';
import { pino } from 'pino';
import { Writable } from 'node:stream';
import { startTestApp, useTestApp, type TestApp } from './support/test-app.js';
import { createWorld, type World } from './support/world.js';

const testApp = useTestApp();
let world: World;
beforeAll(async () => {
  world = await createWorld(testApp());
});

describe('health', () => {
  it('/readyz is 200 when PostgreSQL and Temporal answer', async () => {
    const response = await testApp().http.get('/readyz');
    expect(response.body).toMatchObject({
      status: 'ready',
      checks: { postgresql: { ok: true }, temporal: { ok: true } },
    });
    expect(response.status).toBe(200);
  });

  it('/healthz answers while the process is up', async () => {
    const response = await testApp().http.get('/healthz');
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ status: 'up' });
  });

  it('/readyz is 503 naming Temporal when Temporal cannot be reached, and PostgreSQL as fine', async () => {
    // No retry interceptor: the probe fails at once, and no retry outlives the test's connection.
    const unreachable = new Client({
      connection: Connection.lazy({ address: '127.0.0.1:1', interceptors: [] }),
    });
    const unready = await startTestApp({ temporal: unreachable });
    try {
      const response = await unready.http.get('/readyz');
      expect(response.status).toBe(503);
      expect(response.body.status).toBe('not ready');
      expect(response.body.checks.postgresql).toMatchObject({ ok: true });
      expect(response.body.checks.temporal).toMatchObject({ ok: false, error: expect.any(String) });
      unready.assertConformance();
    } finally {
      await unready.close();
    }
  });
});

describe('GET /metrics', () => {
  it('has a latency histogram per method, route pattern and status, never per id', async () => {
    const token = `Bearer ${world.tokens.member}`;
    await testApp().http.get(`/api/teams/${world.team.id}`).set('Authorization', token);
    await testApp().http.get(`/api/teams/${world.otherTeam.id}`).set('Authorization', token);
    await testApp().http.get('/no/such/route');
    const response = await testApp().http.get('/metrics');
    expect(response.status).toBe(200);
    expect(response.type).toBe('text/plain');
    expect(response.text).toContain('# TYPE http_request_duration_seconds histogram');
    expect(response.text).toMatch(
      /http_request_duration_seconds_count\{method="GET",route="\/api\/teams\/\{teamId\}",status_code="200"\} 1\n/,
    );
    expect(response.text).toMatch(
      /http_request_duration_seconds_count\{method="GET",route="\/api\/teams\/\{teamId\}",status_code="404"\} 1\n/,
    );
    expect(response.text).toMatch(
      /http_request_duration_seconds_bucket\{le="0.1",method="GET",route="unmatched",status_code="404"\} 1\n/,
    );
    expect(response.text).not.toContain(world.team.id);
    expect(response.text).toContain('process_cpu_seconds_total');
  });
});

describe('request logs', () => {
  let logged: { app: TestApp; lines: Record<string, unknown>[] };
  beforeAll(async () => {
    const lines: Record<string, unknown>[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        for (const line of chunk.toString().split('\n').filter(Boolean))
          lines.push(JSON.parse(line) as Record<string, unknown>);
        done();
      },
    });
    // The platform logger's redaction of the Authorization header, writing to a sink the test can read.
    const logger = pino(
      {
        name: 'rhythm-api',
        level: 'info',
        redact: { paths: ['req.headers.authorization'], censor: '[redacted]' },
      },
      sink,
    );
    logged = { app: await startTestApp({ logger }), lines };
  });
  afterAll(() => logged.app.close());

  it('write one line per request with its id, route pattern, status and user; the token appears nowhere', async () => {
    const w = await createWorld(logged.app);
    await logged.app.http
      .get(`/api/teams/${w.team.id}`)
      .set('Authorization', `Bearer ${w.tokens.member}`)
      .set('x-request-id', 'req-42');
    const line = logged.lines.find((entry) => (entry.req as { id?: string } | undefined)?.id === 'req-42');
    if (!line) throw new Error(JSON.stringify(logged.lines));
    expect(line).toMatchObject({
      msg: 'request completed',
      route: '/api/teams/{teamId}',
      userId: w.users.member.id,
      res: { statusCode: 200 },
    });
    expect(JSON.stringify(line)).not.toContain(w.tokens.member);
    logged.app.assertConformance();
  });
});
