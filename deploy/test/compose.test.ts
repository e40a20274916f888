// docker-compose.yml is valid for a real Compose implementation (Debian's docker-compose, or a
// `docker compose` plugin where there is one) with the committed .env.example, and `docker compose
// up` would come up in order: every dependency waits for a health check or a finished job.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { variablesReadByCode } from './env-vars.js';
import { dockerCompose, repoRoot, run, runOk } from './tools.js';

interface Service {
  image?: string;
  build?: unknown;
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: { test: string[] };
  restart?: string;
  environment?: Record<string, string | null>;
  volumes?: (string | { type: string; source: string })[];
  stop_grace_period?: string;
}

const composeFile = path.join(repoRoot, 'docker-compose.yml');
const envExample = path.join(repoRoot, '.env.example');
const compose = dockerCompose();
const config = (envFile: string) => run(compose, ['-f', composeFile, '--env-file', envFile, 'config']);
let services: Record<string, Service>;

beforeAll(() => {
  services = (
    parse(runOk(compose, ['-f', composeFile, '--env-file', envExample, 'config'])) as {
      services: Record<string, Service>;
    }
  ).services;
});

const rhythmServices = ['api', 'workflows', 'notifier'];
const oneShot = ['temporal-schema', 'temporal-setup', 'migrate'];
const seconds = (duration: string) => Number(/^(\d+)s$/.exec(duration)?.[1] ?? NaN);

describe('docker-compose.yml', () => {
  it('validates (`config -q`) with .env.example', () => {
    expect(run(compose, ['-f', composeFile, '--env-file', envExample, 'config', '-q'])).toMatchObject({
      status: 0,
      stderr: '',
    });
  });

  it('runs PostgreSQL, Temporal on it with its UI, the setup jobs, the Rhythm services and the web container', () => {
    expect(Object.keys(services).sort()).toEqual(
      [
        'api',
        'migrate',
        'notifier',
        'postgres',
        'temporal',
        'temporal-schema',
        'temporal-setup',
        'temporal-ui',
        'web',
        'workflows',
      ].sort(),
    );
    expect(services.temporal!.environment).toMatchObject({ DB: 'postgres12', POSTGRES_SEEDS: 'postgres' });
  });

  it('refuses to start without each required secret, naming it', () => {
    const required = [
      ...new Set([...readFileSync(composeFile, 'utf8').matchAll(/\$\{([A-Z0-9_]+):\?/g)].map((m) => m[1]!)),
    ];
    expect(required.length).toBeGreaterThan(0);
    const dir = mkdtempSync(path.join(os.tmpdir(), 'rhythm-compose-'));
    try {
      for (const name of required) {
        const file = path.join(dir, `without-${name}.env`);
        writeFileSync(file, readFileSync(envExample, 'utf8').replace(new RegExp(`^${name}=.*$`, 'm'), ''));
        const result = config(file);
        expect({ name, refused: result.status !== 0, named: result.stderr.includes(name) }).toEqual({
          name,
          refused: true,
          named: true,
        });
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('starts each service only after what it needs is healthy or done', () => {
    const needs = (service: string) =>
      Object.fromEntries(
        Object.entries(services[service]!.depends_on ?? {}).map(([name, { condition }]) => [name, condition]),
      );
    for (const service of rhythmServices) {
      expect(needs(service)).toEqual({
        migrate: 'service_completed_successfully',
        'temporal-setup': 'service_completed_successfully',
      });
    }
    expect(needs('migrate')).toEqual({ postgres: 'service_healthy' });
    expect(needs('temporal-schema')).toEqual({ postgres: 'service_healthy' });
    expect(needs('temporal')).toEqual({ 'temporal-schema': 'service_completed_successfully' });
    expect(needs('temporal-setup')).toEqual({ temporal: 'service_healthy' });
    expect(needs('web')).toEqual({ api: 'service_healthy' });
  });

  it('gives every service others wait on for health a health check, and the jobs no restarts', () => {
    for (const [name, service] of Object.entries(services)) {
      for (const [dependency, { condition }] of Object.entries(service.depends_on ?? {})) {
        if (condition === 'service_healthy')
          expect({ dependency, healthcheck: Boolean(services[dependency]!.healthcheck) }).toEqual({
            dependency,
            healthcheck: true,
          });
        if (condition === 'service_completed_successfully')
          expect({ dependency, restart: services[dependency]!.restart }).toEqual({
            dependency,
            restart: 'no',
          });
      }
      if (!oneShot.includes(name))
        expect({ name, restart: service.restart }).toEqual({ name, restart: 'unless-stopped' });
    }
    for (const service of [...rhythmServices, 'web', 'postgres', 'temporal'])
      expect(services[service]!.healthcheck).toBeDefined();
  });

  it('lets the workers drain on stop (their grace time is 30 s; compose would kill after 10)', () => {
    for (const worker of ['workflows', 'notifier'])
      expect(seconds(services[worker]!.stop_grace_period ?? '10s')).toBeGreaterThan(30);
  });

  it('pins every image to a version, never latest', () => {
    for (const [name, { image }] of Object.entries(services)) {
      expect({ name, image }).toEqual({ name, image: expect.stringMatching(/^[^:]+:(?!latest$)[\w.-]+$/) });
    }
  });

  it('builds the Rhythm images from their Dockerfiles', () => {
    for (const service of [...rhythmServices, 'migrate', 'web']) {
      const dockerfile = (services[service]!.build as { dockerfile: string }).dockerfile;
      expect(existsSync(path.join(repoRoot, dockerfile))).toBe(true);
    }
  });

  it('mounts only files that exist (Compose would create a missing one as an empty folder)', () => {
    const sources = Object.values(services).flatMap((service) =>
      (service.volumes ?? []).map((volume) =>
        typeof volume === 'string' ? volume.split(':')[0]! : volume.source,
      ),
    );
    const files = sources.filter((source) => source.startsWith('/') || source.startsWith('.'));
    expect(files.length).toBeGreaterThan(0);
    for (const file of files)
      expect({ file, exists: existsSync(path.resolve(repoRoot, file)) }).toEqual({ file, exists: true });
  });

  it('passes the Rhythm services only variables their code reads', () => {
    const known = variablesReadByCode();
    for (const service of [...rhythmServices, 'migrate']) {
      const unknown = Object.keys(services[service]!.environment ?? {}).filter((name) => !known.has(name));
      expect({ service, unknown }).toEqual({ service, unknown: [] });
    }
  });

  it('runs the web container (nginx) on WEB_PORT, probing its own /healthz', () => {
    const web = services.web as Service & { ports: { target: number; published: string | number }[] };
    expect(web.ports.map(({ target, published }) => [target, Number(published)])).toEqual([[8080, 8080]]);
    expect(web.healthcheck!.test.join(' ')).toContain('http://127.0.0.1:8080/healthz');
    expect(readFileSync(composeFile, 'utf8')).toContain('${WEB_PORT:-8080}:8080');
  });
});
