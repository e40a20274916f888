// rhythm-db: database chores for deployments (a one-shot job before the services start).
//   DATABASE_URL=postgres://… node libs/persistence/dist/cli.js migrate         latest schema
//   DATABASE_URL=postgres://… node libs/persistence/dist/cli.js migrate --seed  and the demo team
import { connectOrm, migrateToLatest } from './orm.js';
import { seedDemo } from './seed/demo-seeder.js';

const [command, ...flags] = process.argv.slice(2);
const url = process.env.DATABASE_URL;

if (command !== 'migrate' || !url) {
  process.stderr.write(url ? 'usage: rhythm-db migrate [--seed]\n' : 'rhythm-db: DATABASE_URL is not set\n');
  process.exit(2);
}

try {
  const orm = await connectOrm(url);
  try {
    const applied = await migrateToLatest(orm);
    process.stdout.write(applied.length ? `applied: ${applied.join(', ')}\n` : 'schema is up to date\n');
    if (flags.includes('--seed')) {
      const { created } = await seedDemo(orm);
      process.stdout.write(created ? 'demo team seeded\n' : 'demo team already there\n');
    }
  } finally {
    await orm.close(true);
  }
} catch (error) {
  process.stderr.write(
    `rhythm-db: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}\n`,
  );
  process.exit(1);
}
