// Process status: who may change a session (move it, switch its emails, cancel it), and what a
// change sends and shows; a held session stays as it was.
import { screen, waitFor, within } from '@testing-library/react';
import { sessionId, session, status, teamId } from './support/fixtures';
import { problem } from './support/fake-api';
import { path, routes } from './support/process-status';
import { renderApp } from './support/render-app';

test('an administrator gets Add session and the controls to move, switch and cancel', async () => {
  renderApp({ path, routes: routes(['administrator']) });
  expect(await screen.findByRole('button', { name: 'Add session' })).toBeInTheDocument();
  expect(await screen.findByRole('button', { name: 'Move session' })).toBeInTheDocument();
  expect(screen.getByRole('switch', { name: 'Send invitation' })).toBeChecked();
  expect(screen.getByRole('switch', { name: 'Send reminder' })).toBeChecked();
  expect(screen.getByRole('button', { name: 'Cancel session' })).toBeInTheDocument();
});

test('a member sees the same page without any edit control', async () => {
  renderApp({ path, routes: routes(['member']) });
  expect(await screen.findByRole('heading', { name: 'Friday, December 4, 2026' })).toBeInTheDocument();
  // The roles have arrived (the navigation is built from /api/me), so an absence below means something.
  expect(await screen.findByRole('link', { name: /Process status.*Demo team/ })).toBeInTheDocument();
  expect(screen.getByRole('table', { name: 'Upcoming sessions' })).toBeInTheDocument();
  expect(screen.queryByRole('button', { name: 'Add session' })).not.toBeInTheDocument();
  expect(screen.queryByRole('button', { name: 'Move session' })).not.toBeInTheDocument();
  expect(screen.queryByRole('switch')).not.toBeInTheDocument();
  expect(screen.queryByRole('button', { name: 'Cancel session' })).not.toBeInTheDocument();
});

test('a held session is read-only, even for an administrator', async () => {
  const { user } = renderApp({ path, routes: routes(['administrator']) });
  expect(await screen.findByRole('button', { name: 'Add session' })).toBeInTheDocument();
  await user.click(
    await screen.findByRole('button', { name: 'Show the session of Friday, October 2, 2026' }),
  );
  expect(await screen.findByRole('heading', { name: 'Friday, October 2, 2026' })).toBeInTheDocument();
  expect(screen.getByText('This session has been held and can no longer be changed.')).toBeInTheDocument();
  expect(screen.queryByRole('button', { name: 'Move session' })).not.toBeInTheDocument();
  expect(screen.getByText('Nothing more to send')).toBeInTheDocument();
});

test('moving a session sends the new date and shows the answer', async () => {
  let moved = false;
  const { user, api } = renderApp({
    path,
    routes: {
      ...routes(['administrator']),
      [`PATCH /api/teams/${teamId}/sessions/${sessionId}`]: () => {
        moved = true;
        return { body: session({ date: '2026-12-11', revision: 1 }) };
      },
      [`GET /api/teams/${teamId}/sessions/${sessionId}/status`]: () => ({
        body: moved ? status({ session: session({ date: '2026-12-11' }) }) : status(),
      }),
    },
  });
  const date = await screen.findByLabelText('New date');
  await user.clear(date);
  await user.type(date, '2026-12-11');
  await user.click(screen.getByRole('button', { name: 'Move session' }));
  expect(await screen.findByRole('heading', { name: 'Friday, December 11, 2026' })).toBeInTheDocument();
  expect(api.calls.find((call) => call.route.startsWith('PATCH'))?.body).toEqual({ date: '2026-12-11' });
});

test('a refused move shows the API’s reason next to the date', async () => {
  const { user } = renderApp({
    path,
    routes: {
      ...routes(['administrator']),
      [`PATCH /api/teams/${teamId}/sessions/${sessionId}`]: () =>
        problem(422, 'Unprocessable Content', [
          { field: 'body.date', message: 'Must not be before today (2026-11-25)' },
        ]),
    },
  });
  const date = await screen.findByLabelText('New date');
  await user.clear(date);
  await user.type(date, '2026-11-01');
  await user.click(screen.getByRole('button', { name: 'Move session' }));
  expect(await screen.findByText('Must not be before today (2026-11-25)')).toBeInTheDocument();
  expect(date).toHaveAccessibleDescription(/Must not be before today/);
});

test('switching the reminder off sends only that flag and shows the answer', async () => {
  let reminder = true;
  const { user, api } = renderApp({
    path,
    routes: {
      ...routes(['process_owner']),
      [`PATCH /api/teams/${teamId}/sessions/${sessionId}`]: (_request: Request, body: unknown) => {
        reminder = (body as { sendReminder: boolean }).sendReminder;
        return { body: session({ sendReminder: reminder }) };
      },
      [`GET /api/teams/${teamId}/sessions/${sessionId}/status`]: () => ({
        body: status({ session: session({ sendReminder: reminder }) }),
      }),
    },
  });
  await user.click(await screen.findByRole('switch', { name: 'Send reminder' }));
  await waitFor(() => expect(screen.getByRole('switch', { name: 'Send reminder' })).not.toBeChecked());
  expect(await screen.findByText(/reminder off/)).toBeInTheDocument();
  expect(api.calls.find((call) => call.route.startsWith('PATCH'))?.body).toEqual({ sendReminder: false });
});

test('cancelling asks first, sends the reason, and leaves the session read-only', async () => {
  let cancelled = false;
  const { user, api } = renderApp({
    path,
    routes: {
      ...routes(['administrator']),
      [`DELETE /api/teams/${teamId}/sessions/${sessionId}`]: () => {
        cancelled = true;
        return { body: session({ state: 'cancelled' }) };
      },
      [`GET /api/teams/${teamId}/sessions/${sessionId}/status`]: () => ({
        body: cancelled ? status({ session: session({ state: 'cancelled' }), next: null }) : status(),
      }),
    },
  });
  await user.click(await screen.findByRole('button', { name: 'Cancel session' }));
  const dialog = await screen.findByRole('dialog', { name: 'Cancel this session?' });
  expect(within(dialog).getByRole('button', { name: 'Close' })).toBeInTheDocument();
  await user.type(within(dialog).getByLabelText(/Reason/), 'Team offsite moved');
  await user.click(within(dialog).getByRole('button', { name: 'Cancel session' }));
  expect(
    await screen.findByText('This session was cancelled and can no longer be changed.'),
  ).toBeInTheDocument();
  expect(screen.queryByRole('button', { name: 'Move session' })).not.toBeInTheDocument();
  expect(api.calls.find((call) => call.route.startsWith('DELETE'))?.route).toBe(
    `DELETE /api/teams/${teamId}/sessions/${sessionId}?reason=Team%20offsite%20moved`,
  );
});

test('after a move, keyboard focus lands on the session’s heading, not on the page body', async () => {
  const { user } = renderApp({
    path,
    routes: {
      ...routes(['administrator']),
      [`PATCH /api/teams/${teamId}/sessions/${sessionId}`]: { ...session({ date: '2026-12-11' }) },
    },
  });
  const date = await screen.findByLabelText('New date');
  await user.clear(date);
  await user.type(date, '2026-12-11');
  await user.click(screen.getByRole('button', { name: 'Move session' }));
  await waitFor(() => expect(document.getElementById('session-title')).toHaveFocus());
});
