// The invitation email's link: signed in, one click joins the team; a visitor signs in first and
// comes back; the API's refusals are said in plain words.
import { screen } from '@testing-library/react';
import { team } from './support/fixtures';
import { problem } from './support/fake-api';
import { renderApp, users } from './support/render-app';
import { teamRoutes } from './support/team-fixtures';

const path = '/invitations/accept?token=secret-token';

function accepting(answer: () => unknown) {
  return { ...teamRoutes(users.mia, ['member']), 'POST /api/invitations/accept': answer };
}

test('signed in: accepting joins the team and links to its plan', async () => {
  const { user, api } = renderApp({
    path,
    signedInAs: users.mia,
    routes: accepting(() => ({ body: { team, roles: ['member'] } })),
  });
  expect(await screen.findByText(/You are signed in as mia@example.com/)).toBeInTheDocument();
  await user.click(screen.getByRole('button', { name: 'Accept the invitation' }));
  expect(await screen.findByText('You joined Demo team.')).toBeInTheDocument();
  expect(screen.getByRole('link', { name: 'Go to the team’s plan' })).toHaveAttribute(
    'href',
    `/teams/${team.id}/plan`,
  );
  expect(api.calls.find((call) => call.route === 'POST /api/invitations/accept')?.body).toEqual({
    token: 'secret-token',
  });
});

test.each([
  [403, 'This invitation was sent to another email address.'],
  [410, 'This invitation has expired or was revoked. Ask an administrator of the team to send it again.'],
  [409, 'This invitation has already been used, or you are already a member of this team.'],
  [404, 'This invitation link is not known.'],
])('the API’s %i is said in plain words', async (status, words) => {
  const { user } = renderApp({
    path,
    signedInAs: users.mia,
    routes: accepting(() => problem(status, 'Problem')),
  });
  await user.click(await screen.findByRole('button', { name: 'Accept the invitation' }));
  expect(await screen.findByRole('alert')).toHaveTextContent(words);
});

test('not signed in: the sign-in page, which comes back to the link', async () => {
  renderApp({ path, signedInAs: null, routes: { 'GET /api/dev/users': { users: [] } } });
  expect(await screen.findByRole('heading', { name: 'Sign in', level: 1 })).toBeInTheDocument();
});

test('a link without a token says so', async () => {
  renderApp({ path: '/invitations/accept', signedInAs: users.mia, routes: accepting(() => ({})) });
  expect(await screen.findByRole('alert')).toHaveTextContent('This link holds no invitation.');
  expect(screen.queryByRole('button', { name: 'Accept the invitation' })).toBeNull();
});

test('in Dutch, with a 410', async () => {
  const { user } = renderApp({
    path,
    language: 'nl',
    signedInAs: users.mia,
    routes: accepting(() => problem(410, 'Gone')),
  });
  await user.click(await screen.findByRole('button', { name: 'Uitnodiging accepteren' }));
  expect(await screen.findByRole('alert')).toHaveTextContent('Deze uitnodiging is verlopen of ingetrokken.');
});
