// Repeating sessions: a repeating session's workflow schedules the next occurrence with a
// workflow of its own, and the keeper keeps a series' next occurrences made ahead, each invited
// at its own time, going on past a cancelled one.
import { addDays, cancelSignal, statusQuery } from '@rhythm/domain';
import { Series, Session } from '@rhythm/persistence';
import { keepSessionWorkflows } from '@rhythm/session-lifecycle';
import { createTeam, daysAhead, sessionState } from '@rhythm/persistence/testing';
import { expectAbout, nineAm, useSessionHarness } from './support/session-harness.js';

const t = useSessionHarness();
const { now, start, finish, taskQueue, startedThisTest } = t;

describe('session workflow', () => {
  it('schedules the next occurrence of a repeating session with its own workflow', async () => {
    const fixture = await createTeam(t.orm);
    const date = daysAhead(await now(), 3);
    const { session, handle } = await start(fixture, { date, repeat: 'weekly' });
    const summary = await finish(handle);
    expect(summary.nextSessionId).toEqual(expect.any(String));
    const next = await t.orm.em.fork().findOneOrFail(Session, { id: summary.nextSessionId! });
    expect(next).toMatchObject({
      date: addDays(date, 7),
      kind: 'doing',
      repeat: 'weekly',
      state: 'scheduled',
    });
    expect(next.previousSession?.id).toBe(session.id);
    const nextHandle = t.env.client.workflow.getHandle(`session-${next.id}`);
    expect((await nextHandle.describe()).status.name).toBe('RUNNING');
    await nextHandle.signal(cancelSignal, {});
    await finish(nextHandle);
  });
});

describe('a weekly series', () => {
  it('invites occurrence 2 seven days before it at the send hour, and goes on to occurrence 3 when occurrence 2 is cancelled', async () => {
    const fixture = await createTeam(t.orm);
    const first = daysAhead(await now(), 10);
    const em = t.orm.em.fork();
    const series = em.create(Series, {
      team: fixture.team.id,
      kind: 'doing',
      repeat: 'weekly',
      anchorDate: first,
      anchorIndex: 0,
    });
    await em.flush();
    const keep = async () =>
      keepSessionWorkflows(t.orm, t.env.client, { taskQueue, teamId: fixture.team.id, now: await now() });
    const occurrences = async () =>
      (await t.orm.em.fork().find(Session, { series: series.id }, { orderBy: { occurrence: 'asc' } })).map(
        (s) => ({ id: s.id, occurrence: s.occurrence, date: s.date, state: s.state }),
      );

    const pass = await keep();
    expect(pass.made).toHaveLength(2);
    const [one, two] = await occurrences();
    expect([one, two].map((o) => `${o!.occurrence}:${o!.date}`)).toEqual([
      `0:${first}`,
      `1:${addDays(first, 7)}`,
    ]);
    const handles = [one!, two!].map((o) => t.env.client.workflow.getHandle(`session-${o.id}`));
    startedThisTest.push(...handles);

    // Occurrence 2's invitation: 7 days before its date, at 09:00 in the team's zone.
    await t.env.sleep('11d'); // Past the first occurrence's day: it is held.
    const invitation = (await handles[1]!.query(statusQuery)).sent.find((s) => s.step === 'invitation');
    expect(invitation?.at).toBeDefined();
    expectAbout(invitation!.at, nineAm(first));
    expect(await sessionState(t.orm, one!.id)).toBe('held');

    // Cancel occurrence 2; the keeper's next pass makes occurrence 3 all the same.
    await handles[1]!.signal(cancelSignal, { reason: 'holiday' });
    await finish(handles[1]!);
    const later = await keep();
    const all = await occurrences();
    expect(all.map((o) => `${o.occurrence}:${o.date}:${o.state}`)).toEqual([
      `0:${first}:held`,
      `1:${addDays(first, 7)}:cancelled`,
      `2:${addDays(first, 14)}:scheduled`,
    ]);
    expect(later.made).toEqual([all[2]!.id]);
    const three = t.env.client.workflow.getHandle(`session-${all[2]!.id}`);
    startedThisTest.push(three);
    expect((await three.query(statusQuery)).next?.step).toBe('invitation');
    // Occurrence 4 follows only once occurrence 3 is next: nothing more yet.
    expect((await keep()).made).toEqual([]);
    await three.signal(cancelSignal, {});
    await finish(three);
  });
});
