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
        timeZone: null,
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

describe('PATCH /api/me', () => {
  const patch = (token: string, body: unknown) =>
    testApp()
      .http.patch('/api/me')
      .set('Authorization', `Bearer ${token}`)
      .send(body as object);

  it('changes the caller’s own name, language and time zone, and GET /api/me shows them', async () => {
    const token = world.tokens.member!;
    const response = await patch(token, { name: ' Mia M. ', locale: 'nl', timeZone: 'America/New_York' });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ name: 'Mia M.', locale: 'nl', timeZone: 'America/New_York' });
    const me = await testApp().http.get('/api/me').set('Authorization', `Bearer ${token}`);
    expect(me.body.user).toMatchObject({ name: 'Mia M.', locale: 'nl', timeZone: 'America/New_York' });
    // null goes back to each team's own language and zone; an absent name is kept.
    const reset = await patch(token, { locale: null, timeZone: null });
    expect(reset.body).toMatchObject({ name: 'Mia M.', locale: null, timeZone: null });
  });

  it('refuses an unknown zone, an empty name and other fields (422), changing nothing', async () => {
    const token = world.tokens.member!;
    const before = (await testApp().http.get('/api/me').set('Authorization', `Bearer ${token}`)).body.user;
    for (const body of [{ timeZone: 'Europe/Atlantis' }, { name: '  ' }, { email: 'x@example.com' }]) {
      expect((await patch(token, body)).status).toBe(422);
    }
    const after = (await testApp().http.get('/api/me').set('Authorization', `Bearer ${token}`)).body.user;
    expect(after).toEqual(before);
  });

  it('is 401 without a token', async () => {
    expect((await testApp().http.patch('/api/me').send({ name: 'X' })).status).toBe(401);
  });
});
