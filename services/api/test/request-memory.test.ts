// What a request leaves behind once answered: nothing in the ORM's global EntityManager. Each
// request works on a fork of its own (mount-routes.ts), dropped with the request; were one shared,
// its identity map would keep every entity any request loaded, and the API would grow with its
// traffic. (The growth bench/soak measured came from elsewhere: Intl objects built by every zone
// check, fixed in libs/domain; this guards the usual suspect.)
import { jest } from '@jest/globals';
import { useTestApp } from './support/test-app.js';
import { createWorld, type World } from './support/world.js';

const testApp = useTestApp();
let world: World;
beforeAll(async () => {
  world = await createWorld(testApp());
});

const get = (path: string) =>
  testApp().http.get(path).set('Authorization', `Bearer ${world.tokens.administrator}`);

it('leaves no entity in the global EntityManager, reads and writes alike', async () => {
  const team = `/api/teams/${world.team.id}`;
  for (const path of ['/api/me', '/api/me/overview', team, `${team}/sessions`, `${team}/members`])
    expect((await get(path)).status).toBe(200);
  const renamed = await testApp()
    .http.patch(team)
    .set('Authorization', `Bearer ${world.tokens.administrator}`)
    .send({ name: 'Renamed' });
  expect(renamed.status).toBe(200);
  // `false`: the global instance's own unit of work (MikroORM refuses the global one's context
  // outside a request, which is a guard of its own).
  expect(testApp().orm.em.getUnitOfWork(false).getIdentityMap().values()).toEqual([]);
});

it('gives every request an EntityManager fork of its own', async () => {
  const fork = jest.spyOn(testApp().orm.em, 'fork');
  try {
    for (let i = 0; i < 3; i++) expect((await get('/api/me')).status).toBe(200);
    const forks = fork.mock.results.map((result) => result.value);
    expect(forks.length).toBeGreaterThanOrEqual(3);
    expect(new Set(forks).size).toBe(forks.length);
  } finally {
    fork.mockRestore();
  }
});
