// Sign-in with an emailed link and the browser's sign-in after it, over HTTP on PostgreSQL and the
// Temporal dev server: asking answers the same for any address and starts `sign-in-link-<id>` with
// the link (its secret only there and as a hash in the database); the link signs in once, in the
// browser that asked, within its minutes; the refresh cookie then renews the access token, rotates,
// ends the sign-in when a replaced copy comes back, and stops at sign-out. The email itself is
// tested in services/notifier and its workflow in services/workflows.
import { signInLinkWorkflowId, type SignInLinkWorkflowInput } from '@rhythm/domain';
import { SignInLink, SignInSession, User } from '@rhythm/persistence';
import { secretHash } from '../src/auth/secrets.js';
import { cookieHeader, cookiesOf } from './support/cookies.js';
import { startInputOf } from './support/session-harness.js';
import { useTestApp } from './support/test-app.js';

const testApp = useTestApp({ env: { SIGN_IN_LINK_MINUTES: '10' } });
const fresh = (name: string) => `${name}-${Date.now()}-${Math.random().toString(36).slice(2)}@example.com`;
const FROM_APP = { 'X-Requested-By': 'rhythm-web' };

async function askForLink(email: string, locale?: 'nl') {
  const response = await testApp()
    .http.post('/api/auth/email-link')
    .send({ email, ...(locale ? { locale } : {}) });
  expect(response.status).toBe(202);
  const link = await testApp()
    .orm.em.fork()
    .findOneOrFail(SignInLink, { email: email.toLowerCase() }, { orderBy: { createdAt: 'desc' } });
  const input = (await startInputOf(
    testApp().temporal,
    signInLinkWorkflowId(link.id),
  )) as SignInLinkWorkflowInput;
  return { response, link, email: input.email, browser: cookiesOf(response).rhythm_link_browser!.value };
}

const follow = (token: string, browser?: string) => {
  const request = testApp().http.post('/api/auth/email-link/verify').send({ token });
  return browser ? request.set('Cookie', cookieHeader({ rhythm_link_browser: browser })) : request;
};
const refresh = (cookie: string) =>
  testApp()
    .http.post('/api/auth/refresh')
    .set(FROM_APP)
    .set('Cookie', cookieHeader({ rhythm_refresh: cookie }));
const me = (token: string) => testApp().http.get('/api/me').set('Authorization', `Bearer ${token}`);

describe('asking for a sign-in link', () => {
  it('answers the same for a known and an unknown address, emails each a link, and makes nobody', async () => {
    const known = fresh('known');
    await testApp().orm.em.fork().insert(User, {
      id: crypto.randomUUID(),
      name: 'Kim',
      email: known,
      locale: 'nl',
      createdAt: new Date(),
      updatedAt: new Date(),
    });
    const unknown = fresh('unknown');
    const a = await askForLink(known);
    const b = await askForLink(unknown);
    expect(Object.keys(a.response.body)).toEqual(['expiresAt']);
    expect(Object.keys(b.response.body)).toEqual(['expiresAt']);
    expect(Math.abs(Date.parse(b.response.body.expiresAt) - (Date.now() + 10 * 60_000))).toBeLessThan(30_000);
    expect(a.email).toMatchObject({
      to: known,
      locale: 'nl',
      idempotencyKey: `rhythm/sign-in-link/${a.link.id}`,
    });
    expect(b.email).toMatchObject({ to: unknown, locale: 'en' });
    expect(await testApp().orm.em.fork().count(User, { email: unknown })).toBe(0);
    // Only hashes are kept: of the link's secret and of the browser's cookie.
    expect(b.link.tokenHash).toBe(secretHash(b.email.token));
    expect(b.link.browserHash).toBe(secretHash(b.browser));
    const cookie = cookiesOf(b.response).rhythm_link_browser!;
    expect(cookie.attributes).toEqual(
      expect.arrayContaining(['HttpOnly', 'SameSite=Strict', 'Path=/api/auth/email-link']),
    );
    testApp().assertConformance();
  });
});

describe('following the link', () => {
  it('signs a new person in once, in the browser that asked, and makes their account', async () => {
    const address = fresh('newcomer');
    const { email, browser } = await askForLink(address);
    const elsewhere = await follow(email.token, 'another-browser');
    expect(elsewhere.status).toBe(403);
    expect(elsewhere.body.detail).toMatch(/browser where you asked/);
    expect((await follow(email.token)).status).toBe(403);

    const signedIn = await follow(email.token, browser);
    expect(signedIn.status).toBe(200);
    expect(signedIn.body).toMatchObject({
      tokenType: 'Bearer',
      user: { email: address, name: address.split('@')[0] },
    });
    expect(Date.parse(signedIn.body.expiresAt) - Date.now()).toBeLessThanOrEqual(15 * 60_000 + 1000);
    expect((await me(signedIn.body.token)).body).toMatchObject({ user: { email: address }, teams: [] });
    const refreshCookie = cookiesOf(signedIn).rhythm_refresh!;
    expect(refreshCookie.attributes).toEqual(
      expect.arrayContaining(['HttpOnly', 'SameSite=Strict', 'Path=/api/auth']),
    );

    const again = await follow(email.token, browser);
    expect(again.status).toBe(410);
    expect(again.headers['content-type']).toMatch(/application\/problem\+json/);
    testApp().assertConformance();
  });

  it('refuses an expired link and an unknown one with 410', async () => {
    const { link, email, browser } = await askForLink(fresh('late'));
    await testApp()
      .orm.em.fork()
      .nativeUpdate(SignInLink, { id: link.id }, { expiresAt: new Date(Date.now() - 1000) });
    expect((await follow(email.token, browser)).status).toBe(410);
    expect((await follow('not-a-link', browser)).status).toBe(410);
  });

  it('signs in an existing person as themselves', async () => {
    const address = fresh('existing');
    const id = crypto.randomUUID();
    await testApp().orm.em.fork().insert(User, {
      id,
      name: 'Eve',
      email: address,
      locale: null,
      createdAt: new Date(),
      updatedAt: new Date(),
    });
    const { email, browser } = await askForLink(address.toUpperCase());
    const signedIn = await follow(email.token, browser);
    expect(signedIn.body.user).toMatchObject({ id, name: 'Eve' });
  });
});

describe('the browser’s sign-in', () => {
  async function signedIn() {
    const { email, browser } = await askForLink(fresh('browser'));
    const response = await follow(email.token, browser);
    return { token: response.body.token as string, cookie: cookiesOf(response).rhythm_refresh!.value };
  }

  it('renews the access token with the refresh cookie, which rotates', async () => {
    const first = await signedIn();
    const renewed = await refresh(first.cookie);
    expect(renewed.status).toBe(200);
    expect((await me(renewed.body.token)).status).toBe(200);
    const next = cookiesOf(renewed).rhythm_refresh!.value;
    expect(next).not.toBe(first.cookie);
    expect((await refresh(next)).status).toBe(200);
    // Without the app's header (a cross-site form could not set it): refused before the cookie is read.
    const forged = await testApp()
      .http.post('/api/auth/refresh')
      .set('Cookie', cookieHeader({ rhythm_refresh: next }));
    expect(forged.status).toBe(422);
    testApp().assertConformance();
  });

  it('ends the sign-in when a replaced refresh token comes back later (a copy)', async () => {
    const { cookie } = await signedIn();
    const renewed = cookiesOf(await refresh(cookie)).rhythm_refresh!.value;
    // At once, it is taken for a second tab that lost the race: refused, nothing ended.
    expect((await refresh(cookie)).status).toBe(401);
    await testApp()
      .orm.em.fork()
      .nativeUpdate(
        SignInSession,
        { tokenHash: secretHash(renewed) },
        { updatedAt: new Date(Date.now() - 60_000) },
      );
    expect((await refresh(cookie)).status).toBe(401);
    // The copy's replay ended the sign-in for its rightful holder too.
    expect((await refresh(renewed)).status).toBe(401);
  });

  it('stops at sign-out', async () => {
    const { cookie } = await signedIn();
    const out = await testApp()
      .http.post('/api/auth/sign-out')
      .set(FROM_APP)
      .set('Cookie', cookieHeader({ rhythm_refresh: cookie }));
    expect(out.status).toBe(204);
    expect(cookiesOf(out).rhythm_refresh!.value).toBe('');
    const after = await refresh(cookie);
    expect(after.status).toBe(401);
    expect(after.headers['content-type']).toMatch(/application\/problem\+json/);
  });

  it('lists the ways to sign in', async () => {
    const methods = await testApp().http.get('/api/auth/methods');
    expect(methods.body).toEqual({ emailLink: true, oidc: null });
  });
});
