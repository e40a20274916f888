// Abuse limits (OWASP API4) and hardening, over HTTP: security headers on every response, free
// text without control characters, no dates before year 1, tokens that must expire, a write limit
// per user and a sign-in limit per client and address (429 problem+json with Retry-After), and caps
// on teams per person and scheduled sessions per team (409).
import { addDays, todayIn } from '@rhythm/domain';
import { SignJWT } from 'jose';
import { DEV_JWT_SECRET } from '../src/config.js';
import { startTestApp, useTestApp, type TestApp } from './support/test-app.js';
import { createWorld, type World } from './support/world.js';

const testApp = useTestApp();
let world: World;
beforeAll(async () => {
  world = await createWorld(testApp());
});
const as = (actor: keyof World['users']) => `Bearer ${world.tokens[actor]}`;
const ahead = (days: number) => addDays(todayIn('Europe/Amsterdam', new Date()), days);

/** A second app with the given settings, for the tests of one limit. */
function withSettings(env: Record<string, string>) {
  const state: { app?: TestApp; world?: World } = {};
  beforeAll(async () => {
    state.app = await startTestApp({ env });
    state.world = await createWorld(state.app);
  });
  afterAll(() => state.app?.close());
  return state as { app: TestApp; world: World };
}

describe('security headers', () => {
  it('go with every API answer: no sniffing, no referrer, no caching', async () => {
    const response = await testApp().http.get('/api/me').set('Authorization', as('member'));
    expect(response.headers).toMatchObject({
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'cache-control': 'no-store',
    });
    expect(response.headers['strict-transport-security']).toBeUndefined();
  });

  it('give /docs a content security policy of this origin only', async () => {
    const response = await testApp().http.get('/docs/');
    expect(response.headers['content-security-policy']).toContain("default-src 'self'");
    expect(response.headers['content-security-policy']).toContain("frame-ancestors 'none'");
  });

  it('add HSTS when the request came over TLS (through the trusted proxy)', async () => {
    const response = await testApp().http.get('/healthz').set('X-Forwarded-Proto', 'https');
    expect(response.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
  });
});

describe('free text and dates', () => {
  it.each([
    ['a team name with a NUL', '/api/teams', { name: 'Ops\u0000' }, 'body.name'],
    ['a team name with a line break', '/api/teams', { name: 'Ops\nTeam' }, 'body.name'],
  ])('refuses %s with 422', async (_what, path, body, field) => {
    const response = await testApp().http.post(path).set('Authorization', as('administrator')).send(body);
    expect(response.status).toBe(422);
    expect(response.body.errors).toEqual([{ field, message: 'Must not contain control characters' }]);
  });

  it('refuses a report explanation with a NUL, and keeps its line breaks otherwise', async () => {
    const session = await world.create.session();
    const path = `/api/teams/${world.team.id}/sessions/${session.id}/items/${world.items.action.id}/report`;
    const report = (explanation: string) =>
      testApp()
        .http.put(path)
        .set('Authorization', as('itemOwner'))
        .send({ progress: 10, trafficLight: 'green', explanation });
    const refused = await report('Done\u0000');
    expect(refused.status).toBe(422);
    expect(refused.body.errors).toEqual([
      { field: 'body.explanation', message: 'Must not contain control characters' },
    ]);
    expect((await report('Line one\nLine two')).body).toMatchObject({ explanation: 'Line one\nLine two' });
  });

  it('refuses year 0000 in the calendar’s range and in a new session', async () => {
    const list = await testApp()
      .http.get(`/api/teams/${world.team.id}/sessions?from=0000-01-01`)
      .set('Authorization', as('member'));
    expect(list.status).toBe(422);
    expect(list.body.errors).toEqual([{ field: 'query.from', message: 'Must not be before 0001-01-01' }]);
    const created = await testApp()
      .http.post(`/api/teams/${world.team.id}/sessions`)
      .set('Authorization', as('processOwner'))
      .send({ date: '0000-06-01', kind: 'doing' });
    expect(created.status).toBe(422);
  });
});

describe('tokens', () => {
  it('without an expiry are refused, even when signed with the right key', async () => {
    const token = await new SignJWT({})
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(world.users.member.id)
      .setIssuer('rhythm-api')
      .setAudience('rhythm')
      .setIssuedAt()
      .sign(new TextEncoder().encode(DEV_JWT_SECRET));
    const response = await testApp().http.get('/api/me').set('Authorization', `Bearer ${token}`);
    expect(response.status).toBe(401);
    expect(response.headers['www-authenticate']).toBe('Bearer error="invalid_token"');
  });
});

describe('the write limit per user', () => {
  const limited = withSettings({ RATE_LIMIT_WRITES_PER_MINUTE: '3' });
  const newTeam = (actor: keyof World['users']) =>
    limited.app.http
      .post('/api/teams')
      .set('Authorization', `Bearer ${limited.world.tokens[actor]}`)
      .send({ name: 'Another team' });

  it('answers 429 problem+json with Retry-After past it; reads and other people go on', async () => {
    for (let i = 0; i < 3; i++) expect((await newTeam('member')).status).toBe(201);
    const refused = await newTeam('member');
    expect(refused.status).toBe(429);
    expect(refused.type).toBe('application/problem+json');
    expect(refused.body.detail).toMatch(/^Too many changes from this account: at most 3 a minute/);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(Number(refused.headers['retry-after'])).toBeLessThanOrEqual(60);
    const read = await limited.app.http
      .get('/api/me')
      .set('Authorization', `Bearer ${limited.world.tokens.member}`);
    expect(read.status).toBe(200);
    expect((await newTeam('itemOwner')).status).toBe(201);
    limited.app.assertConformance();
  });
});

describe('caps', () => {
  const capped = withSettings({ MAX_TEAMS_PER_USER: '2', MAX_SCHEDULED_SESSIONS_PER_TEAM: '1' });

  it('refuse a team beyond MAX_TEAMS_PER_USER with 409', async () => {
    const post = () =>
      capped.app.http
        .post('/api/teams')
        .set('Authorization', `Bearer ${capped.world.tokens.member}`)
        .send({ name: 'One more' });
    expect((await post()).status).toBe(201); // The member was in one team: now two.
    const refused = await post();
    expect(refused.status).toBe(409);
    expect(refused.body.detail).toMatch(/^You are in 2 teams, the most this server allows/);
  });

  it('refuse a scheduled session beyond MAX_SCHEDULED_SESSIONS_PER_TEAM with 409', async () => {
    const post = (date: string) =>
      capped.app.http
        .post(`/api/teams/${capped.world.team.id}/sessions`)
        .set('Authorization', `Bearer ${capped.world.tokens.processOwner}`)
        .send({ date, kind: 'doing' });
    expect((await post(ahead(30))).status).toBe(201);
    const refused = await post(ahead(31));
    expect(refused.status).toBe(409);
    expect(refused.body.detail).toMatch(/^The team already has 1 scheduled sessions/);
    capped.app.assertConformance();
  });
});

describe('the sign-in limit', () => {
  const signIn = withSettings({ NODE_ENV: 'development', RATE_LIMIT_SIGN_IN_PER_MINUTE: '2' });
  const token = (email: string, client: string) =>
    signIn.app.http.post('/api/dev/token').set('X-Forwarded-For', client).send({ email });

  it('holds per client address, whatever the email', async () => {
    const [a, b] = [signIn.world.users.member.email!, signIn.world.users.itemOwner.email!];
    expect((await token(a, '203.0.113.1')).status).toBe(200);
    expect((await token(b, '203.0.113.1')).status).toBe(200);
    const refused = await token(a, '203.0.113.1');
    expect(refused.status).toBe(429);
    expect(refused.body.detail).toMatch(/^Too many sign-in attempts/);
  });

  it('holds per email address, whatever the client', async () => {
    const email = signIn.world.users.processOwner.email!;
    expect((await token(email, '203.0.113.11')).status).toBe(200);
    expect((await token(email, '203.0.113.12')).status).toBe(200);
    expect((await token(email, '203.0.113.13')).status).toBe(429);
    signIn.app.assertConformance();
  });
});

describe('the sign-in limit on emailed links', () => {
  const links = withSettings({ RATE_LIMIT_SIGN_IN_PER_MINUTE: '2' });
  const ask = (email: string, client: string) =>
    links.app.http.post('/api/auth/email-link').set('X-Forwarded-For', client).send({ email });

  it('holds per email address and per client, and says when to come back', async () => {
    const email = `limited-${Date.now()}@example.com`;
    expect((await ask(email, '203.0.113.21')).status).toBe(202);
    expect((await ask(email.toUpperCase(), '203.0.113.22')).status).toBe(202);
    const refused = await ask(email, '203.0.113.23');
    expect(refused.status).toBe(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect((await ask(`other-${email}`, '203.0.113.21')).status).toBe(202);
    expect((await ask(`third-${email}`, '203.0.113.21')).status).toBe(429);
    links.app.assertConformance();
  });
});
