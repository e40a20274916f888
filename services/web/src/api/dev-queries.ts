// Development-only API routes (the dev sign-in list and the outbox). They exist only when the API
// runs with NODE_ENV=development; a 404 means "not in development", not an error.
import { useQuery } from '@tanstack/react-query';
import { useApi } from '../auth/auth-context';
import { ok } from './client';
import { ApiError } from './problem';
import { keys } from './queries';

/** The route's answer, or null where it does not exist (404: not a development server). */
async function orNullWhenAbsent<T>(answer: Promise<T>): Promise<T | null> {
  try {
    return await answer;
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return null;
    throw error;
  }
}

export function useDevUsers() {
  const api = useApi();
  return useQuery({
    queryKey: keys.devUsers,
    queryFn: () => orNullWhenAbsent(ok(api.GET('/api/dev/users'))),
    retry: false,
    // Whether the server is in development does not change while the page is open.
    staleTime: Infinity,
  });
}

export function useOutbox(page: number) {
  const api = useApi();
  return useQuery({
    queryKey: keys.outbox(page),
    queryFn: () =>
      orNullWhenAbsent(ok(api.GET('/api/dev/outbox', { params: { query: { page, pageSize: 10 } } }))),
    retry: false,
  });
}

/** True when the API offers the development routes (then the outbox is worth a link). */
export function useDevMode(): boolean {
  return useDevUsers().data != null;
}
