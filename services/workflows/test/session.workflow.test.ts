// The session workflow on the Temporal time-skipping test server, with the real sessions worker
// and its database activities on a real PostgreSQL. The notifier is a recording double (see
// notifier-double.ts): these tests are about who the workflow emails, what, and when.
import {
  NOTIFICATIONS_TASK_QUEUE,
  addDays,
  cancelSignal,
  localInstant,
  planChangedSignal,
  rescheduleSignal,
  retryFailedSignal,
  setNotificationsSignal,
  statusQuery,
  teamSettingsChangedSignal,
  type SessionSummary,
} from '@rhythm/domain';
import {
  Delivery,
  EmailPause,
  EmailSuppression,
  Membership,
  PlanItem,
  Series,
  migrateToLatest,
  openOrm,
  Session,
  User,
  type Orm,
} from '@rhythm/persistence';
import { keepSessionWorkflows, startSessionWorkflow } from '@rhythm/session-lifecycle';
import { createTestDatabase, createTimeSkippingEnv, type TestDatabase } from '@rhythm/testing';
import { Client, type WorkflowHandle } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { createSessionActivities } from '../src/sessions/session.activities.js';
import { createSessionsWorker } from '../src/worker.js';
import {
  addReport,
  createSession,
  createTeam,
  daysAhead,
  sessionState,
  type SessionOptions,
  type TeamFixture,
} from '@rhythm/persistence/testing';
import { recordHistories } from './histories.js';
import { notifierStandIn } from './notifier-double.js';

const taskQueue = 'sessions-workflow-test';
let env: TestWorkflowEnvironment;
let database: TestDatabase;
let orm: Orm;
let running: Promise<unknown>;
let workers: Worker[];
const notifier = notifierStandIn(() => orm);

beforeAll(async () => {
  env = await createTimeSkippingEnv();
  database = await createTestDatabase();
  orm = await openOrm(database.url);
  await migrateToLatest(orm);
  workers = [
    await createSessionsWorker({
      connection: env.nativeConnection,
      namespace: 'default',
      taskQueue,
      activities: createSessionActivities({ orm, client: env.client, taskQueue }),
    }),
    await Worker.create({
      connection: env.nativeConnection,
      taskQueue: NOTIFICATIONS_TASK_QUEUE,
      activities: notifier.activities,
    }),
  ];
  running = Promise.all(workers.map((worker) => worker.run()));
}, 120_000);

afterAll(async () => {
  for (const worker of workers ?? []) worker.shutdown();
  await running;
  await orm?.close(true);
  await database?.drop();
  await env?.teardown();
});

const now = async () => new Date(await env.currentTimeMs());
const nineAm = (date: string) => localInstant(date, 9, 'Europe/Amsterdam');

const startedThisTest: WorkflowHandle[] = [];

async function start(
  fixture: TeamFixture,
  options: SessionOptions,
): Promise<{ session: Session; handle: WorkflowHandle }> {
  const session = await createSession(orm, fixture.team, options);
  await startSessionWorkflow(env.client, session, fixture.team, { taskQueue });
  const handle = env.client.workflow.getHandle(`session-${session.id}`);
  startedThisTest.push(handle);
  return { session, handle };
}

/** The Delivery rows of a session, as "step:userName:state" strings, sorted. */
async function deliveries(sessionId: string): Promise<string[]> {
  const rows = await orm.em.fork().find(Delivery, { session: sessionId }, { populate: ['user'] });
  return rows.map((row) => `${row.step}:${row.user.getEntity().name}:${row.state}`).sort();
}

// RECORD_HISTORIES=1 saves each scenario's history as a replay fixture (see replay.test.ts).
afterEach(async () => {
  const handles = startedThisTest.splice(0);
  if (process.env.RECORD_HISTORIES)
    await recordHistories(expect.getState().currentTestName ?? 'scenario', handles, env.address);
});

/** Sends of one step, with when they went out and to whom (by name). */
async function sends(handle: WorkflowHandle, fixture: TeamFixture) {
  const names = new Map([fixture.ada, fixture.bo, fixture.cy].map((user) => [user.id, user.name]));
  const status = await handle.query(statusQuery);
  return status.sent.map((sent) => ({
    step: sent.step,
    at: sent.at,
    sessionDate: sent.sessionDate,
    to: sent.recipients.map((id) => names.get(id)).sort(),
  }));
}

/**
 * Lets simulated time run, a day at a time, until the workflow has closed, and returns its result.
 * (Awaiting result() on the time-skipping client instead would let the test server skip on to its
 * next timer after the workflow ends, years ahead, and later tests would start in another decade.)
 */
async function finish(handle: WorkflowHandle): Promise<SessionSummary> {
  const plain = new Client({ connection: env.connection }).workflow.getHandle(handle.workflowId);
  for (let day = 0; day < 400; day++) {
    if ((await plain.describe()).status.name !== 'RUNNING') break;
    await env.sleep('1d');
  }
  return plain.result();
}

/** The last Sunday of March (the EU's switch to summer time) more than `minDays` after `from`. */
function nextSpringForward(from: Date, minDays: number): string {
  for (let year = from.getUTCFullYear(); ; year++) {
    const march31 = new Date(Date.UTC(year, 2, 31));
    const sunday = new Date(march31.getTime() - march31.getUTCDay() * 86_400_000);
    if (sunday.getTime() - from.getTime() > minDays * 86_400_000) return sunday.toISOString().slice(0, 10);
  }
}

function expectAbout(actual: string | undefined, expected: Date): void {
  expect(actual).toBeDefined();
  expect(Math.abs(new Date(actual!).getTime() - expected.getTime())).toBeLessThan(60_000);
}

describe('session workflow', () => {
  it('invites every owner a week ahead at 09:00 and reminds only those still without a report', async () => {
    const fixture = await createTeam(orm);
    const date = daysAhead(await now(), 12);
    const { session, handle } = await start(fixture, { date, kind: 'doing' });

    await env.sleep(`${12 - 7}d`); // Past the invitation time (09:00, 7 days before).
    await env.sleep('1d');
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
    await addReport(orm, fixture.items.actionA, fixture.ada, await now());
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
    expect(await sessionState(orm, session.id)).toBe('held');
  });

  it('invites at once when created 5 days ahead, and reminds at 3 days', async () => {
    const fixture = await createTeam(orm);
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
    const fixture = await createTeam(orm);
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

  it('applies new times silently when moved before anything was sent', async () => {
    const fixture = await createTeam(orm);
    const date = daysAhead(await now(), 20);
    const moved = addDays(date, 7);
    const { handle } = await start(fixture, { date });
    await env.sleep('2d');
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
    const fixture = await createTeam(orm);
    const date = daysAhead(await now(), 20);
    const earlier = daysAhead(await now(), 4);
    const { handle } = await start(fixture, { date });
    await env.sleep('1h');
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
    const fixture = await createTeam(orm);
    const date = daysAhead(await now(), 10);
    const later = addDays(date, 14);
    const { handle } = await start(fixture, { date });
    await env.sleep('8d'); // Invitation and reminder for the first date have gone out.
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
    const fixture = await createTeam(orm);
    const { session, handle } = await start(fixture, { date: daysAhead(await now(), 15) });
    await env.sleep('1d');
    await handle.signal(cancelSignal, { reason: 'Team offsite' });
    const summary = await finish(handle);
    expect(summary.state).toBe('cancelled');
    expect(await sends(handle, fixture)).toEqual([]);
    expect(await sessionState(orm, session.id)).toBe('cancelled');
  });

  it('tells invited owners once when cancelled after the invitation', async () => {
    const fixture = await createTeam(orm);
    const date = daysAhead(await now(), 9);
    const { session, handle } = await start(fixture, { date });
    await env.sleep('3d');
    await handle.signal(cancelSignal, {});
    await finish(handle);
    const sent = await sends(handle, fixture);
    expect(sent.map((s) => `${s.step}:${s.to.join(',')}`)).toEqual(['invitation:Ada,Bo', 'cancelled:Ada,Bo']);
    expect(await sessionState(orm, session.id)).toBe('cancelled');
    expect(notifier.sentFor(session.id)).toHaveLength(4);
  });

  it('follows invitation and reminder switched off, and does a step switched back on after its time at once', async () => {
    const fixture = await createTeam(orm);
    const date = daysAhead(await now(), 10);
    const { handle } = await start(fixture, { date, sendInvitation: false });
    await env.sleep('1d');
    await handle.signal(setNotificationsSignal, { reminder: false });
    await env.sleep('6d'); // Past both send times with both off: nothing.
    expect(await sends(handle, fixture)).toEqual([]);
    const switchedOnAt = await now();
    await handle.signal(setNotificationsSignal, { invitation: true });
    await finish(handle);
    const sent = await sends(handle, fixture);
    expect(sent.map((s) => s.step)).toEqual(['invitation']);
    expectAbout(sent[0]?.at, switchedOnAt);
  });

  it('keeps 09:00 Amsterdam time across the switch to summer time', async () => {
    const fixture = await createTeam(orm);
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

  it('schedules the next occurrence of a repeating session with its own workflow', async () => {
    const fixture = await createTeam(orm);
    const date = daysAhead(await now(), 3);
    const { session, handle } = await start(fixture, { date, repeat: 'weekly' });
    const summary = await finish(handle);
    expect(summary.nextSessionId).toEqual(expect.any(String));
    const next = await orm.em.fork().findOneOrFail(Session, { id: summary.nextSessionId! });
    expect(next).toMatchObject({
      date: addDays(date, 7),
      kind: 'doing',
      repeat: 'weekly',
      state: 'scheduled',
    });
    expect(next.previousSession?.id).toBe(session.id);
    const nextHandle = env.client.workflow.getHandle(`session-${next.id}`);
    expect((await nextHandle.describe()).status.name).toBe('RUNNING');
    await nextHandle.signal(cancelSignal, {});
    await finish(nextHandle);
  });

  it('ignores and records signals that make no sense now', async () => {
    const fixture = await createTeam(orm);
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

/** Ada and Bo (Cy has no address) each invited and reminded once for `date`. */
const invitedAndReminded = (date: string) => [
  `invitation:Ada:${date}`,
  `invitation:Bo:${date}`,
  `reminder:Ada:${date}`,
  `reminder:Bo:${date}`,
];

describe('session workflow when email fails', () => {
  it('sends to the others when the provider refuses one address, keeps going, and retries it once fixed', async () => {
    const fixture = await createTeam(orm);
    notifier.refuse(fixture.bo.email!);
    const date = daysAhead(await now(), 10);
    const { session, handle } = await start(fixture, { date });
    await env.sleep('4d'); // Past the invitation (7 days before).

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
    await orm.em
      .fork()
      .nativeUpdate(User, { id: fixture.bo.id }, { email: `bo-fixed-${session.id}@example.com` });
    await handle.signal(retryFailedSignal, {});
    await env.sleep('1h');
    await handle.signal(retryFailedSignal, {});
    status = await handle.query(statusQuery);
    expect(status.failed).toEqual([]);
    expect(status.changes.map((c) => c.what)).toContain('retryFailed ignored: no failed emails');
    expect(notifier.sentFor(session.id)).toEqual([`invitation:Ada:${date}`, `invitation:Bo:${date}`]);

    await finish(handle);
    // Bo, invited late, is reminded like everyone else: nobody reported.
    expect(notifier.sentFor(session.id)).toEqual(invitedAndReminded(date));
    expect(await sessionState(orm, session.id)).toBe('held');
  });

  it('records the emails failed when the provider stays down past the retry bound, and the session carries on', async () => {
    const fixture = await createTeam(orm);
    const date = daysAhead(await now(), 10);
    const { session, handle } = await start(fixture, { date });
    notifier.down = true;
    try {
      // Past the invitation (7 days before), then a day of the notifier failing on every attempt.
      await env.sleep('4d');
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
    await env.sleep('4d');
    expect(notifier.sentFor(session.id)).toEqual([`reminder:Ada:${date}`, `reminder:Bo:${date}`]);
    await handle.signal(retryFailedSignal, {});
    await finish(handle);
    expect(notifier.sentFor(session.id)).toEqual(invitedAndReminded(date));
  });

  it('tells invited owners about every move: A → B → A → B after the invitation is three notices each', async () => {
    const fixture = await createTeam(orm);
    const a = daysAhead(await now(), 12);
    const b = addDays(a, 7);
    const { session, handle } = await start(fixture, { date: a });
    await env.sleep('6d'); // Invited for A.
    for (const date of [b, a, b]) {
      await handle.signal(rescheduleSignal, { date });
      await env.sleep('1h');
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
    const fixture = await createTeam(orm);
    const date = daysAhead(await now(), 10);
    const { session, handle } = await start(fixture, { date });
    await env.sleep('4d'); // Ada and Bo invited.
    const em = orm.em.fork();
    stop(em, fixture);
    await em.flush();
    await env.sleep('4d'); // Past the reminder (3 days before).
    expect(notifier.sentFor(session.id)).toEqual([
      `invitation:Ada:${date}`,
      `invitation:Bo:${date}`,
      `reminder:Ada:${date}`,
    ]);
    const rows = await orm.em
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
    const em = orm.em.fork();
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
    const fixture = await createTeam(orm);
    const date = daysAhead(await now(), 12);
    const { session, handle } = await start(fixture, { date });
    await env.sleep('6d'); // Ada and Bo invited.
    const dee = await addMember(fixture, 'Dee');

    // Action B is handed from Bo to Dee, and 20 seconds later Dee gets a new action too.
    const changedAt = await now();
    await orm.em.fork().nativeUpdate(PlanItem, { id: fixture.items.actionB.id }, { owner: dee.id });
    await handle.signal(planChangedSignal, {});
    await env.sleep('20s');
    const em = orm.em.fork();
    em.create(PlanItem, {
      team: fixture.team.id,
      type: 'action',
      title: 'Action D',
      owner: dee,
      strategy: fixture.items.strategy.id,
    });
    await em.flush();
    await handle.signal(planChangedSignal, {});
    await env.sleep('1m');

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
    const fixture = await createTeam(orm);
    const date = daysAhead(await now(), 12);
    const { session, handle } = await start(fixture, { date });
    await handle.signal(planChangedSignal, {});
    await env.sleep('1h');
    expect(notifier.sentFor(session.id)).toEqual([]);
    expect((await handle.query(statusQuery)).changes).toEqual([]);
    await handle.signal(cancelSignal, {});
    await finish(handle);
  });
});

describe('session workflow kept by the keeper', () => {
  it('follows a terminated run with one that carries on from what was sent: no second invitation, moves told, reminders sent', async () => {
    const fixture = await createTeam(orm);
    const date = daysAhead(await now(), 12);
    const { session, handle } = await start(fixture, { date });
    await env.sleep('6d'); // Ada and Bo invited; Cy skipped (no address).
    await handle.terminate('ended by mistake');

    const pass = await keepSessionWorkflows(orm, env.client, { taskQueue, teamId: fixture.team.id });
    expect(pass).toEqual({
      made: [],
      started: [],
      resumed: [{ sessionId: session.id, previousRun: 'TERMINATED' }],
      flagged: [],
    });
    expect(await keepSessionWorkflows(orm, env.client, { taskQueue, teamId: fixture.team.id })).toEqual({
      made: [],
      started: [],
      resumed: [],
      flagged: [],
    });

    await env.sleep('1h');
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
    expect(await sessionState(orm, session.id)).toBe('held');
  });

  it('starts a missing workflow, and flags a session whose workflow completed while its row is still scheduled', async () => {
    const fixture = await createTeam(orm);
    const missing = await createSession(orm, fixture.team, { date: daysAhead(await now(), 20) });
    const { session: done, handle } = await start(fixture, { date: daysAhead(await now(), 20) });
    await handle.signal(cancelSignal, {});
    await finish(handle);
    await orm.em.fork().nativeUpdate(Session, { id: done.id }, { state: 'scheduled' });

    const pass = await keepSessionWorkflows(orm, env.client, { taskQueue, teamId: fixture.team.id });
    startedThisTest.push(env.client.workflow.getHandle(`session-${missing.id}`));
    expect(pass.started).toEqual([missing.id]);
    expect(pass.resumed).toEqual([]);
    expect(pass.flagged).toEqual([
      { sessionId: done.id, reason: expect.stringContaining('completed but the session is still scheduled') },
    ]);
    await env.client.workflow.getHandle(`session-${missing.id}`).signal(cancelSignal, {});
    await finish(env.client.workflow.getHandle(`session-${missing.id}`));
  });
});

describe('a weekly series', () => {
  it('invites occurrence 2 seven days before it at the send hour, and goes on to occurrence 3 when occurrence 2 is cancelled', async () => {
    const fixture = await createTeam(orm);
    const first = daysAhead(await now(), 10);
    const em = orm.em.fork();
    const series = em.create(Series, {
      team: fixture.team.id,
      kind: 'doing',
      repeat: 'weekly',
      anchorDate: first,
      anchorIndex: 0,
    });
    await em.flush();
    const keep = async () =>
      keepSessionWorkflows(orm, env.client, { taskQueue, teamId: fixture.team.id, now: await now() });
    const occurrences = async () =>
      (await orm.em.fork().find(Session, { series: series.id }, { orderBy: { occurrence: 'asc' } })).map(
        (s) => ({ id: s.id, occurrence: s.occurrence, date: s.date, state: s.state }),
      );

    const pass = await keep();
    expect(pass.made).toHaveLength(2);
    const [one, two] = await occurrences();
    expect([one, two].map((o) => `${o!.occurrence}:${o!.date}`)).toEqual([
      `0:${first}`,
      `1:${addDays(first, 7)}`,
    ]);
    const handles = [one!, two!].map((o) => env.client.workflow.getHandle(`session-${o.id}`));
    startedThisTest.push(...handles);

    // Occurrence 2's invitation: 7 days before its date, at 09:00 in the team's zone.
    await env.sleep('11d'); // Past the first occurrence's day: it is held.
    const invitation = (await handles[1]!.query(statusQuery)).sent.find((s) => s.step === 'invitation');
    expect(invitation?.at).toBeDefined();
    expectAbout(invitation!.at, nineAm(first));
    expect(await sessionState(orm, one!.id)).toBe('held');

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
    const three = env.client.workflow.getHandle(`session-${all[2]!.id}`);
    startedThisTest.push(three);
    expect((await three.query(statusQuery)).next?.step).toBe('invitation');
    // Occurrence 4 follows only once occurrence 3 is next: nothing more yet.
    expect((await keep()).made).toEqual([]);
    await three.signal(cancelSignal, {});
    await finish(three);
  });
});
