// Signing in where the API signs browsers in itself: an emailed link (asked for on the sign-in page,
// followed on /sign-in/link in the browser that asked), the organisation's provider (a link to the
// API's start, back through /signed-in), and a browser whose refresh cookie still signs it in.
import { screen } from '@testing-library/react';
import { baseRoutes, overview } from './support/fixtures';
import { problem } from './support/fake-api';
import { renderApp, users } from './support/render-app';

const methods = { emailLink: true, oidc: { name: 'Acme account', startUrl: '/api/auth/oidc/start' } };
const signedIn = {
  token: 'access-token',
  tokenType: 'Bearer',
  // Computed from now: a token that has a while to go.
  expiresAt: new Date(Date.now() + 15 * 60_000).toISOString(),
  user: { id: users.mia.id, name: users.mia.name, email: 'mia@example.com', locale: null },
};
const signedInRoutes = { ...baseRoutes(users.mia, ['member']), 'GET /api/me/overview': overview(null) };

test('the sign-in page emails a link, in the page’s language, and says to look for it', async () => {
  const { user, api } = renderApp({
    path: '/sign-in?next=%2Fprofile',
    signedInAs: null,
    routes: {
      'GET /api/auth/methods': methods,
      'POST /api/auth/email-link': { status: 202, body: { expiresAt: signedIn.expiresAt } },
    },
  });
  const provider = await screen.findByRole('link', { name: 'Sign in with Acme account' });
  expect(provider).toHaveAttribute('href', '/api/auth/oidc/start?next=%2Fprofile');
  expect(screen.queryByLabelText('Access token')).not.toBeInTheDocument();
  await user.click(screen.getByRole('button', { name: 'Email me a sign-in link' }));
  expect(screen.getByLabelText('Email address')).toHaveAccessibleDescription('Enter your email address.');
  await user.type(screen.getByLabelText('Email address'), 'mia@example.com');
  await user.click(screen.getByRole('button', { name: 'Email me a sign-in link' }));
  expect(await screen.findByText(/a sign-in link is on its way/)).toBeInTheDocument();
  expect(api.calls.find((call) => call.route === 'POST /api/auth/email-link')?.body).toEqual({
    email: 'mia@example.com',
    locale: 'en',
  });
});

test('following the link signs in and opens My overview', async () => {
  const { api } = renderApp({
    path: '/sign-in/link?token=secret-of-the-link',
    signedInAs: null,
    routes: { ...signedInRoutes, 'POST /api/auth/email-link/verify': signedIn },
  });
  expect(await screen.findByRole('heading', { name: 'My overview', level: 1 })).toBeInTheDocument();
  const verify = api.calls.filter((call) => call.route === 'POST /api/auth/email-link/verify');
  expect(verify.map((call) => call.body)).toEqual([{ token: 'secret-of-the-link' }]);
  const me = api.calls.find((call) => call.route === 'GET /api/me/overview');
  expect(me?.headers.get('authorization')).toBe('Bearer access-token');
});

test('after the emailed link, the page asked for before signing in opens (an invitation’s)', async () => {
  const asking = renderApp({
    path: `/sign-in?next=${encodeURIComponent('/invitations/accept?token=abc')}`,
    signedInAs: null,
    routes: {
      'GET /api/auth/methods': methods,
      'POST /api/auth/email-link': { status: 202, body: { expiresAt: signedIn.expiresAt } },
    },
  });
  await asking.user.type(await screen.findByLabelText('Email address'), 'mia@example.com');
  await asking.user.click(screen.getByRole('button', { name: 'Email me a sign-in link' }));
  await screen.findByText(/a sign-in link is on its way/);
  asking.unmount();
  renderApp({
    path: '/sign-in/link?token=t',
    signedInAs: null,
    routes: { ...signedInRoutes, 'POST /api/auth/email-link/verify': signedIn },
  });
  expect(
    await screen.findByRole('heading', { name: 'Invitation to join a team', level: 1 }),
  ).toBeInTheDocument();
});

test.each([
  [403, 'Open the link in the browser where you asked for it, or ask for a new link here.'],
  [410, 'The link has been used or has expired: each link works once, for a few minutes.'],
])('a link the API refuses with %i says why and offers a new one', async (status, why) => {
  renderApp({
    path: '/sign-in/link?token=t',
    signedInAs: null,
    routes: { 'POST /api/auth/email-link/verify': () => problem(status, 'Refused') },
  });
  expect(await screen.findByText(why)).toBeInTheDocument();
  expect(screen.getByRole('link', { name: 'Ask for a new sign-in link' })).toHaveAttribute(
    'href',
    '/sign-in',
  );
});

test('back from the provider, the refresh cookie gives the token and the app goes on', async () => {
  const { api } = renderApp({
    path: '/signed-in?next=%2F',
    signedInAs: null,
    routes: { ...signedInRoutes, 'POST /api/auth/refresh': signedIn },
  });
  expect(await screen.findByRole('heading', { name: 'My overview', level: 1 })).toBeInTheDocument();
  const refresh = api.calls.find((call) => call.route === 'POST /api/auth/refresh');
  expect(refresh?.headers.get('x-requested-by')).toBe('rhythm-web');
});

test('a provider sign-in that failed is explained on the sign-in page', async () => {
  renderApp({
    path: '/sign-in?error=oidc_unverified_email',
    signedInAs: null,
    routes: { 'GET /api/auth/methods': methods },
  });
  expect(await screen.findByText(/has no verified email address/)).toBeInTheDocument();
});

test('a browser still signed in by its refresh cookie opens the page asked for, not sign-in', async () => {
  renderApp({
    path: '/',
    signedInAs: null,
    routes: { ...signedInRoutes, 'POST /api/auth/refresh': signedIn },
  });
  expect(await screen.findByRole('heading', { name: 'My overview', level: 1 })).toBeInTheDocument();
  expect(screen.queryByRole('heading', { name: 'Sign in' })).not.toBeInTheDocument();
});

test('signing out ends the sign-in at the API too', async () => {
  const { user, api } = renderApp({
    signedInAs: users.mia,
    routes: { ...signedInRoutes, 'POST /api/auth/sign-out': { status: 204 } },
  });
  await user.click(await screen.findByRole('button', { name: 'Sign out' }));
  expect(await screen.findByRole('heading', { name: 'Sign in', level: 1 })).toBeInTheDocument();
  expect(api.calls.some((call) => call.route === 'POST /api/auth/sign-out')).toBe(true);
});
