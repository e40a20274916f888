// Process status: the Calendar of upcoming and past sessions with their report counts, and the
// selected session's counts and missing reports.
import { screen, within } from '@testing-library/react';
import { sessionList, session, teamId } from './support/fixtures';
import { path, routes } from './support/process-status';
import { renderApp } from './support/render-app';

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

test('a calendar longer than a page: every page is fetched, following nextCursor', async () => {
  const past = Array.from({ length: 12 }, (_, index) => ({
    ...session({
      id: `20000000-0000-4000-8000-0000000002${String(index).padStart(2, '0')}`,
      date: `2026-09-${String(index + 10)}`,
      state: 'held',
    }),
    reports: { submitted: 2, outstanding: 0 },
  }));
  const calendar = [...past, sessionList.sessions[1]!];
  // The API decides the page size; the app must follow nextCursor whatever it is.
  const pages = (request: Request) => {
    const start = Number(new URL(request.url).searchParams.get('cursor') ?? 0);
    const next = start + 5 < calendar.length ? String(start + 5) : null;
    return { body: { sessions: calendar.slice(start, start + 5), nextCursor: next } };
  };
  const { user, api } = renderApp({
    path,
    routes: { ...routes(['member']), [`GET /api/teams/${teamId}/sessions`]: pages },
  });
  await user.click(await screen.findByRole('button', { name: 'Show all 12 past sessions' }));
  const table = screen.getByRole('table', { name: 'Past sessions' });
  expect(within(table).getAllByRole('row')).toHaveLength(1 + 12);
  expect(within(screen.getByRole('table', { name: 'Upcoming sessions' })).getAllByRole('row')).toHaveLength(
    2,
  );
  expect(api.calls.map((call) => call.route).filter((route) => route.includes('/sessions?'))).toEqual([
    `GET /api/teams/${teamId}/sessions?limit=500`,
    `GET /api/teams/${teamId}/sessions?limit=500&cursor=5`,
    `GET /api/teams/${teamId}/sessions?limit=500&cursor=10`,
  ]);
});
