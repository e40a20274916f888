// The real local stack for one test file: a fresh database, and the built api, workflows and
// notifier as processes on the Temporal namespace ./rhythm test made for these tests. Two kinds:
// - development (the default): the demo team seeded, the dev sign-in and outbox routes on;
// - production: an empty database and the API as deployed (NODE_ENV=production, no /api/dev/*),
//   signing people in by emailed link and through an OpenID Connect provider started here.
// Either way no RESEND_API_KEY: the notifier keeps every email in the outbox table (outbox.ts).
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { connectOrm, migrateToLatest, seedDemo } from '@rhythm/persistence';
import {
  createTestDatabase,
  requireEnv,
  startOidcProvider,
  startService,
  type ServiceProcess,
  type TestDatabase,
  type TestProvider,
} from '@rhythm/testing';

export interface Stack {
  /** The API's origin, which also serves the web app: `http://127.0.0.1:<port>`. */
  readonly apiUrl: string;
  readonly database: TestDatabase;
  readonly services: readonly ServiceProcess[];
  /** The production stack's identity provider (null in development). */
  readonly provider: TestProvider | null;
  stop(): Promise<void>;
}

export interface StackOptions {
  production?: boolean;
}

export async function startStack({ production = false }: StackOptions = {}): Promise<Stack> {
  const database = await createTestDatabase();
  const services: ServiceProcess[] = [];
  let provider: TestProvider | null = null;
  const stop = async () => {
    await Promise.all(services.map((service) => service.stop()));
    await provider?.close();
    await database.drop();
  };
  try {
    const orm = await connectOrm(database.url);
    try {
      await migrateToLatest(orm);
      if (!production) await seedDemo(orm);
    } finally {
      await orm.close(true);
    }
    const env = {
      DATABASE_URL: database.url,
      TEMPORAL_ADDRESS: requireEnv('TEMPORAL_ADDRESS'),
      // Not `default`: the integration tests' workers poll the same task queues there, concurrently.
      TEMPORAL_NAMESPACE: requireEnv('TEMPORAL_E2E_NAMESPACE'),
    };
    // The production API must know its address before it starts (the OpenID Connect redirect).
    const port = production ? await freePort() : 0;
    if (production) provider = await startOidcProvider(`http://127.0.0.1:${port}/api/auth/oidc/callback`);
    // Development: the dev sign-in token and outbox endpoints exist. Port 0: a free one.
    const api = startService('api', {
      ...env,
      PORT: String(port),
      ...(provider
        ? {
            NODE_ENV: 'production',
            AUTH_JWT_SECRET: randomBytes(32).toString('hex'),
            PUBLIC_URL: `http://127.0.0.1:${port}`,
            OIDC_ISSUER: provider.issuer,
            OIDC_CLIENT_ID: provider.clientId,
            OIDC_CLIENT_SECRET: provider.clientSecret,
            OIDC_NAME: 'Acme account',
            // Every person of these tests signs in from 127.0.0.1: one client to the per-client limit.
            RATE_LIMIT_SIGN_IN_PER_MINUTE: '1000',
          }
        : { NODE_ENV: 'development' }),
    });
    const workflows = startService('workflows', { ...env, NODE_ENV: 'test' });
    services.push(api, workflows);
    const listening = JSON.parse(await api.waitForOutput(/rhythm-api listening/)) as { port: number };
    const apiUrl = `http://127.0.0.1:${listening.port}`;
    // No RESEND_API_KEY: emails go to the outbox table; their links point at this stack.
    const notifier = startService('notifier', {
      ...env,
      NODE_ENV: 'test',
      WEB_BASE_URL: apiUrl,
    });
    services.push(notifier);
    await workflows.waitForOutput(/rhythm-workflows polling/, 60_000);
    await notifier.waitForOutput(/rhythm-notifier polling/, 60_000);
    return { apiUrl, database, services, provider, stop };
  } catch (error) {
    await stop().catch(() => undefined);
    throw error;
  }
}

/** A port nobody listens on right now (the API takes it a moment later). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}
