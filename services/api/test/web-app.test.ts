// The web app served by the API (WEB_DIST_DIR): its files with the right caching, index.html for
// browser navigations to client-side routes, and the API's own paths untouched. Responses here are
// the web app's, outside the OpenAPI document, so the conformance check is not run on them.
import { jest } from '@jest/globals';
import { createLogger } from '@rhythm/platform';
import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startTestApp, type TestApp } from './support/test-app.js';

const INDEX =
  '<!doctype html><title>Rhythm</title><script type="module" src="/assets/index-B4x9.js"></script>';
const SCRIPT = 'console.log("rhythm");';
const html = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';
let dist: string;

beforeAll(() => {
  dist = mkdtempSync(path.join(os.tmpdir(), 'rhythm-web-dist-'));
  mkdirSync(path.join(dist, 'assets'));
  writeFileSync(path.join(dist, 'index.html'), INDEX);
  writeFileSync(path.join(dist, 'assets', 'index-B4x9.js'), SCRIPT);
  writeFileSync(path.join(dist, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
});
afterAll(() => rmSync(dist, { recursive: true, force: true }));

describe('with a built web app', () => {
  let testApp: TestApp;
  beforeAll(async () => {
    testApp = await startTestApp({ env: { WEB_DIST_DIR: dist } });
  });
  afterAll(() => testApp.close());
  const get = (urlPath: string, accept = html) => testApp.http.get(urlPath).set('Accept', accept);

  it('serves index.html at /, revalidated on every load', async () => {
    const response = await get('/');
    expect(response.status).toBe(200);
    expect(response.type).toBe('text/html');
    expect(response.text).toBe(INDEX);
    expect(response.headers['cache-control']).toBe('no-cache');
  });

  it('runs only its own scripts and refuses to be framed by another site', async () => {
    const csp = (await get('/teams/0196/status')).headers['content-security-policy'];
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
  });

  it.each(['/teams/0196/status', '/sign-in', '/outbox', '/teams/0196/sessions/0197/reports'])(
    'answers index.html to a browser navigating to %s',
    async (route) => {
      const response = await get(route);
      expect(response.status).toBe(200);
      expect(response.text).toBe(INDEX);
      expect(response.headers['cache-control']).toBe('no-cache');
      const head = await testApp.http.head(route).set('Accept', html);
      expect([head.status, head.type]).toEqual([200, 'text/html']);
    },
  );

  it('serves hashed assets as immutable, other files revalidated', async () => {
    const script = await get('/assets/index-B4x9.js', '*/*');
    expect(script.status).toBe(200);
    expect(script.type).toBe('text/javascript');
    expect(script.text).toBe(SCRIPT);
    expect(script.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const icon = await get('/favicon.svg', 'image/*');
    expect([icon.status, icon.headers['cache-control']]).toEqual([200, 'no-cache']);
  });

  it.each([
    ['an unknown /api/ path', '/api/unknown', html],
    ['a missing asset, even to a browser', '/assets/index-gone.js', html],
    ['a client route asked for as JSON (fetch, API clients)', '/teams/0196/status', 'application/json'],
    ['a client route asked for as anything', '/sign-in', '*/*'],
    ['a path under /healthz', '/healthz/extra', html],
  ])('keeps the problem+json 404 for %s', async (_case, urlPath, accept) => {
    const response = await get(urlPath, accept);
    expect(response.status).toBe(404);
    expect(response.type).toBe('application/problem+json');
    expect(response.body).toMatchObject({ status: 404, instance: urlPath });
  });

  it('leaves the API routes to the API', async () => {
    const health = await get('/healthz');
    expect([health.status, health.type, health.body]).toEqual([200, 'application/json', { status: 'up' }]);
    expect((await get('/openapi.json')).type).toBe('application/json');
    expect((await get('/docs/')).text).toContain('swagger-ui');
    expect((await get('/api/me')).status).toBe(401);
  });

  it('answers only GET and HEAD with index.html', async () => {
    const response = await testApp.http.post('/sign-in').set('Accept', html).send({});
    expect([response.status, response.type]).toEqual([404, 'application/problem+json']);
  });
});

describe('without a built web app', () => {
  const logger = createLogger('rhythm-api-test', 'silent');
  const warn = jest.spyOn(logger, 'warn');
  let testApp: TestApp;
  const missing = path.join(os.tmpdir(), `rhythm-web-dist-never-built-${randomUUID()}`);
  beforeAll(async () => {
    testApp = await startTestApp({ logger, env: { WEB_DIST_DIR: missing } });
  });
  afterAll(() => testApp.close());

  it('warns once at start', () => {
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0]).toEqual([
      { webDistDir: missing },
      expect.stringMatching(/^web app not built: no .*index\.html/),
    ]);
  });

  it('serves no web routes', async () => {
    for (const urlPath of ['/', '/sign-in', '/assets/index-B4x9.js']) {
      const response = await testApp.http.get(urlPath).set('Accept', html);
      expect([urlPath, response.status, response.type]).toEqual([urlPath, 404, 'application/problem+json']);
    }
    testApp.assertConformance();
  });
});
