// ./rhythm test: every test of the monorepo on real servers. It provisions and starts a PostgreSQL
// and a Temporal dev server of its own (separate ports and data from `./rhythm start`, so both can
// run at once), hands their addresses to Jest through the environment, and closes with one line
// "N passed, N failed" summed over all projects.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { StackError, elapsed, say } from './log.ts';
import { nx } from './nx.ts';
import { dataDir, root } from './paths.ts';
import { startEmbeddedPostgres } from './postgres.ts';
import { debianTools, deployTools, temporalCliAndServer, temporalTestServer } from './provision.ts';
import { selectedProjects, shiftedClockRun } from './shifted-clock.ts';
import { rhythmSearchAttributes } from './search-attributes.ts';
import { ONE_PARTITION, startTemporalDevServer } from './temporal-server.ts';

// Overridable so that two test runs can share a machine (e.g. two worktrees).
const TEST_PG_PORT = Number(process.env.RHYTHM_TEST_PG_PORT ?? 54330);
const TEST_TEMPORAL_PORT = Number(process.env.RHYTHM_TEST_TEMPORAL_PORT ?? 7243);
const reportsDir = path.join(root, 'reports/jest');
// The end-to-end tests' services poll the same task queues as the integration tests' workers, and
// Jest runs both projects at once: a namespace of their own keeps each side's tasks apart.
const E2E_NAMESPACE = 'rhythm-e2e';

export async function test(extraNxArgs: string[]): Promise<number> {
  const started = Date.now();
  const cleanups: (() => Promise<void>)[] = [];
  process.once('SIGINT', () => undefined); // Let Nx and Jest see Ctrl-C; we clean up after them.
  try {
    const [{ cli }, testServer, debian] = await Promise.all([
      temporalCliAndServer(), // The server for the Temporal-on-PostgreSQL integration test.
      temporalTestServer(),
      debianTools(),
      deployTools(),
    ]);
    say(`provisioned in ${elapsed(started)}; building (nx, cached)…`);
    if ((await nx(['run-many', '-t', 'build', '--output-style=static', ...extraNxArgs])) !== 0)
      throw new StackError('the build failed.');

    let databaseUrl = process.env.TEST_DATABASE_URL;
    if (!databaseUrl) {
      const postgres = await startEmbeddedPostgres({
        dataDir: path.join(dataDir, `postgres-test-${TEST_PG_PORT}`),
        port: TEST_PG_PORT,
        durable: false,
      });
      cleanups.push(() => postgres.stop());
      databaseUrl = postgres.adminUrl;
    }
    const temporal = await startTemporalDevServer({
      cli,
      dbFile: null,
      port: TEST_TEMPORAL_PORT,
      uiPort: null,
      namespaces: [E2E_NAMESPACE],
      searchAttributes: await rhythmSearchAttributes(),
      // Suggest continue-as-new after 100 events instead of thousands, so a test can reach it.
      dynamicConfig: { ...ONE_PARTITION, 'limit.historyCount.suggestContinueAsNew': 100 },
      echo: false,
    });
    cleanups.push(() => temporal.stop());

    rmSync(reportsDir, { recursive: true, force: true });
    const env = {
      ...process.env,
      NODE_ENV: 'test',
      // Tests create (and drop) a database of their own on this server.
      DATABASE_URL: databaseUrl,
      TEMPORAL_ADDRESS: temporal.address,
      TEMPORAL_TEST_SERVER_PATH: testServer,
      // For tests that record workflow histories with `temporal workflow show`.
      TEMPORAL_CLI_PATH: cli,
      TEMPORAL_E2E_NAMESPACE: E2E_NAMESPACE,
      CHROMIUM_PATH: debian.chromium,
      // tools/stack's own test starts a PostgreSQL of its own: 54377, moved with RHYTHM_TEST_PG_PORT.
      RHYTHM_STACK_TEST_PG_PORT: process.env.RHYTHM_STACK_TEST_PG_PORT ?? String(TEST_PG_PORT + 47),
      // The Temporal-on-PostgreSQL test's server: this port and the 7 after it (7343-7350).
      RHYTHM_TEST_TEMPORAL_PG_PORT:
        process.env.RHYTHM_TEST_TEMPORAL_PG_PORT ?? String(TEST_TEMPORAL_PORT + 100),
    };
    const formatted = await prettierCheck();
    say('running lint, typecheck and tests (nx)…');
    const nxCode = await nx(
      ['run-many', '-t', 'lint', 'typecheck', 'test', '--output-style=static', ...extraNxArgs],
      env,
    );
    const shiftedOk = await shiftedClockRun(debian.faketime, env, selectedProjects(extraNxArgs));
    const { passed, failed, skipped, failures } = sumReports();
    say(`finished in ${elapsed(started)}`);
    for (const failure of failures) process.stdout.write(`\nFAILED ${failure.test}\n${failure.why}\n`);
    // The one closing line CI reads.
    process.stdout.write(
      `\ntests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}\n`,
    );
    const code = formatted && shiftedOk ? nxCode : 1;
    if (!formatted) say('some files are not formatted: run `npm run format` (Prettier).');
    if (code !== 0 && failed === 0) say('a lint, typecheck or test step failed (see above).');
    return code === 0 && failed === 0 ? 0 : 1;
  } catch (error) {
    say(
      error instanceof StackError
        ? error.message
        : `test run failed: ${error instanceof Error ? error.stack : String(error)}`,
    );
    return 1;
  } finally {
    for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
  }
}

interface Failure {
  test: string;
  why: string;
}

/** The counts of every project's report, and what failed (repeated at the end for CI's tail). */
function sumReports(): { passed: number; failed: number; skipped: number; failures: Failure[] } {
  const total = { passed: 0, failed: 0, skipped: 0, failures: [] as Failure[] };
  if (!existsSync(reportsDir)) return total;
  const files = readdirSync(reportsDir, { recursive: true, encoding: 'utf8' }).filter((file) =>
    file.endsWith('.json'),
  );
  for (const file of files) {
    const counts = JSON.parse(readFileSync(path.join(reportsDir, file), 'utf8')) as typeof total;
    total.failures.push(...(counts.failures ?? []));
    total.passed += counts.passed;
    total.failed += counts.failed;
    total.skipped += counts.skipped;
  }
  return total;
}

/** Prettier's check over the code and JSON (the same globs as `npm run format`). */
function prettierCheck(): Promise<boolean> {
  say('checking formatting (prettier)…');
  return new Promise((resolve) => {
    const child = spawn(
      path.join(root, 'node_modules/.bin/prettier'),
      ['--check', '--log-level=warn', '**/*.{ts,tsx,js,mjs,json}'],
      {
        cwd: root,
        stdio: 'inherit',
      },
    );
    child.once('exit', (exitCode) => resolve(exitCode === 0));
  });
}
