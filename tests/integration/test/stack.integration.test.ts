// The built services as processes on the real Temporal dev server and PostgreSQL: the API answers
// readiness, and a session's workflow started through @temporalio/client is run by the workers of
// this repo, emails landing in the local outbox once per owner.
import { cancelSignal, statusQuery } from '@rhythm/domain';
import { Delivery, OutboxEmail, migrateToLatest, openOrm, type Orm } from '@rhythm/persistence';
import { createSession, createTeam, daysAhead, sessionState } from '@rhythm/persistence/testing';
import { startSessionWorkflow } from '@rhythm/session-lifecycle';
import {
  connectDevServer,
  createTestDatabase,
  eventually,
  requireEnv,
  startService,
  type DevServer,
  type ServiceProcess,
  type TestDatabase,
} from '@rhythm/testing';

let database: TestDatabase;
let orm: Orm;
let temporal: DevServer;
const services: ServiceProcess[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
  orm = await openOrm(database.url);
  await migrateToLatest(orm);
  temporal = await connectDevServer();
});

afterAll(async () => {
  await Promise.all(services.map((service) => service.stop()));
  await temporal?.close();
  await orm?.close(true);
  await database?.drop();
});

function env() {
  return { DATABASE_URL: database.url, TEMPORAL_ADDRESS: requireEnv('TEMPORAL_ADDRESS'), NODE_ENV: 'test' };
}

describe('the API process', () => {
  it('answers /readyz with PostgreSQL and Temporal reachable, and problem+json for unknown routes', async () => {
    const api = startService('api', { ...env(), PORT: '0' });
    services.push(api);
    const line = await api.waitForOutput(/rhythm-api listening/);
    const port = (JSON.parse(line) as { port: number }).port;

    const ready = await fetch(`http://127.0.0.1:${port}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({
      status: 'ready',
      checks: { postgresql: { ok: true }, temporal: { ok: true } },
    });

    const missing = await fetch(`http://127.0.0.1:${port}/no/such/route`);
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(await missing.json()).toMatchObject({ status: 404, title: 'Not Found' });

    expect(await api.stop()).toBe(0);
  });
});

describe('a session on the dev server with the workers of this repo', () => {
  beforeAll(async () => {
    const workflows = startService('workflows', env());
    const notifier = startService('notifier', env());
    services.push(workflows, notifier);
    await workflows.waitForOutput(/rhythm-workflows polling/, 60_000);
    await notifier.waitForOutput(/rhythm-notifier polling/, 60_000);
  });

  it('completes a session whose day is over, marking it held', async () => {
    const fixture = await createTeam(orm);
    const session = await createSession(orm, fixture.team, { date: daysAhead(new Date(), -1) });
    await startSessionWorkflow(temporal.client, session, fixture.team);
    const summary = await temporal.client.workflow.getHandle(`session-${session.id}`).result();
    expect(summary).toMatchObject({ sessionId: session.id, state: 'held', invited: [] });
    expect(await sessionState(orm, session.id)).toBe('held');
  });

  it('invites at once two days ahead through the outbox, once per owner, and tells them when cancelled', async () => {
    const fixture = await createTeam(orm);
    const session = await createSession(orm, fixture.team, { date: daysAhead(new Date(), 2) });
    expect(await startSessionWorkflow(temporal.client, session, fixture.team)).toBe(true);
    expect(await startSessionWorkflow(temporal.client, session, fixture.team)).toBe(false); // Already scheduled.
    const handle = temporal.client.workflow.getHandle(`session-${session.id}`);

    const invitations = await eventually(async () => {
      const rows = await orm.em.fork().find(Delivery, { session: session.id }, { populate: ['user'] });
      return rows.length === 3 && rows;
    }, 'three invitation deliveries');
    expect(
      invitations
        .map((row) => `${row.user.getEntity().name}:${row.step}:${row.state}:${row.error ?? ''}`)
        .sort(),
    ).toEqual(['Ada:invitation:sent:', 'Bo:invitation:sent:', 'Cy:invitation:skipped:no email address']);
    const outbox = await orm.em
      .fork()
      .find(OutboxEmail, { to: { $in: [fixture.ada.email!, fixture.bo.email!] } });
    expect(outbox).toHaveLength(2);

    // Ops find the team's sessions by search attribute.
    const listed = await eventually(async () => {
      const ids: string[] = [];
      for await (const workflow of temporal.client.workflow.list({
        query: `RhythmTeamId = '${fixture.team.id}'`,
      }))
        ids.push(workflow.workflowId);
      return ids.length > 0 && ids;
    }, 'the workflow in visibility');
    expect(listed).toEqual([`session-${session.id}`]);
    const status = await handle.query(statusQuery);
    // Invited after the reminder time: no separate reminder for this date, next is the session's end.
    expect(status).toMatchObject({ state: 'scheduled', next: { step: 'held' } });
    expect(status.skipped.map((skip) => skip.step)).toEqual(['invitation', 'reminder']);

    await handle.signal(cancelSignal, { reason: 'Holiday' });
    expect(await handle.result()).toMatchObject({ state: 'cancelled' });
    expect(await sessionState(orm, session.id)).toBe('cancelled');
    const cancelled = await orm.em
      .fork()
      .find(Delivery, { session: session.id, step: 'cancelled', state: 'sent' });
    expect(cancelled).toHaveLength(2);
    expect(
      await orm.em.fork().count(OutboxEmail, { to: { $in: [fixture.ada.email!, fixture.bo.email!] } }),
    ).toBe(4);
  });
});
