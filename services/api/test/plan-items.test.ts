// The plan: strategies, KPIs and actions. Members read; administrators create and change (title,
// owner, strategy); owners are team members and KPIs and actions sit under a strategy of the same team.
import { PlanItem } from '@rhythm/persistence';
import { useTestApp } from './support/test-app.js';
import { createWorld, type World } from './support/world.js';

const testApp = useTestApp();
let world: World;
beforeAll(async () => {
  world = await createWorld(testApp());
});
const admin = () => `Bearer ${world.tokens.administrator}`;
const plan = (plural: string) => `/api/teams/${world.team.id}/${plural}`;

describe('listing', () => {
  it('shows members each kind with its owner, KPIs and actions with their strategy', async () => {
    const token = `Bearer ${world.tokens.member}`;
    const [strategies, kpis, actions] = await Promise.all(
      ['strategies', 'kpis', 'actions'].map((kind) =>
        testApp().http.get(plan(kind)).set('Authorization', token),
      ),
    );
    expect(strategies!.body.strategies).toContainEqual(
      expect.objectContaining({
        id: world.items.strategy.id,
        type: 'strategy',
        title: 'Grow',
        owner: { id: world.users.itemOwner.id, name: 'Noah' },
      }),
    );
    expect(strategies!.body.strategies[0]).not.toHaveProperty('strategyId');
    expect(kpis!.body.kpis).toEqual([
      expect.objectContaining({ id: world.items.kpi.id, type: 'kpi', strategyId: world.items.strategy.id }),
    ]);
    expect(actions!.body.actions.map((action: { id: string }) => action.id)).toContain(world.items.action.id);
  });

  it('filters KPIs and actions by strategy', async () => {
    const other = await world.create.item('strategy');
    const under = await world.create.item('action', world.users.member, other);
    const response = await testApp()
      .http.get(`${plan('actions')}?strategyId=${other.id}`)
      .set('Authorization', admin());
    expect(response.body.actions.map((action: { id: string }) => action.id)).toEqual([under.id]);
  });

  it('is 422 for a malformed strategy filter', async () => {
    const response = await testApp()
      .http.get(`${plan('kpis')}?strategyId=nope`)
      .set('Authorization', admin());
    expect(response.status).toBe(422);
    expect(response.body.errors).toEqual([{ field: 'query.strategyId', message: 'Invalid UUID' }]);
  });
});

describe('creating', () => {
  it('a strategy owned by the caller when no owner is named', async () => {
    const response = await testApp()
      .http.post(plan('strategies'))
      .set('Authorization', admin())
      .send({ title: 'Delight customers' });
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({
      type: 'strategy',
      title: 'Delight customers',
      owner: { id: world.users.administrator.id, name: 'Ada' },
    });
  });

  it('a KPI under a strategy, owned by the member named', async () => {
    const response = await testApp()
      .http.post(plan('kpis'))
      .set('Authorization', admin())
      .send({ title: 'NPS', strategyId: world.items.strategy.id, ownerId: world.users.member.id });
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({
      type: 'kpi',
      title: 'NPS',
      strategyId: world.items.strategy.id,
      owner: { id: world.users.member.id },
    });
    const stored = await testApp().orm.em.fork().findOneOrFail(PlanItem, { id: response.body.id });
    expect(stored.team.id).toBe(world.team.id);
  });

  it('an action needs its strategy (422 naming it)', async () => {
    const response = await testApp()
      .http.post(plan('actions'))
      .set('Authorization', admin())
      .send({ title: 'Orphan' });
    expect(response.status).toBe(422);
    expect(response.body.errors).toEqual([
      { field: 'body.strategyId', message: 'Invalid input: expected string, received undefined' },
    ]);
  });

  it('refuses a strategy of another team, or a KPI as the strategy (422)', async () => {
    const theirs = await testApp()
      .http.post(plan('actions'))
      .set('Authorization', admin())
      .send({ title: 'X', strategyId: world.otherTeam.id });
    const kpi = await testApp()
      .http.post(plan('actions'))
      .set('Authorization', admin())
      .send({ title: 'X', strategyId: world.items.kpi.id });
    for (const response of [theirs, kpi]) {
      expect(response.status).toBe(422);
      expect(response.body.errors).toEqual([
        { field: 'body.strategyId', message: 'No strategy with this id in this team' },
      ]);
    }
  });

  it('refuses an owner who is not in the team (422)', async () => {
    const response = await testApp()
      .http.post(plan('strategies'))
      .set('Authorization', admin())
      .send({ title: 'X', ownerId: world.users.outsider.id });
    expect(response.status).toBe(422);
    expect(response.body.errors).toEqual([{ field: 'body.ownerId', message: 'Not a member of this team' }]);
  });

  it('does not let the body choose the team, type or id', async () => {
    const response = await testApp()
      .http.post(plan('strategies'))
      .set('Authorization', admin())
      .send({ title: 'X', teamId: world.otherTeam.id, type: 'kpi', id: world.items.kpi.id });
    expect(response.status).toBe(422);
    expect(response.body.errors.map((error: { field: string }) => error.field)).toEqual([
      'body.teamId',
      'body.type',
      'body.id',
    ]);
  });

  it('a strategy has no strategyId to give', async () => {
    const response = await testApp()
      .http.post(plan('strategies'))
      .set('Authorization', admin())
      .send({ title: 'X', strategyId: world.items.strategy.id });
    expect(response.status).toBe(422);
    expect(response.body.errors).toEqual([{ field: 'body.strategyId', message: 'Unknown property' }]);
  });
});

describe('changing', () => {
  it('the title and the owner of an action', async () => {
    const action = await world.create.item('action');
    const response = await testApp()
      .http.patch(`${plan('actions')}/${action.id}`)
      .set('Authorization', admin())
      .send({ title: 'Renamed', ownerId: world.users.processOwner.id });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      id: action.id,
      title: 'Renamed',
      owner: { id: world.users.processOwner.id, name: 'Pim' },
    });
    const stored = await testApp().orm.em.fork().findOneOrFail(PlanItem, { id: action.id });
    expect(stored.owner.id).toBe(world.users.processOwner.id);
  });

  it('moves a KPI to another strategy', async () => {
    const kpi = await world.create.item('kpi');
    const target = await world.create.item('strategy');
    const response = await testApp()
      .http.patch(`${plan('kpis')}/${kpi.id}`)
      .set('Authorization', admin())
      .send({ strategyId: target.id });
    expect(response.status).toBe(200);
    expect(response.body.strategyId).toBe(target.id);
  });

  it('refuses an owner from another team, and keeps the old one', async () => {
    const action = await world.create.item('action');
    const response = await testApp()
      .http.patch(`${plan('actions')}/${action.id}`)
      .set('Authorization', admin())
      .send({ ownerId: world.users.outsider.id });
    expect(response.status).toBe(422);
    expect(response.body.errors).toEqual([{ field: 'body.ownerId', message: 'Not a member of this team' }]);
    expect((await testApp().orm.em.fork().findOneOrFail(PlanItem, { id: action.id })).owner.id).toBe(
      world.users.itemOwner.id,
    );
  });

  it('is 404 for an item of another kind under this path, or of no item', async () => {
    const asStrategy = await testApp()
      .http.patch(`${plan('strategies')}/${world.items.kpi.id}`)
      .set('Authorization', admin())
      .send({ title: 'X' });
    const missing = await testApp()
      .http.patch(`${plan('actions')}/01966f2e-8a3b-7cc4-9a57-3a1d2f4e5b6c`)
      .set('Authorization', admin())
      .send({ title: 'X' });
    expect(asStrategy.status).toBe(404);
    expect(missing.status).toBe(404);
  });

  it('is 404 for an item of another team, even by id', async () => {
    const theirs = testApp().orm.em.fork();
    const foreign = theirs.create(PlanItem, {
      team: world.otherTeam.id,
      type: 'strategy',
      title: 'Theirs',
      owner: world.users.outsider.id,
      strategy: null,
    });
    await theirs.flush();
    const response = await testApp()
      .http.patch(`${plan('strategies')}/${foreign.id}`)
      .set('Authorization', admin())
      .send({ title: 'Mine now' });
    expect(response.status).toBe(404);
    expect((await testApp().orm.em.fork().findOneOrFail(PlanItem, { id: foreign.id })).title).toBe('Theirs');
  });

  it('refuses an empty title (422)', async () => {
    const response = await testApp()
      .http.patch(`${plan('strategies')}/${world.items.strategy.id}`)
      .set('Authorization', admin())
      .send({ title: '   ' });
    expect(response.status).toBe(422);
    expect(response.body.errors).toEqual([{ field: 'body.title', message: 'Must not be empty' }]);
  });
});
