// The session endpoints over HTTP, on the real PostgreSQL and Temporal dev server: the calendar,
// creating (Idempotency-Key), reading, moving and switching, cancelling, and a team's new settings
// reaching its sessions. Workflows are started on the app's own task queue, which no worker polls:
// enough to see starts and signals in their histories (see sessions/session-harness.ts).
import { addDays, todayIn } from '@rhythm/domain';
import { Session } from '@rhythm/persistence';
import { useTestApp } from './support/test-app.js';
import { createWorld, type World } from './support/world.js';
import { signalsOf, startInput, workflowState } from './sessions/session-harness.js';
import { newSession } from './support/new-session.js';

const testApp = useTestApp();
let world: World;
beforeAll(async () => {
  world = await createWorld(testApp());
});
const as = (actor: keyof World['users']) => `Bearer ${world.tokens[actor]}`;
const sessionsPath = () => `/api/teams/${world.team.id}/sessions`;
const today = () => todayIn('Europe/Amsterdam', new Date());
const ahead = (days: number) => addDays(today(), days);
const post = (body: object, actor: keyof World['users'] = 'processOwner') =>
  testApp().http.post(sessionsPath()).set('Authorization', as(actor)).send(body);
const rows = () => testApp().orm.em.fork().find(Session, { team: world.team.id });

describe('POST /api/teams/{teamId}/sessions', () => {
  it('schedules the session and starts session-<id> with its values; 201 with the session and its Location', async () => {
    const date = ahead(40);
    const response = await post({ date, kind: 'steering', repeat: 'monthly', sendReminder: false });
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({
      teamId: world.team.id,
      date,
      kind: 'steering',
      repeat: 'monthly',
      sendInvitation: true,
      sendReminder: false,
      state: 'scheduled',
      revision: 0,
    });
    expect(response.headers.location).toBe(`${sessionsPath()}/${response.body.id}`);
    expect(response.headers['idempotent-replayed']).toBeUndefined();
    expect(await workflowState(testApp().temporal, response.body.id)).toBe('RUNNING');
    expect(await startInput(testApp().temporal, response.body.id)).toMatchObject({
      sessionId: response.body.id,
      date,
      kind: 'steering',
      sendReminder: false,
      timeZone: 'Europe/Amsterdam',
    });
  });

  it('accepts today, and an administrator too', async () => {
    const response = await post({ date: today(), kind: 'doing' }, 'administrator');
    expect(response.status).toBe(201);
    expect(response.body.date).toBe(today());
  });

  it('returns the same session for a retry with the same Idempotency-Key, marked as replayed', async () => {
    const body = { date: ahead(41), kind: 'doing' };
    const first = await post(body).set('Idempotency-Key', 'create-once');
    const again = await post({ ...body, repeat: 'none' }).set('Idempotency-Key', 'create-once');
    expect([first.status, again.status]).toEqual([201, 201]);
    expect(again.body).toEqual(first.body);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect((await rows()).filter((row) => row.id === first.body.id)).toHaveLength(1);
    expect((await rows()).filter((row) => row.date === body.date)).toHaveLength(1);
  });

  it('is 409 when the key comes back with another body', async () => {
    await post({ date: ahead(42), kind: 'doing' }).set('Idempotency-Key', 'create-twice');
    const response = await post({ date: ahead(43), kind: 'doing' }).set('Idempotency-Key', 'create-twice');
    expect(response.status).toBe(409);
    expect(response.body.detail).toBe('This Idempotency-Key was already used with a different request body');
  });

  it('is 422 naming the header for a key that is not printable ASCII', async () => {
    const response = await post({ date: ahead(44), kind: 'doing' }).set('Idempotency-Key', 'with space');
    expect(response.status).toBe(422);
    expect(response.body.errors).toEqual([
      { field: 'headers.Idempotency-Key', message: 'Expected 1 to 255 printable ASCII characters' },
    ]);
  });

  it.each([
    [{ date: '2030-02-30', kind: 'doing' }, 'body.date'],
    [{ date: '25-11-2030', kind: 'doing' }, 'body.date'],
    [{ date: '9999-12-31', kind: 'doing' }, 'body.date'],
    [{ date: ahead(10), kind: 'planning' }, 'body.kind'],
    [{ date: ahead(10) }, 'body.kind'],
    [{ date: ahead(10), kind: 'doing', repeat: 'daily' }, 'body.repeat'],
    [{ date: ahead(10), kind: 'doing', teamId: '01966f2e-8a3b-7cc4-9a57-3a1d2f4e5b6c' }, 'body.teamId'],
  ])('refuses %j with 422 naming %s, and writes nothing', async (body, field) => {
    const before = (await rows()).length;
    const response = await post(body);
    expect(response.status).toBe(422);
    expect(response.body.errors.map((error: { field: string }) => error.field)).toEqual([field]);
    expect(await rows()).toHaveLength(before);
  });

  it('refuses a date before today in the team’s zone with 422 naming body.date', async () => {
    const response = await post({ date: addDays(today(), -1), kind: 'doing' });
    expect(response.status).toBe(422);
    expect(response.body.errors).toEqual([
      { field: 'body.date', message: `Must not be before today (${today()} in Europe/Amsterdam)` },
    ]);
  });

  it('is 403 for a member, and nothing is scheduled', async () => {
    const response = await post({ date: ahead(45), kind: 'doing' }, 'member');
    expect(response.status).toBe(403);
    expect((await rows()).filter((row) => row.date === ahead(45))).toEqual([]);
  });
});

describe('GET /api/teams/{teamId}/sessions', () => {
  it('lists the calendar by date with report counts, filtered by kind and dates (inclusive)', async () => {
    const doing = await world.create.session({ daysAhead: 100 });
    const steering = await world.create.session({ daysAhead: 101, kind: 'steering' });
    await testApp()
      .http.put(`${sessionsPath()}/${doing.id}/items/${world.items.action.id}/report`)
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
    expect(none.body).toEqual({ sessions: [] });
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
    const session = await world.create.session();
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
        world.otherTeam.id,
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

describe('PATCH /api/teams/{teamId}/sessions/{sessionId}', () => {
  const patch = (id: string, body: object, actor: keyof World['users'] = 'processOwner') =>
    testApp().http.patch(`${sessionsPath()}/${id}`).set('Authorization', as(actor)).send(body);

  it('moves the session: the row, its revision and the workflow’s reschedule signal', async () => {
    const session = await world.create.session();
    const date = addDays(session.date, 7);
    const response = await patch(session.id, { date });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ id: session.id, date, revision: 1 });
    expect(await signalsOf(testApp().temporal, session.id)).toEqual([
      { name: 'reschedule', payload: { date } },
    ]);
  });

  it('switches the reminder off with setNotifications, carrying both flags', async () => {
    const session = await world.create.session();
    const response = await patch(session.id, { sendReminder: false }, 'administrator');
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ sendInvitation: true, sendReminder: false, revision: 0 });
    expect(await signalsOf(testApp().temporal, session.id)).toEqual([
      { name: 'setNotifications', payload: { invitation: true, reminder: false } },
    ]);
  });

  it('with a date and a flag, moves first and then switches; the same body again changes nothing', async () => {
    const session = await world.create.session();
    const date = addDays(session.date, 3);
    const body = { date, sendInvitation: false };
    expect((await patch(session.id, body)).body).toMatchObject({ date, sendInvitation: false, revision: 1 });
    expect((await patch(session.id, body)).status).toBe(200);
    expect((await signalsOf(testApp().temporal, session.id)).map((signal) => signal.name)).toEqual([
      'reschedule',
      'setNotifications',
    ]);
  });

  it.each([
    [{}, 'body', 'Name date, sendInvitation or sendReminder'],
    [{ date: '2030-02-30' }, 'body.date', 'Invalid ISO date'],
    [{ date: '9999-12-31' }, 'body.date', 'Must be before 9999-01-01'],
    [{ sendReminder: false, kind: 'steering' }, 'body.kind', 'Unknown property'],
    [{ sendReminder: 'no' }, 'body.sendReminder', 'Invalid input: expected boolean, received string'],
  ])('refuses %j with 422 naming %s', async (body, field, message) => {
    const session = await world.create.session();
    const response = await patch(session.id, body);
    expect(response.status).toBe(422);
    expect(response.body.errors).toEqual([{ field, message }]);
  });

  it('refuses a move to before today with 422 naming body.date, and keeps the date', async () => {
    const session = await world.create.session();
    const response = await patch(session.id, { date: addDays(today(), -2) });
    expect(response.status).toBe(422);
    expect(response.body.errors).toEqual([
      { field: 'body.date', message: expect.stringMatching(/^Must not be before today/) },
    ]);
    expect((await testApp().orm.em.fork().findOneOrFail(Session, { id: session.id })).date).toBe(
      session.date,
    );
  });

  it('moves a session to the last date it takes, 9998-12-31, and it can still be changed there', async () => {
    const session = await world.create.session();
    expect((await patch(session.id, { date: '9998-12-31' })).body).toMatchObject({ date: '9998-12-31' });
    expect((await patch(session.id, { sendReminder: false })).status).toBe(200);
    const cancelled = await testApp()
      .http.delete(`${sessionsPath()}/${session.id}`)
      .set('Authorization', as('administrator'));
    expect(cancelled.body).toMatchObject({ date: '9998-12-31', state: 'cancelled' });
  });

  it('is 409 for a cancelled or held session, which stay as they were', async () => {
    const cancelled = await world.create.session();
    await testApp()
      .http.delete(`${sessionsPath()}/${cancelled.id}`)
      .set('Authorization', as('administrator'));
    const held = await world.create.session();
    await testApp().orm.em.fork().nativeUpdate(Session, { id: held.id }, { state: 'held' });
    for (const [session, state] of [
      [cancelled, 'cancelled'],
      [held, 'held'],
    ] as const) {
      const response = await patch(session.id, { date: addDays(session.date, 1) });
      expect(response.status).toBe(409);
      expect(response.body.detail).toBe(`Session ${session.id} can no longer be changed: it is ${state}`);
      expect((await testApp().orm.em.fork().findOneOrFail(Session, { id: session.id })).date).toBe(
        session.date,
      );
    }
  });

  it('is 404 for an unknown session', async () => {
    expect((await patch('01966f2e-8a3b-7cc4-9a57-3a1d2f4e5b6c', { sendReminder: false })).status).toBe(404);
  });
});

describe('DELETE /api/teams/{teamId}/sessions/{sessionId}', () => {
  const cancel = (id: string, query = '') =>
    testApp().http.delete(`${sessionsPath()}/${id}${query}`).set('Authorization', as('processOwner'));

  it('cancels: 200 with the row, which stays (cancelled), and the workflow gets cancel with the reason', async () => {
    const session = await world.create.session();
    const response = await cancel(session.id, '?reason=Holiday');
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ id: session.id, state: 'cancelled', revision: 1 });
    const read = await testApp()
      .http.get(`${sessionsPath()}/${session.id}`)
      .set('Authorization', as('member'));
    expect(read.body.session).toMatchObject({ state: 'cancelled' });
    expect(await signalsOf(testApp().temporal, session.id)).toEqual([
      { name: 'cancel', payload: { reason: 'Holiday' } },
    ]);
  });

  it('is 409 the second time', async () => {
    const session = await world.create.session();
    await cancel(session.id);
    const again = await cancel(session.id);
    expect(again.status).toBe(409);
    expect(again.body.detail).toMatch(/it is cancelled$/);
  });

  it('is 422 for a reason over 500 characters, and 404 for an unknown session', async () => {
    const session = await world.create.session();
    const long = await cancel(session.id, `?reason=${'x'.repeat(501)}`);
    expect(long.status).toBe(422);
    expect(long.body.errors.map((error: { field: string }) => error.field)).toEqual(['query.reason']);
    expect((await cancel('01966f2e-8a3b-7cc4-9a57-3a1d2f4e5b6c')).status).toBe(404);
  });

  it('is 422 for a reason with a control character (a NUL would break storing the email)', async () => {
    const session = await world.create.session();
    const response = await cancel(session.id, '?reason=Holiday%00');
    expect(response.status).toBe(422);
    expect(response.body.errors.map((error: { field: string }) => error.field)).toEqual(['query.reason']);
  });
});

describe('a team’s new settings', () => {
  it('reach every scheduled session’s workflow, through the PATCH of the team', async () => {
    const session = await world.create.session();
    const response = await testApp()
      .http.patch(`/api/teams/${world.team.id}`)
      .set('Authorization', as('administrator'))
      .send({ sendHour: 7 });
    expect(response.status).toBe(200);
    expect(await signalsOf(testApp().temporal, session.id)).toContainEqual({
      name: 'teamSettingsChanged',
      payload: { timeZone: 'Europe/Amsterdam', sendHour: 7 },
    });
  });
});
