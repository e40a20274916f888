// Abuse limits (OWASP API4), counted per API process in express-rate-limit's MemoryStore: writes per
// signed-in user, and sign-in attempts per client and per address. A limit reached is a 429
// problem+json with Retry-After (RateLimitedError). Per process, not cluster-wide: with N replicas
// a caller gets at most N times the limit, which still bounds what one account or client can do;
// a shared store (Redis, PostgreSQL) is the step up when that matters.
import { MemoryStore, type Options } from 'express-rate-limit';
import { RateLimitedError } from '../errors.js';

const WINDOW_MS = 60_000;

export interface Limiter {
  /** Counts one hit for `key`; throws RateLimitedError once the window's allowance is used up. */
  take(key: string): Promise<void>;
}

export interface Limits {
  writes: Limiter;
  signIn: Limiter;
}

export interface LimitSettings {
  RATE_LIMIT_WRITES_PER_MINUTE: number;
  RATE_LIMIT_SIGN_IN_PER_MINUTE: number;
}

export function createLimits(settings: LimitSettings): Limits {
  return {
    writes: limiter(settings.RATE_LIMIT_WRITES_PER_MINUTE, 'Too many changes from this account'),
    signIn: limiter(settings.RATE_LIMIT_SIGN_IN_PER_MINUTE, 'Too many sign-in attempts'),
  };
}

function limiter(perMinute: number, what: string): Limiter {
  const store = new MemoryStore();
  store.init({ windowMs: WINDOW_MS } as Options);
  // The store sweeps expired keys on a timer; it must not keep a process (or a test run) alive.
  store.interval?.unref();
  return {
    async take(key) {
      const { totalHits, resetTime } = await store.increment(key);
      if (totalHits <= perMinute) return;
      const waitMs = (resetTime?.getTime() ?? Date.now() + WINDOW_MS) - Date.now();
      const seconds = Math.max(1, Math.ceil(waitMs / 1000));
      throw new RateLimitedError(
        `${what}: at most ${perMinute} a minute. Try again in ${seconds} s.`,
        seconds,
      );
    },
  };
}
