// Every control has a name a screen reader can say and can be reached with the keyboard, on the
// pages with the most controls; the language switch changes the whole page.
import { screen } from '@testing-library/react';
import {
  baseRoutes,
  items,
  report,
  sessionId,
  sessionList,
  sessionReports,
  status,
  teamId,
} from './support/fixtures';
import { renderApp, users } from './support/render-app';

const organiserRoutes = {
  ...baseRoutes(users.ada, ['administrator']),
  [`GET /api/teams/${teamId}/sessions`]: sessionList,
  [`GET /api/teams/${teamId}/sessions/${sessionId}/status`]: status(),
  [`GET /api/teams/${teamId}/sessions/${sessionId}/reports`]: sessionReports(report),
};

function expectNamedAndFocusable() {
  const controls = [
    ...screen.getAllByRole('button'),
    ...screen.getAllByRole('link'),
    ...screen.queryAllByRole('textbox'),
    ...screen.queryAllByRole('switch'),
    ...screen.queryAllByRole('radio'),
    ...screen.queryAllByRole('combobox'),
  ];
  expect(controls.length).toBeGreaterThan(5);
  for (const control of controls) {
    expect(control).toHaveAccessibleName();
    expect(control.getAttribute('tabindex')).not.toBe('-1');
    expect(control).not.toHaveAttribute('aria-hidden', 'true');
  }
}

test('Process status as an organiser: every control named and focusable', async () => {
  renderApp({ path: `/teams/${teamId}/status`, routes: organiserRoutes });
  await screen.findByRole('button', { name: 'Move session' });
  expectNamedAndFocusable();
});

test('the report page: every control named and focusable; Tab walks into the form', async () => {
  const { user } = renderApp({
    path: `/teams/${teamId}/sessions/${sessionId}/items/${items.checklist.id}/report`,
    signedInAs: users.mia,
    routes: { ...organiserRoutes, ...baseRoutes(users.mia, ['member']) },
  });
  await screen.findByRole('button', { name: /Save the report/ });
  expectNamedAndFocusable();
  const progress = screen.getByLabelText(/Progress/);
  for (let step = 0; step < 30 && document.activeElement !== progress; step++) await user.tab();
  expect(progress).toHaveFocus();
});

test('switching the language to Dutch translates the page and is remembered', async () => {
  const { user } = renderApp({ path: `/teams/${teamId}/status`, routes: organiserRoutes });
  await screen.findByRole('button', { name: 'Add session' });
  await user.selectOptions(screen.getByLabelText('Language'), 'nl');
  expect(await screen.findByRole('button', { name: 'Sessie toevoegen' })).toBeInTheDocument();
  expect(screen.getByRole('heading', { name: 'Processtatus', level: 1 })).toBeInTheDocument();
  expect(screen.getByRole('heading', { name: 'vrijdag 4 december 2026' })).toBeInTheDocument();
  expect(localStorage.getItem('rhythm.language')).toBe('nl');
});

test('the Add session dialog: every control named and focusable, its close button too', async () => {
  const { user } = renderApp({ path: `/teams/${teamId}/status`, routes: organiserRoutes });
  await user.click(await screen.findByRole('button', { name: 'Add session' }));
  await screen.findByRole('dialog', { name: 'Add session' });
  expectNamedAndFocusable();
  expect(screen.getByRole('button', { name: 'Close' })).toBeInTheDocument();
});
