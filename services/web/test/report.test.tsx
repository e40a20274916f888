// The report page: the owner's items for a session, a form each, last reported, errors in place.
import { screen, within } from '@testing-library/react';
import { baseRoutes, items, report, sessionId, sessionReports, teamId, session } from './support/fixtures';
import { problem } from './support/fake-api';
import { renderApp, users } from './support/render-app';

const reportsRoute = `GET /api/teams/${teamId}/sessions/${sessionId}/reports`;
const putRoute = `PUT /api/teams/${teamId}/sessions/${sessionId}/items/${items.checklist.id}/report`;
const path = `/teams/${teamId}/sessions/${sessionId}/items/${items.checklist.id}/report`;

test('lists only my items, prefilled from the current report, with when it was last reported', async () => {
  renderApp({
    path,
    signedInAs: users.mia,
    routes: { ...baseRoutes(users.mia, ['member']), [reportsRoute]: sessionReports(report) },
  });
  const form = await screen.findByRole('region', { name: 'Write the onboarding checklist' });
  expect(screen.queryByRole('region', { name: 'Launch the annual plan' })).not.toBeInTheDocument();
  expect(within(form).getByText(/Last reported/)).toHaveTextContent('Last reported Nov 24, 2026');
  expect(within(form).getByLabelText(/Progress/)).toHaveValue('40%');
  expect(within(form).getByRole('radio', { name: 'Amber' })).toBeChecked();
  expect(within(form).getByLabelText(/Explanation/)).toHaveValue('Half the sections are drafted.');
});

test('saving sends the report, and the page shows the new one', async () => {
  let saved: unknown = null;
  const { user } = renderApp({
    path,
    signedInAs: users.mia,
    routes: {
      ...baseRoutes(users.mia, ['member']),
      [reportsRoute]: () => ({
        body: sessionReports(
          saved
            ? { ...report, progress: 80, trafficLight: 'green', createdAt: '2026-11-25T09:15:00.000Z' }
            : null,
        ),
      }),
      [putRoute]: (_request: Request, body: unknown) => {
        saved = body;
        return { body: { ...report, ...(body as object) } };
      },
    },
  });
  const form = await screen.findByRole('region', { name: 'Write the onboarding checklist' });
  expect(within(form).getByText('Not reported yet for this session.')).toBeInTheDocument();
  await user.type(within(form).getByLabelText(/Progress/), '80');
  await user.click(within(form).getByRole('radio', { name: 'Green' }));
  await user.type(within(form).getByLabelText(/Explanation/), '  Checklist reviewed by two new hires.  ');
  await user.click(
    within(form).getByRole('button', { name: 'Save the report on Write the onboarding checklist' }),
  );
  expect(await within(form).findByText('Saved.')).toBeInTheDocument();
  expect(saved).toEqual({
    progress: 80,
    trafficLight: 'green',
    explanation: 'Checklist reviewed by two new hires.',
  });
  expect(await within(form).findByText(/Last reported Nov 25, 2026/)).toBeInTheDocument();
});

test('an incomplete report is stopped before it is sent, each field saying what is missing', async () => {
  const { user, api } = renderApp({
    path,
    signedInAs: users.mia,
    routes: { ...baseRoutes(users.mia, ['member']), [reportsRoute]: sessionReports(null) },
  });
  const form = await screen.findByRole('region', { name: 'Write the onboarding checklist' });
  await user.click(within(form).getByRole('button', { name: /Save the report/ }));
  expect(within(form).getByLabelText(/Progress/)).toHaveAccessibleDescription(
    'Enter the progress, 0 to 100.',
  );
  expect(within(form).getByText('Choose a traffic light.')).toBeInTheDocument();
  expect(within(form).getByLabelText(/Explanation/)).toHaveAccessibleDescription(/Write an explanation\./);
  expect(api.calls.some((call) => call.route.startsWith('PUT'))).toBe(false);
});

test('the API’s 422 lands next to its field; a 409 (session held meanwhile) as a message', async () => {
  let answer = problem(422, 'Unprocessable Content', [{ field: 'body.explanation', message: 'Too long' }]);
  const { user } = renderApp({
    path,
    signedInAs: users.mia,
    routes: {
      ...baseRoutes(users.mia, ['member']),
      [reportsRoute]: sessionReports(report),
      [putRoute]: () => answer,
    },
  });
  const form = await screen.findByRole('region', { name: 'Write the onboarding checklist' });
  const save = within(form).getByRole('button', { name: /Save the report/ });
  await user.click(save);
  expect(await within(form).findByText('Too long')).toBeInTheDocument();
  expect(within(form).getByLabelText(/Explanation/)).toHaveAccessibleDescription(/Too long/);
  answer = {
    status: 409,
    body: { type: 'about:blank', title: 'Conflict', status: 409, detail: 'The session is held.' },
  };
  await user.click(save);
  const alert = await within(form).findByRole('alert');
  expect(alert).toHaveTextContent('This is no longer possible: it changed in the meantime.');
  expect(alert).toHaveTextContent('The session is held.');
});

test('a held session shows the reports read-only', async () => {
  renderApp({
    path,
    signedInAs: users.mia,
    routes: {
      ...baseRoutes(users.mia, ['member']),
      [reportsRoute]: { ...sessionReports(report), session: session({ state: 'held' }) },
    },
  });
  expect(
    await screen.findByText('This session has been held: it takes no more reports.'),
  ).toBeInTheDocument();
  expect(screen.queryByRole('button', { name: /Save the report/ })).not.toBeInTheDocument();
  expect(screen.getByLabelText(/Explanation/)).toBeDisabled();
});
