// The signed-in session and the API client that carries its token. Signing out (or a 401 from the
// API) clears the session and the cached data of the previous user. A browser signed in by an
// emailed link or the organisation's provider also holds the API's refresh cookie (HttpOnly, never
// seen here): at start without a token, and shortly before the token expires, the app asks
// POST /api/auth/refresh for a new one (auth/refresh.ts).
import { QueryClient, QueryClientProvider, useQueryClient } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { createApi, type ApiClient } from '../api/client';
import { refreshedSession, signOutEverywhere } from './refresh';
import { readSession, writeSession, type StoredSession } from './session-store';

interface AuthValue {
  session: StoredSession | null;
  /** True while the app asks whether the refresh cookie still signs this browser in. */
  restoring: boolean;
  api: ApiClient;
  /** A client that sends this token instead of the session's, to check a token before keeping it. */
  apiWithToken(token: string | null): ApiClient;
  signIn(session: StoredSession): void;
  /** Signs in with the refresh cookie, if it still does; resolves with whether it did. */
  restore(): Promise<boolean>;
  signOut(): void;
}

const AuthContext = createContext<AuthValue | null>(null);

export function useAuth(): AuthValue {
  const value = useContext(AuthContext);
  if (!value) throw new Error('useAuth outside <AuthProvider>');
  return value;
}

export function useApi(): ApiClient {
  return useAuth().api;
}

interface ProviderProps {
  children: ReactNode;
  /** Tests pass a fetch stand-in and a base URL; the browser uses its own origin. */
  fetch?: typeof globalThis.fetch;
  baseUrl?: string;
  queryClient?: QueryClient;
}

export function AuthProvider({ children, fetch, baseUrl = '', queryClient }: ProviderProps) {
  const [client] = useState(
    () => queryClient ?? new QueryClient({ defaultOptions: { queries: { retry: retryTransient } } }),
  );
  return (
    <QueryClientProvider client={client}>
      <SessionProvider fetch={fetch} baseUrl={baseUrl}>
        {children}
      </SessionProvider>
    </QueryClientProvider>
  );
}

function SessionProvider({
  children,
  fetch: fetchImpl,
  baseUrl,
}: {
  children: ReactNode;
  fetch: typeof globalThis.fetch | undefined;
  baseUrl: string;
}) {
  const queryClient = useQueryClient();
  const [session, setSession] = useState(readSession);
  const [restoring, setRestoring] = useState(() => readSession() === null);

  const forget = useCallback(() => {
    writeSession(null);
    setSession(null);
    queryClient.clear();
  }, [queryClient]);

  const signIn = useCallback(
    (next: StoredSession) => {
      // A renewed token for the same person keeps what is cached; another person starts afresh.
      if (readSession()?.user?.id !== next.user?.id) queryClient.clear();
      writeSession(next);
      setSession(next);
    },
    [queryClient],
  );

  const api = useMemo(
    () =>
      createApi({
        baseUrl,
        // Read per request from the store signIn/signOut write, so no request carries a stale token.
        token: () => readSession()?.token ?? null,
        // Only signed-in routes answer 401 (an expired, revoked or already dropped token): back to
        // sign-in. The public sign-in routes never do.
        onUnauthorized: forget,
        ...(fetchImpl ? { fetch: fetchImpl } : {}),
      }),
    [baseUrl, fetchImpl, forget],
  );
  const apiWithToken = useCallback(
    (token: string | null) =>
      createApi({
        baseUrl,
        token: () => token,
        onUnauthorized: () => undefined,
        ...(fetchImpl ? { fetch: fetchImpl } : {}),
      }),
    [baseUrl, fetchImpl],
  );
  // For the refresh cookie's routes: no token, and a 401 there only means "not signed in".
  const cookieApi = useMemo(() => apiWithToken(null), [apiWithToken]);
  const signOut = useCallback(() => {
    void signOutEverywhere(cookieApi);
    forget();
  }, [cookieApi, forget]);
  /** Keeps what the refresh cookie answered; resolves with whether it signed this browser in. */
  const restored = useCallback(
    (renewed: StoredSession | null) => {
      if (renewed) signIn(renewed);
      setRestoring(false);
      return renewed !== null;
    },
    [signIn],
  );
  const restore = useCallback(() => refreshedSession(cookieApi).then(restored), [cookieApi, restored]);
  // Without a token, the refresh cookie (if any) signs this browser in again.
  useEffect(() => {
    if (!restoring) return;
    let current = true;
    void refreshedSession(cookieApi).then((renewed) => current && restored(renewed));
    return () => {
      current = false;
    };
  }, [cookieApi, restored, restoring]);

  // A minute before the token expires, renew it; without a refresh cookie, sign out then rather
  // than at the first refused request after it.
  const expiresAt = session?.expiresAt ? Date.parse(session.expiresAt) : null;
  useEffect(() => {
    if (expiresAt === null) return;
    const renew = async () => {
      const renewed = await refreshedSession(cookieApi);
      if (renewed) signIn(renewed);
      else if (Date.now() >= expiresAt) forget();
      else setTimeout(forget, expiresAt - Date.now());
    };
    const wait = Math.min(Math.max(expiresAt - Date.now() - 60_000, 0), 2 ** 31 - 1);
    const timer = setTimeout(() => void renew(), wait);
    return () => clearTimeout(timer);
  }, [cookieApi, expiresAt, forget, signIn]);

  const value = useMemo(
    () => ({ session, restoring, api, apiWithToken, signIn, restore, signOut }),
    [session, restoring, api, apiWithToken, signIn, restore, signOut],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

/** Retry what may pass on a second try (network, 502–504), never a client mistake. */
function retryTransient(failureCount: number, error: unknown): boolean {
  const status = (error as { status?: number | null }).status;
  const transient = status === null || status === 502 || status === 503 || status === 504;
  return transient && failureCount < 2;
}
