// A session's emails end to end: the built API, workflows worker and notifier as processes, on the
// Temporal dev server and PostgreSQL, sending through the real Resend SDK to the local
// Resend-compatible server. One refused address (422 validation_error, as Resend answers) never
// silences a session, and once fixed "retry failed" delivers that one email, once; an owner given an item after the invitation went out is invited within a
// minute; a session whose workflow is terminated gets a new run from the keeper that sends nothing
// twice; Process status previews what the workflow plans, also after an invitation to nobody; the
// one-click pause link in an email stops the next reminder.
import { sessionWorkflowId, statusQuery } from '@rhythm/domain';
import {
  Delivery,
  Membership,
  PlanItem,
  User,
  migrateToLatest,
  openOrm,
  type Orm,
} from '@rhythm/persistence';
import { createTeam, daysAhead, type TeamFixture } from '@rhythm/persistence/testing';
import {
  connectDevServer,
  createTestDatabase,
  eventually,
  requireEnv,
  startLocalResend,
  startService,
  type DevServer,
  type LocalResend,
  type ServiceProcess,
  type TestDatabase,
} from '@rhythm/testing';

const RESEND_KEY = 're_integration_refusals';
let database: TestDatabase;
let orm: Orm;
let temporal: DevServer;
let resend: LocalResend;
let apiUrl: string;
const services: ServiceProcess[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
  orm = await openOrm(database.url);
  await migrateToLatest(orm);
  temporal = await connectDevServer();
  resend = await startLocalResend({ apiKey: RESEND_KEY });
  const env = {
    DATABASE_URL: database.url,
    TEMPORAL_ADDRESS: requireEnv('TEMPORAL_ADDRESS'),
    EMAIL_LINK_SECRET: 'integration-pause-link-secret-0123456789',
  };
  const api = startService('api', { ...env, NODE_ENV: 'development', PORT: '0' });
  // The keeper every 2 s instead of every 10 minutes, so that a terminated workflow comes back quickly.
  const workflows = startService('workflows', {
    ...env,
    NODE_ENV: 'test',
    SESSION_KEEPER_INTERVAL_SECONDS: '2',
  });
  const notifier = startService('notifier', {
    ...env,
    NODE_ENV: 'test',
    RESEND_API_KEY: RESEND_KEY,
    RESEND_BASE_URL: resend.url,
  });
  services.push(api, workflows, notifier);
  const line = await api.waitForOutput(/rhythm-api listening/);
  apiUrl = `http://127.0.0.1:${(JSON.parse(line) as { port: number }).port}`;
  await workflows.waitForOutput(/rhythm-workflows polling/, 60_000);
  await notifier.waitForOutput(/rhythm-notifier polling/, 60_000);
}, 120_000);

afterAll(async () => {
  await Promise.all(services.map((service) => service.stop()));
  await resend?.close();
  await temporal?.close();
  await orm?.close(true);
  await database?.drop();
});

async function api(token: string | null, method: string, path: string, body?: unknown) {
  const response = await fetch(new URL(path, apiUrl), {
    method,
    headers: {
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

/** Ada administers the fixture's team and signs in (development sign-in); returns her token. */
async function signInAdministrator(fixture: TeamFixture): Promise<string> {
  await orm.em
    .fork()
    .nativeUpdate(Membership, { team: fixture.team.id, user: fixture.ada.id }, { roles: ['administrator'] });
  const { body } = await api(null, 'POST', '/api/dev/token', { email: fixture.ada.email });
  return body.token as string;
}

const deliveries = async (sessionId: string) =>
  (await orm.em.fork().find(Delivery, { session: sessionId }, { populate: ['user'] }))
    .map((row) => `${row.step}:${row.user.getEntity().name}:${row.state}`)
    .sort();

it('invites the two valid owners, records the third as failed with the provider’s words, keeps the session going, and retries it once fixed', async () => {
  const fixture = await createTeam(orm);
  // Ada administers the team; Cy gets an address the provider refuses.
  const token = await signInAdministrator(fixture);
  const refused = `cy-${fixture.team.id}@bounce.example.com`;
  await orm.em.fork().nativeUpdate(User, { id: fixture.cy.id }, { email: refused });
  resend.refuse(refused);
  const sessions = `/api/teams/${fixture.team.id}/sessions`;

  // Five days ahead: the invitation goes out at once, the reminder is planned for 3 days before.
  const created = await api(token, 'POST', sessions, { date: daysAhead(new Date(), 5), kind: 'doing' });
  expect(created.status).toBe(201);
  const sessionId = created.body.id as string;
  await eventually(async () => (await deliveries(sessionId)).length === 3, 'three invitation deliveries');
  expect(await deliveries(sessionId)).toEqual([
    'invitation:Ada:sent',
    'invitation:Bo:sent',
    'invitation:Cy:failed',
  ]);

  const status = await api(token, 'GET', `${sessions}/${sessionId}/status`);
  expect(status.status).toBe(200);
  const cy = (status.body.deliveries as { name: string; state: string; reason: string }[]).find(
    (delivery) => delivery.name === 'Cy',
  );
  expect(cy).toMatchObject({ state: 'failed', reason: expect.stringContaining('cannot receive email') });
  expect(status.body.next).toMatchObject({ step: 'reminder' });
  const detail = await api(token, 'GET', `${sessions}/${sessionId}`);
  expect(detail.body.workflow).toMatchObject({
    available: true,
    status: { state: 'scheduled', next: { step: 'reminder' } },
  });

  // The metric ops alert on counts it.
  const metrics = await (await fetch(`${apiUrl}/metrics`)).text();
  expect(metrics).toMatch(/rhythm_failed_emails\{step="invitation"\} [1-9]/);

  // The administrator fixes Cy's address and retries; a second retry has nothing left to do.
  const fixed = `cy-${fixture.team.id}@example.com`;
  await orm.em.fork().nativeUpdate(User, { id: fixture.cy.id }, { email: fixed });
  expect(await api(token, 'POST', `${sessions}/${sessionId}/retry-failed`)).toMatchObject({
    status: 202,
    body: { failed: 1 },
  });
  await eventually(async () => (await deliveries(sessionId)).includes('invitation:Cy:sent'), 'the retry');
  const again = await api(token, 'POST', `${sessions}/${sessionId}/retry-failed`);
  expect(again.status).toBe(409);

  // Each owner received exactly one invitation.
  const received = (address: string) => resend.emails.filter((email) => email.to.includes(address)).length;
  expect([fixture.ada.email!, fixture.bo.email!, fixed, refused].map(received)).toEqual([1, 1, 1, 0]);
});

it('invites an owner given an item after the invitation went out within a minute, and only them', async () => {
  const fixture = await createTeam(orm);
  const token = await signInAdministrator(fixture);
  const em = orm.em.fork();
  const dee = em.create(User, { name: 'Dee', email: `dee-${fixture.team.id}@example.com`, locale: 'en' });
  em.create(Membership, { team: fixture.team.id, user: dee, roles: ['member'] });
  await em.flush();
  const team = `/api/teams/${fixture.team.id}`;

  const created = await api(token, 'POST', `${team}/sessions`, {
    date: daysAhead(new Date(), 5),
    kind: 'doing',
  });
  const sessionId = created.body.id as string;
  const invited = ['invitation:Ada:sent', 'invitation:Bo:sent', 'invitation:Cy:skipped']; // Cy: no address.
  await eventually(
    async () => (await deliveries(sessionId)).join() === invited.join(),
    'the invitations of Ada and Bo',
  );

  const given = Date.now();
  const action = await api(token, 'POST', `${team}/actions`, {
    title: 'Late action',
    ownerId: dee.id,
    strategyId: fixture.items.strategy.id,
  });
  expect(action.status).toBe(201);
  await eventually(
    async () => (await deliveries(sessionId)).includes('invitation:Dee:sent'),
    "Dee's invitation",
    60_000,
  );
  expect(Date.now() - given).toBeLessThan(60_000);
  const toDee = resend.emails.filter((email) => email.to.includes(dee.email!));
  expect(toDee).toHaveLength(1);
  expect(toDee[0]!.text).toContain('Late action');
  expect(await deliveries(sessionId)).toEqual([...invited, 'invitation:Dee:sent']);
}, 90_000);

it('follows a terminated session workflow with a new run that carries on without sending anything twice', async () => {
  const fixture = await createTeam(orm);
  const token = await signInAdministrator(fixture);
  const created = await api(token, 'POST', `/api/teams/${fixture.team.id}/sessions`, {
    date: daysAhead(new Date(), 5),
    kind: 'doing',
  });
  const sessionId = created.body.id as string;
  await eventually(async () => (await deliveries(sessionId)).length === 3, 'the invitations');

  const handle = temporal.client.workflow.getHandle(sessionWorkflowId(sessionId));
  const firstRun = (await handle.describe()).runId;
  await handle.terminate('ended by mistake');
  const status = await eventually(async () => {
    const run = await handle.describe();
    // A run that has not had its first task yet cannot answer: ask again.
    return (
      run.runId !== firstRun &&
      run.status.name === 'RUNNING' &&
      (await handle.query(statusQuery).catch(() => undefined))
    );
  }, 'a new run started by the keeper');
  expect(status.changes.map((change) => change.what)).toContain(
    'carried on from 3 recorded email(s) after the previous run ended (TERMINATED)',
  );
  expect(status.next?.step).toBe('reminder');
  const received = (address: string) => resend.emails.filter((email) => email.to.includes(address)).length;
  expect([fixture.ada.email!, fixture.bo.email!].map(received)).toEqual([1, 1]);
});

it('previews what the workflow plans, also after an invitation that reached nobody', async () => {
  const fixture = await createTeam(orm);
  const token = await signInAdministrator(fixture);
  // A doing session involves nobody.
  await orm.em.fork().nativeDelete(PlanItem, { team: fixture.team.id, type: 'action' });
  const sessions = `/api/teams/${fixture.team.id}/sessions`;
  const created = await api(token, 'POST', sessions, { date: daysAhead(new Date(), 5), kind: 'doing' });
  const sessionId = created.body.id as string;
  const handle = temporal.client.workflow.getHandle(sessionWorkflowId(sessionId));
  await eventually(
    async () => (await handle.query(statusQuery).catch(() => undefined))?.next?.step === 'reminder',
    'the workflow past its invitation',
  );
  const status = await api(token, 'GET', `${sessions}/${sessionId}/status`);
  expect(status.body.deliveries).toEqual([]);
  expect(status.body.next).toMatchObject({ step: 'reminder', recipients: [] });
});

it('pauses an owner with one POST to the List-Unsubscribe link of their email, and the next reminder is not sent', async () => {
  const fixture = await createTeam(orm);
  const token = await signInAdministrator(fixture);
  const sessions = `/api/teams/${fixture.team.id}/sessions`;
  const created = await api(token, 'POST', sessions, { date: daysAhead(new Date(), 6), kind: 'doing' });
  const sessionId = created.body.id as string;
  await eventually(
    async () => (await deliveries(sessionId)).includes('invitation:Bo:sent'),
    "Bo's invitation",
  );

  const invitation = resend.emails.find((email) => email.to.includes(fixture.bo.email!))!;
  expect(invitation.headers?.['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click');
  const link = /^<(.+)>$/.exec(invitation.headers?.['List-Unsubscribe'] ?? '')![1]!;
  // The link points at the web app's address; the API serves the same path.
  const url = new URL(link);
  const paused = await fetch(new URL(`${url.pathname}${url.search}`, apiUrl), {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: 'List-Unsubscribe=One-Click',
  });
  expect(paused.status).toBe(200);

  // Moved to two days ahead: the reminder for the new date is due at once.
  expect(
    (await api(token, 'PATCH', `${sessions}/${sessionId}`, { date: daysAhead(new Date(), 2) })).status,
  ).toBe(200);
  await eventually(
    async () => (await deliveries(sessionId)).some((d) => d.startsWith('reminder:Ada:')),
    "Ada's reminder",
  );
  const rows = await orm.em
    .fork()
    .find(Delivery, { session: sessionId, user: fixture.bo.id, step: { $in: ['reminder', 'moved'] } });
  expect(rows.map((row) => `${row.step}:${row.state}:${row.error}`).sort()).toEqual([
    expect.stringMatching(/^moved:skipped:.*paused/),
    expect.stringMatching(/^reminder:skipped:.*paused/),
  ]);
  expect(resend.emails.filter((email) => email.to.includes(fixture.bo.email!))).toHaveLength(1);
}, 90_000);
