// The plan and the sessions: deleting items (and what their reports and sessions keep), and a new
// item or a new owner passed on to the scheduled sessions' workflows, or refused as a whole when
// Temporal cannot be told.
import { PlanItem, ProgressReport } from '@rhythm/persistence';
import { UnavailableError } from '../src/errors.js';
import { signalsOf } from './support/session-harness.js';
import { startTestApp, useTestApp, type TestApp } from './support/test-app.js';
import { createWorld, type World } from './support/world.js';

const testApp = useTestApp();
let world: World;
beforeAll(async () => {
  world = await createWorld(testApp());
});
const admin = () => `Bearer ${world.tokens.administrator}`;
const plan = (plural: string) => `/api/teams/${world.team.id}/${plural}`;

describe('deleting', () => {
  it('an action, with its progress reports', async () => {
    const action = await world.create.item('action');
    const em = testApp().orm.em.fork();
    em.create(ProgressReport, {
      item: action.id,
      author: world.users.itemOwner.id,
      session: null,
      progress: 10,
      trafficLight: 'amber',
      explanation: 'Slow',
    });
    await em.flush();
    const response = await testApp()
      .http.delete(`${plan('actions')}/${action.id}`)
      .set('Authorization', admin());
    expect(response.status).toBe(204);
    expect(await testApp().orm.em.fork().count(PlanItem, { id: action.id })).toBe(0);
    expect(await testApp().orm.em.fork().count(ProgressReport, { item: action.id })).toBe(0);
    expect(
      (
        await testApp()
          .http.delete(`${plan('actions')}/${action.id}`)
          .set('Authorization', admin())
      ).status,
    ).toBe(404);
  });

  it('a strategy only when nothing sits under it (409 otherwise)', async () => {
    const strategy = await world.create.item('strategy');
    const kpi = await world.create.item('kpi', undefined, strategy);
    const refused = await testApp()
      .http.delete(`${plan('strategies')}/${strategy.id}`)
      .set('Authorization', admin());
    expect(refused.status).toBe(409);
    expect(refused.body.detail).toBe('This strategy still has KPIs or actions: delete or move them first.');
    expect(
      (
        await testApp()
          .http.delete(`${plan('kpis')}/${kpi.id}`)
          .set('Authorization', admin())
      ).status,
    ).toBe(204);
    expect(
      (
        await testApp()
          .http.delete(`${plan('strategies')}/${strategy.id}`)
          .set('Authorization', admin())
      ).status,
    ).toBe(204);
  });

  it('is 403 for the item’s own owner: owners report, administrators manage the plan', async () => {
    const response = await testApp()
      .http.delete(`${plan('actions')}/${world.items.action.id}`)
      .set('Authorization', `Bearer ${world.tokens.itemOwner}`);
    expect(response.status).toBe(403);
    expect(await testApp().orm.em.fork().count(PlanItem, { id: world.items.action.id })).toBe(1);
  });
});

describe('passing a new item or a new owner on to the scheduled sessions', () => {
  let team: World;
  beforeAll(async () => {
    team = await createWorld(testApp()); // A team of its own: its sessions see only these changes.
  });
  const url = (plural: string) => `/api/teams/${team.team.id}/${plural}`;
  const bearer = () => `Bearer ${team.tokens.administrator}`;
  const planSignals = async (sessionId: string) =>
    (await signalsOf(testApp().temporal, sessionId)).filter((s) => s.name === 'planChanged').length;

  it('tells sessions that involve the type, inside the change, and nothing for a title', async () => {
    const doing = await team.create.session({ kind: 'doing' });
    const steering = await team.create.session({ kind: 'steering' });

    const action = await testApp()
      .http.post(url('actions'))
      .set('Authorization', bearer())
      .send({ title: 'Late action', ownerId: team.users.member.id, strategyId: team.items.strategy.id });
    expect(action.status).toBe(201);
    expect([await planSignals(doing.id), await planSignals(steering.id)]).toEqual([1, 1]);

    const kpi = await testApp()
      .http.post(url('kpis'))
      .set('Authorization', bearer())
      .send({ title: 'Late KPI', strategyId: team.items.strategy.id });
    expect(kpi.status).toBe(201);
    expect([await planSignals(doing.id), await planSignals(steering.id)]).toEqual([1, 2]);

    const renamed = await testApp()
      .http.patch(`${url('actions')}/${action.body.id}`)
      .set('Authorization', bearer())
      .send({ title: 'Renamed' });
    expect(renamed.status).toBe(200);
    expect([await planSignals(doing.id), await planSignals(steering.id)]).toEqual([1, 2]);

    const handedOn = await testApp()
      .http.patch(`${url('actions')}/${action.body.id}`)
      .set('Authorization', bearer())
      .send({ ownerId: team.users.itemOwner.id });
    expect(handedOn.status).toBe(200);
    expect([await planSignals(doing.id), await planSignals(steering.id)]).toEqual([2, 3]);
  });
});

describe('when the sessions cannot be told of a plan change', () => {
  let failing: TestApp;
  let w: World;
  beforeAll(async () => {
    failing = await startTestApp({
      sessions: {
        onPlanChanged: async () => {
          throw new UnavailableError('Temporal did not answer');
        },
      },
    });
    w = await createWorld(failing);
  });
  afterEach(() => failing.assertConformance());
  afterAll(() => failing.close());

  it('keeps nothing and answers 503, so that a retry tells them', async () => {
    const created = await failing.http
      .post(`/api/teams/${w.team.id}/actions`)
      .set('Authorization', `Bearer ${w.tokens.administrator}`)
      .send({ title: 'Not kept', strategyId: w.items.strategy.id });
    expect(created.status).toBe(503);
    expect(created.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(await failing.orm.em.fork().count(PlanItem, { team: w.team.id, title: 'Not kept' })).toBe(0);

    const handedOn = await failing.http
      .patch(`/api/teams/${w.team.id}/actions/${w.items.action.id}`)
      .set('Authorization', `Bearer ${w.tokens.administrator}`)
      .send({ ownerId: w.users.member.id });
    expect(handedOn.status).toBe(503);
    const action = await failing.orm.em.fork().findOneOrFail(PlanItem, { id: w.items.action.id });
    expect(action.owner.id).toBe(w.users.itemOwner.id);
  });
});
