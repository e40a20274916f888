// The escalation the day before (issue 16): at the send hour one day before, the team's process
// owner gets one email listing the involved items still without a current report, with their
// owners; nothing when everything is in (a skip with its reason). It follows moves, cancels and
// its switch like the other steps, and a doing session created without it never escalates.
import { addDays, cancelSignal, rescheduleSignal, setNotificationsSignal, statusQuery } from '@rhythm/domain';
import { Membership, User } from '@rhythm/persistence';
import { addReport, createTeam, daysAhead, type TeamFixture } from '@rhythm/persistence/testing';
import { expectAbout, nineAm, useSessionHarness } from './support/session-harness.js';

const t = useSessionHarness();
const { notifier, now, start, finish } = t;

/** The team's process owner, who gets the escalation (the fixture's owners are plain members). */
async function addProcessOwner(fixture: TeamFixture): Promise<User> {
  const em = t.orm.em.fork();
  const pim = em.create(User, { name: 'Pim', email: `pim-${fixture.team.id}@example.com`, locale: 'nl' });
  em.create(Membership, { team: fixture.team.id, user: pim, roles: ['process_owner'] });
  await em.flush();
  return pim;
}

/** The escalations delivered for a session: to whom, for which date, listing which items (owner). */
function escalations(sessionId: string) {
  return notifier.delivered
    .filter((m) => m.sessionId === sessionId && m.template === 'escalation')
    .map((m) => ({
      to: m.to.name,
      date: m.sessionDate,
      items: m.items.map((item) => `${item.title} (${item.ownerName})`).sort(),
    }));
}

const escalationSend = async (handle: Parameters<typeof finish>[0]) =>
  (await handle.query(statusQuery)).sent.filter((s) => s.step === 'escalation');

describe('session workflow escalation', () => {
  it('sends the process owner one email the day before listing only the items still without a report', async () => {
    const fixture = await createTeam(t.orm);
    await addProcessOwner(fixture);
    const date = daysAhead(await now(), 12);
    const { session, handle } = await start(fixture, { date, kind: 'steering', sendEscalation: true });
    await t.env.sleep('8d'); // Past the invitation (7 days before).
    // Ada reports on both her items; Bo and Cy (no address) do not.
    await addReport(t.orm, fixture.items.strategy, fixture.ada, await now());
    await addReport(t.orm, fixture.items.actionA, fixture.ada, await now());
    await finish(handle);
    expect(escalations(session.id)).toEqual([
      { to: 'Pim', date, items: ['Action B (Bo)', 'Action C (Cy)', 'Revenue (Bo)'] },
    ]);
    const [sent] = await escalationSend(handle);
    expectAbout(sent?.at, nineAm(addDays(date, -1)));
    expect(await t.deliveries(session.id)).toContain('escalation:Pim:sent');
  });

  it('sends nothing when every item has a current report, and records why', async () => {
    const fixture = await createTeam(t.orm);
    await addProcessOwner(fixture);
    const date = daysAhead(await now(), 12);
    const { session, handle } = await start(fixture, { date, kind: 'doing', sendEscalation: true });
    await t.env.sleep('8d');
    for (const [item, owner] of [
      [fixture.items.actionA, fixture.ada],
      [fixture.items.actionB, fixture.bo],
      [fixture.items.actionC, fixture.cy],
    ] as const)
      await addReport(t.orm, item, owner, await now());
    await finish(handle);
    expect(escalations(session.id)).toEqual([]);
    const status = await handle.query(statusQuery);
    expect(status.skipped).toContainEqual({
      step: 'escalation',
      reason: `every item has a current report for ${date}`,
    });
  });

  it('follows a reschedule: escalates the day before the new date, once', async () => {
    const fixture = await createTeam(t.orm);
    await addProcessOwner(fixture);
    const date = daysAhead(await now(), 12);
    const { session, handle } = await start(fixture, { date, kind: 'doing', sendEscalation: true });
    await t.env.sleep('6d'); // Invited.
    const moved = addDays(date, 4);
    await handle.signal(rescheduleSignal, { date: moved });
    await finish(handle);
    expect(escalations(session.id).map((e) => e.date)).toEqual([moved]);
    const [sent] = await escalationSend(handle);
    expectAbout(sent?.at, nineAm(addDays(moved, -1)));
  });

  it('sends no escalation once the session is cancelled', async () => {
    const fixture = await createTeam(t.orm);
    await addProcessOwner(fixture);
    const date = daysAhead(await now(), 12);
    const { session, handle } = await start(fixture, { date, kind: 'steering', sendEscalation: true });
    await t.env.sleep('10d'); // Invited and reminded; the escalation is a day away.
    await handle.signal(cancelSignal, {});
    await finish(handle);
    expect(escalations(session.id)).toEqual([]);
    expect(notifier.sentFor(session.id).some((s) => s.startsWith('cancelled:'))).toBe(true);
  });

  it('follows the switch: none while off, at once when switched back on after its time', async () => {
    const fixture = await createTeam(t.orm);
    await addProcessOwner(fixture);
    const date = daysAhead(await now(), 12);
    const { session, handle } = await start(fixture, { date, kind: 'steering', sendEscalation: true });
    await t.env.sleep('1d');
    await handle.signal(setNotificationsSignal, { escalation: false });
    // Past the escalation time (09:00 the day before), switched off; the session's day not over.
    await t.env.sleep('10d');
    await t.env.sleep('12h');
    expect(escalations(session.id)).toEqual([]);
    const switchedOnAt = await now();
    await handle.signal(setNotificationsSignal, { escalation: true });
    await finish(handle);
    expect(escalations(session.id)).toHaveLength(1);
    expectAbout((await escalationSend(handle))[0]?.at, switchedOnAt);
  });

  it('never escalates a doing session created without the switch (the API’s default for doing)', async () => {
    const fixture = await createTeam(t.orm);
    await addProcessOwner(fixture);
    const date = daysAhead(await now(), 5);
    const { session, handle } = await start(fixture, { date, kind: 'doing' });
    await finish(handle);
    expect(escalations(session.id)).toEqual([]);
    expect(notifier.sentFor(session.id).some((s) => s.startsWith('reminder:'))).toBe(true);
  });
});
