// What Process status reads about a session, against reports and deliveries written to the real
// database: its counts, who is missing, who was invited and reminded, and the preview of the next send.
import { jest } from '@jest/globals';
import { addDays, localInstant } from '@rhythm/domain';
import { Membership, User } from '@rhythm/persistence';
import { addReport } from '@rhythm/persistence/testing';
import { useSessionHarness } from '../support/session-harness.js';
import { sessionRecords } from '../support/session-records.js';

jest.setTimeout(30_000);

const t = useSessionHarness();
const { schedule, report, delivered } = sessionRecords(t);

const DAY = 24 * 60 * 60 * 1000;
const nineAm = (date: string) => localInstant(date, 9, 'Europe/Amsterdam');

describe('sessionStatus', () => {
  it('counts green, amber, red and missing, lists the missing items with owners, and previews the invitation', async () => {
    const session = await schedule(10, 'steering');
    const now = new Date();
    await t.harness.service.writeReport(
      t.fixture.team.id,
      session.id,
      t.fixture.items.strategy.id,
      t.fixture.ada.id,
      {
        progress: 20,
        trafficLight: 'red',
        explanation: 'Behind',
      },
    );
    await report(t.fixture.items.kpi, t.fixture.bo, 'green', new Date(now.getTime() - 200 * DAY)); // Too old to count.
    await addReport(t.harness.orm, t.fixture.items.actionA, t.fixture.ada, now);
    await report(t.fixture.items.actionB, t.fixture.bo, 'amber', now);

    const status = await t.harness.service.sessionStatus(t.fixture.team.id, session.id);
    expect(status.counts).toEqual({ green: 1, amber: 1, red: 1, missing: 2 });
    const byName = (a: { owner: { name: string } }, b: { owner: { name: string } }) =>
      a.owner.name.localeCompare(b.owner.name);
    expect(status.missing.sort(byName)).toEqual([
      {
        owner: { userId: t.fixture.bo.id, name: 'Bo', email: t.fixture.bo.email },
        items: [{ id: t.fixture.items.kpi.id, type: 'kpi', title: 'Revenue' }],
        skipped: null,
      },
      {
        owner: { userId: t.fixture.cy.id, name: 'Cy', email: null },
        items: [expect.objectContaining({ id: t.fixture.items.actionC.id })],
        skipped: 'no email address',
      },
    ]);
    expect(status.invited).toEqual([]);
    expect(status.next).toMatchObject({
      step: 'invitation',
      at: nineAm(addDays(session.date, -7)).toISOString(),
    });
    expect(
      status.next?.recipients.map((recipient) => [recipient.owner.name, recipient.items.length]).sort(),
    ).toEqual([
      ['Ada', 2],
      ['Bo', 2],
      ['Cy', 1],
    ]);
  });

  it('after the invitation, previews the reminder for only the owners still without a report', async () => {
    // Five days ahead: the invitation time (7 days before, 09:00) has passed, the reminder's not.
    const session = await schedule(5);
    const invitedAt = new Date(Date.now() - DAY);
    await delivered(session, t.fixture.ada, 'invitation', invitedAt);
    await delivered(session, t.fixture.bo, 'invitation', invitedAt);
    await delivered(session, t.fixture.cy, 'invitation', invitedAt, 'skipped');
    // Ada reports between the invitation and the reminder.
    await addReport(t.harness.orm, t.fixture.items.actionA, t.fixture.ada, new Date());

    const status = await t.harness.service.sessionStatus(t.fixture.team.id, session.id);
    expect(status.counts).toEqual({ green: 1, amber: 0, red: 0, missing: 2 });
    expect(status.invited.map((delivery) => [delivery.name, delivery.at]).sort()).toEqual([
      ['Ada', invitedAt.toISOString()],
      ['Bo', invitedAt.toISOString()],
    ]);
    expect(status.deliveries.find((delivery) => delivery.name === 'Cy')).toMatchObject({
      state: 'skipped',
      reason: 'owner has no email address',
    });
    expect(status.reminded).toEqual([]);
    expect(status.next).toMatchObject({
      step: 'reminder',
      at: nineAm(addDays(session.date, -3)).toISOString(),
    });
    const recipients = status.next?.recipients.map((recipient) => [
      recipient.owner.name,
      recipient.items.map((item) => item.title),
      recipient.skipped,
    ]);
    expect(recipients?.sort()).toEqual([
      ['Bo', ['Action B'], null],
      ['Cy', ['Action C'], 'no email address'],
    ]);
  });

  it('previews the end of the session once the reminder went out, and nothing once cancelled', async () => {
    const session = await schedule(2);
    await delivered(session, t.fixture.ada, 'invitation', new Date(Date.now() - 60_000));
    await delivered(session, t.fixture.bo, 'reminder', new Date());
    const status = await t.harness.service.sessionStatus(t.fixture.team.id, session.id);
    expect(status.reminded.map((delivery) => delivery.name)).toEqual(['Bo']);
    expect(status.next).toMatchObject({ step: 'held', recipients: [] });

    await t.harness.service.cancelSession(t.fixture.team.id, session.id);
    expect((await t.harness.service.sessionStatus(t.fixture.team.id, session.id)).next).toBeNull();
  });

  it('previews the escalation the day before: the process owner, with every item still missing and its owner', async () => {
    const em = t.harness.orm.em.fork();
    const pim = em.create(User, { name: 'Pim', email: `pim-${t.fixture.team.id}@example.com`, locale: 'en' });
    em.create(Membership, { team: t.fixture.team.id, user: pim, roles: ['process_owner'] });
    await em.flush();
    // Two days ahead, invited a minute ago: after the reminder time (no separate reminder), before
    // the escalation's (09:00 tomorrow).
    const session = await schedule(2, 'steering');
    await delivered(session, t.fixture.ada, 'invitation', new Date(Date.now() - 60_000));
    await addReport(t.harness.orm, t.fixture.items.strategy, t.fixture.ada, new Date());

    const status = await t.harness.service.sessionStatus(t.fixture.team.id, session.id);
    expect(status.session.sendEscalation).toBe(true);
    expect(status.next).toMatchObject({
      step: 'escalation',
      at: nineAm(addDays(session.date, -1)).toISOString(),
    });
    expect(status.next?.recipients.map((r) => [r.owner.name, r.skipped])).toEqual([['Pim', null]]);
    const items = status.next?.recipients[0]?.items.map((item) => `${item.title} (${item.ownerName})`);
    expect(items?.sort()).toEqual(['Action A (Ada)', 'Action B (Bo)', 'Action C (Cy)', 'Revenue (Bo)']);
  });
});
