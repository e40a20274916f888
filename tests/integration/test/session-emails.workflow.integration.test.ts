// A session's workflow end to end, on the same stack (the built API, workflows worker and notifier
// as processes on the Temporal dev server and PostgreSQL, the local Resend-compatible server): a
// session whose workflow is terminated gets a new run from the keeper that sends nothing twice;
// Process status previews what the workflow plans, also after an invitation to nobody; a team's new
// send hour reaches every session's plan through the team-settings workflow.
import { addDays, localInstant, sessionWorkflowId, statusQuery } from '@rhythm/domain';
import { PlanItem } from '@rhythm/persistence';
import { createTeam, daysAhead } from '@rhythm/persistence/testing';
import { eventually } from '@rhythm/testing';
import { useSessionEmailsStack } from './session-emails.stack.js';

const stack = useSessionEmailsStack();
const { api, signInAdministrator, deliveries } = stack;

it('follows a terminated session workflow with a new run that carries on without sending anything twice', async () => {
  const fixture = await createTeam(stack.orm);
  const token = await signInAdministrator(fixture);
  const created = await api(token, 'POST', `/api/teams/${fixture.team.id}/sessions`, {
    date: daysAhead(new Date(), 5),
    kind: 'doing',
  });
  const sessionId = created.body.id as string;
  await eventually(async () => (await deliveries(sessionId)).length === 3, 'the invitations');

  const handle = stack.temporal.client.workflow.getHandle(sessionWorkflowId(sessionId));
  const firstRun = (await handle.describe()).runId;
  await handle.terminate('ended by mistake');
  const status = await eventually(async () => {
    const run = await handle.describe();
    if (run.runId === firstRun || run.status.name !== 'RUNNING') return undefined;
    // A run that has not had its first task yet cannot answer, and one still reading the Delivery
    // rows (an activity) has not carried on yet: ask again.
    const answer = await handle.query(statusQuery).catch(() => undefined);
    return answer?.changes.some((change) => change.what.startsWith('carried on')) && answer;
  }, 'a new run started by the keeper, carrying on from what the first one sent');
  expect(status.changes.map((change) => change.what)).toContain(
    'carried on from 3 recorded email(s) after the previous run ended (TERMINATED)',
  );
  expect(status.next?.step).toBe('reminder');
  const received = (address: string) =>
    stack.resend.emails.filter((email) => email.to.includes(address)).length;
  expect([fixture.ada.email!, fixture.bo.email!].map(received)).toEqual([1, 1]);
});

it('previews what the workflow plans, also after an invitation that reached nobody', async () => {
  const fixture = await createTeam(stack.orm);
  const token = await signInAdministrator(fixture);
  // A doing session involves nobody.
  await stack.orm.em.fork().nativeDelete(PlanItem, { team: fixture.team.id, type: 'action' });
  const sessions = `/api/teams/${fixture.team.id}/sessions`;
  const created = await api(token, 'POST', sessions, { date: daysAhead(new Date(), 5), kind: 'doing' });
  const sessionId = created.body.id as string;
  const handle = stack.temporal.client.workflow.getHandle(sessionWorkflowId(sessionId));
  await eventually(
    async () => (await handle.query(statusQuery).catch(() => undefined))?.next?.step === 'reminder',
    'the workflow past its invitation',
  );
  const status = await api(token, 'GET', `${sessions}/${sessionId}/status`);
  expect(status.body.deliveries).toEqual([]);
  expect(status.body.next).toMatchObject({ step: 'reminder', recipients: [] });
});

it('moves every session’s next send to the team’s new send hour, after a PATCH that answered at once', async () => {
  const fixture = await createTeam(stack.orm);
  const token = await signInAdministrator(fixture);
  const dates = [20, 30, 40].map((days) => daysAhead(new Date(), days));
  const ids: string[] = [];
  for (const date of dates) {
    const created = await api(token, 'POST', `/api/teams/${fixture.team.id}/sessions`, {
      date,
      kind: 'doing',
    });
    ids.push(created.body.id as string);
  }
  const patched = await api(token, 'PATCH', `/api/teams/${fixture.team.id}`, { sendHour: 6 });
  expect(patched.status).toBe(200);
  for (const [i, id] of ids.entries()) {
    const handle = stack.temporal.client.workflow.getHandle(sessionWorkflowId(id));
    const wanted = localInstant(addDays(dates[i]!, -7), 6, 'Europe/Amsterdam').toISOString();
    await eventually(
      async () => (await handle.query(statusQuery).catch(() => undefined))?.next?.at === wanted,
      `session ${i + 1}'s invitation at 06:00`,
    );
  }
});
