// GET /api/me/overview: per team of the caller, the next session, the caller's items it involves
// with their report state, and the web app's links.
import { addDays, todayIn } from '@rhythm/domain';
import { Session } from '@rhythm/persistence';
import type { OverviewView } from '../src/me/overview.schemas.js';
import { useTestApp } from './support/test-app.js';
import { createWorld, type World } from './support/world.js';

const testApp = useTestApp();
let world: World;
beforeAll(async () => {
  world = await createWorld(testApp());
});
const as = (actor: keyof World['users']) => `Bearer ${world.tokens[actor]}`;
const overview = (actor: keyof World['users']) =>
  testApp().http.get('/api/me/overview').set('Authorization', as(actor));
const teamOf = (body: OverviewView) => body.teams.find((team) => team.id === world.team.id);

describe('GET /api/me/overview', () => {
  it('shows each of the caller’s teams, with no next session while none is planned', async () => {
    const response = await overview('itemOwner');
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      teams: [{ id: world.team.id, name: world.team.name, roles: ['member'], nextSession: null }],
    });
    expect((await overview('outsider')).body.teams.map((team: { id: string }) => team.id)).toEqual([
      world.otherTeam.id,
    ]);
  });

  it('shows the first scheduled session from today on, the caller’s involved items and the links', async () => {
    const cancelled = await world.create.session({ daysAhead: 3 });
    await testApp()
      .http.delete(`/api/teams/${world.team.id}/sessions/${cancelled.id}`)
      .set('Authorization', as('administrator'));
    const next = await world.create.session({ daysAhead: 5 });
    await world.create.session({ daysAhead: 8, kind: 'steering' });
    // A session whose day is over but that its workflow has not marked held yet is not next.
    const em = testApp().orm.em.fork();
    em.create(Session, {
      team: world.team.id,
      date: addDays(todayIn('Europe/Amsterdam', new Date()), -1),
      kind: 'doing',
      state: 'scheduled',
    });
    await em.flush();

    const base = `/teams/${world.team.id}/sessions/${next.id}`;
    const action = world.items.action;
    const mine = teamOf((await overview('itemOwner')).body);
    expect(mine?.nextSession).toEqual({
      id: next.id,
      date: next.date,
      kind: 'doing',
      daysToGo: 5,
      items: [
        {
          id: action.id,
          type: 'action',
          title: action.title,
          report: null,
          links: { report: `${base}/items/${action.id}/report` },
        },
      ],
      links: { itemsInvolved: base, progressReports: `${base}/reports` },
    });
    // A member without items sees the session and the links, and nothing to report.
    expect(teamOf((await overview('member')).body)?.nextSession).toMatchObject({
      id: next.id,
      items: [],
      links: { itemsInvolved: base },
    });
  });

  it('shows the report state of the caller’s items once reported', async () => {
    const nextId = teamOf((await overview('itemOwner')).body)?.nextSession?.id;
    const written = await testApp()
      .http.put(`/api/teams/${world.team.id}/sessions/${nextId}/items/${world.items.action.id}/report`)
      .set('Authorization', as('itemOwner'))
      .send({ progress: 40, trafficLight: 'amber', explanation: 'Late supplier' });
    const item = teamOf((await overview('itemOwner')).body)?.nextSession?.items[0];
    expect(item?.report).toEqual({
      id: written.body.id,
      progress: 40,
      trafficLight: 'amber',
      createdAt: written.body.createdAt,
    });
  });

  it('counts today as 0 days to go', async () => {
    const today = await world.create.session({ daysAhead: 0 });
    expect(teamOf((await overview('member')).body)?.nextSession).toMatchObject({ id: today.id, daysToGo: 0 });
  });

  it('is 401 without a token', async () => {
    expect((await testApp().http.get('/api/me/overview')).status).toBe(401);
  });
});
