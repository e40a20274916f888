// When a session's invitation and reminder go out: a week and three days before, at 09:00 in the
// team's zone, and only to owners still without a report; at once when the session is created
// late; never while switched off, and at once when switched back on after their time; and at the
// same local hour across the switch to summer time.
import { addDays, setNotificationsSignal, statusQuery, type SessionSummary } from '@rhythm/domain';
import { addReport, createTeam, daysAhead, sessionState } from '@rhythm/persistence/testing';
import { expectAbout, nineAm, useSessionHarness } from './support/session-harness.js';

const t = useSessionHarness();
const { notifier, now, start, sends, finish } = t;

/** The last Sunday of March (the EU's switch to summer time) more than `minDays` after `from`. */
function nextSpringForward(from: Date, minDays: number): string {
  for (let year = from.getUTCFullYear(); ; year++) {
    const march31 = new Date(Date.UTC(year, 2, 31));
    const sunday = new Date(march31.getTime() - march31.getUTCDay() * 86_400_000);
    if (sunday.getTime() - from.getTime() > minDays * 86_400_000) return sunday.toISOString().slice(0, 10);
  }
}

describe('session workflow', () => {
  it('invites every owner a week ahead at 09:00 and reminds only those still without a report', async () => {
    const fixture = await createTeam(t.orm);
    const date = daysAhead(await now(), 12);
    const { session, handle } = await start(fixture, { date, kind: 'doing' });

    await t.env.sleep(`${12 - 7}d`); // Past the invitation time (09:00, 7 days before).
    await t.env.sleep('1d');
    let sent = await sends(handle, fixture);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ step: 'invitation', sessionDate: date, to: ['Ada', 'Bo'] });
    expectAbout(sent[0]?.at, nineAm(addDays(date, -7)));
    expect(notifier.sentFor(session.id)).toEqual([`invitation:Ada:${date}`, `invitation:Bo:${date}`]);
    const status = await handle.query(statusQuery);
    expect(status.skipped).toEqual([
      expect.objectContaining({ step: 'invitation', reason: expect.stringContaining('no email address') }),
    ]);

    // Ada reports between invitation and reminder; Bo does not.
    await addReport(t.orm, fixture.items.actionA, fixture.ada, await now());
    const summary: SessionSummary = await finish(handle);
    sent = await sends(handle, fixture);
    expect(sent.map((s) => `${s.step}:${s.to.join(',')}`)).toEqual(['invitation:Ada,Bo', 'reminder:Bo']);
    expectAbout(sent[1]?.at, nineAm(addDays(date, -3)));
    expect(summary).toMatchObject({
      state: 'held',
      invited: expect.arrayContaining([fixture.ada.id, fixture.bo.id]),
      reminded: [fixture.bo.id],
    });
    expect(summary.reported).toEqual([fixture.ada.id]);
    expect(await sessionState(t.orm, session.id)).toBe('held');
  });

  it('invites at once when created 5 days ahead, and reminds at 3 days', async () => {
    const fixture = await createTeam(t.orm);
    const startedAt = await now();
    const date = daysAhead(startedAt, 5);
    const { handle } = await start(fixture, { date });
    await finish(handle);
    const sent = await sends(handle, fixture);
    expect(sent.map((s) => s.step)).toEqual(['invitation', 'reminder']);
    expectAbout(sent[0]?.at, startedAt);
    expectAbout(sent[1]?.at, nineAm(addDays(date, -3)));
  });

  it('sends the invitation at once and no separate reminder when created 2 days ahead', async () => {
    const fixture = await createTeam(t.orm);
    const startedAt = await now();
    const date = daysAhead(startedAt, 2);
    const { handle } = await start(fixture, { date });
    await finish(handle);
    const sent = await sends(handle, fixture);
    expect(sent.map((s) => s.step)).toEqual(['invitation']);
    expectAbout(sent[0]?.at, startedAt);
    const status = await handle.query(statusQuery);
    expect(status.skipped.map((s) => s.step)).toContain('reminder');
  });

  it('follows invitation and reminder switched off, and does a step switched back on after its time at once', async () => {
    const fixture = await createTeam(t.orm);
    const date = daysAhead(await now(), 10);
    const { handle } = await start(fixture, { date, sendInvitation: false });
    await t.env.sleep('1d');
    await handle.signal(setNotificationsSignal, { reminder: false });
    await t.env.sleep('6d'); // Past both send times with both off: nothing.
    expect(await sends(handle, fixture)).toEqual([]);
    const switchedOnAt = await now();
    await handle.signal(setNotificationsSignal, { invitation: true });
    await finish(handle);
    const sent = await sends(handle, fixture);
    expect(sent.map((s) => s.step)).toEqual(['invitation']);
    expectAbout(sent[0]?.at, switchedOnAt);
  });

  it('keeps 09:00 Amsterdam time across the switch to summer time', async () => {
    const fixture = await createTeam(t.orm);
    // The next spring change in Europe (last Sunday of March) that is more than 10 days ahead: the
    // session is the Wednesday after it, so the invitation (7 days before) is in winter time and
    // the reminder (3 days before, the Sunday itself) in summer time. Computed from the test
    // server's clock, never a fixed year.
    const change = nextSpringForward(await now(), 10);
    const date = addDays(change, 3);
    const { handle } = await start(fixture, { date });
    await finish(handle);
    const sent = await sends(handle, fixture);
    expect(sent.map((s) => s.step)).toEqual(['invitation', 'reminder']);
    expectAbout(sent[0]?.at, new Date(`${addDays(change, -4)}T08:00:00Z`)); // 09:00 CET
    expectAbout(sent[1]?.at, new Date(`${change}T07:00:00Z`)); // 09:00 CEST
  });
});
