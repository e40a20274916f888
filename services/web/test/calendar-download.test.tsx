// The emails' "Add to your calendar" link opens the web app, which fetches the calendar file with
// the signed-in user's token (a plain link to the API could not carry it) and downloads it.
import { screen } from '@testing-library/react';
import { baseRoutes, sessionId, teamId } from './support/fixtures';
import { renderApp, users } from './support/render-app';

const ics =
  'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:session-x@rhythm\r\nSEQUENCE:1\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n';

test('fetches the calendar file signed in and hands it to the browser as a download', async () => {
  const clicked: HTMLAnchorElement[] = [];
  const originalClick = HTMLAnchorElement.prototype.click;
  HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
    clicked.push(this);
  };
  const files: Blob[] = [];
  URL.createObjectURL = (blob: Blob) => (files.push(blob), `blob:rhythm/${files.length}`);
  const { api } = renderApp({
    path: `/teams/${teamId}/sessions/${sessionId}/calendar`,
    signedInAs: users.mia,
    routes: {
      ...baseRoutes(users.mia, ['member']),
      [`GET /api/teams/${teamId}/sessions/${sessionId}/calendar.ics`]: () => ({
        raw: { contentType: 'text/calendar; charset=utf-8', text: ics },
      }),
    },
  });
  expect(await screen.findByText(/calendar file is downloading/)).toBeInTheDocument();
  const call = api.calls.find((entry) => entry.route.endsWith('/calendar.ics'));
  expect(call?.headers.get('authorization')).toBe(`Bearer token-of-${users.mia.id}`);
  expect(await files[0]?.text()).toBe(ics);
  expect(clicked.at(-1)?.download).toBe(`rhythm-session-${sessionId}.ics`);
  expect(screen.getByRole('link', { name: 'Download again' })).toHaveAttribute('href', 'blob:rhythm/1');
  HTMLAnchorElement.prototype.click = originalClick;
});
