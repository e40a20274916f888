import { MikroORM } from '@mikro-orm/postgresql';
import { createOrmConfig } from './orm-config.js';

export type Orm = MikroORM;

export async function openOrm(clientUrl: string, options: { debug?: boolean } = {}): Promise<Orm> {
  return MikroORM.init(createOrmConfig({ clientUrl, ...options }));
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
