// Temporal on PostgreSQL for one test file: tools/stack's server (built from Go modules the first
// time by tools/setup/temporal-server.sh, cached afterwards) on two databases of its own on the test
// run's PostgreSQL, set up as production is (compose's dynamic config, setup-namespace.sh).
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { requireEnv } from '@rhythm/testing';
import pg from 'pg';
import { elapsed } from '../../../tools/stack/src/log.ts';
import { temporalCliAndServer } from '../../../tools/stack/src/provision.ts';
import {
  startTemporalOnPostgres,
  type TemporalOnPostgres,
} from '../../../tools/stack/src/temporal-postgres.ts';

// ./rhythm test passes its dev server's port + 100 (7343); the server also takes the 7 ports after it.
const PORT = Number(process.env.RHYTHM_TEST_TEMPORAL_PG_PORT ?? 7343);
// A first run builds the server with Go: minutes on 2 cores (./rhythm test builds it beforehand).
const FIRST_BUILD_MS = 20 * 60_000;

/** Registers this file's hooks: call it at the top level, before the hooks that use the server. */
export function useTemporalOnPostgres() {
  const suffix = randomBytes(6).toString('hex');
  const databases = { store: `temporal_${suffix}`, visibility: `temporal_visibility_${suffix}` };
  let adminUrl: string;
  let workDir: string | undefined;
  let server: TemporalOnPostgres | undefined;

  beforeAll(async () => {
    const started = Date.now();
    adminUrl = requireEnv('DATABASE_URL');
    const { cli, serverTools: tools } = await temporalCliAndServer();
    process.stderr.write(`temporal-on-postgres: CLI and server ready in ${elapsed(started)}\n`);
    workDir = await mkdtemp(path.join(os.tmpdir(), 'rhythm-temporal-pg-'));
    server = await startTemporalOnPostgres({
      tools,
      cli,
      postgresUrl: adminUrl,
      databases,
      port: PORT,
      workDir,
      namespaces: ['default'],
      echo: false,
    });
    // The session-emails stack connects its client and its services to TEMPORAL_ADDRESS when its
    // own beforeAll runs (after this one): this file's copy of the environment names our server.
    process.env.TEMPORAL_ADDRESS = server.address;
  }, FIRST_BUILD_MS);

  afterAll(async () => {
    await server?.stop();
    if (adminUrl)
      for (const name of Object.values(databases))
        await sql(adminUrl, `drop database if exists "${name}" with (force)`);
    if (workDir) await rm(workDir, { recursive: true, force: true });
  });

  return {
    /** The workflow's row in the visibility database (status, search_attributes): proof it is kept in PostgreSQL. */
    async visibilityRow(workflowId: string): Promise<Record<string, unknown> | undefined> {
      const url = new URL(adminUrl);
      url.pathname = `/${databases.visibility}`;
      const rows = await sql(
        url.toString(),
        'select status, search_attributes from executions_visibility where workflow_id = $1',
        [workflowId],
      );
      return rows[0];
    },
  };
}

async function sql(url: string, text: string, values: unknown[] = []): Promise<Record<string, unknown>[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(text, values)).rows as Record<string, unknown>[];
  } finally {
    await client.end();
  }
}
