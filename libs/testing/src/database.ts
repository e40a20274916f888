// Every test file that touches PostgreSQL gets a database of its own on the server ./rhythm test
// started (DATABASE_URL names that server), so Jest can run files in parallel without cleanup
// between them.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { requireEnv } from './env.js';

export interface TestDatabase {
  /** Connection URL of the fresh, empty database. */
  url: string;
  name: string;
  /** Drops the database, ending any connection still open to it. */
  drop(): Promise<void>;
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const adminUrl = requireEnv('DATABASE_URL');
  const name = `rhythm_test_${randomBytes(6).toString('hex')}`;
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  await asAdmin(adminUrl, `create database "${name}"`);
  return {
    url: url.toString(),
    name,
    drop: () => asAdmin(adminUrl, `drop database if exists "${name}" with (force)`),
  };
}

async function asAdmin(adminUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
