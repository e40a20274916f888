import { MikroORM } from '@mikro-orm/postgresql';
import { createOrmConfig } from './orm-config.js';

export type Orm = MikroORM;

export async function openOrm(clientUrl: string, options: { debug?: boolean } = {}): Promise<Orm> {
  return MikroORM.init(createOrmConfig({ clientUrl, ...options }));
}

/**
 * Opens the ORM and checks that the database answers (MikroORM connects lazily), so a wrong
 * DATABASE_URL fails at start-up rather than on the first request.
 */
export async function connectOrm(clientUrl: string): Promise<Orm> {
  const orm = await openOrm(clientUrl);
  try {
    await checkDatabase(orm);
    return orm;
  } catch (error) {
    await orm.close(true).catch(() => undefined);
    throw error;
  }
}

/** Runs the pending migrations in one transaction; returns the names of those applied (oldest first). */
export async function migrateToLatest(orm: Orm): Promise<string[]> {
  const applied = await orm.migrator.up();
  return applied.map((migration) => migration.name);
}

/** For readiness probes: resolves when the database answers, rejects otherwise. */
export async function checkDatabase(orm: Orm): Promise<void> {
  await orm.em.getConnection().execute('select 1');
}
