// The refresh cookie's two routes. The header is the API's guard against cross-site requests (a
// page of another site cannot set it); the cookie itself goes along because the app and the API
// share an origin.
import type { ApiClient } from '../api/client';
import type { StoredSession } from './session-store';

const FROM_THE_APP = { header: { 'X-Requested-By': 'rhythm-web' as const } };

const inFlight = new WeakMap<ApiClient, Promise<StoredSession | null>>();

/**
 * A new token for this browser's sign-in, or null when it has none (or it ended). Callers at the
 * same moment share one request: the cookie rotates with each, so a second would present a spent one.
 */
export function refreshedSession(api: ApiClient): Promise<StoredSession | null> {
  let pending = inFlight.get(api);
  if (!pending) {
    pending = refresh(api).finally(() => inFlight.delete(api));
    inFlight.set(api, pending);
  }
  return pending;
}

async function refresh(api: ApiClient): Promise<StoredSession | null> {
  try {
    const { data } = await api.POST('/api/auth/refresh', { params: FROM_THE_APP });
    return data ? { token: data.token, expiresAt: data.expiresAt, user: data.user } : null;
  } catch {
    return null; // Offline: the app shows sign-in; the cookie still works next time.
  }
}

/** Ends the browser's sign-in at the API too, so the refresh cookie cannot sign it in again. */
export async function signOutEverywhere(api: ApiClient): Promise<void> {
  await api.POST('/api/auth/sign-out', { params: FROM_THE_APP }).catch(() => undefined);
}
