// GET /api/teams/{teamId}/sessions a page at a time: `limit` and the opaque `cursor` from the page
// before, in the order date then creation, and a constant number of queries per page. Sessions are
// written as rows (no workflow: the list reads rows only), each test in a team of its own.
import { addDays, todayIn, type SessionKind } from '@rhythm/domain';
import { Membership, PlanItem, ProgressReport, Session, Team } from '@rhythm/persistence';
import { queriesDuring } from './support/query-counter.js';
import { useSessionsHttp } from './support/sessions-http.js';

const { testApp, world, as } = useSessionsHttp();
const today = todayIn('Europe/Amsterdam', new Date());
type Row = { day: number; kind?: SessionKind; createdAt?: Date };

/** A team of the world's member with these sessions; their ids in the order given. */
async function teamWith(rows: Row[]): Promise<{ path: string; ids: string[] }> {
  const em = testApp().orm.em.fork();
  const team = em.create(Team, { name: 'Paged', timeZone: 'Europe/Amsterdam', locale: 'en' });
  em.create(Membership, { team, user: world().users.member.id, roles: ['member'] });
  const owner = world().users.member.id;
  const strategy = em.create(PlanItem, { team, type: 'strategy', title: 'Aim', owner });
  const action = em.create(PlanItem, { team, type: 'action', title: 'Act', owner, strategy });
  em.create(ProgressReport, {
    item: action,
    author: owner,
    progress: 10,
    trafficLight: 'green',
    explanation: 'Going',
  });
  const sessions = rows.map(({ day, kind = 'doing', createdAt = new Date() }) =>
    em.create(Session, { team, date: addDays(today, day), kind, createdAt }),
  );
  await em.flush();
  return { path: `/api/teams/${team.id}/sessions`, ids: sessions.map((session) => session.id) };
}

const get = (path: string) => testApp().http.get(path).set('Authorization', as('member'));

/** Every page from `query` on, following nextCursor. */
async function allPages(path: string, query: string): Promise<string[][]> {
  const pages: string[][] = [];
  let cursor: string | null = null;
  do {
    const response = await get(`${path}?${query}${cursor ? `&cursor=${cursor}` : ''}`);
    expect(response.status).toBe(200);
    pages.push(response.body.sessions.map((session: { id: string }) => session.id));
    cursor = response.body.nextCursor;
  } while (cursor !== null);
  return pages;
}

it('pages by date then creation, following nextCursor with the same filters', async () => {
  const at = (seconds: number) => new Date(Date.now() - 60_000 + seconds * 1000);
  // The second session of day 2 is created first: creation, not the id, orders a day's sessions.
  const { path, ids } = await teamWith([
    { day: 1 },
    { day: 2, createdAt: at(2) },
    { day: 2, createdAt: at(1) },
    { day: 2, kind: 'steering' },
    { day: 3 },
    { day: 4 },
    { day: 9 },
  ]);
  const [first, lateOnDay2, earlyOnDay2, , third, fourth] = ids;
  expect(await allPages(path, 'kind=doing&limit=2&to=' + addDays(today, 5))).toEqual([
    [first, earlyOnDay2],
    [lateOnDay2, third],
    [fourth],
  ]);
});

it('keeps its place when a session is added before it between two pages', async () => {
  const { path, ids } = await teamWith([{ day: 10 }, { day: 11 }, { day: 12 }]);
  const page = await get(`${path}?limit=2`);
  expect(page.body.sessions.map((session: { id: string }) => session.id)).toEqual(ids.slice(0, 2));
  const em = testApp().orm.em.fork();
  em.create(Session, { team: page.body.sessions[0].teamId, date: addDays(today, 5), kind: 'doing' });
  await em.flush();
  const next = await get(`${path}?limit=2&cursor=${page.body.nextCursor}`);
  expect(next.body).toMatchObject({ sessions: [{ id: ids[2] }], nextCursor: null });
});

it('answers 100 sessions by default and up to 500 when asked', async () => {
  const { path, ids } = await teamWith(Array.from({ length: 101 }, (_, index) => ({ day: index })));
  const first = await get(path);
  expect(first.body.sessions).toHaveLength(100);
  const rest = await get(`${path}?cursor=${first.body.nextCursor}`);
  expect(rest.body).toMatchObject({ sessions: [{ id: ids[100] }], nextCursor: null });
  const all = await get(`${path}?limit=500`);
  expect(all.body.sessions).toHaveLength(101);
  expect(all.body.nextCursor).toBeNull();
});

it('asks the database as many times for a page of 30 sessions as for one of 3', async () => {
  const few = await teamWith([{ day: 1 }, { day: 2, kind: 'steering' }, { day: -3 }]);
  const many = await teamWith(Array.from({ length: 30 }, (_, index) => ({ day: index - 15 })));
  const count = (path: string) => queriesDuring(testApp().orm, () => get(path).expect(200));
  expect(await count(many.path)).toHaveLength((await count(few.path)).length);
});

const cursorOf = (text: string) => Buffer.from(text).toString('base64url');

const uuid = '01966f2e-8a3b-7cc4-9a57-3a1d2f4e5b6c';
it.each([
  ['a limit of 0', 'limit=0', 'query.limit'],
  ['a limit over 500', 'limit=501', 'query.limit'],
  ['a fractional limit', 'limit=2.5', 'query.limit'],
  ['a limit that is no number', 'limit=many', 'query.limit'],
  ['a cursor that is no cursor', 'cursor=not-a-cursor', 'query.cursor'],
  ['a cursor of a day that does not exist', `cursor=${cursorOf(`2026-02-30 ${uuid}`)}`, 'query.cursor'],
  ['a cursor without a UUID', `cursor=${cursorOf('2026-01-02 not-a-uuid')}`, 'query.cursor'],
  ['a cursor with more after it', `cursor=${cursorOf(`2026-01-02 ${uuid}`)}!`, 'query.cursor'],
])('is 422 for %s', async (_, query, field) => {
  const response = await get(`/api/teams/${world().team.id}/sessions?${query}`);
  expect(response.status).toBe(422);
  expect(response.body.errors.map((error: { field: string }) => error.field)).toEqual([field]);
});
