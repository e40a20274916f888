import {
  DEMO_TEAM_NAME,
  DemoSeeder,
  Membership,
  PlanItem,
  Session,
  Team,
  User,
  seedDemo,
  type Orm,
} from '../src/index.js';
import { openMigratedTestOrm, type MigratedTestOrm } from './migrated-orm.js';

let db: MigratedTestOrm;
let orm: Orm;

beforeAll(async () => {
  db = await openMigratedTestOrm();
  orm = db.orm;
});

afterAll(async () => {
  await db?.dispose();
});

// 23:30 UTC on 20 March is already 21 March in Amsterdam (UTC+1): the session dates count from there.
const now = new Date('2026-03-20T23:30:00Z');

test('seeding twice writes the demo team once', async () => {
  const first = await seedDemo(orm, now);
  const second = await seedDemo(orm, new Date('2026-05-01T12:00:00Z'));
  // The SeedManager route (what a CLI or the stack's set-up would call) is idempotent too.
  await orm.seeder.seed(DemoSeeder);

  expect(first.created).toBe(true);
  expect(second).toEqual({ teamId: first.teamId, created: false });
  const em = orm.em.fork();
  expect(await em.count(Team, { name: DEMO_TEAM_NAME })).toBe(1);
  expect(await em.count(User)).toBe(5);
  expect(await em.count(Membership)).toBe(5);
  expect(await em.count(PlanItem)).toBe(8);
  expect(await em.count(Session)).toBe(2);
});

test('the demo team has its people, plan and two upcoming sessions', async () => {
  const em = orm.em.fork();
  const team = await em.findOneOrFail(Team, { name: DEMO_TEAM_NAME });
  expect(team).toMatchObject({ timeZone: 'Europe/Amsterdam', locale: 'en', sendHour: 9 });

  const memberships = await em.find(Membership, { team }, { populate: ['user'] });
  const byName = new Map(memberships.map((m) => [m.user.getEntity().name, m]));
  expect(byName.get('Ada Admin')?.roles).toEqual(['administrator']);
  expect(byName.get('Ada Admin')?.user.getEntity().email).toBe('ada@example.com');
  expect(byName.get('Pim Process')?.roles).toEqual(['process_owner']);
  expect(byName.get('Pim Process')?.user.getEntity().email).toBe('pim@example.com');
  expect(byName.get('Noah Owner')?.user.getEntity().locale).toBe('nl');
  expect(byName.get('Olga NoEmail')?.user.getEntity().email).toBeNull();
  expect(memberships.filter((m) => m.roles.includes('member'))).toHaveLength(3);

  const items = await em.find(PlanItem, { team });
  const count = (type: string) => items.filter((i) => i.type === type).length;
  expect([count('strategy'), count('kpi'), count('action')]).toEqual([2, 2, 4]);
  for (const item of items) {
    expect(item.strategy === null || item.strategy === undefined).toBe(item.type === 'strategy');
  }
  const actionOwners = new Set(items.filter((i) => i.type === 'action').map((i) => i.owner.id));
  expect(actionOwners.size).toBeGreaterThanOrEqual(3);

  const sessions = await em.find(Session, { team }, { orderBy: { date: 'asc' } });
  expect(sessions.map((s) => [s.kind, s.date, s.repeat, s.state])).toEqual([
    ['doing', '2026-03-31', 'none', 'scheduled'],
    ['steering', '2026-04-14', 'none', 'scheduled'],
  ]);
});
