// POST .../sessions when a part fails half-way, over HTTP: Temporal refusing the start, and the
// database failing at COMMIT, each answer 503 problem+json and leave no session row (and no
// running workflow). The other outcomes are tested on the service itself (sessions/*.test.ts);
// PATCH and DELETE with a failing COMMIT in session-change-consistency.test.ts.
import { addDays, todayIn } from '@rhythm/domain';
import { Session } from '@rhythm/persistence';
import { requireEnv } from '@rhythm/testing';
import { Client, Connection } from '@temporalio/client';
import { clearCommitFaults, failNextCommits, installCommitFaults } from './support/commit-faults.js';
import { faultyClient } from './support/faulty-client.js';
import { workflowState } from './support/session-harness.js';
import { useTestApp } from './support/test-app.js';
import { createWorld, type World } from './support/world.js';

const temporal = faultyClient(
  new Client({ connection: Connection.lazy({ address: requireEnv('TEMPORAL_ADDRESS') }) }),
);
const testApp = useTestApp({ temporal: temporal.client });
let world: World;
beforeAll(async () => {
  world = await createWorld(testApp());
  await installCommitFaults(testApp().orm);
});
afterEach(async () => {
  temporal.faults.start = undefined;
  await clearCommitFaults(testApp().orm);
});
const create = () =>
  testApp()
    .http.post(`/api/teams/${world.team.id}/sessions`)
    .set('Authorization', `Bearer ${world.tokens.administrator}`)
    .send({ date: addDays(todayIn('Europe/Amsterdam', new Date()), 12), kind: 'doing' });
const rows = () => testApp().orm.em.fork().count(Session, { team: world.team.id });

describe('POST /api/teams/{teamId}/sessions is never half-written', () => {
  it('answers 503 and leaves no row when Temporal refuses the start', async () => {
    temporal.faults.start = 'refused';
    const response = await create();
    expect(response.status).toBe(503);
    expect(response.type).toBe('application/problem+json');
    expect(response.body.detail).toMatch(/^The session was not created: Temporal did not answer/);
    expect(await rows()).toBe(0);
  });

  it('answers 503 and leaves no row, and terminates the workflow, when the start landed but its reply was lost', async () => {
    temporal.faults.start = 'lost-reply';
    const before = temporal.started.length;
    const response = await create();
    expect(response.status).toBe(503);
    expect(await rows()).toBe(0);
    const sessionId = temporal.started.slice(before)[0]!.slice('session-'.length);
    expect(await workflowState(testApp().temporal, sessionId)).toBe('TERMINATED');
  });

  it('answers 503 without the database’s words, leaves no row and starts nothing when the COMMIT fails', async () => {
    const before = temporal.started.length;
    await failNextCommits(testApp().orm, 'INSERT');
    const response = await create();
    expect(response.status).toBe(503);
    expect(response.type).toBe('application/problem+json');
    expect(response.body.detail).toBe(
      'The session was not created: the database did not save it, and no workflow was started',
    );
    expect(await rows()).toBe(0);
    expect(temporal.started.length).toBe(before);
  });

  it('works again once the fault is gone', async () => {
    expect((await create()).status).toBe(201);
    expect(await rows()).toBe(1);
  });
});
