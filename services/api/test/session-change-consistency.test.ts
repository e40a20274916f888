// PATCH and DELETE .../sessions/{id} when the database fails at COMMIT after the workflow took the
// signal, over HTTP: 503 problem+json (safe to retry, as a create the database did not save), the
// row as it was in PostgreSQL, and the workflow's own `status` query back on the old values. A
// stand-in `sessionWorkflow` (workflow-stand-in/) polls the app's task queue to answer the query. A
// cancel cannot be taken back in a workflow, so it is completed on the row instead (200); only when
// that fails too is the answer 503. The service-level outcomes are in sessions/change-session.test.ts.
import { addDays } from '@rhythm/domain';
import { Session } from '@rhythm/persistence';
import { sessionView, type SessionView } from '../src/sessions/views/session-views.js';
import { clearCommitFaults, failNextCommits, installCommitFaults } from './support/commit-faults.js';
import { useTestApp } from './support/test-app.js';
import { useWorkflowStandIn } from './support/workflow-stand-in-worker.js';
import { createWorld, type World } from './support/world.js';

const testApp = useTestApp({ statusQueryTimeoutMs: 10_000 });
let world: World;
useWorkflowStandIn(testApp);
beforeAll(async () => {
  world = await createWorld(testApp());
  await installCommitFaults(testApp().orm);
});
afterEach(async () => clearCommitFaults(testApp().orm));

const organiser = () => `Bearer ${world.tokens.processOwner}`;
const sessionPath = (id: string) => `/api/teams/${world.team.id}/sessions/${id}`;
const patch = (id: string, body: object) =>
  testApp().http.patch(sessionPath(id)).set('Authorization', organiser()).send(body);
const cancel = (id: string) => testApp().http.delete(sessionPath(id)).set('Authorization', organiser());
const workflowStatus = async (id: string) => {
  const response = await testApp().http.get(sessionPath(id)).set('Authorization', organiser());
  expect(response.body.workflow.available).toBe(true);
  return response.body.workflow.status;
};

/** The row in PostgreSQL is what `view` shows, its last update included. */
async function expectRowAsIn(view: SessionView): Promise<void> {
  expect(sessionView(await testApp().orm.em.fork().findOneOrFail(Session, { id: view.id }))).toEqual(view);
}

function expectUnavailable(
  response: { status: number; type: string; body: { detail?: string } },
  detail: string,
) {
  expect(response.status).toBe(503);
  expect(response.type).toBe('application/problem+json');
  expect(response.body.detail).toBe(detail);
}

describe('PATCH /api/teams/{teamId}/sessions/{sessionId} when the COMMIT fails', () => {
  it('answers 503 for a move, keeps the row on its date and moves the workflow back; a retry moves both', async () => {
    const session = await world.create.session();
    const date = addDays(session.date, 7);
    await failNextCommits(testApp().orm, 'UPDATE');

    expectUnavailable(
      await patch(session.id, { date }),
      'The session was not moved: the database did not save the change, and its workflow is as it was',
    );
    await expectRowAsIn(session);
    expect(await workflowStatus(session.id)).toMatchObject({
      sessionDate: session.date,
      changes: [
        { what: `moved from ${session.date} to ${date}` },
        { what: `moved from ${date} to ${session.date}` },
      ],
    });

    const retry = await patch(session.id, { date });
    expect(retry.status).toBe(200);
    await expectRowAsIn(retry.body);
    expect(retry.body).toMatchObject({ date, revision: 1 });
    expect((await workflowStatus(session.id)).sessionDate).toBe(date);
  });

  it('answers 503 for a switch of the flags, keeps them on the row and switches the workflow back', async () => {
    const session = await world.create.session();
    await failNextCommits(testApp().orm, 'UPDATE');

    expectUnavailable(
      await patch(session.id, { sendInvitation: false, sendReminder: false }),
      'The notifications were not changed: the database did not save the change, and its workflow is as it was',
    );
    await expectRowAsIn(session);
    expect((await workflowStatus(session.id)).changes).toMatchObject([
      { what: 'invitation off, reminder off' },
      { what: 'invitation on, reminder on' },
    ]);
  });

  it('with a date and flags, keeps the move that committed and puts back only the flags; the same body again completes it', async () => {
    const session = await world.create.session();
    const date = addDays(session.date, 3);
    await failNextCommits(testApp().orm, 'UPDATE', 1, 1);

    expectUnavailable(
      await patch(session.id, { date, sendReminder: false }),
      'The notifications were not changed: the database did not save the change, and its workflow is as it was',
    );
    const moved = (await testApp().http.get(sessionPath(session.id)).set('Authorization', organiser())).body;
    expect(moved.session).toMatchObject({ date, sendReminder: true, revision: 1 });
    await expectRowAsIn(moved.session);
    expect(moved.workflow.status).toMatchObject({
      sessionDate: date,
      changes: [
        { what: `moved from ${session.date} to ${date}` },
        { what: 'reminder off' },
        { what: 'reminder on' },
      ],
    });

    const retry = await patch(session.id, { date, sendReminder: false });
    expect(retry.status).toBe(200);
    expect(retry.body).toMatchObject({ date, sendReminder: false, revision: 1 });
    expect((await workflowStatus(session.id)).changes.at(-1)).toMatchObject({ what: 'reminder off' });
  });
});

describe('DELETE /api/teams/{teamId}/sessions/{sessionId} when the COMMIT fails', () => {
  it('completes the cancel the workflow already has on the row, and answers 200', async () => {
    const session = await world.create.session();
    await failNextCommits(testApp().orm, 'UPDATE');

    const response = await cancel(session.id);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ state: 'cancelled', revision: 1 });
    await expectRowAsIn(response.body);
    expect((await workflowStatus(session.id)).state).toBe('cancelled');
  });

  it('answers 503 when completing it fails too, saying where the session stands; a retry completes it', async () => {
    const session = await world.create.session();
    await failNextCommits(testApp().orm, 'UPDATE', 2);

    expectUnavailable(
      await cancel(session.id),
      'The session was cancelled in its workflow, but the database did not save it yet: the workflow ' +
        'marks the session cancelled itself, and sending the request again does so at once',
    );
    await expectRowAsIn(session);
    expect((await workflowStatus(session.id)).state).toBe('cancelled');

    const retry = await cancel(session.id);
    expect(retry.status).toBe(200);
    expect(retry.body).toMatchObject({ state: 'cancelled', revision: 1 });
    await expectRowAsIn(retry.body);
  });
});
