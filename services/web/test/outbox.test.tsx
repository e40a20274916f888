// The development outbox: the emails the notifier kept, rendered in a sandboxed frame.
import { screen } from '@testing-library/react';
import { baseRoutes } from './support/fixtures';
import { renderApp, users } from './support/render-app';

test('lists the kept emails, newest first, the first one rendered in a sandboxed frame', async () => {
  renderApp({
    path: '/outbox',
    routes: {
      ...baseRoutes(users.ada, ['administrator']),
      'GET /api/dev/outbox': {
        emails: [
          {
            id: '50000000-0000-4000-8000-000000000001',
            to: 'mia@example.com',
            subject: 'Invitation: doing session on Friday 4 December',
            html: '<p>Please report on <a href="#">Write the onboarding checklist</a></p>',
            text: 'Please report',
            idempotencyKey: 'rhythm/session/x/invitation/2026-12-04/y',
            createdAt: '2026-11-27T08:00:05.000Z',
          },
        ],
        page: 1,
        pageSize: 10,
        total: 1,
      },
    },
  });
  expect(await screen.findByText('Invitation: doing session on Friday 4 December')).toBeInTheDocument();
  expect(screen.getByText('1 email')).toBeInTheDocument();
  const frame = screen.getByTitle('Email: Invitation: doing session on Friday 4 December');
  expect(frame).toHaveAttribute('sandbox', 'allow-popups allow-popups-to-escape-sandbox');
  expect(frame.getAttribute('srcdoc')).toContain('Write the onboarding checklist');
  expect(screen.getByRole('link', { name: /Outbox/ })).toBeInTheDocument();
});

test('outside development the page says the outbox does not exist, and the menu has no link to it', async () => {
  renderApp({
    path: '/outbox',
    routes: {
      ...baseRoutes(users.ada, ['administrator']),
      'GET /api/dev/outbox': undefined,
      'GET /api/dev/users': undefined,
    },
  });
  expect(
    await screen.findByText('The outbox exists only when the server runs in development.'),
  ).toBeInTheDocument();
  expect(screen.queryByRole('link', { name: /Outbox/ })).not.toBeInTheDocument();
});
