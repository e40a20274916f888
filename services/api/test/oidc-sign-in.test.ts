// Sign-in with the organisation's OpenID Connect provider, against a real provider started here
// (node-oidc-provider, support/oidc-provider.ts), the browser's redirects followed by hand with its
// cookies: the API's start redirects to the provider with PKCE, the provider signs the person in and
// sends the browser back, and the callback links the provider's subject to the Rhythm user with the
// verified email (made on a first sign-in), sets the refresh cookie and goes on to the web app.
import { Identity, User } from '@rhythm/persistence';
import { cookieHeader, cookiesOf } from './support/cookies.js';
import { startOidcProvider, type Person, type TestProvider } from '@rhythm/testing';
import { useTestApp } from './support/test-app.js';

const PUBLIC_URL = 'http://rhythm.test';
let provider: TestProvider;
beforeAll(async () => {
  provider = await startOidcProvider(`${PUBLIC_URL}/api/auth/oidc/callback`);
});
afterAll(() => provider?.close());

const testApp = useTestApp({
  env: () => ({
    PUBLIC_URL,
    OIDC_ISSUER: provider.issuer,
    OIDC_CLIENT_ID: provider.clientId,
    OIDC_CLIENT_SECRET: provider.clientSecret,
    OIDC_NAME: 'Acme account',
  }),
});
const fresh = (name: string) => `${name}-${Date.now()}-${Math.random().toString(36).slice(2)}@example.com`;
const person = (over: Partial<Person> = {}): Person => ({
  sub: `acme-${Math.random().toString(36).slice(2)}`,
  email: fresh('person'),
  email_verified: true,
  name: 'Pat Person',
  ...over,
});

/** The browser: start at the API, through the provider's redirects, back to the callback. */
async function signInWithProvider(next = '/teams') {
  const start = await testApp().http.get(`/api/auth/oidc/start?next=${encodeURIComponent(next)}`);
  expect(start.status).toBe(303);
  const oidcCookie = cookiesOf(start).rhythm_oidc!;
  expect(oidcCookie.attributes).toEqual(
    expect.arrayContaining(['HttpOnly', 'SameSite=Lax', 'Path=/api/auth/oidc']),
  );
  const asked = new URL(start.headers.location!);
  expect(asked.searchParams.get('code_challenge_method')).toBe('S256');
  const jar = new Map<string, string>();
  let location = asked.toString();
  while (location.startsWith(provider.issuer)) {
    const answer = await fetch(location, {
      redirect: 'manual',
      headers: { cookie: [...jar].map(([n, v]) => `${n}=${v}`).join('; ') },
    });
    for (const line of answer.headers.getSetCookie()) {
      const [pair] = line.split(';');
      jar.set(pair!.slice(0, pair!.indexOf('=')), pair!.slice(pair!.indexOf('=') + 1));
    }
    location = new URL(answer.headers.get('location')!, location).toString();
  }
  expect(location.startsWith(`${PUBLIC_URL}/api/auth/oidc/callback?`)).toBe(true);
  const callback = new URL(location);
  return testApp()
    .http.get(`${callback.pathname}${callback.search}`)
    .set('Cookie', cookieHeader({ rhythm_oidc: oidcCookie.value }));
}

async function accessToken(back: Awaited<ReturnType<typeof signInWithProvider>>) {
  const refresh = await testApp()
    .http.post('/api/auth/refresh')
    .set('X-Requested-By', 'rhythm-web')
    .set('Cookie', cookieHeader({ rhythm_refresh: cookiesOf(back).rhythm_refresh!.value }));
  expect(refresh.status).toBe(200);
  return refresh.body as { token: string; user: { id: string; email: string; name: string } };
}

it('offers the provider by its name', async () => {
  const methods = await testApp().http.get('/api/auth/methods');
  expect(methods.body).toEqual({
    emailLink: true,
    oidc: { name: 'Acme account', startUrl: '/api/auth/oidc/start' },
  });
});

it('signs a new person in, makes their account and links the provider’s subject to it', async () => {
  const pat = person();
  provider.signInAs(pat);
  const back = await signInWithProvider('/teams');
  expect(back.status).toBe(303);
  expect(back.headers.location).toBe('/signed-in?next=%2Fteams');
  const { user } = await accessToken(back);
  expect(user).toMatchObject({ email: pat.email, name: 'Pat Person' });
  const identity = await testApp().orm.em.fork().findOneOrFail(Identity, { subject: pat.sub });
  expect(identity).toMatchObject({ issuer: provider.issuer, email: pat.email });
  expect(identity.user.id).toBe(user.id);
  testApp().assertConformance();
});

it('finds an existing person by the provider’s verified email, then by the link even when the email changes', async () => {
  const email = fresh('existing');
  const id = crypto.randomUUID();
  await testApp()
    .orm.em.fork()
    .insert(User, { id, name: 'Eve', email, locale: null, createdAt: new Date(), updatedAt: new Date() });
  const eve = person({ email: email.toUpperCase(), name: 'Eve at Acme' });
  provider.signInAs(eve);
  expect((await accessToken(await signInWithProvider())).user).toMatchObject({ id, name: 'Eve' });
  provider.signInAs({ ...eve, email: fresh('renamed') });
  expect((await accessToken(await signInWithProvider())).user.id).toBe(id);
});

it('refuses an unverified email, a callback without its cookie and a forged one', async () => {
  provider.signInAs(person({ email_verified: false }));
  const unverified = await signInWithProvider();
  expect(unverified.headers.location).toBe('/sign-in?error=oidc_unverified_email');
  expect(cookiesOf(unverified).rhythm_refresh).toBeUndefined();

  const bare = await testApp().http.get('/api/auth/oidc/callback?code=abc&state=xyz');
  expect(bare.headers.location).toBe('/sign-in?error=oidc_expired');
  const forged = await testApp()
    .http.get('/api/auth/oidc/callback?code=abc&state=xyz')
    .set('Cookie', cookieHeader({ rhythm_oidc: 'eyJhbGciOiJIUzI1NiJ9.e30.forged' }));
  expect(forged.headers.location).toBe('/sign-in?error=oidc_expired');
});

it('refuses a next that leaves the site', async () => {
  const away = await testApp().http.get(`/api/auth/oidc/start?next=${encodeURIComponent('//evil.example')}`);
  expect(away.status).toBe(422);
});
