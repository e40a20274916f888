// Where the signed-in session lives: localStorage, so a reload keeps you signed in. A token past
// its expiry is dropped on read rather than sent to be refused.
export interface StoredSession {
  token: string;
  expiresAt: string | null;
  user: { id: string; name: string; email: string | null } | null;
}

const KEY = 'rhythm.session';

export function readSession(storage: Storage = localStorage, now = Date.now()): StoredSession | null {
  try {
    const value = JSON.parse(storage.getItem(KEY) ?? 'null') as StoredSession | null;
    if (!value || typeof value.token !== 'string') return null;
    if (value.expiresAt && Date.parse(value.expiresAt) <= now) {
      storage.removeItem(KEY);
      return null;
    }
    return value;
  } catch {
    return null;
  }
}

export function writeSession(session: StoredSession | null, storage: Storage = localStorage): void {
  if (session) storage.setItem(KEY, JSON.stringify(session));
  else storage.removeItem(KEY);
}
