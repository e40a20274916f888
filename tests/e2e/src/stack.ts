// The real local stack for one test file: a fresh database with the demo team, and the built api,
// workflows and notifier as processes on the Temporal namespace ./rhythm test made for these tests.
import { connectOrm, migrateToLatest, seedDemo } from '@rhythm/persistence';
import {
  createTestDatabase,
  requireEnv,
  startService,
  type ServiceProcess,
  type TestDatabase,
} from '@rhythm/testing';

export interface Stack {
  /** The API's origin, which also serves the web app: `http://127.0.0.1:<port>`. */
  readonly apiUrl: string;
  readonly database: TestDatabase;
  readonly services: readonly ServiceProcess[];
  stop(): Promise<void>;
}

export async function startStack(): Promise<Stack> {
  const database = await createTestDatabase();
  const services: ServiceProcess[] = [];
  const stop = async () => {
    await Promise.all(services.map((service) => service.stop()));
    await database.drop();
  };
  try {
    const orm = await connectOrm(database.url);
    try {
      await migrateToLatest(orm);
      await seedDemo(orm);
    } finally {
      await orm.close(true);
    }
    const env = {
      DATABASE_URL: database.url,
      TEMPORAL_ADDRESS: requireEnv('TEMPORAL_ADDRESS'),
      // Not `default`: the integration tests' workers poll the same task queues there, concurrently.
      TEMPORAL_NAMESPACE: requireEnv('TEMPORAL_E2E_NAMESPACE'),
    };
    // Development: the dev sign-in token and outbox endpoints exist. Port 0: a free one.
    const api = startService('api', { ...env, NODE_ENV: 'development', PORT: '0' });
    const workflows = startService('workflows', { ...env, NODE_ENV: 'test' });
    services.push(api, workflows);
    const { port } = JSON.parse(await api.waitForOutput(/rhythm-api listening/)) as { port: number };
    const apiUrl = `http://127.0.0.1:${port}`;
    // No RESEND_API_KEY: emails go to the outbox table; their links point at this stack.
    const notifier = startService('notifier', {
      ...env,
      NODE_ENV: 'test',
      WEB_BASE_URL: apiUrl,
    });
    services.push(notifier);
    await workflows.waitForOutput(/rhythm-workflows polling/, 60_000);
    await notifier.waitForOutput(/rhythm-notifier polling/, 60_000);
    return { apiUrl, database, services, stop };
  } catch (error) {
    await stop().catch(() => undefined);
    throw error;
  }
}
