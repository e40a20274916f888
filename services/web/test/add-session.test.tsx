// "Add session" in the Calendar: the form, what it sends, and the API's errors next to the fields.
import { screen, waitFor, within } from '@testing-library/react';
import { baseRoutes, sessionList, session, status, teamId } from './support/fixtures';
import { problem } from './support/fake-api';
import { renderApp, users } from './support/render-app';

const path = `/teams/${teamId}/status`;
const newId = '20000000-0000-4000-8000-000000000009';

function routes(create: (request: Request, body: unknown) => ReturnType<typeof problem>) {
  let created = false;
  return {
    ...baseRoutes(users.ada, ['administrator']),
    [`GET /api/teams/${teamId}/sessions`]: () => ({
      body: created
        ? {
            sessions: [
              ...sessionList.sessions,
              {
                ...session({ id: newId, date: '2026-12-15', kind: 'steering' }),
                reports: { submitted: 0, outstanding: 8 },
              },
            ],
          }
        : sessionList,
    }),
    [`GET /api/teams/${teamId}/sessions/20000000-0000-4000-8000-000000000001/status`]: status(),
    [`GET /api/teams/${teamId}/sessions/${newId}/status`]: status({
      session: session({ id: newId, date: '2026-12-15', kind: 'steering' }),
    }),
    [`POST /api/teams/${teamId}/sessions`]: (request: Request, body: unknown) => {
      const answer = create(request, body);
      created = answer.status === 201;
      return answer;
    },
  };
}

test('an administrator adds a steering session; it is sent with an Idempotency-Key and then shown', async () => {
  const { user, api } = renderApp({
    path,
    routes: routes(() => ({
      status: 201,
      body: session({ id: newId, date: '2026-12-15', kind: 'steering' }),
    })),
  });
  await user.click(await screen.findByRole('button', { name: 'Add session' }));
  const dialog = await screen.findByRole('dialog', { name: 'Add session' });
  await user.type(within(dialog).getByLabelText(/^Date/), '2026-12-15');
  await user.click(within(dialog).getByRole('radio', { name: /Steering session/ }));
  await user.selectOptions(within(dialog).getByLabelText('Repeat'), 'monthly');
  await user.click(within(dialog).getByRole('checkbox', { name: /Send reminder/ }));
  await user.click(within(dialog).getByRole('button', { name: 'Save' }));

  expect(await screen.findByRole('heading', { name: 'Tuesday, December 15, 2026' })).toBeInTheDocument();
  // The dialog closes (after its 200 ms fade).
  await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
  const post = api.calls.find((call) => call.route.startsWith('POST'));
  expect(post?.body).toEqual({
    date: '2026-12-15',
    kind: 'steering',
    repeat: 'monthly',
    sendInvitation: true,
    sendReminder: false,
  });
  expect(post?.headers.get('idempotency-key')).toMatch(/^[0-9a-f-]{36}$/);
  expect(
    within(screen.getByRole('table', { name: 'Upcoming sessions' })).getByText('0 submitted, 8 outstanding'),
  ).toBeInTheDocument();
});

test('no date: said at the field, nothing sent', async () => {
  const { user, api } = renderApp({ path, routes: routes(() => ({ status: 201 })) });
  await user.click(await screen.findByRole('button', { name: 'Add session' }));
  const dialog = await screen.findByRole('dialog', { name: 'Add session' });
  await user.click(within(dialog).getByRole('button', { name: 'Save' }));
  expect(within(dialog).getByLabelText(/^Date/)).toHaveAccessibleDescription(
    'Choose the date of the session.',
  );
  expect(api.calls.some((call) => call.route.startsWith('POST'))).toBe(false);
});

test('the API’s 422 on the date shows at the date; a retry sends the same Idempotency-Key', async () => {
  const { user, api } = renderApp({
    path,
    routes: routes(() =>
      problem(422, 'Unprocessable Content', [
        { field: 'body.date', message: 'Must not be before today (2026-11-25)' },
      ]),
    ),
  });
  await user.click(await screen.findByRole('button', { name: 'Add session' }));
  const dialog = await screen.findByRole('dialog', { name: 'Add session' });
  const date = within(dialog).getByLabelText(/^Date/);
  await user.type(date, '2026-11-01');
  await user.click(within(dialog).getByRole('button', { name: 'Save' }));
  expect(await within(dialog).findByText('Must not be before today (2026-11-25)')).toBeInTheDocument();
  expect(date).toHaveAccessibleDescription(/Must not be before today/);
  await user.click(within(dialog).getByRole('button', { name: 'Save' }));
  const keys = api.calls
    .filter((call) => call.route.startsWith('POST'))
    .map((call) => call.headers.get('idempotency-key'));
  expect(keys).toHaveLength(2);
  expect(keys[0]).toBe(keys[1]);
});

test('a server failure (503) is shown as a message in the dialog, the form kept', async () => {
  const { user } = renderApp({
    path,
    routes: routes(() => ({
      status: 503,
      body: {
        type: 'about:blank',
        title: 'Service Unavailable',
        status: 503,
        detail: 'Temporal is unavailable; nothing was saved, try again.',
      },
    })),
  });
  await user.click(await screen.findByRole('button', { name: 'Add session' }));
  const dialog = await screen.findByRole('dialog', { name: 'Add session' });
  await user.type(within(dialog).getByLabelText(/^Date/), '2026-12-15');
  await user.click(within(dialog).getByRole('button', { name: 'Save' }));
  expect(await within(dialog).findByRole('alert')).toHaveTextContent(
    'Temporal is unavailable; nothing was saved, try again.',
  );
  expect(within(dialog).getByLabelText(/^Date/)).toHaveValue('2026-12-15');
});
