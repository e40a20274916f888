// When email fails: the provider refuses one address, or stays down past the activity's retry
// bound. The session carries on for everyone else, the failures are recorded (status and Delivery
// rows) for Process status to show, and a retry sends each failed email once. Moves told after the
// invitation are one notice per move, however often the session goes back and forth.
import { addDays, cancelSignal, rescheduleSignal, retryFailedSignal, statusQuery } from '@rhythm/domain';
import { User } from '@rhythm/persistence';
import { createTeam, daysAhead, sessionState } from '@rhythm/persistence/testing';
import { useSessionHarness } from './support/session-harness.js';

const t = useSessionHarness();
const { notifier, now, start, finish, deliveries } = t;

/** Ada and Bo (Cy has no address) each invited and reminded once for `date`. */
const invitedAndReminded = (date: string) => [
  `invitation:Ada:${date}`,
  `invitation:Bo:${date}`,
  `reminder:Ada:${date}`,
  `reminder:Bo:${date}`,
];

describe('session workflow when email fails', () => {
  it('sends to the others when the provider refuses one address, keeps going, and retries it once fixed', async () => {
    const fixture = await createTeam(t.orm);
    notifier.refuse(fixture.bo.email!);
    const date = daysAhead(await now(), 10);
    const { session, handle } = await start(fixture, { date });
    await t.env.sleep('4d'); // Past the invitation (7 days before).

    let status = await handle.query(statusQuery);
    expect(status.state).toBe('scheduled');
    expect(status.sent).toEqual([
      expect.objectContaining({
        step: 'invitation',
        recipients: [fixture.ada.id],
        failed: [{ userId: fixture.bo.id, reason: expect.stringContaining('cannot receive email') }],
      }),
    ]);
    expect(status.failed).toEqual([
      expect.objectContaining({ step: 'invitation', userId: fixture.bo.id, sessionDate: date }),
    ]);
    expect(status.next?.step).toBe('reminder');
    expect(notifier.sentFor(session.id)).toEqual([`invitation:Ada:${date}`]);

    // The administrator fixes Bo's address; the process owner asks for a retry, twice.
    await t.orm.em
      .fork()
      .nativeUpdate(User, { id: fixture.bo.id }, { email: `bo-fixed-${session.id}@example.com` });
    await handle.signal(retryFailedSignal, {});
    await t.env.sleep('1h');
    await handle.signal(retryFailedSignal, {});
    status = await handle.query(statusQuery);
    expect(status.failed).toEqual([]);
    expect(status.changes.map((c) => c.what)).toContain('retryFailed ignored: no failed emails');
    expect(notifier.sentFor(session.id)).toEqual([`invitation:Ada:${date}`, `invitation:Bo:${date}`]);

    await finish(handle);
    // Bo, invited late, is reminded like everyone else: nobody reported.
    expect(notifier.sentFor(session.id)).toEqual(invitedAndReminded(date));
    expect(await sessionState(t.orm, session.id)).toBe('held');
  });

  it('records the emails failed when the provider stays down past the retry bound, and the session carries on', async () => {
    const fixture = await createTeam(t.orm);
    const date = daysAhead(await now(), 10);
    const { session, handle } = await start(fixture, { date });
    notifier.down = true;
    try {
      // Past the invitation (7 days before), then a day of the notifier failing on every attempt.
      await t.env.sleep('4d');
    } finally {
      notifier.down = false;
    }
    const status = await handle.query(statusQuery);
    expect(status.state).toBe('scheduled');
    // The notifier never answered, so Cy (no address) is among them too: the retry skips Cy.
    expect(status.failed?.map((f) => `${f.step}:${f.userId}`).sort()).toEqual(
      [fixture.ada.id, fixture.bo.id, fixture.cy.id].map((id) => `invitation:${id}`).sort(),
    );
    expect(status.failed?.[0]?.reason).toMatch(/kept failing/);
    expect(await deliveries(session.id)).toEqual([
      'invitation:Ada:failed',
      'invitation:Bo:failed',
      'invitation:Cy:failed',
    ]);

    // Once it is back, the reminder goes out as planned (3 days before, 09:00); a retry then sends
    // the invitations once.
    await t.env.sleep('4d');
    expect(notifier.sentFor(session.id)).toEqual([`reminder:Ada:${date}`, `reminder:Bo:${date}`]);
    await handle.signal(retryFailedSignal, {});
    await finish(handle);
    expect(notifier.sentFor(session.id)).toEqual(invitedAndReminded(date));
  });

  it('tells invited owners about every move: A → B → A → B after the invitation is three notices each', async () => {
    const fixture = await createTeam(t.orm);
    const a = daysAhead(await now(), 12);
    const b = addDays(a, 7);
    const { session, handle } = await start(fixture, { date: a });
    await t.env.sleep('6d'); // Invited for A.
    for (const date of [b, a, b]) {
      await handle.signal(rescheduleSignal, { date });
      await t.env.sleep('1h');
    }
    const moved = notifier.delivered.filter((m) => m.sessionId === session.id && m.template === 'moved');
    expect(moved.map((m) => `${m.to.name}:${m.previousDate}>${m.sessionDate}`).sort()).toEqual(
      [
        `Ada:${a}>${b}`,
        `Ada:${b}>${a}`,
        `Ada:${a}>${b}`,
        `Bo:${a}>${b}`,
        `Bo:${b}>${a}`,
        `Bo:${a}>${b}`,
      ].sort(),
    );
    await handle.signal(cancelSignal, {});
    await finish(handle);
  });
});
