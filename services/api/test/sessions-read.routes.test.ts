// Reading sessions over HTTP, on the real PostgreSQL and Temporal dev server: the team's calendar
// with its filters, and one session with its workflow's view (or why that view is missing).
import { addDays } from '@rhythm/domain';
import { newSession } from './support/new-session.js';
import { useSessionsHttp } from './support/sessions-http.js';

const { testApp, world, as, sessionsPath, ahead } = useSessionsHttp();

describe('GET /api/teams/{teamId}/sessions', () => {
  it('lists the calendar by date with report counts, filtered by kind and dates (inclusive)', async () => {
    const doing = await world().create.session({ daysAhead: 100 });
    const steering = await world().create.session({ daysAhead: 101, kind: 'steering' });
    await testApp()
      .http.put(`${sessionsPath()}/${doing.id}/items/${world().items.action.id}/report`)
      .set('Authorization', as('itemOwner'))
      .send({ progress: 10, trafficLight: 'green', explanation: 'Started' });

    const all = await testApp()
      .http.get(`${sessionsPath()}?from=${doing.date}&to=${steering.date}`)
      .set('Authorization', as('member'));
    expect(all.status).toBe(200);
    expect(
      all.body.sessions.map((session: { id: string; reports: unknown }) => [session.id, session.reports]),
    ).toEqual([
      [doing.id, { submitted: 1, outstanding: 0 }],
      [steering.id, { submitted: 0, outstanding: 3 }],
    ]);
    const steeringOnly = await testApp()
      .http.get(`${sessionsPath()}?from=${doing.date}&kind=steering`)
      .set('Authorization', as('member'));
    expect(steeringOnly.body.sessions.map((session: { id: string }) => session.id)).toEqual([steering.id]);
    const none = await testApp()
      .http.get(`${sessionsPath()}?from=${addDays(steering.date, 1)}`)
      .set('Authorization', as('member'));
    expect(none.body).toEqual({ sessions: [], nextCursor: null });
  });

  it.each([
    ['from=2030-13-01', 'query.from'],
    ['from=2030-02-01&to=2030-01-01', 'query.to'],
    ['kind=planning', 'query.kind'],
    ['page=2', 'query.page'],
  ])('is 422 for ?%s naming %s', async (query, field) => {
    const response = await testApp()
      .http.get(`${sessionsPath()}?${query}`)
      .set('Authorization', as('member'));
    expect(response.status).toBe(422);
    expect(response.body.errors.map((error: { field: string }) => error.field)).toEqual([field]);
  });
});

describe('GET /api/teams/{teamId}/sessions/{sessionId}', () => {
  it('shows the row, and says why the workflow’s view is missing when no worker answers the query', async () => {
    const session = await world().create.session();
    const response = await testApp()
      .http.get(`${sessionsPath()}/${session.id}`)
      .set('Authorization', as('member'));
    expect(response.status).toBe(200);
    expect(response.body.session).toEqual(session);
    expect(response.body.workflow).toEqual({
      available: false,
      reason: expect.stringMatching(/^the workflow did not answer/),
    });
  });

  it('is 404 for an unknown session and for another team’s, 422 for an id that is no UUID', async () => {
    const theirs = (
      await testApp().sessions.createSession(
        world().otherTeam.id,
        newSession({ date: ahead(20), kind: 'doing' }),
      )
    ).session;
    for (const id of ['01966f2e-8a3b-7cc4-9a57-3a1d2f4e5b6c', theirs.id]) {
      const response = await testApp()
        .http.get(`${sessionsPath()}/${id}`)
        .set('Authorization', as('administrator'));
      expect(response.status).toBe(404);
      expect(response.body.detail).toBe(`No session ${id} in this team`);
    }
    const malformed = await testApp()
      .http.get(`${sessionsPath()}/42`)
      .set('Authorization', as('administrator'));
    expect(malformed.status).toBe(422);
    expect(malformed.body.errors).toEqual([{ field: 'params.sessionId', message: 'Invalid UUID' }]);
  });
});
