// Creating a team, its settings (what a new zone or hour does to scheduled sessions), read-only for
// non-administrators, and the caller's own profile.
import { screen, waitFor, within } from '@testing-library/react';
import { me, team, teamId } from './support/fixtures';
import { renderApp, users } from './support/render-app';
import { teamRoutes } from './support/team-fixtures';

const path = `/teams/${teamId}/settings`;

test('an administrator is told what a new send hour does to scheduled sessions; only changes are sent', async () => {
  const { user, api } = renderApp({
    path,
    routes: {
      ...teamRoutes(users.ada, ['administrator']),
      [`PATCH /api/teams/${teamId}`]: (_request: Request, body: unknown) => ({
        body: { ...team, ...(body as object) },
      }),
    },
  });
  const hour = await screen.findByLabelText(/Send hour/);
  expect(screen.queryByText(/moves the invitations and reminders/)).toBeNull();
  await user.selectOptions(hour, '7');
  expect(
    screen.getByText(/moves the invitations and reminders of every scheduled session/),
  ).toBeInTheDocument();
  await user.click(screen.getByRole('button', { name: 'Save' }));
  await waitFor(() =>
    expect(api.calls.find((call) => call.route.startsWith('PATCH'))?.body).toEqual({ sendHour: 7 }),
  );
});

test('a member sees the settings as text, without a form', async () => {
  renderApp({ path, signedInAs: users.mia, routes: teamRoutes(users.mia, ['member']) });
  expect(await screen.findByText('Only administrators change these settings.')).toBeInTheDocument();
  const facts = screen.getByRole('table');
  expect(within(facts).getByRole('row', { name: /Time zone.*Europe\/Amsterdam/ })).toBeInTheDocument();
  expect(within(facts).getByRole('row', { name: /Send hour.*09:00/ })).toBeInTheDocument();
  expect(screen.queryByRole('button', { name: 'Save' })).toBeNull();
});

test('in Dutch', async () => {
  renderApp({ path, language: 'nl', routes: teamRoutes(users.ada, ['administrator']) });
  expect(await screen.findByRole('heading', { name: 'Teaminstellingen', level: 1 })).toBeInTheDocument();
  expect(await screen.findByLabelText(/Verzenduur/)).toBeInTheDocument();
});

test('creating a team sends its settings and opens its Members page', async () => {
  const created = { ...team, name: 'New team' };
  const { user, api } = renderApp({
    path: '/teams/new',
    routes: {
      ...teamRoutes(users.ada, ['administrator']),
      'POST /api/teams': () => ({ status: 201, body: created }),
    },
  });
  await user.click(await screen.findByRole('button', { name: 'Create team' }));
  expect(screen.getByLabelText(/Team name/)).toHaveAccessibleDescription('Give the team a name.');
  await user.type(screen.getByLabelText(/Team name/), 'New team');
  await user.selectOptions(screen.getByLabelText(/Time zone/), 'Europe/Lisbon');
  await user.click(screen.getByRole('button', { name: 'Create team' }));
  expect(await screen.findByRole('heading', { name: 'Members', level: 1 })).toBeInTheDocument();
  expect(api.calls.find((call) => call.route === 'POST /api/teams')?.body).toEqual({
    name: 'New team',
    timeZone: 'Europe/Lisbon',
    locale: 'en',
    sendHour: 9,
  });
});

test('my profile: name, the emails’ language and my time zone, null for the team’s', async () => {
  const profile = me(users.mia, ['member']);
  const { user, api } = renderApp({
    path: '/profile',
    signedInAs: users.mia,
    routes: {
      ...teamRoutes(users.mia, ['member']),
      'GET /api/me': { ...profile, user: { ...profile.user, locale: 'nl' } },
      'PATCH /api/me': (_request: Request, body: unknown) => ({
        body: { ...profile.user, ...(body as object) },
      }),
    },
  });
  const name = await screen.findByLabelText(/^Name/);
  await user.clear(name);
  await user.type(name, 'Mia M.');
  await user.selectOptions(screen.getByLabelText('Language of your emails'), '');
  await user.selectOptions(screen.getByLabelText('Your time zone'), 'America/New_York');
  await user.click(screen.getByRole('button', { name: 'Save' }));
  await waitFor(() =>
    expect(api.calls.find((call) => call.route === 'PATCH /api/me')?.body).toEqual({
      name: 'Mia M.',
      locale: null,
      timeZone: 'America/New_York',
    }),
  );
});

test('my profile in Dutch', async () => {
  renderApp({ path: '/profile', language: 'nl', routes: teamRoutes(users.ada, ['administrator']) });
  expect(await screen.findByRole('heading', { name: 'Mijn profiel', level: 1 })).toBeInTheDocument();
  expect(await screen.findByLabelText('Jouw tijdzone')).toHaveValue('');
});
