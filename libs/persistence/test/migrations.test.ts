import { checkDatabase, migrateToLatest, migrations, openOrm, type Orm } from '../src/index.js';
import { createTestDatabase, type TestDatabase } from '@rhythm/testing';

let database: TestDatabase;
let orm: Orm;

beforeAll(async () => {
  database = await createTestDatabase();
  orm = await openOrm(database.url);
});

afterAll(async () => {
  await orm?.close(true);
  await database?.drop();
});

test('applies every migration to an empty database, and nothing on a second run', async () => {
  expect(migrations.length).toBeGreaterThan(0);
  expect(await migrateToLatest(orm)).toEqual(migrations.map((m) => m.name));
  expect(await migrateToLatest(orm)).toEqual([]);
});

test('leaves exactly the schema the entities describe (no entity change without a migration)', async () => {
  const diff = await orm.schema.getUpdateSchemaSQL({ wrap: false });
  expect(diff.trim()).toBe('');
});

test('checkDatabase answers when PostgreSQL does', async () => {
  await expect(checkDatabase(orm)).resolves.toBeUndefined();
});
