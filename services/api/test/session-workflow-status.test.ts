// GET .../sessions/{sessionId} with a worker answering the workflow's `status` query: a stand-in
// `sessionWorkflow` (workflow-stand-in/session.workflow.ts) on the app's task queue, because the
// API does not import the real one. The real workflow's query is tested in services/workflows and
// tests/integration; the fallback without a worker in sessions.routes.test.ts.
import { useTestApp } from './support/test-app.js';
import { useWorkflowStandIn } from './support/workflow-stand-in-worker.js';
import { createWorld, type World } from './support/world.js';

const testApp = useTestApp({ statusQueryTimeoutMs: 10_000 });
let world: World;
useWorkflowStandIn(testApp);
beforeAll(async () => {
  world = await createWorld(testApp());
});
const as = (actor: keyof World['users']) => `Bearer ${world.tokens[actor]}`;
const sessionPath = (id: string) => `/api/teams/${world.team.id}/sessions/${id}`;

describe('GET /api/teams/{teamId}/sessions/{sessionId} with a worker', () => {
  it('carries the workflow’s status, which follows a move made through PATCH', async () => {
    const session = await world.create.session({ daysAhead: 15, kind: 'steering' });
    const first = await testApp().http.get(sessionPath(session.id)).set('Authorization', as('member'));
    expect(first.status).toBe(200);
    expect(first.body.workflow).toEqual({
      available: true,
      status: {
        sessionDate: session.date,
        kind: 'steering',
        state: 'scheduled',
        next: null,
        sent: [],
        skipped: [],
        changes: [],
      },
    });

    const moved = (
      await testApp()
        .http.patch(sessionPath(session.id))
        .set('Authorization', as('processOwner'))
        .send({ date: '2099-01-15' })
    ).body;
    const second = await testApp().http.get(sessionPath(session.id)).set('Authorization', as('member'));
    expect(second.body.session).toEqual(moved);
    expect(second.body.workflow.status).toMatchObject({
      sessionDate: '2099-01-15',
      changes: [{ what: `moved from ${session.date} to 2099-01-15` }],
    });
  });

  it('shows the cancellation in both the row and the (closed) workflow, which still answers', async () => {
    const session = await world.create.session();
    await testApp().http.delete(sessionPath(session.id)).set('Authorization', as('administrator'));
    const response = await testApp().http.get(sessionPath(session.id)).set('Authorization', as('member'));
    expect(response.body.session.state).toBe('cancelled');
    expect(response.body.workflow).toMatchObject({ available: true, status: { state: 'cancelled' } });
  });
});
