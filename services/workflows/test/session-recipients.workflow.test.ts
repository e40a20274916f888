// Who is emailed when that changes after the invitation: an owner whose address bounced for good
// or who paused Rhythm's emails is skipped, with the reason; an owner given items is invited
// within a minute (once for changes in quick succession), and an owner left without items hears
// nothing more.
import { addDays, cancelSignal, planChangedSignal, rescheduleSignal, statusQuery } from '@rhythm/domain';
import {
  Delivery,
  EmailPause,
  EmailSuppression,
  Membership,
  PlanItem,
  User,
  type Orm,
} from '@rhythm/persistence';
import { createTeam, daysAhead, type TeamFixture } from '@rhythm/persistence/testing';
import { useSessionHarness } from './support/session-harness.js';

const t = useSessionHarness();
const { notifier, now, start, finish } = t;

describe('session workflow when an owner is no longer to be emailed', () => {
  // Resend's webhook reported a hard bounce for Bo's address (see the API's webhook tests), or Bo
  // used the one-click pause link in an email.
  it.each([
    {
      what: 'an address that bounced for good',
      why: /bounced/,
      stop: (em: ReturnType<Orm['em']['fork']>, fixture: TeamFixture) =>
        em.create(EmailSuppression, {
          address: fixture.bo.email!.toLowerCase(),
          reason: 'bounced',
          detail: null,
        }),
    },
    {
      what: 'an owner who paused Rhythm’s emails in the team',
      why: /paused/,
      stop: (em: ReturnType<Orm['em']['fork']>, fixture: TeamFixture) =>
        em.create(EmailPause, { user: fixture.bo.id, team: fixture.team.id }),
    },
  ])('skips the reminder to $what after the invitation, with the reason', async ({ why, stop }) => {
    const fixture = await createTeam(t.orm);
    const date = daysAhead(await now(), 10);
    const { session, handle } = await start(fixture, { date });
    await t.env.sleep('4d'); // Ada and Bo invited.
    const em = t.orm.em.fork();
    stop(em, fixture);
    await em.flush();
    await t.env.sleep('4d'); // Past the reminder (3 days before).
    expect(notifier.sentFor(session.id)).toEqual([
      `invitation:Ada:${date}`,
      `invitation:Bo:${date}`,
      `reminder:Ada:${date}`,
    ]);
    const rows = await t.orm.em
      .fork()
      .find(Delivery, { session: session.id, user: fixture.bo.id, step: 'reminder' });
    expect(rows.map((row) => [row.state, row.error])).toEqual([['skipped', expect.stringMatching(why)]]);
    const status = await handle.query(statusQuery);
    expect(status.skipped).toContainEqual({ step: 'reminder', reason: expect.stringMatching(why) });
    await handle.signal(cancelSignal, {});
    await finish(handle);
  });
});

describe('session workflow when the plan changes after the invitation', () => {
  /** A new member of the fixture's team, with an address. */
  async function addMember(fixture: TeamFixture, name: string): Promise<User> {
    const em = t.orm.em.fork();
    const user = em.create(User, {
      name,
      email: `${name.toLowerCase()}-${fixture.team.id}@example.com`,
      locale: 'en',
    });
    em.create(Membership, { team: fixture.team.id, user, roles: ['member'] });
    await em.flush();
    return user;
  }

  it('invites an owner given items within a minute, once for changes in quick succession, and stops writing to an owner left without items', async () => {
    const fixture = await createTeam(t.orm);
    const date = daysAhead(await now(), 12);
    const { session, handle } = await start(fixture, { date });
    await t.env.sleep('6d'); // Ada and Bo invited.
    const dee = await addMember(fixture, 'Dee');

    // Action B is handed from Bo to Dee, and 20 seconds later Dee gets a new action too.
    const changedAt = await now();
    await t.orm.em.fork().nativeUpdate(PlanItem, { id: fixture.items.actionB.id }, { owner: dee.id });
    await handle.signal(planChangedSignal, {});
    await t.env.sleep('20s');
    const em = t.orm.em.fork();
    em.create(PlanItem, {
      team: fixture.team.id,
      type: 'action',
      title: 'Action D',
      owner: dee,
      strategy: fixture.items.strategy.id,
    });
    await em.flush();
    await handle.signal(planChangedSignal, {});
    await t.env.sleep('1m');

    const toDee = notifier.delivered.filter((m) => m.sessionId === session.id && m.to.userId === dee.id);
    expect(toDee.map((m) => `${m.template}:${m.items.map((i) => i.title).join('+')}`)).toEqual([
      'invitation:Action B+Action D',
    ]);
    const status = await handle.query(statusQuery);
    const late = status.sent.find((s) => s.step === 'invitation' && s.recipients.includes(dee.id));
    expect(new Date(late!.at).getTime() - changedAt.getTime()).toBeLessThanOrEqual(60_000);

    // Bo has no item left in this doing session: no "moved" notice, no reminder.
    await handle.signal(rescheduleSignal, { date: addDays(date, 1) });
    await finish(handle);
    const later = notifier.delivered
      .filter((m) => m.sessionId === session.id && m.template !== 'invitation')
      .map((m) => `${m.template}:${m.to.name}`)
      .sort();
    expect(later).toEqual(['moved:Ada', 'moved:Dee', 'reminder:Ada', 'reminder:Dee']);
  });

  it('takes no notice of plan changes before the invitation: the invitation reads the plan as it is then', async () => {
    const fixture = await createTeam(t.orm);
    const date = daysAhead(await now(), 12);
    const { session, handle } = await start(fixture, { date });
    await handle.signal(planChangedSignal, {});
    await t.env.sleep('1h');
    expect(notifier.sentFor(session.id)).toEqual([]);
    expect((await handle.query(statusQuery)).changes).toEqual([]);
    await handle.signal(cancelSignal, {});
    await finish(handle);
  });
});
