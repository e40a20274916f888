// The signed-in session and the API client that carries its token. Signing out (or a 401 from the
// API) clears the session and the cached data of the previous user.
import { QueryClient, QueryClientProvider, useQueryClient } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { createApi, type ApiClient } from '../api/client';
import { readSession, writeSession, type StoredSession } from './session-store';

interface AuthValue {
  session: StoredSession | null;
  api: ApiClient;
  /** A client that sends this token instead of the session's, to check a token before keeping it. */
  apiWithToken(token: string): ApiClient;
  signIn(session: StoredSession): void;
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

  const signOut = useCallback(() => {
    writeSession(null);
    setSession(null);
    queryClient.clear();
  }, [queryClient]);

  const signIn = useCallback(
    (next: StoredSession) => {
      queryClient.clear();
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
        onUnauthorized: signOut,
        ...(fetchImpl ? { fetch: fetchImpl } : {}),
      }),
    [baseUrl, fetchImpl, signOut],
  );
  const apiWithToken = useCallback(
    (token: string) =>
      createApi({
        baseUrl,
        token: () => token,
        onUnauthorized: () => undefined,
        ...(fetchImpl ? { fetch: fetchImpl } : {}),
      }),
    [baseUrl, fetchImpl],
  );

  // Sign out when the token expires, rather than at the first refused request after it.
  const expiresAt = session?.expiresAt ? Date.parse(session.expiresAt) : null;
  useEffect(() => {
    if (expiresAt === null) return;
    const timer = setTimeout(signOut, Math.min(Math.max(expiresAt - Date.now(), 0), 2 ** 31 - 1));
    return () => clearTimeout(timer);
  }, [expiresAt, signOut]);

  const value = useMemo(
    () => ({ session, api, apiWithToken, signIn, signOut }),
    [session, api, apiWithToken, signIn, signOut],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

/** Retry what may pass on a second try (network, 502–504), never a client mistake. */
function retryTransient(failureCount: number, error: unknown): boolean {
  const status = (error as { status?: number | null }).status;
  const transient = status === null || status === 502 || status === 503 || status === 504;
  return transient && failureCount < 2;
}
