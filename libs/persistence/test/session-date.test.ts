import { Session, Team, type Orm } from '../src/index.js';
import { openMigratedTestOrm, type MigratedTestOrm } from './migrated-orm.js';

// test/global-setup.ts runs the suite with TZ=Pacific/Kiritimati (UTC+14): a `date` column read or
// written through a JS Date would come back a day off here.

let db: MigratedTestOrm;
let orm: Orm;

beforeAll(async () => {
  db = await openMigratedTestOrm();
  orm = db.orm;
});

afterAll(async () => {
  await db?.dispose();
});

test('the process runs in a zone far from UTC', () => {
  expect(new Date(2026, 2, 29).getTimezoneOffset()).toBe(-14 * 60);
});

test.each(['2026-03-29', '2026-10-25', '2026-12-31', '2027-01-01'])(
  'session date %s round-trips as the same string',
  async (date) => {
    const em = orm.em.fork();
    const team = em.create(Team, { name: `Team ${date}`, timeZone: 'Europe/Amsterdam', locale: 'nl' });
    const session = em.create(Session, { team, date, kind: 'steering' });
    await em.flush();

    const reloaded = await orm.em.fork().findOneOrFail(Session, session.id);
    expect(reloaded.date).toBe(date);
    expect(typeof reloaded.date).toBe('string');

    const [row] = await orm.em
      .getConnection()
      .execute<{ date: string }[]>('select date::text as date from session where id = ?', [session.id]);
    expect(row?.date).toBe(date);

    expect(await orm.em.fork().count(Session, { id: session.id, date: { $gte: date, $lte: date } })).toBe(1);
  },
);

test('the id is known before the insert and timestamps keep their instant', async () => {
  const em = orm.em.fork();
  const before = Date.now();
  const team = em.create(Team, { name: 'Timestamps', timeZone: 'Pacific/Kiritimati', locale: 'en' });
  const session = em.create(Session, { team, date: '2026-06-01', kind: 'doing' });
  expect(session.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[47][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  await em.flush();

  const reloaded = await orm.em.fork().findOneOrFail(Session, session.id);
  expect(reloaded.createdAt.getTime()).toBe(session.createdAt.getTime());
  expect(reloaded.createdAt.getTime()).toBeGreaterThanOrEqual(before - 1000);
  expect(reloaded).toMatchObject({
    sendInvitation: true,
    sendReminder: true,
    repeat: 'none',
    state: 'scheduled',
  });
});
