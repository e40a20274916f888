// Creates the application database on a server and brings it to the latest migration (and, for
// the local stack, the demo seed) through the persistence lib, so the schema has one source.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import pg from 'pg';
import { root } from './paths.ts';
import { StackError, say } from './log.ts';

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

interface PersistenceLib {
  openOrm(url: string): Promise<{ close(force?: boolean): Promise<void> }>;
  migrateToLatest(orm: unknown): Promise<string[]>;
  seedDemo(orm: unknown, now: Date): Promise<void>;
}

export async function migrateAndSeed(databaseUrl: string, { seed }: { seed: boolean }): Promise<void> {
  const lib = (await import(
    pathToFileURL(path.join(root, 'libs/persistence/dist/index.js')).href
  )) as PersistenceLib;
  const orm = await lib.openOrm(databaseUrl);
  try {
    const applied = await lib.migrateToLatest(orm);
    say(applied.length ? `applied migrations: ${applied.join(', ')}` : 'database schema is up to date');
    if (seed) {
      await lib.seedDemo(orm, new Date());
      say('demo team seeded (idempotent)');
    }
  } finally {
    await orm.close(true);
  }
}
