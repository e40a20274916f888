// The app: providers (theme, language, session + API) around the routes. The router itself is
// passed in by the caller (BrowserRouter in main.tsx, MemoryRouter in tests).
import { Badge, MantineProvider, createTheme } from '@mantine/core';
import type { QueryClient } from '@tanstack/react-query';
import type { i18n } from 'i18next';
import { I18nextProvider } from 'react-i18next';
import { AuthProvider } from './auth/auth-context';
import { AppRoutes } from './routes';

const theme = createTheme({
  primaryColor: 'indigo',
  defaultRadius: 'md',
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
  components: {
    // Badges carry words people must read (kinds, item types, lights): never cut them to "ST…";
    // a narrow table scrolls sideways instead.
    Badge: Badge.extend({ styles: { root: { flexShrink: 0 }, label: { overflow: 'visible' } } }),
  },
});

export interface AppProps {
  i18n: i18n;
  fetch?: typeof fetch;
  baseUrl?: string;
  queryClient?: QueryClient;
}

export function App({ i18n, fetch, baseUrl, queryClient }: AppProps) {
  return (
    <MantineProvider theme={theme}>
      <I18nextProvider i18n={i18n}>
        <AuthProvider
          {...(fetch ? { fetch } : {})}
          {...(baseUrl ? { baseUrl } : {})}
          {...(queryClient ? { queryClient } : {})}
        >
          <AppRoutes />
        </AuthProvider>
      </I18nextProvider>
    </MantineProvider>
  );
}
