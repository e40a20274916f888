import { createTestDatabase, type TestDatabase } from '@rhythm/testing';
import { migrateToLatest, openOrm, type Orm } from '../src/index.js';

export interface MigratedTestOrm {
  orm: Orm;
  database: TestDatabase;
  /** Closes the ORM and drops the database. */
  dispose(): Promise<void>;
}

/** A fresh database of its own with every migration applied, for one test file. */
export async function openMigratedTestOrm(): Promise<MigratedTestOrm> {
  const database = await createTestDatabase();
  const orm = await openOrm(database.url);
  await migrateToLatest(orm);
  return {
    orm,
    database,
    dispose: async () => {
      await orm.close(true);
      await database.drop();
    },
  };
}
