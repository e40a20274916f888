// Members and roles: administrators change roles, remove, invite, send again and revoke; everyone
// else reads the same list; anyone may leave, except the last administrator (the API's 409).
import { screen, waitFor, within } from '@testing-library/react';
import { teamId } from './support/fixtures';
import { problem } from './support/fake-api';
import { renderApp, users } from './support/render-app';
import { invitation, teamRoutes } from './support/team-fixtures';

const path = `/teams/${teamId}/members`;
const team = `/api/teams/${teamId}`;

test('an administrator changes a member’s roles and removes another, after confirming', async () => {
  const { user, api } = renderApp({
    path,
    routes: {
      ...teamRoutes(users.ada, ['administrator']),
      [`PATCH ${team}/members/${users.mia.id}`]: () => ({ status: 200 }),
      [`DELETE ${team}/members/${users.noah.id}`]: () => ({ status: 204 }),
    },
  });
  const mia = await screen.findByRole('row', { name: /Mia Member/ });
  const miaRoles = within(mia).getByRole('group', { name: 'Roles of Mia Member' });
  await user.click(within(miaRoles).getByRole('checkbox', { name: 'Process owner' }));
  await user.click(within(mia).getByRole('button', { name: 'Save roles' }));
  await waitFor(() =>
    expect(api.calls.find((call) => call.route.startsWith('PATCH'))?.body).toEqual({
      roles: ['process_owner', 'member'],
    }),
  );
  // No remove button for oneself: leaving is its own action.
  expect(
    within(screen.getByRole('row', { name: /Ada Admin/ })).queryByRole('button', { name: /Remove/ }),
  ).toBeNull();
  await user.click(screen.getByRole('button', { name: 'Remove Noah Owner from the team' }));
  const dialog = await screen.findByRole('dialog', { name: 'Remove Noah Owner?' });
  expect(api.calls.some((call) => call.route.startsWith('DELETE'))).toBe(false);
  await user.click(within(dialog).getByRole('button', { name: 'Remove' }));
  await waitFor(() =>
    expect(api.calls.some((call) => call.route === `DELETE ${team}/members/${users.noah.id}`)).toBe(true),
  );
});

test('an administrator invites an address with roles, sends a pending invitation again and revokes it', async () => {
  const { user, api } = renderApp({
    path,
    routes: {
      ...teamRoutes(users.ada, ['administrator']),
      [`POST ${team}/invitations`]: (_request: Request, body: unknown) => ({
        status: 201,
        body: { ...invitation, email: (body as { email: string }).email },
      }),
      [`POST ${team}/invitations/${invitation.id}/resend`]: invitation,
      [`DELETE ${team}/invitations/${invitation.id}`]: () => ({ status: 204 }),
    },
  });
  const form = await screen.findByRole('form', { name: 'Invite someone' });
  await user.type(within(form).getByLabelText('Email address'), 'zoe@example.com');
  await user.click(within(form).getByRole('checkbox', { name: 'Administrator' }));
  await user.click(within(form).getByRole('button', { name: 'Send invitation' }));
  expect(await within(form).findByText('Invitation sent to zoe@example.com.')).toBeInTheDocument();
  expect(api.calls.find((call) => call.route === `POST ${team}/invitations`)?.body).toEqual({
    email: 'zoe@example.com',
    roles: ['administrator', 'member'],
  });
  expect(screen.getByText('ivy@example.com')).toBeInTheDocument();
  await user.click(screen.getByRole('button', { name: 'Send the invitation to ivy@example.com again' }));
  await user.click(screen.getByRole('button', { name: 'Revoke the invitation to ivy@example.com' }));
  await waitFor(() =>
    expect(api.calls.map((call) => call.route)).toEqual(
      expect.arrayContaining([
        `POST ${team}/invitations/${invitation.id}/resend`,
        `DELETE ${team}/invitations/${invitation.id}`,
      ]),
    ),
  );
});

test('inviting an address already in the team says so', async () => {
  const { user } = renderApp({
    path,
    routes: {
      ...teamRoutes(users.ada, ['administrator']),
      [`POST ${team}/invitations`]: () => problem(409, 'Conflict'),
    },
  });
  const form = await screen.findByRole('form', { name: 'Invite someone' });
  await user.type(within(form).getByLabelText('Email address'), 'mia@example.com');
  await user.click(within(form).getByRole('button', { name: 'Send invitation' }));
  expect(await within(form).findByRole('alert')).toHaveTextContent(
    'This address is already a member of the team.',
  );
});

test('a member sees the same list read-only: no role controls, no invitations asked for', async () => {
  const { api } = renderApp({ path, signedInAs: users.mia, routes: teamRoutes(users.mia, ['member']) });
  const noah = await screen.findByRole('row', { name: /Noah Owner/ });
  expect(within(noah).getByText('Process owner')).toBeInTheDocument();
  expect(
    screen.getByText('Only administrators invite people, change roles and remove members.'),
  ).toBeInTheDocument();
  expect(screen.queryByRole('checkbox')).toBeNull();
  expect(screen.queryByRole('button', { name: /Remove/ })).toBeNull();
  expect(screen.queryByRole('form', { name: 'Invite someone' })).toBeNull();
  expect(api.calls.some((call) => call.route.includes('/invitations'))).toBe(false);
  expect(screen.getByRole('button', { name: 'Leave this team' })).toBeInTheDocument();
});

test('the last administrator cannot leave: the API’s 409 is said in words', async () => {
  const { user } = renderApp({
    path,
    routes: {
      ...teamRoutes(users.ada, ['administrator']),
      [`DELETE ${team}/members/me`]: () => problem(409, 'Conflict'),
    },
  });
  await user.click(await screen.findByRole('button', { name: 'Leave this team' }));
  const dialog = await screen.findByRole('dialog', { name: 'Leave Demo team?' });
  await user.click(within(dialog).getByRole('button', { name: 'Leave the team' }));
  expect(await within(dialog).findByRole('alert')).toHaveTextContent(
    'The team’s last administrator cannot do this: make someone else administrator first.',
  );
});

test('a member leaves and lands on My overview', async () => {
  const { user } = renderApp({
    path,
    signedInAs: users.mia,
    routes: {
      ...teamRoutes(users.mia, ['member']),
      [`DELETE ${team}/members/me`]: () => ({ status: 204 }),
      'GET /api/me/overview': { teams: [] },
    },
  });
  await user.click(await screen.findByRole('button', { name: 'Leave this team' }));
  await user.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Leave the team' }));
  expect(await screen.findByRole('heading', { name: 'My overview', level: 1 })).toBeInTheDocument();
});

test('in Dutch', async () => {
  renderApp({ path, language: 'nl', routes: teamRoutes(users.ada, ['administrator']) });
  expect(await screen.findByRole('heading', { name: 'Leden', level: 1 })).toBeInTheDocument();
  expect(await screen.findByRole('button', { name: 'Uitnodiging versturen' })).toBeInTheDocument();
  expect(
    await screen.findByRole('button', { name: 'Noah Owner uit het team verwijderen' }),
  ).toBeInTheDocument();
  expect(screen.getByRole('button', { name: 'Dit team verlaten' })).toBeInTheDocument();
});
