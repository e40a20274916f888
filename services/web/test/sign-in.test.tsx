// Sign-in: in development, pick a seeded person; elsewhere, a token from the identity provider,
// checked against the API before it is kept. Signed-out visitors are sent here and back.
import { screen } from '@testing-library/react';
import { baseRoutes, overview, teamId } from './support/fixtures';
import { problem } from './support/fake-api';
import { sameOriginPath } from '../src/pages/sign-in.page';
import { renderApp, users } from './support/render-app';

const devUsers = {
  users: [
    {
      id: users.ada.id,
      name: users.ada.name,
      email: 'ada@example.com',
      teams: [{ id: teamId, name: 'Demo team', roles: ['administrator'], emailsPaused: false }],
    },
    {
      id: users.mia.id,
      name: users.mia.name,
      email: 'mia@example.com',
      teams: [{ id: teamId, name: 'Demo team', roles: ['member'], emailsPaused: false }],
    },
  ],
};
const signedInRoutes = { ...baseRoutes(users.mia, ['member']), 'GET /api/me/overview': overview(null) };

test('a signed-out visitor is sent to sign-in, picks a person, and lands where they were going', async () => {
  const { user, api } = renderApp({
    path: `/teams/${teamId}/status`,
    signedInAs: null,
    routes: {
      ...signedInRoutes,
      'GET /api/dev/users': devUsers,
      'POST /api/dev/token': (_request: Request, body: unknown) => ({
        body: {
          token: 'dev-token',
          tokenType: 'Bearer',
          expiresAt: '2099-01-01T00:00:00.000Z',
          user: {
            id: users.mia.id,
            name: users.mia.name,
            email: (body as { email: string }).email,
            locale: null,
          },
        },
      }),
      [`GET /api/teams/${teamId}/sessions`]: { sessions: [] },
    },
  });
  expect(await screen.findByRole('heading', { name: 'Sign in', level: 1 })).toBeInTheDocument();
  await user.click(await screen.findByRole('button', { name: 'Sign in as Mia Member' }));
  expect(await screen.findByRole('heading', { name: 'Process status', level: 1 })).toBeInTheDocument();
  expect(api.calls.find((call) => call.route === 'POST /api/dev/token')?.body).toEqual({
    email: 'mia@example.com',
  });
  const meCall = api.calls.find((call) => call.route === 'GET /api/me');
  expect(meCall?.headers.get('authorization')).toBe('Bearer dev-token');
});

test('outside development: a token form; a refused token says so and keeps nobody signed in', async () => {
  const { user } = renderApp({
    signedInAs: null,
    routes: { 'GET /api/me': () => problem(401, 'Unauthorized') },
  });
  const field = await screen.findByLabelText('Access token');
  expect(screen.queryByRole('button', { name: /Sign in as/ })).not.toBeInTheDocument();
  await user.click(screen.getByRole('button', { name: 'Sign in' }));
  expect(field).toHaveAccessibleDescription(/Paste a token\./);
  await user.type(field, 'not-a-valid-token');
  await user.click(screen.getByRole('button', { name: 'Sign in' }));
  expect(await screen.findByText('The server did not accept this token.')).toBeInTheDocument();
  expect(localStorage.getItem('rhythm.session')).toBeNull();
});

test('a valid token signs in and opens My overview', async () => {
  const { user } = renderApp({ signedInAs: null, routes: signedInRoutes });
  await user.type(await screen.findByLabelText('Access token'), 'token-from-the-identity-provider');
  await user.click(screen.getByRole('button', { name: 'Sign in' }));
  expect(await screen.findByRole('heading', { name: 'My overview', level: 1 })).toBeInTheDocument();
  expect(screen.getByText('Mia Member')).toBeInTheDocument();
});

test('signing out forgets the session', async () => {
  const { user } = renderApp({
    signedInAs: users.mia,
    routes: { ...signedInRoutes, 'GET /api/dev/users': devUsers },
  });
  await user.click(await screen.findByRole('button', { name: 'Sign out' }));
  expect(await screen.findByRole('heading', { name: 'Sign in', level: 1 })).toBeInTheDocument();
  expect(localStorage.getItem('rhythm.session')).toBeNull();
});

test('an expired or revoked token (401 on any call) sends the user back to sign-in', async () => {
  renderApp({
    signedInAs: users.mia,
    routes: {
      ...signedInRoutes,
      'GET /api/me/overview': () => problem(401, 'Unauthorized'),
      'GET /api/dev/users': devUsers,
    },
  });
  expect(await screen.findByRole('heading', { name: 'Sign in', level: 1 })).toBeInTheDocument();
});

test('?next= leads only to pages of this app', () => {
  expect(sameOriginPath('/teams/t/status?session=s')).toBe('/teams/t/status?session=s');
  expect(sameOriginPath(null)).toBe('/');
  for (const hostile of [
    '//evil.example/x',
    '/\\evil.example',
    'https://evil.example/',
    'javascript:alert(1)',
  ])
    expect([hostile, sameOriginPath(hostile)]).toEqual([hostile, '/']);
});

test('a token refused by a slow API keeps the form and says why', async () => {
  const { user } = renderApp({
    signedInAs: null,
    routes: {
      'GET /api/me': async () => {
        await new Promise((resolve) => setTimeout(resolve, 50));
        return problem(401, 'Unauthorized');
      },
    },
  });
  const field = await screen.findByLabelText('Access token');
  await user.type(field, 'expired-token');
  await user.click(screen.getByRole('button', { name: 'Sign in' }));
  expect(await screen.findByText('The server did not accept this token.')).toBeInTheDocument();
  expect(screen.getByLabelText('Access token')).toHaveValue('expired-token');
  expect(localStorage.getItem('rhythm.session')).toBeNull();
});

test('a token that expires while the page is open signs the user out', async () => {
  localStorage.setItem(
    'rhythm.session',
    JSON.stringify({ token: 't', expiresAt: new Date(Date.now() + 300).toISOString(), user: null }),
  );
  renderApp({ signedInAs: null, routes: { ...signedInRoutes, 'GET /api/dev/users': devUsers } });
  expect(await screen.findByRole('heading', { name: 'My overview', level: 1 })).toBeInTheDocument();
  expect(
    await screen.findByRole('heading', { name: 'Sign in', level: 1 }, { timeout: 3000 }),
  ).toBeInTheDocument();
});
