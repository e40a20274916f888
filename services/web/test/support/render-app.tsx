// Renders the whole app (providers, routes, layout) at a path, signed in or not, against a fake API.
import { QueryClient } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { App } from '../../src/app';
import { writeSession } from '../../src/auth/session-store';
import { createI18n, type Language } from '../../src/i18n/i18n';
import { fakeApi, type Routes } from './fake-api';

export interface RenderOptions {
  path?: string;
  routes: Routes;
  signedInAs?: { id: string; name: string } | null;
  language?: Language;
}

export function renderApp({ path = '/', routes, signedInAs = users.ada, language = 'en' }: RenderOptions) {
  if (signedInAs) {
    writeSession({
      token: `token-of-${signedInAs.id}`,
      expiresAt: null,
      user: { ...signedInAs, email: null },
    });
  }
  const api = fakeApi(routes);
  // No retries: a test about an error should see it at once.
  const queryClient = new QueryClient({
    defaultOptions: { queries: { retry: false }, mutations: { retry: false } },
  });
  const user = userEvent.setup();
  const view = render(
    <MemoryRouter initialEntries={[path]}>
      <App
        i18n={createI18n(language)}
        fetch={api.fetch}
        baseUrl="http://rhythm.test"
        queryClient={queryClient}
      />
    </MemoryRouter>,
  );
  return { ...view, api, user };
}

export const users = {
  ada: { id: '00000000-0000-4000-8000-00000000000a', name: 'Ada Admin' },
  mia: { id: '00000000-0000-4000-8000-00000000000b', name: 'Mia Member' },
  noah: { id: '00000000-0000-4000-8000-00000000000c', name: 'Noah Owner' },
};
