// GET /api/dev/users: whom development sign-in can pick, in development with the local secret only.
import { Membership, Team, User } from '@rhythm/persistence';
import { devUsersRoutes } from '../src/auth/dev-users.routes.js';
import { loadApiConfig } from '../src/config.js';
import { useTestApp } from './support/test-app.js';
import { createWorld, type World } from './support/world.js';

const testApp = useTestApp({ env: { NODE_ENV: 'development' } });
let world: World;
let zed: User;
beforeAll(async () => {
  world = await createWorld(testApp());
  const em = testApp().orm.em.fork();
  // Without an email nobody can sign in as them; without a team they still can.
  em.create(User, { name: 'Abe', email: null, locale: null });
  zed = em.create(User, { name: 'Zed', email: 'zed@example.com', locale: null });
  const anotherTeam = em.create(Team, {
    name: `A team ${world.team.name}`,
    timeZone: 'Europe/Amsterdam',
    locale: 'en',
    sendHour: 9,
  });
  em.create(Membership, { team: anotherTeam, user: world.users.administrator.id, roles: ['member'] });
  await em.flush();
});

describe('GET /api/dev/users (NODE_ENV=development)', () => {
  it('lists the users with an email, by name, each with their teams and roles, to anyone', async () => {
    const response = await testApp().http.get('/api/dev/users');
    expect(response.status).toBe(200);
    const { users } = response.body as { users: { name: string; email: string }[] };
    expect(users.map((user) => user.name)).toEqual(['Ada', 'Mia', 'Noah', 'Olga', 'Pim', 'Zed']);
    const { administrator, outsider } = world.users;
    expect(users[0]).toEqual({
      id: administrator.id,
      name: 'Ada',
      email: administrator.email,
      teams: [
        { id: expect.any(String), name: `A team ${world.team.name}`, roles: ['member'] },
        { id: world.team.id, name: world.team.name, roles: ['administrator'] },
      ],
    });
    expect(users[3]).toMatchObject({
      id: outsider.id,
      teams: [{ id: world.otherTeam.id, roles: ['administrator', 'process_owner'] }],
    });
    expect(users[5]).toEqual({ id: zed.id, name: 'Zed', email: 'zed@example.com', teams: [] });
  });

  it('answers the same with a token', async () => {
    const response = await testApp()
      .http.get('/api/dev/users')
      .set('Authorization', `Bearer ${world.tokens.member}`);
    expect(response.status).toBe(200);
    expect(response.body.users).toHaveLength(6);
  });

  it('is documented as DevUsers, public, next to the development sign-in', () => {
    const document = testApp().app.openApiDocument;
    const operation = document.paths?.['/api/dev/users']?.get;
    expect(operation).toMatchObject({ tags: ['development'], security: [] });
    expect(document.components?.schemas).toHaveProperty('DevUsers');
  });
});

describe('where GET /api/dev/users does not exist', () => {
  const base = { DATABASE_URL: 'postgres://u:p@127.0.0.1:5432/rhythm', AUTH_JWT_SECRET: 's'.repeat(32) };
  it.each([
    ['test', { NODE_ENV: 'test' }],
    ['production', { NODE_ENV: 'production' }],
    [
      'development with an identity provider',
      {
        NODE_ENV: 'development',
        AUTH_JWKS_URL: 'https://id.example.com/jwks.json',
        AUTH_ISSUER: 'https://id.example.com/',
        AUTH_AUDIENCE: 'rhythm',
      },
    ],
  ])('%s', (_case, env) => {
    expect(devUsersRoutes(loadApiConfig({ ...base, ...env }))).toEqual([]);
  });
});
