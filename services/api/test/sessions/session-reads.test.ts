// What the pages read about sessions besides Process status, against the real database: the reports
// list, writing a report, the calendar list with report counts, the detail without a worker to
// answer the query, and the calendar file.
import { jest } from '@jest/globals';
import { addDays } from '@rhythm/domain';
import { ProgressReport } from '@rhythm/persistence';
import { addReport, createSession, createTeam, daysAhead } from '@rhythm/persistence/testing';
import { InvalidInputError, SessionNotFoundError } from '../../src/sessions/index.js';
import { useSessionHarness } from '../support/session-harness.js';
import { sessionRecords } from '../support/session-records.js';

jest.setTimeout(30_000);

const t = useSessionHarness();
const { schedule } = sessionRecords(t);

const DAY = 24 * 60 * 60 * 1000;

describe('sessionReports', () => {
  it('lists the involved items with owner and current report', async () => {
    const session = await schedule(10);
    const written = await t.harness.service.writeReport(
      t.fixture.team.id,
      session.id,
      t.fixture.items.actionB.id,
      t.fixture.bo.id,
      {
        progress: 70,
        trafficLight: 'amber',
        explanation: 'Waiting on a supplier',
      },
    );
    const { items } = await t.harness.service.sessionReports(t.fixture.team.id, session.id);
    const rows = items.map((entry) => [
      entry.item.title,
      entry.owner.name,
      entry.report?.trafficLight ?? null,
    ]);
    // The fixture's items share their creation instant, so their order is the ids' (random) order.
    expect(rows.sort()).toEqual([
      ['Action A', 'Ada', null],
      ['Action B', 'Bo', 'amber'],
      ['Action C', 'Cy', null],
    ]);
    expect(items.find((entry) => entry.item.id === t.fixture.items.actionB.id)?.report).toEqual(written);
    expect(written).toMatchObject({
      sessionId: session.id,
      authorId: t.fixture.bo.id,
      progress: 70,
      explanation: 'Waiting on a supplier',
    });
  });
});

describe('writeReport', () => {
  const body = { progress: 50, trafficLight: 'green', explanation: 'Fine' } as const;

  it('refuses an item the session does not involve, naming params.itemId', async () => {
    const doing = await schedule(10);
    const attempt = t.harness.service.writeReport(
      t.fixture.team.id,
      doing.id,
      t.fixture.items.strategy.id,
      t.fixture.ada.id,
      body,
    );
    await expect(attempt).rejects.toBeInstanceOf(InvalidInputError);
    await expect(attempt).rejects.toMatchObject({ errors: [{ field: 'params.itemId' }] });
  });

  it('does not find another team’s item', async () => {
    const other = await createTeam(t.harness.orm);
    const session = await schedule(10);
    const attempt = t.harness.service.writeReport(
      t.fixture.team.id,
      session.id,
      other.items.actionA.id,
      t.fixture.ada.id,
      body,
    );
    await expect(attempt).rejects.toBeInstanceOf(SessionNotFoundError);
  });
});

describe('listSessions', () => {
  it('lists the team’s sessions in a range with submitted and outstanding report counts', async () => {
    const doing = await schedule(10);
    const steering = await schedule(20, 'steering');
    const later = await schedule(60);
    await addReport(t.harness.orm, t.fixture.items.actionA, t.fixture.ada, new Date());
    await addReport(t.harness.orm, t.fixture.items.kpi, t.fixture.bo, new Date());

    const listed = await t.harness.service.listSessions(t.fixture.team.id, {
      from: doing.date,
      to: steering.date,
    });
    expect(listed.sessions.map((entry) => [entry.id, entry.reports])).toEqual([
      [doing.id, { submitted: 1, outstanding: 2 }],
      [steering.id, { submitted: 2, outstanding: 3 }],
    ]);
    expect(
      (await t.harness.service.listSessions(t.fixture.team.id, { kind: 'doing' })).sessions.map(
        (entry) => entry.id,
      ),
    ).toEqual([doing.id, later.id]);
  });

  it('counts a report linked to the session even when it is older than the window', async () => {
    const session = await schedule(10);
    const em = t.harness.orm.em.fork();
    em.create(ProgressReport, {
      item: t.fixture.items.actionC.id,
      author: t.fixture.cy.id,
      session: session.id,
      createdAt: new Date(Date.now() - 100 * DAY),
      progress: 10,
      trafficLight: 'red',
      explanation: 'Old but linked',
    });
    await em.flush();
    const [entry] = (await t.harness.service.listSessions(t.fixture.team.id)).sessions;
    expect(entry?.reports).toEqual({ submitted: 1, outstanding: 2 });
  });
});

describe('sessionDetail', () => {
  it('answers with the row when no worker answers the status query in time', async () => {
    const session = await schedule(10);
    const detail = await t.harness.service.sessionDetail(t.fixture.team.id, session.id);
    expect(detail.session).toEqual(session);
    expect(detail.workflow).toMatchObject({
      available: false,
      reason: expect.stringContaining('did not answer'),
    });
  });

  it('says so when the session has no workflow', async () => {
    const orphan = await createSession(t.harness.orm, t.fixture.team, { date: daysAhead(new Date(), 10) });
    const detail = await t.harness.service.sessionDetail(t.fixture.team.id, orphan.id);
    expect(detail.workflow).toEqual({ available: false, reason: 'the session has no workflow' });
  });
});

describe('sessionCalendar', () => {
  const unfold = (ics: string) => ics.replace(/\r\n[ \t]/g, '');
  const compact = (date: string) => date.replaceAll('-', '');

  it('is an all-day event with a stable UID whose SEQUENCE grows with each move, then cancelled', async () => {
    const session = await schedule(10);
    const first = unfold(await t.harness.service.sessionCalendar(t.fixture.team.id, session.id));
    expect(first).toMatch(/^BEGIN:VCALENDAR\r\n/);
    expect(first).toContain(`UID:session-${session.id}@rhythm\r\n`);
    expect(first).toContain(`DTSTART;VALUE=DATE:${compact(session.date)}\r\n`);
    expect(first).toContain(`DTEND;VALUE=DATE:${compact(addDays(session.date, 1))}\r\n`);
    expect(first).toContain('SEQUENCE:0\r\n');
    expect(first).toContain('METHOD:PUBLISH\r\n');
    expect(first).toContain('STATUS:CONFIRMED\r\n');

    const date = addDays(session.date, 3);
    await t.harness.service.rescheduleSession(t.fixture.team.id, session.id, date);
    const moved = unfold(await t.harness.service.sessionCalendar(t.fixture.team.id, session.id));
    expect(moved).toContain(`UID:session-${session.id}@rhythm\r\n`);
    expect(moved).toContain(`DTSTART;VALUE=DATE:${compact(date)}\r\n`);
    expect(moved).toContain('SEQUENCE:1\r\n');

    await t.harness.service.cancelSession(t.fixture.team.id, session.id);
    const cancelled = unfold(await t.harness.service.sessionCalendar(t.fixture.team.id, session.id));
    expect(cancelled).toContain('METHOD:CANCEL\r\n');
    expect(cancelled).toContain('STATUS:CANCELLED\r\n');
    expect(cancelled).toContain('SEQUENCE:2\r\n');
  });
});
