// Temporal on PostgreSQL, the production topology of docker-compose.yml, which the other tests (on
// the dev server's SQLite) never reach: the Temporal server built from Go modules, on the test
// run's PostgreSQL, with compose's dynamic config and the namespace set-up production runs
// (tools/stack/src/temporal-postgres.ts). The built API, workflows worker and notifier run on it as
// processes. A session created through the API gets its workflow, found by a visibility query on
// Rhythm's search attributes (SQL in PostgreSQL here); a move and a cancellation reach it as
// signals; each email goes through the real Resend SDK to the local Resend server.
// The first run builds the server with Go (minutes; ./rhythm test does it while provisioning).
import { RhythmSessionDate, RhythmState } from '@rhythm/domain';
import { daysAhead, createTeam } from '@rhythm/persistence/testing';
import { eventually } from '@rhythm/testing';
import { useSessionEmailsStack } from './session-emails.stack.js';
import { useTemporalOnPostgres } from './temporal-on-postgres.server.js';

// First: its beforeAll starts the server before the stack's connects to it, its afterAll stops it
// after the stack's services have stopped.
const temporal = useTemporalOnPostgres();

describe('Rhythm on Temporal on PostgreSQL', () => {
  const stack = useSessionEmailsStack();
  const { api, signInAdministrator, deliveries } = stack;

  /** Workflow ids a visibility query answers. */
  async function listed(query: string): Promise<string[]> {
    const ids: string[] = [];
    for await (const workflow of stack.temporal.client.workflow.list({ query }))
      ids.push(workflow.workflowId);
    return ids;
  }

  it('runs a session: its workflow found by search attributes, moved and cancelled by signal, emails through Resend', async () => {
    const fixture = await createTeam(stack.orm);
    const token = await signInAdministrator(fixture);
    const sessions = `/api/teams/${fixture.team.id}/sessions`;
    const received = (address: string) =>
      stack.resend.emails.filter((email) => email.to.includes(address)).length;
    const owners = [fixture.ada.email!, fixture.bo.email!];

    // Five days ahead, computed from today: inside the invitation's week, so it goes out at once.
    const date = daysAhead(new Date(), 5);
    const created = await api(token, 'POST', sessions, { date, kind: 'doing' });
    expect(created.status).toBe(201);
    const sessionId = created.body.id as string;
    const workflowId = `session-${sessionId}`;

    const byTeam = `RhythmTeamId = '${fixture.team.id}' AND RhythmSessionKind = 'doing'`;
    const onDate = (day: string) => `${byTeam} AND RhythmSessionDate = '${day}T00:00:00Z'`;
    const found = await eventually(async () => {
      const ids = await listed(onDate(date));
      return ids.length > 0 && ids;
    }, 'the workflow in visibility');
    expect(found).toEqual([workflowId]);
    const row = await temporal.visibilityRow(workflowId);
    expect(row).toMatchObject({ status: 1 }); // Running, in the visibility database of this server.
    expect(Object.values(row!.search_attributes as object)).toContain(fixture.team.id);

    await eventually(async () => (await deliveries(sessionId)).length === 3, 'the invitations');
    expect(await deliveries(sessionId)).toEqual([
      'invitation:Ada:sent',
      'invitation:Bo:sent',
      'invitation:Cy:skipped', // No email address.
    ]);
    expect(owners.map(received)).toEqual([1, 1]);

    // Moved a day later: the `reschedule` signal; the invited owners are told, the attribute follows.
    const later = daysAhead(new Date(), 6);
    expect((await api(token, 'PATCH', `${sessions}/${sessionId}`, { date: later })).status).toBe(200);
    await eventually(
      async () =>
        (await deliveries(sessionId)).filter((delivery) => delivery.startsWith('moved:')).length === 2,
      'the "moved" emails',
    );
    expect(owners.map(received)).toEqual([2, 2]);
    await eventually(async () => (await listed(onDate(later))).length === 1, 'the new date in visibility');
    expect(await listed(onDate(date))).toEqual([]);
    const handle = stack.temporal.client.workflow.getHandle(workflowId);
    const { typedSearchAttributes } = await handle.describe();
    expect(typedSearchAttributes.get(RhythmSessionDate)).toEqual(new Date(`${later}T00:00:00Z`));

    // Cancelled: the `cancel` signal ends the workflow; the invited owners are told once.
    expect((await api(token, 'DELETE', `${sessions}/${sessionId}?reason=Holiday`)).status).toBe(200);
    expect(await handle.result()).toMatchObject({ sessionId, state: 'cancelled' });
    await eventually(
      async () =>
        (await deliveries(sessionId)).filter((delivery) => delivery.startsWith('cancelled:')).length === 2,
      'the "cancelled" emails',
    );
    expect(owners.map(received)).toEqual([3, 3]);
    expect((await handle.describe()).typedSearchAttributes.get(RhythmState)).toBe('cancelled');
    await eventually(
      async () =>
        (await listed(`${byTeam} AND RhythmState = 'cancelled' AND ExecutionStatus = 'Completed'`)).length ===
        1,
      'the closed workflow in visibility',
    );
    expect(await temporal.visibilityRow(workflowId)).toMatchObject({ status: 2 }); // Completed.
  });
});
