// A repeating series on Process status: which session of the series this is, how it repeats and
// the dates that come next; organisers change or stop the repeat, or cancel the whole series.
import { screen, waitFor, within } from '@testing-library/react';
import type { Schemas } from '../src/api/client';
import { baseRoutes, sessionId, sessionList, session, status, teamId } from './support/fixtures';
import { renderApp, users } from './support/render-app';

const path = `/teams/${teamId}/status`;
const seriesId = '01a00000-0000-7000-8000-0000000000aa';
const inSeries = session({ seriesId, occurrence: 1, repeat: 'weekly' });
const series = (overrides: Partial<Schemas['Series']> = {}): Schemas['Series'] => ({
  id: seriesId,
  teamId,
  kind: 'doing',
  repeat: 'weekly',
  state: 'active',
  occurrences: [
    {
      sessionId: '01a00000-0000-7000-8000-0000000000a0',
      occurrence: 0,
      date: '2026-11-27',
      state: 'scheduled',
    },
    { sessionId, occurrence: 1, date: '2026-12-04', state: 'scheduled' },
  ],
  upcoming: ['2026-12-11', '2026-12-18', '2026-12-25', '2027-01-01'],
  ...overrides,
});
const routes = (roles: Parameters<typeof baseRoutes>[1], extra = {}) => ({
  ...baseRoutes(users.ada, roles),
  [`GET /api/teams/${teamId}/sessions`]: sessionList,
  [`GET /api/teams/${teamId}/sessions/${sessionId}/status`]: status({ session: inSeries }),
  [`GET /api/teams/${teamId}/series/${seriesId}`]: series(),
  ...extra,
});

test('shows which session of the series this is, how it repeats and the next dates; members cannot change it', async () => {
  renderApp({ path, routes: routes(['member']) });
  const section = await screen.findByRole('region', { name: 'Repeating series' });
  expect(
    await within(section).findByText('Session 2 of the series · Repeats: Every week'),
  ).toBeInTheDocument();
  expect(
    within(section).getByText('Next dates: Dec 11, 2026, Dec 18, 2026, Dec 25, 2026, Jan 1, 2027'),
  ).toBeInTheDocument();
  expect(await screen.findByRole('link', { name: /Process status.*Demo team/ })).toBeInTheDocument();
  expect(within(section).queryByRole('button')).not.toBeInTheDocument();
});

test('an organiser changes the repeat from the next session on', async () => {
  const { user, api } = renderApp({
    path,
    routes: routes(['process_owner'], {
      [`PATCH /api/teams/${teamId}/series/${seriesId}`]: series({ repeat: 'monthly' }),
    }),
  });
  const section = await screen.findByRole('region', { name: 'Repeating series' });
  const change = await within(section).findByRole('button', { name: 'Change repeat' });
  expect(change).toBeDisabled();
  await user.selectOptions(within(section).getByLabelText('Repeat from the next session'), 'Every month');
  await user.click(change);
  await waitFor(() =>
    expect(api.calls.find((call) => call.route.startsWith('PATCH'))?.body).toEqual({ repeat: 'monthly' }),
  );
  // The answer refreshes the page's reads: the series is read again.
  await waitFor(() =>
    expect(
      api.calls.filter((call) => call.route === `GET /api/teams/${teamId}/series/${seriesId}`),
    ).toHaveLength(2),
  );
});

test('an organiser cancels the whole series, with a reason', async () => {
  let cancelled = false;
  const { user, api } = renderApp({
    path,
    routes: routes(['administrator'], {
      [`DELETE /api/teams/${teamId}/series/${seriesId}`]: () => {
        cancelled = true;
        return { body: series({ state: 'cancelled', repeat: 'none', upcoming: [] }) };
      },
      [`GET /api/teams/${teamId}/series/${seriesId}`]: () => ({
        body: cancelled ? series({ state: 'cancelled', repeat: 'none', upcoming: [] }) : series(),
      }),
    }),
  });
  const section = await screen.findByRole('region', { name: 'Repeating series' });
  await user.click(await within(section).findByRole('button', { name: 'Cancel all sessions of the series' }));
  const dialog = await screen.findByRole('dialog', { name: 'Cancel the whole series?' });
  await user.type(within(dialog).getByLabelText(/Reason/), 'Team disbanded');
  await user.click(within(dialog).getByRole('button', { name: 'Cancel the series' }));
  expect(await screen.findByText(/This series was cancelled\./)).toBeInTheDocument();
  expect(api.calls.find((call) => call.route.startsWith('DELETE'))?.route).toBe(
    `DELETE /api/teams/${teamId}/series/${seriesId}?reason=Team%20disbanded`,
  );
});
