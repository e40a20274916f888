// What the session-emails tests stand on, started once per test file: a fresh migrated database,
// the Temporal dev server, the local Resend-compatible server, and the built API, workflows worker
// and notifier as processes; and the API as a signed-in administrator calls it.
import { Delivery, Membership, migrateToLatest, openOrm, type Orm } from '@rhythm/persistence';
import type { TeamFixture } from '@rhythm/persistence/testing';
import {
  connectDevServer,
  createTestDatabase,
  requireEnv,
  startLocalResend,
  startService,
  type DevServer,
  type LocalResend,
  type ServiceProcess,
  type TestDatabase,
} from '@rhythm/testing';

const RESEND_KEY = 're_integration_refusals';

/** One call per test file: the stack for the whole file, and everything gone afterwards. */
export function useSessionEmailsStack() {
  let database: TestDatabase;
  let orm: Orm;
  let temporal: DevServer;
  let resend: LocalResend;
  let apiUrl: string;
  const services: ServiceProcess[] = [];

  beforeAll(async () => {
    database = await createTestDatabase();
    orm = await openOrm(database.url);
    await migrateToLatest(orm);
    temporal = await connectDevServer();
    resend = await startLocalResend({ apiKey: RESEND_KEY });
    const env = {
      DATABASE_URL: database.url,
      TEMPORAL_ADDRESS: requireEnv('TEMPORAL_ADDRESS'),
      EMAIL_LINK_SECRET: 'integration-pause-link-secret-0123456789',
    };
    const api = startService('api', { ...env, NODE_ENV: 'development', PORT: '0' });
    // The keeper every 2 s instead of every 10 minutes, so that a terminated workflow comes
    // back quickly.
    const workflows = startService('workflows', {
      ...env,
      NODE_ENV: 'test',
      SESSION_KEEPER_INTERVAL_SECONDS: '2',
    });
    const notifier = startService('notifier', {
      ...env,
      NODE_ENV: 'test',
      RESEND_API_KEY: RESEND_KEY,
      RESEND_BASE_URL: resend.url,
    });
    services.push(api, workflows, notifier);
    const line = await api.waitForOutput(/rhythm-api listening/);
    apiUrl = `http://127.0.0.1:${(JSON.parse(line) as { port: number }).port}`;
    await workflows.waitForOutput(/rhythm-workflows polling/, 60_000);
    await notifier.waitForOutput(/rhythm-notifier polling/, 60_000);
  }, 120_000);

  afterAll(async () => {
    await Promise.all(services.map((service) => service.stop()));
    await resend?.close();
    await temporal?.close();
    await orm?.close(true);
    await database?.drop();
  });

  async function api(token: string | null, method: string, path: string, body?: unknown) {
    const response = await fetch(new URL(path, apiUrl), {
      method,
      headers: {
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  }

  /** Ada administers the fixture's team and signs in (development sign-in); returns her token. */
  async function signInAdministrator(fixture: TeamFixture): Promise<string> {
    await orm.em
      .fork()
      .nativeUpdate(
        Membership,
        { team: fixture.team.id, user: fixture.ada.id },
        { roles: ['administrator'] },
      );
    const { body } = await api(null, 'POST', '/api/dev/token', { email: fixture.ada.email });
    return body.token as string;
  }

  /** The session's Delivery rows, as sorted `step:owner:state`. */
  const deliveries = async (sessionId: string) =>
    (await orm.em.fork().find(Delivery, { session: sessionId }, { populate: ['user'] }))
      .map((row) => `${row.step}:${row.user.getEntity().name}:${row.state}`)
      .sort();

  // Getters: the values exist once beforeAll has run.
  return {
    get orm() {
      return orm;
    },
    get temporal() {
      return temporal;
    },
    get resend() {
      return resend;
    },
    get apiUrl() {
      return apiUrl;
    },
    api,
    signInAdministrator,
    deliveries,
  };
}
