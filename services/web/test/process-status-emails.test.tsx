// Process status: the selected session's emails: when they go out, what became of each, and
// sending the failed ones again.
import { screen, within } from '@testing-library/react';
import { sessionId, session, status, teamId } from './support/fixtures';
import { path, routes } from './support/process-status';
import { renderApp, users } from './support/render-app';

test('send times show in the team’s zone, named', async () => {
  renderApp({ path, routes: routes(['member']) });
  // 2026-11-27T08:00Z is 09:00 in Amsterdam (CET, GMT+1), whatever the machine's zone.
  expect(await screen.findByText(/Sent Nov 27, 2026, 09:00 AM GMT\+1/)).toBeInTheDocument();
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
