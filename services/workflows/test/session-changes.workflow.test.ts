// A session changed after its workflow started, as the API signals it: moved (silently before
// anything was sent, with a notice to the owners already invited, and the steps following the new
// date), cancelled (a notice only to those invited, and the row marked cancelled), or sent a
// signal that makes no sense now, which the workflow ignores and records instead of failing.
import {
  addDays,
  cancelSignal,
  rescheduleSignal,
  statusQuery,
  teamSettingsChangedSignal,
} from '@rhythm/domain';
import { createTeam, daysAhead, sessionState } from '@rhythm/persistence/testing';
import { expectAbout, nineAm, useSessionHarness } from './support/session-harness.js';

const t = useSessionHarness();
const { notifier, now, start, sends, finish } = t;

describe('session workflow', () => {
  it('applies new times silently when moved before anything was sent', async () => {
    const fixture = await createTeam(t.orm);
    const date = daysAhead(await now(), 20);
    const moved = addDays(date, 7);
    const { handle } = await start(fixture, { date });
    await t.env.sleep('2d');
    await handle.signal(rescheduleSignal, { date: moved });
    await finish(handle);
    const sent = await sends(handle, fixture);
    expect(sent.map((s) => `${s.step}:${s.sessionDate}`)).toEqual([
      `invitation:${moved}`,
      `reminder:${moved}`,
    ]);
    expectAbout(sent[0]?.at, nineAm(addDays(moved, -7)));
    const status = await handle.query(statusQuery);
    expect(status.changes.map((c) => c.what)).toContain(`moved from ${date} to ${moved}`);
  });

  it('invites at once when moved earlier past the invitation time', async () => {
    const fixture = await createTeam(t.orm);
    const date = daysAhead(await now(), 20);
    const earlier = daysAhead(await now(), 4);
    const { handle } = await start(fixture, { date });
    await t.env.sleep('1h');
    const movedAt = await now();
    await handle.signal(rescheduleSignal, { date: earlier });
    await finish(handle);
    const sent = await sends(handle, fixture);
    expect(sent.map((s) => `${s.step}:${s.sessionDate}`)).toEqual([
      `invitation:${earlier}`,
      `reminder:${earlier}`,
    ]);
    expectAbout(sent[0]?.at, movedAt);
  });

  it('tells invited owners once when moved later after the reminder, and reminds again for the new date', async () => {
    const fixture = await createTeam(t.orm);
    const date = daysAhead(await now(), 10);
    const later = addDays(date, 14);
    const { handle } = await start(fixture, { date });
    await t.env.sleep('8d'); // Invitation and reminder for the first date have gone out.
    expect((await sends(handle, fixture)).map((s) => s.step)).toEqual(['invitation', 'reminder']);
    await handle.signal(rescheduleSignal, { date: later });
    await finish(handle);
    const sent = await sends(handle, fixture);
    expect(sent.map((s) => `${s.step}:${s.sessionDate}`)).toEqual([
      `invitation:${date}`,
      `reminder:${date}`,
      `moved:${later}`,
      `reminder:${later}`,
    ]);
    expect(sent[2]?.to).toEqual(['Ada', 'Bo']);
    expectAbout(sent[3]?.at, nineAm(addDays(later, -3)));
  });

  it('sends nothing when cancelled before the invitation, and marks the row cancelled', async () => {
    const fixture = await createTeam(t.orm);
    const { session, handle } = await start(fixture, { date: daysAhead(await now(), 15) });
    await t.env.sleep('1d');
    await handle.signal(cancelSignal, { reason: 'Team offsite' });
    const summary = await finish(handle);
    expect(summary.state).toBe('cancelled');
    expect(await sends(handle, fixture)).toEqual([]);
    expect(await sessionState(t.orm, session.id)).toBe('cancelled');
  });

  it('tells invited owners once when cancelled after the invitation', async () => {
    const fixture = await createTeam(t.orm);
    const date = daysAhead(await now(), 9);
    const { session, handle } = await start(fixture, { date });
    await t.env.sleep('3d');
    await handle.signal(cancelSignal, {});
    await finish(handle);
    const sent = await sends(handle, fixture);
    expect(sent.map((s) => `${s.step}:${s.to.join(',')}`)).toEqual(['invitation:Ada,Bo', 'cancelled:Ada,Bo']);
    expect(await sessionState(t.orm, session.id)).toBe('cancelled');
    expect(notifier.sentFor(session.id)).toHaveLength(4);
  });

  it('ignores and records signals that make no sense now', async () => {
    const fixture = await createTeam(t.orm);
    const { handle } = await start(fixture, { date: daysAhead(await now(), 20) });
    await handle.signal(rescheduleSignal, { date: '2020-01-01' });
    await handle.signal(teamSettingsChangedSignal, { timeZone: 'Mars/Olympus', sendHour: 9 });
    const status = await handle.query(statusQuery);
    expect(status.changes.map((c) => c.what)).toEqual([
      'reschedule ignored: 2020-01-01 is in the past',
      'teamSettingsChanged ignored: malformed payload',
    ]);
    expect(status.state).toBe('scheduled');
    await handle.signal(cancelSignal, {});
    await finish(handle);
  });
});
