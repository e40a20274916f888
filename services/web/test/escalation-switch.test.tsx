// The escalation the day before, in the web app: its switch on Process status beside the
// invitation's and the reminder's (English and Dutch), and in Add session, where it follows the
// kind (on for steering, off for doing) until the organiser touches it.
import { screen, waitFor, within } from '@testing-library/react';
import { sessionId, session, status, teamId } from './support/fixtures';
import { path, routes } from './support/process-status';
import { renderApp } from './support/render-app';

test('switching the escalation on sends only that flag and shows the answer', async () => {
  let escalation = false;
  const { user, api } = renderApp({
    path,
    routes: {
      ...routes(['process_owner']),
      [`PATCH /api/teams/${teamId}/sessions/${sessionId}`]: (_request: Request, body: unknown) => {
        escalation = (body as { sendEscalation: boolean }).sendEscalation;
        return { body: session({ sendEscalation: escalation }) };
      },
      [`GET /api/teams/${teamId}/sessions/${sessionId}/status`]: () => ({
        body: status({ session: session({ sendEscalation: escalation }) }),
      }),
    },
  });
  const toggle = await screen.findByRole('switch', { name: 'Send escalation' });
  expect(toggle).not.toBeChecked();
  expect(screen.getByText(/escalation off/)).toBeInTheDocument();
  await user.click(toggle);
  await waitFor(() => expect(screen.getByRole('switch', { name: 'Send escalation' })).toBeChecked());
  expect(await screen.findByText(/escalation on/)).toBeInTheDocument();
  expect(api.calls.find((call) => call.route.startsWith('PATCH'))?.body).toEqual({ sendEscalation: true });
});

test('the switch and the session’s line speak Dutch', async () => {
  renderApp({
    path,
    language: 'nl',
    routes: {
      ...routes(['administrator']),
      [`GET /api/teams/${teamId}/sessions/${sessionId}/status`]: status({
        session: session({ sendEscalation: true }),
      }),
    },
  });
  expect(await screen.findByRole('switch', { name: 'Escalatie sturen' })).toBeChecked();
  expect(screen.getByText(/escalatie aan/)).toBeInTheDocument();
});

test('the timeline says the escalation was skipped, and why, when every report was in', async () => {
  // The fixture session's date, and its escalation at 08:00 UTC the day before.
  const { date } = session();
  const reason = `every item has a current report for ${date}`;
  const dayBefore = new Date(Date.parse(`${date}T08:00:00Z`) - 86_400_000).toISOString();
  renderApp({
    path,
    routes: {
      ...routes(['member']),
      [`GET /api/teams/${teamId}/sessions/${sessionId}/status`]: status({
        skippedSteps: [{ step: 'escalation', reason }],
        next: { step: 'escalation', at: dayBefore, recipients: [] },
      }),
    },
  });
  expect(await screen.findByText('Escalation')).toBeInTheDocument();
  expect(screen.getByText(`skipped (${reason})`)).toBeInTheDocument();
  expect(screen.getByText('Next: escalation to the process owner')).toBeInTheDocument();
});

test('Add session: the escalation follows the kind until it is touched, and is sent only then', async () => {
  const { user, api } = renderApp({
    path,
    routes: {
      ...routes(['administrator']),
      [`POST /api/teams/${teamId}/sessions`]: () => ({ status: 201, body: session({ kind: 'steering' }) }),
    },
  });
  await user.click(await screen.findByRole('button', { name: 'Add session' }));
  const dialog = await screen.findByRole('dialog', { name: 'Add session' });
  const escalation = () => within(dialog).getByRole('checkbox', { name: /Send escalation/ });
  expect(escalation()).not.toBeChecked(); // Doing, the form's first kind.
  await user.click(within(dialog).getByRole('radio', { name: /Steering session/ }));
  expect(escalation()).toBeChecked();
  await user.click(escalation());
  // Two weeks from now: a date ahead whenever the test runs.
  const ahead = new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10);
  await user.type(within(dialog).getByLabelText(/^Date/), ahead);
  await user.click(within(dialog).getByRole('button', { name: 'Save' }));
  await waitFor(() => expect(api.calls.some((call) => call.route.startsWith('POST'))).toBe(true));
  expect(api.calls.find((call) => call.route.startsWith('POST'))?.body).toMatchObject({
    kind: 'steering',
    sendEscalation: false,
  });
});
