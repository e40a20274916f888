// The keeper (keepSessionWorkflows, run by the sessions worker at boot and on an interval) with
// the real workflow: a run that ended by mistake is followed by one that carries on from the
// Delivery rows (nothing sent twice), a missing workflow is started, and a completed workflow
// whose row is still scheduled is flagged for ops.
import { addDays, cancelSignal, rescheduleSignal, statusQuery } from '@rhythm/domain';
import { Session } from '@rhythm/persistence';
import { keepSessionWorkflows } from '@rhythm/session-lifecycle';
import { createSession, createTeam, daysAhead, sessionState } from '@rhythm/persistence/testing';
import { useSessionHarness } from './support/session-harness.js';

const t = useSessionHarness();
const { notifier, now, start, finish, taskQueue, startedThisTest } = t;

describe('session workflow kept by the keeper', () => {
  it('follows a terminated run with one that carries on from what was sent: no second invitation, moves told, reminders sent', async () => {
    const fixture = await createTeam(t.orm);
    const date = daysAhead(await now(), 12);
    const { session, handle } = await start(fixture, { date });
    await t.env.sleep('6d'); // Ada and Bo invited; Cy skipped (no address).
    await handle.terminate('ended by mistake');

    const pass = await keepSessionWorkflows(t.orm, t.env.client, { taskQueue, teamId: fixture.team.id });
    expect(pass).toEqual({
      made: [],
      started: [],
      resumed: [{ sessionId: session.id, previousRun: 'TERMINATED' }],
      flagged: [],
    });
    expect(await keepSessionWorkflows(t.orm, t.env.client, { taskQueue, teamId: fixture.team.id })).toEqual({
      made: [],
      started: [],
      resumed: [],
      flagged: [],
    });

    await t.env.sleep('1h');
    let status = await handle.query(statusQuery);
    expect(status.changes.map((c) => c.what)).toEqual([
      'carried on from 3 recorded email(s) after the previous run ended (TERMINATED)',
    ]);
    expect(status.next?.step).toBe('reminder');
    const later = addDays(date, 1);
    await handle.signal(rescheduleSignal, { date: later });
    await finish(handle);
    status = await handle.query(statusQuery);
    expect(status.sent.map((s) => `${s.step}:${s.sessionDate}:${s.recipients.length}`)).toEqual([
      `invitation:${date}:2`,
      `moved:${later}:2`,
      `reminder:${later}:2`,
    ]);
    expect(notifier.sentFor(session.id)).toEqual(
      [
        `invitation:Ada:${date}`,
        `invitation:Bo:${date}`,
        `moved:Ada:${later}`,
        `moved:Bo:${later}`,
        `reminder:Ada:${later}`,
        `reminder:Bo:${later}`,
      ].sort(),
    );
    expect(await sessionState(t.orm, session.id)).toBe('held');
  });

  it('starts a missing workflow, and flags a session whose workflow completed while its row is still scheduled', async () => {
    const fixture = await createTeam(t.orm);
    const missing = await createSession(t.orm, fixture.team, { date: daysAhead(await now(), 20) });
    const { session: done, handle } = await start(fixture, { date: daysAhead(await now(), 20) });
    await handle.signal(cancelSignal, {});
    await finish(handle);
    await t.orm.em.fork().nativeUpdate(Session, { id: done.id }, { state: 'scheduled' });

    const pass = await keepSessionWorkflows(t.orm, t.env.client, { taskQueue, teamId: fixture.team.id });
    startedThisTest.push(t.env.client.workflow.getHandle(`session-${missing.id}`));
    expect(pass.started).toEqual([missing.id]);
    expect(pass.resumed).toEqual([]);
    expect(pass.flagged).toEqual([
      { sessionId: done.id, reason: expect.stringContaining('completed but the session is still scheduled') },
    ]);
    await t.env.client.workflow.getHandle(`session-${missing.id}`).signal(cancelSignal, {});
    await finish(t.env.client.workflow.getHandle(`session-${missing.id}`));
  });
});
