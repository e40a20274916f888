// My overview: the next session per team, its buttons, and the caller's own items to report on.
import { screen, waitFor, within } from '@testing-library/react';
import { baseRoutes, items, me, overview, report, sessionId, teamId } from './support/fixtures';
import { problem } from './support/fake-api';
import { renderApp, users } from './support/render-app';

const base = `/teams/${teamId}/sessions/${sessionId}`;
const nextSession = {
  id: sessionId,
  date: '2026-12-04',
  kind: 'doing' as const,
  daysToGo: 9,
  items: [
    { ...items.checklist, report: null, links: { report: `${base}/items/${items.checklist.id}/report` } },
    {
      ...items.annualPlan,
      report: { id: report.id, progress: 40, trafficLight: 'amber' as const, createdAt: report.createdAt },
      links: { report: `${base}/items/${items.annualPlan.id}/report` },
    },
  ],
  links: { itemsInvolved: base, progressReports: `${base}/reports` },
};

test('shows the next session with days to go, its buttons and my items with a Report button', async () => {
  renderApp({
    routes: { ...baseRoutes(users.mia, ['member']), 'GET /api/me/overview': overview(nextSession) },
  });
  const team = await screen.findByRole('region', { name: 'Demo team' });
  expect(within(team).getByText('Friday, December 4, 2026')).toBeInTheDocument();
  expect(within(team).getByText('Doing session')).toBeInTheDocument();
  expect(within(team).getByText('In 9 days')).toBeInTheDocument();
  expect(within(team).getByRole('link', { name: 'Items involved' })).toHaveAttribute('href', base);
  expect(within(team).getByRole('link', { name: 'Progress reports' })).toHaveAttribute(
    'href',
    `${base}/reports`,
  );
  const checklist = within(team).getByRole('row', { name: /Write the onboarding checklist/ });
  expect(within(checklist).getByText('No report')).toBeInTheDocument();
  expect(
    within(checklist).getByRole('link', { name: 'Report on Write the onboarding checklist' }),
  ).toHaveAttribute('href', `${base}/items/${items.checklist.id}/report`);
  const plan = within(team).getByRole('row', { name: /Launch the annual plan/ });
  expect(within(plan).getByText('Amber')).toBeInTheDocument();
  expect(within(plan).getByText(/40% done/)).toBeInTheDocument();
});

test('says so when no session is planned', async () => {
  renderApp({ routes: { ...baseRoutes(users.mia, ['member']), 'GET /api/me/overview': overview(null) } });
  expect(await screen.findByText('No session is planned.')).toBeInTheDocument();
});

test('shows a loading state, then the API’s problem with a way to retry, never a blank page', async () => {
  let calls = 0;
  renderApp({
    routes: {
      ...baseRoutes(users.mia, ['member']),
      'GET /api/me/overview': () =>
        ++calls === 1 ? problem(503, 'Service Unavailable') : { body: overview(null) },
    },
  });
  expect(screen.getByRole('status')).toHaveTextContent('Loading…');
  const alert = await screen.findByRole('alert');
  expect(alert).toHaveTextContent('The service is briefly unavailable; nothing was changed. Try again.');
  within(alert).getByRole('button', { name: 'Try again' }).click();
  expect(await screen.findByText('No session is planned.')).toBeInTheDocument();
});

test('an unreachable API is said in words', async () => {
  renderApp({
    routes: {
      ...baseRoutes(users.mia, ['member']),
      'GET /api/me/overview': () => {
        throw new TypeError('fetch failed');
      },
    },
  });
  expect(await screen.findByRole('alert')).toHaveTextContent('The server cannot be reached.');
});

test('in Dutch', async () => {
  renderApp({
    language: 'nl',
    routes: { ...baseRoutes(users.mia, ['member']), 'GET /api/me/overview': overview(nextSession) },
  });
  expect(await screen.findByRole('heading', { name: 'Mijn overzicht', level: 1 })).toBeInTheDocument();
  expect(await screen.findByText('vrijdag 4 december 2026')).toBeInTheDocument();
  expect(screen.getByText('Over 9 dagen')).toBeInTheDocument();
  expect(screen.getByRole('link', { name: 'Betrokken onderdelen' })).toBeInTheDocument();
  expect(document.documentElement.lang).toBe('nl');
});

test('an owner who paused Rhythm’s emails in a team sees it there and can receive them again', async () => {
  let paused = true;
  const { user, api } = renderApp({
    routes: {
      ...baseRoutes(users.mia, ['member']),
      'GET /api/me/overview': overview(null),
      'GET /api/me': () => ({ body: me(users.mia, ['member'], paused) }),
      [`DELETE /api/me/email-pauses/${teamId}`]: () => {
        paused = false;
        return { status: 204 };
      },
    },
  });
  const team = await screen.findByRole('region', { name: 'Demo team' });
  expect(await within(team).findByText('Your emails are paused')).toBeInTheDocument();
  await user.click(within(team).getByRole('button', { name: 'Receive emails again' }));
  await waitFor(() => expect(within(team).queryByText('Your emails are paused')).not.toBeInTheDocument());
  expect(api.calls.some((call) => call.route === `DELETE /api/me/email-pauses/${teamId}`)).toBe(true);
});
