// Authentication: bearer JWTs verified with jose — HS256 with the secret locally, a provider's JWKS
// (issuer and audience checked) in production — and development sign-in by email.
import { User } from '@rhythm/persistence';
import { SignJWT, exportJWK, generateKeyPair } from 'jose';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createTokenVerifier } from '../src/auth/tokens.js';
import { DEV_JWT_SECRET } from '../src/config.js';
import { startTestApp, useTestApp, type TestApp } from './support/test-app.js';
import { createWorld, type World } from './support/world.js';

const testApp = useTestApp();
let world: World;
beforeAll(async () => {
  world = await createWorld(testApp());
});

function hs256(
  claims: { sub?: string; iss?: string; aud?: string; exp?: number },
  secret = DEV_JWT_SECRET,
  alg = 'HS256',
) {
  const jwt = new SignJWT({}).setProtectedHeader({ alg }).setIssuedAt();
  if (claims.sub) jwt.setSubject(claims.sub);
  jwt.setIssuer(claims.iss ?? 'rhythm-api').setAudience(claims.aud ?? 'rhythm');
  jwt.setExpirationTime(claims.exp ?? Math.floor(Date.now() / 1000) + 600);
  return jwt.sign(new TextEncoder().encode(secret));
}
const me = (authorization?: string) => {
  const request = testApp().http.get('/api/me');
  return authorization === undefined ? request : request.set('Authorization', authorization);
};

describe('bearer tokens signed with the secret', () => {
  it('a valid token names the user by id', async () => {
    const response = await me(`Bearer ${await hs256({ sub: world.users.member.id })}`);
    expect(response.status).toBe(200);
    expect(response.body.user.id).toBe(world.users.member.id);
  });

  it.each([
    ['signed with another secret', () => hs256({ sub: world.users.member.id }, 'x'.repeat(40))],
    ['expired', () => hs256({ sub: world.users.member.id, exp: Math.floor(Date.now() / 1000) - 60 })],
    ['for another audience', () => hs256({ sub: world.users.member.id, aud: 'someone-else' })],
    ['from another issuer', () => hs256({ sub: world.users.member.id, iss: 'evil' })],
    ['without a subject', () => hs256({})],
    ['for a user that does not exist', () => hs256({ sub: '01966f2e-8a3b-7cc4-9a57-3a1d2f4e5b6c' })],
    ['with a subject that is not a user id', () => hs256({ sub: world.users.member.email! })],
    ['HS512 instead of HS256', () => hs256({ sub: world.users.member.id }, DEV_JWT_SECRET, 'HS512')],
    ['not a JWT at all', async () => 'not.a.jwt'],
  ])('a token %s is 401 invalid_token', async (_case, token) => {
    const response = await me(`Bearer ${await token()}`);
    expect(response.status).toBe(401);
    expect(response.headers['www-authenticate']).toBe('Bearer error="invalid_token"');
    expect(response.type).toBe('application/problem+json');
  });

  it('an expired token says so', async () => {
    const response = await me(
      `Bearer ${await hs256({ sub: world.users.member.id, exp: Math.floor(Date.now() / 1000) - 60 })}`,
    );
    expect(response.body.detail).toBe('The token has expired.');
  });

  it('an Authorization header of another scheme is 401', async () => {
    const response = await me('Basic YWRhOnNlY3JldA==');
    expect(response.status).toBe(401);
    expect(response.body.detail).toBe('The Authorization header must read "Bearer <token>".');
  });
});

describe('POST /api/dev/token', () => {
  it('does not exist outside development', async () => {
    const response = await testApp().http.post('/api/dev/token').send({ email: world.users.member.email });
    expect(response.status).toBe(404);
    expect(testApp().app.openApiDocument.paths?.['/api/dev/token']).toBeUndefined();
  });

  describe('in development', () => {
    let dev: TestApp;
    let devWorld: World;
    beforeAll(async () => {
      dev = await startTestApp({ env: { NODE_ENV: 'development' } });
      devWorld = await createWorld(dev);
    });
    afterEach(() => dev.assertConformance());
    afterAll(() => dev.close());

    it('issues a token for an existing user by email, which then signs them in', async () => {
      const response = await dev.http
        .post('/api/dev/token')
        .send({ email: devWorld.users.processOwner.email!.toUpperCase() });
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({
        tokenType: 'Bearer',
        user: { id: devWorld.users.processOwner.id, name: 'Pim' },
      });
      expect(Date.parse(response.body.expiresAt)).toBeGreaterThan(Date.now() + 11 * 3600_000);
      const signedIn = await dev.http.get('/api/me').set('Authorization', `Bearer ${response.body.token}`);
      expect(signedIn.body.user.id).toBe(devWorld.users.processOwner.id);
    });

    it('is 422 for an email nobody has, and for a malformed one', async () => {
      const unknown = await dev.http.post('/api/dev/token').send({ email: 'nobody@example.com' });
      expect(unknown.status).toBe(422);
      expect(unknown.body.errors).toEqual([{ field: 'body.email', message: 'No user has this email' }]);
      const malformed = await dev.http.post('/api/dev/token').send({ email: 'nobody' });
      expect(malformed.status).toBe(422);
      expect(malformed.body.errors).toEqual([{ field: 'body.email', message: 'Expected an email address' }]);
    });

    it('is in the OpenAPI document there', () => {
      expect(dev.app.openApiDocument.paths?.['/api/dev/token']?.post).toBeDefined();
    });
  });
});

describe('tokens from an identity provider (JWKS)', () => {
  let provider: Server;
  let jwksUrl: string;
  let sign: (claims: { sub: string; iss?: string; aud?: string }) => Promise<string>;
  let withJwks: TestApp;
  let user: User;

  beforeAll(async () => {
    const { publicKey, privateKey } = await generateKeyPair('RS256');
    const jwk = { ...(await exportJWK(publicKey)), kid: 'key-1', alg: 'RS256', use: 'sig' };
    provider = createServer((_req, res) =>
      res.setHeader('content-type', 'application/json').end(JSON.stringify({ keys: [jwk] })),
    );
    await new Promise<void>((resolve) => provider.listen(0, '127.0.0.1', resolve));
    jwksUrl = `http://127.0.0.1:${(provider.address() as AddressInfo).port}/.well-known/jwks.json`;
    sign = (claims) =>
      new SignJWT({})
        .setProtectedHeader({ alg: 'RS256', kid: 'key-1' })
        .setSubject(claims.sub)
        .setIssuer(claims.iss ?? 'https://id.example.com/')
        .setAudience(claims.aud ?? 'rhythm-production')
        .setIssuedAt()
        .setExpirationTime('5m')
        .sign(privateKey);
    withJwks = await startTestApp({
      env: {
        AUTH_JWKS_URL: jwksUrl,
        AUTH_ISSUER: 'https://id.example.com/',
        AUTH_AUDIENCE: 'rhythm-production',
      },
    });
    const em = withJwks.orm.em.fork();
    user = em.create(User, { name: 'Jo', email: 'jo@example.com', locale: null });
    await em.flush();
  });
  afterEach(() => withJwks.assertConformance());
  afterAll(async () => {
    await withJwks.close();
    await new Promise((resolve) => provider.close(resolve));
  });

  it('accepts a token signed with the provider’s key, for our audience and from its issuer', async () => {
    const response = await withJwks.http
      .get('/api/me')
      .set('Authorization', `Bearer ${await sign({ sub: user.id })}`);
    expect(response.status).toBe(200);
    expect(response.body.user.id).toBe(user.id);
  });

  it('refuses its tokens for another audience or from another issuer, and locally signed ones', async () => {
    for (const token of [
      await sign({ sub: user.id, aud: 'other-app' }),
      await sign({ sub: user.id, iss: 'https://evil.example.com/' }),
      await hs256({ sub: user.id }),
    ]) {
      const response = await withJwks.http.get('/api/me').set('Authorization', `Bearer ${token}`);
      expect(response.status).toBe(401);
    }
  });

  it('answers 503, not 401, when the provider’s keys cannot be fetched', async () => {
    const verifier = createTokenVerifier({
      mode: 'jwks',
      jwksUrl: 'http://127.0.0.1:1/jwks.json',
      issuer: 'https://id.example.com/',
      audience: 'rhythm-production',
    });
    const unreachable = await startTestApp({ tokenVerifier: verifier });
    try {
      const response = await unreachable.http
        .get('/api/me')
        .set('Authorization', `Bearer ${await sign({ sub: user.id })}`);
      expect(response.status).toBe(503);
      expect(response.body.detail).toBe(
        'The identity provider’s keys could not be fetched; try again shortly.',
      );
      unreachable.assertConformance();
    } finally {
      await unreachable.close();
    }
  });
});
