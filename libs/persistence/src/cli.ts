// rhythm-db: database chores for deployments (a one-shot job before the services start) and ops.
//   DATABASE_URL=postgres://… node libs/persistence/dist/cli.js migrate         latest schema
//   DATABASE_URL=postgres://… node libs/persistence/dist/cli.js migrate --seed  and the demo team
//   DATABASE_URL=postgres://… node libs/persistence/dist/cli.js make-admin --email a@b.c --team <id or name>
import { makeAdministrator } from './invitation/make-admin.js';
import { connectOrm, migrateToLatest, type Orm } from './orm.js';
import { seedDemo } from './seed/demo-seeder.js';

const USAGE =
  'usage: rhythm-db migrate [--seed] | rhythm-db make-admin --email <address> --team <id or name>\n';
const [command, ...flags] = process.argv.slice(2);
const url = process.env.DATABASE_URL;

const commands: Record<string, (orm: Orm) => Promise<void>> = {
  async migrate(orm) {
    const applied = await migrateToLatest(orm);
    process.stdout.write(applied.length ? `applied: ${applied.join(', ')}\n` : 'schema is up to date\n');
    if (flags.includes('--seed')) {
      const { created } = await seedDemo(orm);
      process.stdout.write(created ? 'demo team seeded\n' : 'demo team already there\n');
    }
  },
  async 'make-admin'(orm) {
    const email = option('--email');
    const team = option('--team');
    const result = await makeAdministrator(orm.em.fork(), { email, team });
    const said = { already: 'was already', promoted: 'is now', added: 'added as' }[result];
    process.stdout.write(`${email} ${said} an administrator of ${team}\n`);
  },
};

function option(name: string): string {
  const value = flags[flags.indexOf(name) + 1];
  if (!flags.includes(name) || !value || value.startsWith('--')) {
    process.stderr.write(USAGE);
    process.exit(2);
  }
  return value;
}

const run = command === undefined ? undefined : commands[command];
if (!run || !url) {
  process.stderr.write(url ? USAGE : 'rhythm-db: DATABASE_URL is not set\n');
  process.exit(2);
}

try {
  const orm = await connectOrm(url);
  try {
    await run(orm);
  } finally {
    await orm.close(true);
  }
} catch (error) {
  process.stderr.write(
    `rhythm-db: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}\n`,
  );
  process.exit(1);
}
