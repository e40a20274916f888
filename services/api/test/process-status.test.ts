// GET .../sessions/{sessionId}/status over HTTP: counts by traffic light, items still without a
// current report, who was emailed, and the preview of the next send.
import { addDays, deliveryKey, localInstant } from '@rhythm/domain';
import { Delivery } from '@rhythm/persistence';
import type { SessionView } from '../src/sessions/index.js';
import { useTestApp } from './support/test-app.js';
import { createWorld, type World } from './support/world.js';

const testApp = useTestApp();
let world: World;
beforeAll(async () => {
  world = await createWorld(testApp());
});
const as = (actor: keyof World['users']) => `Bearer ${world.tokens[actor]}`;
const sessionPath = (session: { id: string }) => `/api/teams/${world.team.id}/sessions/${session.id}`;
const status = (session: { id: string }) =>
  testApp()
    .http.get(`${sessionPath(session)}/status`)
    .set('Authorization', as('member'));
const nineAm = (date: string) => localInstant(date, 9, 'Europe/Amsterdam').toISOString();
const item = (type: 'strategy' | 'kpi' | 'action') => ({
  id: world.items[type].id,
  type,
  title: world.items[type].title,
});
const noah = () => ({ userId: world.users.itemOwner.id, name: 'Noah', email: world.users.itemOwner.email });

async function invited(session: SessionView, at: Date): Promise<void> {
  const em = testApp().orm.em.fork();
  const user = world.users.itemOwner.id;
  em.create(Delivery, {
    session: session.id,
    user,
    step: 'invitation',
    sessionDate: session.date,
    idempotencyKey: deliveryKey(session.id, 'invitation', session.date, user),
    providerMessageId: null,
    state: 'sent',
    error: null,
    createdAt: at,
  });
  await em.flush();
}

describe('GET /api/teams/{teamId}/sessions/{sessionId}/status', () => {
  it('before anything: every involved item missing, and the invitation previewed for its time and owners', async () => {
    const session = await world.create.session({ daysAhead: 10, kind: 'steering' });
    const response = await status(session);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      session,
      counts: { green: 0, amber: 0, red: 0, missing: 3 },
      invited: [],
      reminded: [],
      deliveries: [],
    });
    expect(response.body.missing).toEqual([
      {
        owner: noah(),
        items: expect.arrayContaining([item('strategy'), item('kpi'), item('action')]),
        skipped: null,
      },
    ]);
    expect(response.body.next).toMatchObject({ step: 'invitation', at: nineAm(addDays(session.date, -7)) });
    expect(response.body.next.recipients).toEqual([
      expect.objectContaining({ owner: noah(), skipped: null }),
    ]);
  });

  it('after reports and the invitation: the counts, the item still missing, who was invited, and the reminder for only that item', async () => {
    const session = await world.create.session({ daysAhead: 9, kind: 'steering' });
    const write = (type: 'kpi' | 'action', trafficLight: string, actor: keyof World['users']) =>
      testApp()
        .http.put(`${sessionPath(session)}/items/${world.items[type].id}/report`)
        .set('Authorization', as(actor))
        .send({ progress: 30, trafficLight, explanation: 'Noted' });
    expect((await write('kpi', 'red', 'administrator')).status).toBe(200);
    expect((await write('action', 'green', 'itemOwner')).status).toBe(200);
    const invitedAt = new Date(Date.now() - 60_000);
    await invited(session, invitedAt);

    const response = await status(session);
    expect(response.body.counts).toEqual({ green: 1, amber: 0, red: 1, missing: 1 });
    expect(response.body.missing).toEqual([{ owner: noah(), items: [item('strategy')], skipped: null }]);
    expect(response.body.invited).toEqual([
      {
        step: 'invitation',
        userId: world.users.itemOwner.id,
        name: 'Noah',
        sessionDate: session.date,
        state: 'sent',
        reason: null,
        at: invitedAt.toISOString(),
        providerStatus: null,
      },
    ]);
    expect(response.body.next).toEqual({
      step: 'reminder',
      at: nineAm(addDays(session.date, -3)),
      recipients: [{ owner: noah(), items: [item('strategy')], skipped: null }],
    });
  });

  it('previews nothing once the session is cancelled', async () => {
    const session = await world.create.session();
    await testApp().http.delete(sessionPath(session)).set('Authorization', as('administrator'));
    const response = await status(session);
    expect(response.status).toBe(200);
    expect(response.body.next).toBeNull();
    expect(response.body.session.state).toBe('cancelled');
  });

  it('is 404 for an unknown session and 422 for a malformed id', async () => {
    expect((await status({ id: '01966f2e-8a3b-7cc4-9a57-3a1d2f4e5b6c' })).status).toBe(404);
    expect((await status({ id: 'nope' })).status).toBe(422);
  });
});
