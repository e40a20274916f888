// Creates the application database on a server and brings it to the latest migration (and, for
// the local stack, the demo seed) with the persistence lib's CLI, so the schema has one source.
import path from 'node:path';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import pg from 'pg';
import { root } from './paths.ts';
import { StackError, say } from './log.ts';

const run = promisify(execFile);

export async function ensureDatabase(adminUrl: string, name: string): Promise<string> {
  const client = new pg.Client({ connectionString: adminUrl });
  try {
    await client.connect();
    const found = await client.query('select 1 from pg_database where datname = $1', [name]);
    if (found.rowCount === 0) await client.query(`create database ${client.escapeIdentifier(name)}`);
  } catch (error) {
    throw new StackError(
      `cannot prepare the database ${name}: ${error instanceof Error ? error.message : String(error)}`,
    );
  } finally {
    await client.end().catch(() => undefined);
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** The deployments' own entry point (`rhythm-db migrate [--seed]`), so local and production agree. */
export async function migrateAndSeed(databaseUrl: string, { seed }: { seed: boolean }): Promise<void> {
  const cli = path.join(root, 'libs/persistence/dist/cli.js');
  try {
    const { stdout } = await run(process.execPath, [cli, 'migrate', ...(seed ? ['--seed'] : [])], {
      env: { ...process.env, DATABASE_URL: databaseUrl },
    });
    for (const line of stdout.trim().split('\n')) if (line) say(line);
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr?.trim();
    throw new StackError(`migrating the database failed: ${stderr || String(error)}`);
  }
}
