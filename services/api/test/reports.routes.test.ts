// Progress reports over HTTP: the session's items with their current reports, and writing one as
// the item's owner or an administrator.
import { ProgressReport, Session } from '@rhythm/persistence';
import type { SessionView } from '../src/sessions/index.js';
import { useTestApp } from './support/test-app.js';
import { createWorld, type World } from './support/world.js';

const testApp = useTestApp();
let world: World;
let doing: SessionView;
let steering: SessionView;
beforeAll(async () => {
  world = await createWorld(testApp());
  doing = await world.create.session({ daysAhead: 10 });
  steering = await world.create.session({ daysAhead: 11, kind: 'steering' });
});
const as = (actor: keyof World['users']) => `Bearer ${world.tokens[actor]}`;
const sessionPath = (session: { id: string }) => `/api/teams/${world.team.id}/sessions/${session.id}`;
const reportPath = (session: { id: string }, itemId: string) =>
  `${sessionPath(session)}/items/${itemId}/report`;
const report = { progress: 70, trafficLight: 'green', explanation: 'On track' };
const put = (
  session: { id: string },
  itemId: string,
  body: object,
  actor: keyof World['users'] = 'itemOwner',
) => testApp().http.put(reportPath(session, itemId)).set('Authorization', as(actor)).send(body);

describe('GET /api/teams/{teamId}/sessions/{sessionId}/reports', () => {
  it('lists every involved item with its owner and no report yet', async () => {
    const response = await testApp()
      .http.get(`${sessionPath(steering)}/reports`)
      .set('Authorization', as('member'));
    expect(response.status).toBe(200);
    expect(response.body.session).toEqual(steering);
    const owner = { userId: world.users.itemOwner.id, name: 'Noah', email: world.users.itemOwner.email };
    const expected = (['strategy', 'kpi', 'action'] as const).map((type) => ({
      item: { id: world.items[type].id, type, title: world.items[type].title },
      owner,
      report: null,
    }));
    expect(response.body.items).toHaveLength(3);
    expect(response.body.items).toEqual(expect.arrayContaining(expected));
  });

  it('is 404 for an unknown session', async () => {
    const response = await testApp()
      .http.get(`${sessionPath({ id: '01966f2e-8a3b-7cc4-9a57-3a1d2f4e5b6c' })}/reports`)
      .set('Authorization', as('member'));
    expect(response.status).toBe(404);
  });
});

describe('PUT /api/teams/{teamId}/sessions/{sessionId}/items/{itemId}/report', () => {
  it('lets the owner report; the report is linked to the session and becomes the item’s current one', async () => {
    const response = await put(doing, world.items.action.id, report);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      itemId: world.items.action.id,
      sessionId: doing.id,
      authorId: world.users.itemOwner.id,
      ...report,
    });

    const again = await put(doing, world.items.action.id, {
      progress: 75,
      trafficLight: 'amber',
      explanation: 'Slipping',
    });
    const listed = await testApp()
      .http.get(`${sessionPath(doing)}/reports`)
      .set('Authorization', as('member'));
    expect(listed.body.items).toEqual([expect.objectContaining({ report: again.body })]);
    expect(
      await testApp().orm.em.fork().count(ProgressReport, { item: world.items.action.id, session: doing.id }),
    ).toBe(2);
  });

  it('lets an administrator report on someone else’s item, as its author', async () => {
    const response = await put(
      steering,
      world.items.kpi.id,
      { progress: 0, trafficLight: 'red', explanation: 'Not started' },
      'administrator',
    );
    expect(response.status).toBe(200);
    expect(response.body.authorId).toBe(world.users.administrator.id);
  });

  it('is 403 for a process owner or member who does not own the item, and nothing is written', async () => {
    for (const actor of ['processOwner', 'member'] as const) {
      const response = await put(steering, world.items.strategy.id, report, actor);
      expect(response.status).toBe(403);
      expect(response.body.detail).toBe('Only the item’s owner or a team administrator may report on it.');
    }
    expect(await testApp().orm.em.fork().count(ProgressReport, { item: world.items.strategy.id })).toBe(0);
  });

  it('is 422 naming params.itemId for an item the session does not involve (a strategy in a doing session)', async () => {
    const response = await put(doing, world.items.strategy.id, report);
    expect(response.status).toBe(422);
    expect(response.body.errors).toEqual([
      { field: 'params.itemId', message: 'A doing session does not review strategy items' },
    ]);
  });

  it('is 404 for an item that is not in the team, and for an unknown session', async () => {
    const unknownItem = await put(doing, '01966f2e-8a3b-7cc4-9a57-3a1d2f4e5b6c', report);
    expect(unknownItem.status).toBe(404);
    const unknownSession = await put(
      { id: '01966f2e-8a3b-7cc4-9a57-3a1d2f4e5b6c' },
      world.items.action.id,
      report,
    );
    expect(unknownSession.status).toBe(404);
    expect(unknownSession.body.detail).toBe('No session 01966f2e-8a3b-7cc4-9a57-3a1d2f4e5b6c in this team');
  });

  it.each([
    [{ ...report, progress: 101 }, 'body.progress'],
    [{ ...report, progress: 12.5 }, 'body.progress'],
    [{ ...report, trafficLight: 'blue' }, 'body.trafficLight'],
    [{ ...report, explanation: '   ' }, 'body.explanation'],
    [{ ...report, authorId: '01966f2e-8a3b-7cc4-9a57-3a1d2f4e5b6c' }, 'body.authorId'],
    [{ progress: 10, trafficLight: 'green' }, 'body.explanation'],
  ])('refuses %j with 422 naming %s', async (body, field) => {
    const response = await put(doing, world.items.action.id, body);
    expect(response.status).toBe(422);
    expect(response.body.errors.map((error: { field: string }) => error.field)).toEqual([field]);
  });

  it('is 409 for a session that is cancelled or held: it keeps the reports it had', async () => {
    const session = await world.create.session({ daysAhead: 12 });
    await testApp().orm.em.fork().nativeUpdate(Session, { id: session.id }, { state: 'held' });
    const response = await put(session, world.items.action.id, report);
    expect(response.status).toBe(409);
    expect(response.body.detail).toBe(`Session ${session.id} can no longer be changed: it is held`);
  });
});
