// The app in-process for supertest: its own migrated database, a lazy Temporal client (connects only
// if a test makes it), the session service starting workflows on a task queue of this app's own
// (no worker polls it unless a test registers one), silent logs, a session service that records team-settings calls
// before passing them on, and every response checked against the OpenAPI document after each test.
import { randomUUID } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { migrateToLatest, openOrm, type Orm, type User } from '@rhythm/persistence';
import { createLogger, type Logger } from '@rhythm/platform';
import { createTestDatabase, requireEnv, type TestDatabase } from '@rhythm/testing';
import { Client, Connection } from '@temporalio/client';
import type { Server } from 'node:http';
import supertest from 'supertest';
import { createApp, type RhythmApp } from '../../src/app.js';
import { issueToken, type TokenVerifier } from '../../src/auth/tokens.js';
import { loadApiConfig, type ApiConfig } from '../../src/config.js';
import { createSessionService, type SessionService } from '../../src/sessions/index.js';
import { OpenApiConformance } from './openapi-conformance.js';
import { recordingServer } from './recording-server.js';

export interface TestAppOptions {
  /**
   * Environment on top of the test defaults (NODE_ENV=test, the test database, TEMPORAL_ADDRESS, a
   * WEB_DIST_DIR that does not exist); a function when it is known only once beforeAll hooks ran.
   */
  env?: Record<string, string> | (() => Record<string, string>);
  /** Replaces operations of the session service (e.g. one that fails as Temporal would). */
  sessions?: Partial<SessionService>;
  tokenVerifier?: TokenVerifier;
  logger?: Logger;
  /** Replaces the lazy client of TEMPORAL_ADDRESS. */
  temporal?: Client;
  /** How long GET .../sessions/{id} waits for the workflow's status query; 1 s by default. */
  statusQueryTimeoutMs?: number;
}

export interface TestApp {
  app: RhythmApp;
  orm: Orm;
  config: ApiConfig;
  /** The app's Temporal client, its session service, and the task queue its workflows are started on. */
  temporal: Client;
  sessions: SessionService;
  taskQueue: string;
  /** supertest against the recording server. */
  http: ReturnType<typeof supertest>;
  /** Calls made to onTeamSettingsChanged, in order (each then goes on to the session service). */
  settingsChanges: { teamId: string; timeZone: string; sendHour: number }[];
  token(user: Pick<User, 'id'>): Promise<string>;
  /** Throws if a response since the last call did not match the OpenAPI document. */
  assertConformance(): void;
  close(): Promise<void>;
}

export async function startTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const database: TestDatabase = await createTestDatabase();
  const orm = await openOrm(database.url);
  await migrateToLatest(orm);
  const temporalAddress = process.env.TEMPORAL_ADDRESS ?? requireEnv('TEMPORAL_ADDRESS');
  const config = loadApiConfig({
    NODE_ENV: 'test',
    DATABASE_URL: database.url,
    TEMPORAL_ADDRESS: temporalAddress,
    LOG_LEVEL: 'silent',
    // No web app unless a test gives it a folder: the tests must not depend on whether services/web was built.
    WEB_DIST_DIR: path.join(os.tmpdir(), `rhythm-no-web-app-${randomUUID()}`),
    // One test user makes hundreds of changes a minute; the limits' own tests set theirs low.
    RATE_LIMIT_WRITES_PER_MINUTE: '1000000',
    RATE_LIMIT_SIGN_IN_PER_MINUTE: '1000000',
    ...(typeof options.env === 'function' ? options.env() : options.env),
  });
  const temporal =
    options.temporal ?? new Client({ connection: Connection.lazy({ address: temporalAddress }) });
  const taskQueue = `api-test-${randomUUID()}`;
  const sessions = createSessionService({
    orm,
    client: temporal,
    taskQueue,
    statusQueryTimeoutMs: options.statusQueryTimeoutMs ?? 1_000,
    maxScheduledSessionsPerTeam: config.MAX_SCHEDULED_SESSIONS_PER_TEAM,
  });
  const settingsChanges: TestApp['settingsChanges'] = [];
  const service: SessionService = {
    ...sessions,
    onTeamSettingsChanged: async (teamId, settings) => {
      settingsChanges.push({ teamId, ...settings });
      await sessions.onTeamSettingsChanged(teamId, settings);
    },
    ...options.sessions,
  };
  const app = createApp({
    config,
    logger: options.logger ?? createLogger('rhythm-api-test', 'silent'),
    orm,
    temporal,
    sessions: service,
    ...(options.tokenVerifier ? { tokenVerifier: options.tokenVerifier } : {}),
  });
  const conformance = new OpenApiConformance(app.openApiDocument);
  const mismatches: string[] = [];
  const server: Server = recordingServer(app, (exchange) => {
    const mismatch = conformance.check(exchange);
    if (mismatch) mismatches.push(mismatch);
  });
  return {
    app,
    orm,
    config,
    temporal,
    sessions,
    taskQueue,
    http: supertest(server),
    settingsChanges,
    token: async (user) => {
      if (config.auth.mode !== 'secret') throw new Error('token() signs with the HS256 secret');
      return (await issueToken(config.auth, user.id)).token;
    },
    assertConformance: () => {
      const found = mismatches.splice(0);
      if (found.length)
        throw new Error(`responses that do not match the OpenAPI document:\n${found.join('\n')}`);
    },
    close: async () => {
      await temporal.connection.close().catch(() => undefined);
      await orm.close(true);
      await database.drop();
    },
  };
}

/**
 * Starts the app before the file's tests and closes it after; checks the OpenAPI conformance of
 * every response after each test (a mismatch fails that test). Use the returned getter in tests.
 */
export function useTestApp(options: TestAppOptions = {}): () => TestApp {
  let testApp: TestApp | undefined;
  beforeAll(async () => {
    testApp = await startTestApp(options);
  });
  afterEach(() => testApp?.assertConformance());
  afterAll(async () => {
    await testApp?.close();
  });
  return () => {
    if (!testApp) throw new Error('the test app is not started yet (use it inside tests)');
    return testApp;
  };
}
