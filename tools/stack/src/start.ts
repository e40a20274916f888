// ./rhythm start: the whole local stack with embedded defaults, in the foreground. Ctrl-C stops
// the services, then Temporal, then PostgreSQL, and leaves no process behind.
import path from 'node:path';
import { launch, stop, type Child } from './children.ts';
import { ensureDatabase, migrateAndSeed } from './database.ts';
import { StackError, elapsed, say } from './log.ts';
import { nx } from './nx.ts';
import { dataDir, root } from './paths.ts';
import { startEmbeddedPostgres, type Postgres } from './postgres.ts';
import { temporalCli, temporalServerTools } from './provision.ts';
import { rhythmSearchAttributes } from './search-attributes.ts';
import { startTemporalOnPostgres } from './temporal-postgres.ts';
import { ONE_PARTITION, startTemporalDevServer, type TemporalDevServer } from './temporal-server.ts';
import { waitForHttp } from './wait.ts';

const API_PORT = Number(process.env.PORT ?? 3000);
const EMBEDDED_PG_PORT = 54320;
const TEMPORAL_PORT = 7233;
const TEMPORAL_UI_PORT = 8233;

export async function start(): Promise<number> {
  const started = Date.now();
  const cleanups: (() => Promise<void>)[] = [];
  const services: Child[] = [];
  let stopping = false;
  const shutdown = async (code: number): Promise<number> => {
    stopping = true;
    say('stopping…');
    await Promise.all(services.map((service) => stop(service)));
    for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
    say('stopped.');
    return code;
  };
  const interrupted = new Promise<number>((resolve) => {
    for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => resolve(130));
  });

  try {
    const cli = await temporalCli();
    // RHYTHM_TEMPORAL=postgres: Temporal on PostgreSQL (compose's topology) instead of the dev server.
    const onPostgres = temporalKind() === 'postgres' && !process.env.TEMPORAL_ADDRESS;
    const serverTools = onPostgres ? await temporalServerTools() : null;
    say('building the services (nx, cached)…');
    if ((await nx(['run-many', '-t', 'build', '--output-style=static'])) !== 0)
      throw new StackError('the build failed (see above).');

    let databaseUrl = process.env.DATABASE_URL;
    let postgresUrl = databaseUrl; // Where Temporal on PostgreSQL makes its databases.
    if (!databaseUrl) {
      const postgres: Postgres = await startEmbeddedPostgres({
        dataDir: path.join(dataDir, 'postgres'),
        port: EMBEDDED_PG_PORT,
        durable: true,
      });
      cleanups.push(() => postgres.stop());
      postgresUrl = postgres.adminUrl;
      databaseUrl = await ensureDatabase(postgres.adminUrl, 'rhythm');
    }
    await migrateAndSeed(databaseUrl, { seed: true });

    let temporalAddress = process.env.TEMPORAL_ADDRESS;
    if (!temporalAddress) {
      const temporal: TemporalDevServer = serverTools
        ? await startTemporalOnPostgres({
            tools: serverTools,
            cli,
            postgresUrl: postgresUrl!,
            port: TEMPORAL_PORT,
            workDir: path.join(dataDir, 'temporal-postgres'),
            namespaces: [process.env.TEMPORAL_NAMESPACE ?? 'default'],
            echo: false,
          })
        : await startTemporalDevServer({
            cli,
            dbFile: path.join(dataDir, 'temporal', 'dev.sqlite'),
            port: TEMPORAL_PORT,
            uiPort: TEMPORAL_UI_PORT,
            searchAttributes: await rhythmSearchAttributes(),
            dynamicConfig: ONE_PARTITION,
            echo: false,
          });
      cleanups.push(() => temporal.stop());
      temporalAddress = temporal.address;
    }

    const env = {
      ...process.env,
      NODE_ENV: process.env.NODE_ENV ?? 'development',
      DATABASE_URL: databaseUrl,
      TEMPORAL_ADDRESS: temporalAddress,
      PORT: String(API_PORT),
      // Signs the one-click pause link in each email (notifier) and checks it (API); local only.
      EMAIL_LINK_SECRET: process.env.EMAIL_LINK_SECRET ?? 'rhythm-local-email-link-secret-not-for-production',
    };
    for (const [name, main] of [
      ['api', 'services/api/dist/main.js'],
      ['workflows', 'services/workflows/dist/main.js'],
      ['notifier', 'services/notifier/dist/main.js'],
    ] as const) {
      services.push(launch(name, process.execPath, [path.join(root, main)], { env, cwd: root }));
    }
    const firstExit = Promise.race(services.map((service) => service.exited.then(() => service)));

    const ready = await Promise.race([
      waitForHttp(`http://127.0.0.1:${API_PORT}/readyz`, 60_000),
      firstExit.then(() => false),
    ]);
    if (!ready) throw new StackError('a service did not come up (see its lines above).');
    say(`Rhythm is up in ${elapsed(started)}:`);
    say(`  Web app      http://localhost:${API_PORT}/   (development sign-in: pick a seeded person)`);
    say(`  API          http://localhost:${API_PORT}/api   (docs: /docs, readiness: /readyz)`);
    if (serverTools)
      say(`  Temporal     gRPC ${temporalAddress} on PostgreSQL (no Web UI; the CLI: ${cli} workflow list)`);
    else if (!process.env.TEMPORAL_ADDRESS)
      say(`  Temporal UI  http://localhost:${TEMPORAL_UI_PORT}   (gRPC ${temporalAddress})`);
    say(`  PostgreSQL   ${redact(databaseUrl)}`);
    say('Ctrl-C stops everything.');

    const outcome = await Promise.race([interrupted, firstExit.then((service) => service)]);
    if (typeof outcome === 'number') return await shutdown(0);
    if (!stopping) say(`${outcome.name} exited unexpectedly; stopping the stack.`);
    return await shutdown(1);
  } catch (error) {
    say(error instanceof StackError ? error.message : `start failed: ${String(error)}`);
    return await shutdown(1);
  }
}

function temporalKind(): 'dev' | 'postgres' {
  const kind = process.env.RHYTHM_TEMPORAL || 'dev';
  if (kind !== 'dev' && kind !== 'postgres')
    throw new StackError(
      `RHYTHM_TEMPORAL is "${kind}": use dev (the default, the Temporal dev server) or postgres.`,
    );
  return kind;
}

function redact(url: string): string {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = '***';
  return parsed.toString();
}
