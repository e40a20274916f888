// GET /api/me: who the token says the caller is, and the teams they can open.
import { useTestApp } from './support/test-app.js';
import { createWorld, type World } from './support/world.js';

const testApp = useTestApp();
let world: World;
beforeAll(async () => {
  world = await createWorld(testApp());
});

describe('GET /api/me', () => {
  it('returns the caller and only their own teams with their roles there', async () => {
    const response = await testApp()
      .http.get('/api/me')
      .set('Authorization', `Bearer ${world.tokens.processOwner}`);
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      user: {
        id: world.users.processOwner.id,
        name: 'Pim',
        email: world.users.processOwner.email,
        locale: null,
      },
      teams: [{ id: world.team.id, name: world.team.name, roles: ['process_owner'], emailsPaused: false }],
    });
  });

  it('shows a user of another team only that team', async () => {
    const response = await testApp()
      .http.get('/api/me')
      .set('Authorization', `Bearer ${world.tokens.outsider}`);
    expect(response.body.teams).toEqual([
      {
        id: world.otherTeam.id,
        name: world.otherTeam.name,
        roles: ['administrator', 'process_owner'],
        emailsPaused: false,
      },
    ]);
  });

  it('is 401 with a WWW-Authenticate challenge without a token', async () => {
    const response = await testApp().http.get('/api/me');
    expect(response.status).toBe(401);
    expect(response.headers['www-authenticate']).toBe('Bearer');
    expect(response.body.detail).toBe('Sign in: send Authorization: Bearer <token>.');
  });
});
