// Process status: the Calendar, the selected session's counts, missing reports and emails, and
// who may change what.
import { screen, waitFor, within } from '@testing-library/react';
import {
  baseRoutes,
  heldSessionId,
  sessionId,
  sessionList,
  status,
  session,
  teamId,
} from './support/fixtures';
import { problem } from './support/fake-api';
import { renderApp, users } from './support/render-app';

const path = `/teams/${teamId}/status`;
const routes = (roles: Parameters<typeof baseRoutes>[1]) => ({
  ...baseRoutes(users.ada, roles),
  [`GET /api/teams/${teamId}/sessions`]: sessionList,
  [`GET /api/teams/${teamId}/sessions/${sessionId}/status`]: status(),
  [`GET /api/teams/${teamId}/sessions/${heldSessionId}/status`]: status({
    session: session({ id: heldSessionId, date: '2026-10-02', state: 'held' }),
    next: null,
  }),
});

test('shows the calendar with upcoming and past sessions and their report counts', async () => {
  renderApp({ path, routes: routes(['administrator']) });
  const upcoming = await screen.findByRole('table', { name: 'Upcoming sessions' });
  expect(within(upcoming).getByText('1 submitted, 2 outstanding')).toBeInTheDocument();
  const past = screen.getByRole('table', { name: 'Past sessions' });
  expect(within(past).getByText('3 submitted, 1 outstanding')).toBeInTheDocument();
  expect(within(past).getByText('Held')).toBeInTheDocument();
});

test('the next session is selected: counts by light, items without a report, the email timeline', async () => {
  renderApp({ path, routes: routes(['process_owner']) });
  expect(await screen.findByRole('heading', { name: 'Friday, December 4, 2026' })).toBeInTheDocument();
  const counts = screen.getByRole('list', { name: 'Reports by traffic light' });
  expect(
    within(counts)
      .getAllByRole('listitem')
      .map((tile) => tile.textContent),
  ).toEqual(['1Green', '0Amber', '0Red', '2Without a current report']);
  const missing = screen.getByRole('table', { name: 'Items without a current report' });
  expect(
    within(missing).getByRole('row', { name: /Write the onboarding checklist.*Mia Member/ }),
  ).toBeInTheDocument();
  expect(screen.getByText('Mia Member: sent')).toBeInTheDocument();
  expect(screen.getByText('Next: reminder')).toBeInTheDocument();
  expect(screen.getByText('To Noah Owner (1 item)')).toBeInTheDocument();
});

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

test('a long past shows the latest five sessions, the rest on request', async () => {
  const past = Array.from({ length: 8 }, (_, index) => ({
    ...session({
      id: `20000000-0000-4000-8000-00000000010${index}`,
      date: `2026-10-0${index + 1}`,
      state: 'held',
    }),
    reports: { submitted: 1, outstanding: 0 },
  }));
  const { user } = renderApp({
    path,
    routes: {
      ...routes(['member']),
      [`GET /api/teams/${teamId}/sessions`]: { sessions: [...past, sessionList.sessions[1]] },
    },
  });
  const table = await screen.findByRole('table', { name: 'Past sessions' });
  expect(within(table).getAllByRole('row')).toHaveLength(1 + 5);
  expect(within(table).getByText('Oct 8, 2026')).toBeInTheDocument();
  expect(within(table).queryByText('Oct 1, 2026')).not.toBeInTheDocument();
  await user.click(screen.getByRole('button', { name: 'Show all 8 past sessions' }));
  expect(within(screen.getByRole('table', { name: 'Past sessions' })).getAllByRole('row')).toHaveLength(
    1 + 8,
  );
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

test('a cancelled session later this month stays under Upcoming, marked cancelled', async () => {
  renderApp({
    path,
    routes: {
      ...routes(['member']),
      [`GET /api/teams/${teamId}/sessions`]: {
        sessions: [
          {
            ...session({ date: '2099-01-08', state: 'cancelled' }),
            reports: { submitted: 0, outstanding: 2 },
          },
        ],
      },
    },
  });
  const upcoming = await screen.findByRole('table', { name: 'Upcoming sessions' });
  expect(within(upcoming).getByText('Cancelled')).toBeInTheDocument();
  expect(screen.getByText('No past sessions.')).toBeInTheDocument();
});

test('send times show in the team’s zone, named', async () => {
  renderApp({ path, routes: routes(['member']) });
  // 2026-11-27T08:00Z is 09:00 in Amsterdam (CET, GMT+1), whatever the machine's zone.
  expect(await screen.findByText(/Sent Nov 27, 2026, 09:00 AM GMT\+1/)).toBeInTheDocument();
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

test('a refused email reads in words, and an organiser sends the failed ones again', async () => {
  const failedStatus = status({
    deliveries: [
      ...status().deliveries,
      {
        step: 'invitation',
        userId: users.noah.id,
        name: users.noah.name,
        sessionDate: session().date,
        state: 'failed',
        reason: 'validation_error: Invalid `to` field',
        at: '2026-11-27T08:00:01.000Z',
        providerStatus: null,
      },
    ],
  });
  const { user, api } = renderApp({
    path,
    routes: {
      ...routes(['process_owner']),
      [`GET /api/teams/${teamId}/sessions/${sessionId}/status`]: failedStatus,
      [`POST /api/teams/${teamId}/sessions/${sessionId}/retry-failed`]: () => ({
        status: 202,
        body: { failed: 1 },
      }),
    },
  });
  expect(await screen.findByText(/1 of 2 sent/)).toBeInTheDocument();
  expect(screen.getByText(/Noah Owner: failed \(validation_error: Invalid `to` field\)/)).toBeInTheDocument();
  expect(screen.getByText('1 email was not sent')).toBeInTheDocument();
  await user.click(screen.getByRole('button', { name: 'Send failed emails again' }));
  expect(await screen.findByText('Asked: 1 email goes out again in a moment.')).toBeInTheDocument();
  expect(
    api.calls.some((call) => call.route.startsWith('POST') && call.route.endsWith('/retry-failed')),
  ).toBe(true);
});

test('members see the failure but no way to resend', async () => {
  renderApp({
    path,
    routes: {
      ...routes(['member']),
      [`GET /api/teams/${teamId}/sessions/${sessionId}/status`]: status({
        deliveries: [{ ...status().deliveries[0]!, state: 'failed', reason: 'invalid_api_key (403)' }],
      }),
    },
  });
  expect(await screen.findByText(/0 of 1 sent/)).toBeInTheDocument();
  expect(screen.queryByRole('button', { name: 'Send failed emails again' })).not.toBeInTheDocument();
});

test('each email reads what the provider reported, and a bounced address is named among the missing', async () => {
  const delivered = { ...status().deliveries[0]!, providerStatus: 'delivered' as const };
  const bounced = {
    ...status().deliveries[0]!,
    userId: users.noah.id,
    name: users.noah.name,
    providerStatus: 'bounced' as const,
  };
  renderApp({
    path,
    routes: {
      ...routes(['process_owner']),
      [`GET /api/teams/${teamId}/sessions/${sessionId}/status`]: status({
        deliveries: [delivered, bounced],
        missing: [{ ...status().missing[1]!, skipped: 'address bounced' }],
      }),
    },
  });
  expect(await screen.findByText('Mia Member: sent, delivered')).toBeInTheDocument();
  expect(screen.getByText('Noah Owner: sent, bounced')).toBeInTheDocument();
  const missing = screen.getByRole('table', { name: 'Items without a current report' });
  expect(
    within(missing).getByText('their address bounced: gets no emails until it is fixed'),
  ).toBeInTheDocument();
});
