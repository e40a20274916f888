// The plan: strategies with their KPIs and actions and their owners; administrators add, edit
// (hand to another owner) and delete; everyone else reads the same page.
import { screen, waitFor, within } from '@testing-library/react';
import { teamId } from './support/fixtures';
import { problem } from './support/fake-api';
import { renderApp, users } from './support/render-app';
import { plan, strategyId, teamRoutes } from './support/team-fixtures';

const path = `/teams/${teamId}/plan`;
const team = `/api/teams/${teamId}`;
const action = plan.actions[0]!;

test('shows each strategy with its KPIs and actions and their owners', async () => {
  renderApp({ path, signedInAs: users.mia, routes: teamRoutes(users.mia, ['member']) });
  const strategy = await screen.findByRole('region', { name: 'Grow the community' });
  expect(within(strategy).getByText(/Ada Admin/)).toBeInTheDocument();
  const kpi = within(strategy).getByRole('row', { name: /Monthly active members/ });
  expect(within(kpi).getByText('KPI')).toBeInTheDocument();
  expect(within(kpi).getByText('Noah Owner')).toBeInTheDocument();
  expect(
    within(strategy).getByRole('row', { name: /Write the onboarding checklist.*Mia Member/ }),
  ).toBeInTheDocument();
  // Read-only for a member: said once, and no control that changes anything.
  expect(screen.getByText('Only administrators change the plan.')).toBeInTheDocument();
  expect(screen.queryByRole('button', { name: /Add|Edit|Delete/ })).toBeNull();
  expect(screen.queryByRole('link', { name: 'Import from a spreadsheet' })).toBeNull();
});

test('an administrator adds a KPI under a strategy, owned by another member', async () => {
  const { user, api } = renderApp({
    path,
    routes: {
      ...teamRoutes(users.ada, ['administrator']),
      [`POST ${team}/kpis`]: () => ({ status: 201, body: plan.kpis[0] }),
    },
  });
  await user.click(await screen.findByRole('button', { name: 'Add KPI to Grow the community' }));
  const dialog = await screen.findByRole('dialog', { name: 'New KPI' });
  await user.type(within(dialog).getByLabelText(/Title/), ' Members who report ');
  await user.selectOptions(within(dialog).getByLabelText(/Owner/), users.mia.id);
  await user.click(within(dialog).getByRole('button', { name: 'Save' }));
  await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
  expect(api.calls.find((call) => call.route === `POST ${team}/kpis`)?.body).toEqual({
    title: 'Members who report',
    ownerId: users.mia.id,
    strategyId,
  });
});

test('an administrator hands an action to another owner', async () => {
  const { user, api } = renderApp({
    path,
    routes: {
      ...teamRoutes(users.ada, ['administrator']),
      [`PATCH ${team}/actions/${action.id}`]: { body: action },
    },
  });
  await user.click(await screen.findByRole('button', { name: `Edit ${action.title}` }));
  const dialog = await screen.findByRole('dialog', { name: 'Edit Action' });
  expect(within(dialog).getByLabelText(/Owner/)).toHaveValue(users.mia.id);
  await user.selectOptions(within(dialog).getByLabelText(/Owner/), users.noah.id);
  await user.click(within(dialog).getByRole('button', { name: 'Save' }));
  await waitFor(() =>
    expect(api.calls.find((call) => call.route.startsWith('PATCH'))?.body).toEqual({
      title: action.title,
      ownerId: users.noah.id,
      strategyId,
    }),
  );
});

test('deleting a strategy that still has items: the API’s 409 is said in words', async () => {
  const { user } = renderApp({
    path,
    routes: {
      ...teamRoutes(users.ada, ['administrator']),
      [`DELETE ${team}/strategies/${strategyId}`]: () => problem(409, 'Conflict'),
    },
  });
  await user.click(await screen.findByRole('button', { name: 'Delete Grow the community' }));
  const dialog = await screen.findByRole('dialog', { name: 'Delete Grow the community?' });
  await user.click(within(dialog).getByRole('button', { name: 'Delete' }));
  expect(await within(dialog).findByRole('alert')).toHaveTextContent(
    'A strategy that still has KPIs or actions cannot be deleted',
  );
});

test('in Dutch, for an administrator', async () => {
  renderApp({ path, language: 'nl', routes: teamRoutes(users.ada, ['administrator']) });
  expect(await screen.findByRole('button', { name: 'Strategie toevoegen' })).toBeInTheDocument();
  expect(
    await screen.findByRole('button', { name: 'Actie toevoegen aan Grow the community' }),
  ).toBeInTheDocument();
  expect(screen.getByRole('link', { name: 'Importeren uit een spreadsheet' })).toBeInTheDocument();
  expect(screen.getAllByText('Eigenaar').length).toBeGreaterThan(0);
});
