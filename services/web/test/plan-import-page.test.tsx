// The import page: pasted rows previewed and checked row by row, nothing sent until Save; then one
// request per ready item, strategies first, and how many were saved and which failed.
import { fireEvent, screen, within } from '@testing-library/react';
import { teamId } from './support/fixtures';
import { problem } from './support/fake-api';
import { renderApp, users } from './support/render-app';
import { strategyId, teamRoutes } from './support/team-fixtures';

const path = `/teams/${teamId}/plan/import`;
const team = `/api/teams/${teamId}`;
const rows = [
  'type\ttitle\towner email\tstrategy',
  'strategy\tLower costs\tada@example.com\t',
  'kpi\tCost per session\tnoah@example.com\tLower costs',
  'action\tRenegotiate the venue\tivy@example.com\tLower costs',
  'action\tCall every member\tmia@example.com\tGrow the community',
  'action\tMonthly active members\tmia@example.com\tNowhere',
  'kpi\tRefused by the API\tmia@example.com\tGrow the community',
].join('\n');

test('previews every row with its problems, then saves the ready ones and says which failed', async () => {
  const { api, user } = renderApp({
    path,
    routes: {
      ...teamRoutes(users.ada, ['administrator']),
      [`POST ${team}/strategies`]: () => ({ status: 201, body: { id: 'new-strategy' } }),
      [`POST ${team}/kpis`]: (_request: Request, body: unknown) =>
        (body as { title: string }).title === 'Refused by the API'
          ? problem(422, 'Unprocessable Content', [
              { field: 'body.title', message: 'Must not contain control characters' },
            ])
          : { status: 201, body: { id: 'new-kpi' } },
      [`POST ${team}/actions`]: () => ({ status: 201, body: { id: 'new-action' } }),
    },
  });
  // Pasted in one go, as from a spreadsheet (typing would take the tabs for focus moves).
  fireEvent.change(await screen.findByLabelText('Rows'), { target: { value: rows } });
  const preview = await screen.findByRole('table', { name: 'Preview' });
  expect(screen.getByText('4 of 6 rows ready; rows with a problem are not saved.')).toBeInTheDocument();
  expect(within(preview).getByRole('row', { name: /Renegotiate the venue/ })).toHaveTextContent(
    'the owner is not a member of the team',
  );
  expect(within(preview).getByRole('row', { name: /Nowhere/ })).toHaveTextContent(
    'no strategy with this title in the plan or the rows',
  );
  expect(api.calls.some((call) => call.route.startsWith('POST'))).toBe(false);

  await user.click(screen.getByRole('button', { name: 'Save 4 items' }));
  const outcome = await screen.findByRole('alert');
  expect(outcome).toHaveTextContent('3 items saved.');
  expect(outcome).toHaveTextContent('1 item was not saved:');
  expect(outcome).toHaveTextContent('Line 7, Refused by the API: Must not contain control characters');
  const posts = api.calls.filter((call) => call.route.startsWith('POST'));
  expect(posts.map((call) => [call.route, call.body])).toEqual([
    [`POST ${team}/strategies`, { title: 'Lower costs', ownerId: users.ada.id }],
    [`POST ${team}/kpis`, { title: 'Cost per session', ownerId: users.noah.id, strategyId: 'new-strategy' }],
    [`POST ${team}/actions`, { title: 'Call every member', ownerId: users.mia.id, strategyId }],
    [`POST ${team}/kpis`, { title: 'Refused by the API', ownerId: users.mia.id, strategyId }],
  ]);
});

test('a member sees the page read-only, without the form', async () => {
  renderApp({ path, signedInAs: users.mia, routes: teamRoutes(users.mia, ['member']) });
  expect(await screen.findByText('Only administrators change the plan.')).toBeInTheDocument();
  expect(screen.queryByLabelText('Rows')).toBeNull();
});

test('in Dutch, a row’s problem in Dutch', async () => {
  renderApp({ path, language: 'nl', routes: teamRoutes(users.ada, ['administrator']) });
  fireEvent.change(await screen.findByLabelText('Rijen'), { target: { value: 'doel,Iets,ada@example.com' } });
  expect(await screen.findByText('onbekende soort: schrijf strategie, KPI of actie')).toBeInTheDocument();
  expect(screen.getByRole('button', { name: '0 onderdelen opslaan' })).toBeDisabled();
});
