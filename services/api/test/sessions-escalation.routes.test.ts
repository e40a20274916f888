// The escalation switch over HTTP (issue 16), on the real PostgreSQL and Temporal dev server: its
// default when a session is created without it (on for steering, off for doing), the value the
// workflow starts with, and switching it like the invitation and the reminder.
import { signalsOf, startInput } from './support/session-harness.js';
import { useSessionsHttp } from './support/sessions-http.js';
import { type World } from './support/world.js';

const { testApp, as, sessionsPath, ahead, post } = useSessionsHttp();

const patch = (id: string, body: object, actor: keyof World['users'] = 'processOwner') =>
  testApp().http.patch(`${sessionsPath()}/${id}`).set('Authorization', as(actor)).send(body);

describe('sendEscalation', () => {
  it.each([
    ['steering', undefined, true],
    ['doing', undefined, false],
    ['doing', true, true],
    ['steering', false, false],
  ] as const)('a %s session asked with %s escalates: %s, row and workflow input', async (kind, asked, on) => {
    const response = await post({
      date: ahead(30),
      kind,
      ...(asked === undefined ? {} : { sendEscalation: asked }),
    });
    expect(response.status).toBe(201);
    expect(response.body.sendEscalation).toBe(on);
    expect(await startInput(testApp().temporal, response.body.id)).toMatchObject({ sendEscalation: on });
  });

  it('is switched with setNotifications, carrying every flag; the same body again changes nothing', async () => {
    const created = await post({ date: ahead(31), kind: 'doing' });
    const response = await patch(created.body.id, { sendEscalation: true }, 'administrator');
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ sendInvitation: true, sendReminder: true, sendEscalation: true });
    expect((await patch(created.body.id, { sendEscalation: true })).status).toBe(200);
    expect(await signalsOf(testApp().temporal, created.body.id)).toEqual([
      { name: 'setNotifications', payload: { invitation: true, reminder: true, escalation: true } },
    ]);
  });

  it('refuses a value that is not a boolean with 422 naming it, and a member with 403', async () => {
    const created = await post({ date: ahead(32), kind: 'steering' });
    const refused = await patch(created.body.id, { sendEscalation: 'yes' });
    expect(refused.status).toBe(422);
    expect(refused.body.errors.map((error: { field: string }) => error.field)).toEqual([
      'body.sendEscalation',
    ]);
    expect((await patch(created.body.id, { sendEscalation: false }, 'member')).status).toBe(403);
  });

  it('is kept by a retry with the same Idempotency-Key, whether the default is named or not', async () => {
    const first = await post({ date: ahead(33), kind: 'steering' }).set(
      'Idempotency-Key',
      'escalation-default',
    );
    const again = await post({ date: ahead(33), kind: 'steering', sendEscalation: true }).set(
      'Idempotency-Key',
      'escalation-default',
    );
    expect([first.status, again.status]).toEqual([201, 201]);
    expect(again.body).toEqual(first.body);
  });
});
