// Changing sessions over HTTP, on the real PostgreSQL and Temporal dev server: moving and switching
// (the workflow's signals), cancelling, and a team's new settings handed on to its sessions.
import { addDays, teamSettingsWorkflowId } from '@rhythm/domain';
import { Session } from '@rhythm/persistence';
import { type World } from './support/world.js';
import { signalsOf, signalsOfWorkflow } from './support/session-harness.js';
import { useSessionsHttp } from './support/sessions-http.js';

const { testApp, world, as, sessionsPath, today } = useSessionsHttp();

describe('PATCH /api/teams/{teamId}/sessions/{sessionId}', () => {
  const patch = (id: string, body: object, actor: keyof World['users'] = 'processOwner') =>
    testApp().http.patch(`${sessionsPath()}/${id}`).set('Authorization', as(actor)).send(body);

  it('moves the session: the row, its revision and the workflow’s reschedule signal', async () => {
    const session = await world().create.session();
    const date = addDays(session.date, 7);
    const response = await patch(session.id, { date });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ id: session.id, date, revision: 1 });
    expect(await signalsOf(testApp().temporal, session.id)).toEqual([
      { name: 'reschedule', payload: { date } },
    ]);
  });

  it('switches the reminder off with setNotifications, carrying both flags', async () => {
    const session = await world().create.session();
    const response = await patch(session.id, { sendReminder: false }, 'administrator');
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ sendInvitation: true, sendReminder: false, revision: 0 });
    expect(await signalsOf(testApp().temporal, session.id)).toEqual([
      { name: 'setNotifications', payload: { invitation: true, reminder: false, escalation: false } },
    ]);
  });

  it('with a date and a flag, moves first and then switches; the same body again changes nothing', async () => {
    const session = await world().create.session();
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
    [{}, 'body', 'Name date, sendInvitation, sendReminder or sendEscalation'],
    [{ date: '2030-02-30' }, 'body.date', 'Invalid ISO date'],
    [{ date: '9999-12-31' }, 'body.date', 'Must be before 9999-01-01'],
    [{ sendReminder: false, kind: 'steering' }, 'body.kind', 'Unknown property'],
    [{ sendReminder: 'no' }, 'body.sendReminder', 'Invalid input: expected boolean, received string'],
  ])('refuses %j with 422 naming %s', async (body, field, message) => {
    const session = await world().create.session();
    const response = await patch(session.id, body);
    expect(response.status).toBe(422);
    expect(response.body.errors).toEqual([{ field, message }]);
  });

  it('refuses a move to before today with 422 naming body.date, and keeps the date', async () => {
    const session = await world().create.session();
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
    const session = await world().create.session();
    expect((await patch(session.id, { date: '9998-12-31' })).body).toMatchObject({ date: '9998-12-31' });
    expect((await patch(session.id, { sendReminder: false })).status).toBe(200);
    const cancelled = await testApp()
      .http.delete(`${sessionsPath()}/${session.id}`)
      .set('Authorization', as('administrator'));
    expect(cancelled.body).toMatchObject({ date: '9998-12-31', state: 'cancelled' });
  });

  it('is 409 for a cancelled or held session, which stay as they were', async () => {
    const cancelled = await world().create.session();
    await testApp()
      .http.delete(`${sessionsPath()}/${cancelled.id}`)
      .set('Authorization', as('administrator'));
    const held = await world().create.session();
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
    const session = await world().create.session();
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
    const session = await world().create.session();
    await cancel(session.id);
    const again = await cancel(session.id);
    expect(again.status).toBe(409);
    expect(again.body.detail).toMatch(/it is cancelled$/);
  });

  it('is 422 for a reason over 500 characters, and 404 for an unknown session', async () => {
    const session = await world().create.session();
    const long = await cancel(session.id, `?reason=${'x'.repeat(501)}`);
    expect(long.status).toBe(422);
    expect(long.body.errors.map((error: { field: string }) => error.field)).toEqual(['query.reason']);
    expect((await cancel('01966f2e-8a3b-7cc4-9a57-3a1d2f4e5b6c')).status).toBe(404);
  });

  it('is 422 for a reason with a control character (a NUL would break storing the email)', async () => {
    const session = await world().create.session();
    const response = await cancel(session.id, '?reason=Holiday%00');
    expect(response.status).toBe(422);
    expect(response.body.errors.map((error: { field: string }) => error.field)).toEqual(['query.reason']);
  });
});

describe('a team’s new settings', () => {
  it('are handed, through the PATCH of the team, to its team-settings workflow', async () => {
    await world().create.session();
    const response = await testApp()
      .http.patch(`/api/teams/${world().team.id}`)
      .set('Authorization', as('administrator'))
      .send({ sendHour: 7 });
    expect(response.status).toBe(200);
    expect(
      await signalsOfWorkflow(testApp().temporal, teamSettingsWorkflowId(world().team.id)),
    ).toContainEqual({
      name: 'teamSettingsWritten',
      payload: { timeZone: 'Europe/Amsterdam', sendHour: 7 },
    });
  });
});
