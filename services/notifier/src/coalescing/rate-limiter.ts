// The provider's rate limit, held for every notifier replica together in PostgreSQL rather than
// per process: one row per provider holds the earliest start of the next request, and each
// request reserves its slot by moving that row on by 1/rate in one UPDATE … RETURNING (the row
// lock orders concurrent replicas). Requests are spaced evenly instead of sent in bursts, so a
// provider limiter of any shape (Resend documents "N requests per second", not its algorithm) sees
// at most the rate in any window. The database's clock decides, so replicas' clocks need not agree.
import { setTimeout as sleep } from 'node:timers/promises';
import type { Orm } from '@rhythm/persistence';

export interface RateLimiter {
  /** Resolves when this process may start one request. */
  acquire(): Promise<void>;
}

/** For the local outbox and for tests that call the activity directly: no provider to spare. */
export const unlimited: RateLimiter = { acquire: () => Promise.resolve() };

export function sharedRateLimiter(orm: Orm, provider: string, requestsPerSecond: number): RateLimiter {
  const intervalSeconds = 1 / requestsPerSecond;
  return {
    async acquire() {
      const [slot] = await orm.em.fork().execute<{ wait_ms: string }[]>(
        `insert into "provider_rate" as r ("provider", "next_slot_at")
           values (?, clock_timestamp() + make_interval(secs => ?))
         on conflict ("provider") do update
           set "next_slot_at" = greatest(r."next_slot_at", clock_timestamp()) + make_interval(secs => ?)
         returning extract(epoch from (r."next_slot_at" - clock_timestamp())) * 1000 - ? as wait_ms`,
        [provider, intervalSeconds, intervalSeconds, intervalSeconds * 1000],
      );
      const wait = Math.ceil(Number(slot!.wait_ms));
      if (wait > 0) await sleep(wait);
    },
  };
}
