// Who receives a session's emails, end to end: the built API, workflows worker and notifier as
// processes, on the Temporal dev server and PostgreSQL, sending through the real Resend SDK to the
// local Resend-compatible server. One refused address (422 validation_error, as Resend answers)
// never silences a session, and once fixed "retry failed" delivers that one email, once; an owner
// given an item after the invitation went out is invited within a minute; the one-click pause link
// in an email stops the next reminder.
import { Delivery, Membership, User } from '@rhythm/persistence';
import { createTeam, daysAhead } from '@rhythm/persistence/testing';
import { eventually } from '@rhythm/testing';
import { useSessionEmailsStack } from './session-emails.stack.js';

const stack = useSessionEmailsStack();
const { api, signInAdministrator, deliveries } = stack;

it('invites the two valid owners, records the third as failed with the provider’s words, keeps the session going, and retries it once fixed', async () => {
  const fixture = await createTeam(stack.orm);
  // Ada administers the team; Cy gets an address the provider refuses.
  const token = await signInAdministrator(fixture);
  const refused = `cy-${fixture.team.id}@bounce.example.com`;
  await stack.orm.em.fork().nativeUpdate(User, { id: fixture.cy.id }, { email: refused });
  stack.resend.refuse(refused);
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
  const metrics = await (await fetch(`${stack.apiUrl}/metrics`)).text();
  expect(metrics).toMatch(/rhythm_failed_emails\{step="invitation"\} [1-9]/);

  // The administrator fixes Cy's address and retries; a second retry has nothing left to do.
  const fixed = `cy-${fixture.team.id}@example.com`;
  await stack.orm.em.fork().nativeUpdate(User, { id: fixture.cy.id }, { email: fixed });
  expect(await api(token, 'POST', `${sessions}/${sessionId}/retry-failed`)).toMatchObject({
    status: 202,
    body: { failed: 1 },
  });
  await eventually(async () => (await deliveries(sessionId)).includes('invitation:Cy:sent'), 'the retry');
  const again = await api(token, 'POST', `${sessions}/${sessionId}/retry-failed`);
  expect(again.status).toBe(409);

  // Each owner received exactly one invitation.
  const received = (address: string) =>
    stack.resend.emails.filter((email) => email.to.includes(address)).length;
  expect([fixture.ada.email!, fixture.bo.email!, fixed, refused].map(received)).toEqual([1, 1, 1, 0]);
});

it('invites an owner given an item after the invitation went out within a minute, and only them', async () => {
  const fixture = await createTeam(stack.orm);
  const token = await signInAdministrator(fixture);
  const em = stack.orm.em.fork();
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
  const toDee = stack.resend.emails.filter((email) => email.to.includes(dee.email!));
  expect(toDee).toHaveLength(1);
  expect(toDee[0]!.text).toContain('Late action');
  expect(await deliveries(sessionId)).toEqual([...invited, 'invitation:Dee:sent']);
}, 90_000);

it('pauses an owner with one POST to the List-Unsubscribe link of their email, and the next reminder is not sent', async () => {
  const fixture = await createTeam(stack.orm);
  const token = await signInAdministrator(fixture);
  const sessions = `/api/teams/${fixture.team.id}/sessions`;
  const created = await api(token, 'POST', sessions, { date: daysAhead(new Date(), 6), kind: 'doing' });
  const sessionId = created.body.id as string;
  await eventually(
    async () => (await deliveries(sessionId)).includes('invitation:Bo:sent'),
    "Bo's invitation",
  );

  const invitation = stack.resend.emails.find((email) => email.to.includes(fixture.bo.email!))!;
  expect(invitation.headers?.['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click');
  const link = /^<(.+)>$/.exec(invitation.headers?.['List-Unsubscribe'] ?? '')![1]!;
  // The link points at the web app's address; the API serves the same path.
  const url = new URL(link);
  const paused = await fetch(new URL(`${url.pathname}${url.search}`, stack.apiUrl), {
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
  const rows = await stack.orm.em
    .fork()
    .find(Delivery, { session: sessionId, user: fixture.bo.id, step: { $in: ['reminder', 'moved'] } });
  expect(rows.map((row) => `${row.step}:${row.state}:${row.error}`).sort()).toEqual([
    expect.stringMatching(/^moved:skipped:.*paused/),
    expect.stringMatching(/^reminder:skipped:.*paused/),
  ]);
  expect(stack.resend.emails.filter((email) => email.to.includes(fixture.bo.email!))).toHaveLength(1);
}, 90_000);
