// Scheduling a session over HTTP, on the real PostgreSQL and Temporal dev server: the row and its
// workflow's start (on the app's own task queue, which no worker polls: enough to see starts and
// signals in their histories, see support/session-harness.ts), Idempotency-Key, and what is refused.
import { addDays } from '@rhythm/domain';
import { startInput, workflowState } from './support/session-harness.js';
import { useSessionsHttp } from './support/sessions-http.js';

const { testApp, world, sessionsPath, today, ahead, post, rows } = useSessionsHttp();

describe('POST /api/teams/{teamId}/sessions', () => {
  it('schedules the session and starts session-<id> with its values; 201 with the session and its Location', async () => {
    const date = ahead(40);
    const response = await post({ date, kind: 'steering', repeat: 'monthly', sendReminder: false });
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({
      teamId: world().team.id,
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
