// Writing Delivery rows from the messages the session workflow hands the notifier: one row per
// message, keyed by its idempotency key. Both the notifier (what the provider answered) and the
// sessions worker (what the notifier gave up on) write them, the same way.
import type { EntityManager } from '@mikro-orm/core';
import type { DeliveryState } from '@rhythm/domain';
import type { Orm } from '../orm.js';
import { Delivery } from './delivery.entity.js';
import type { DeliveryMessage } from './delivery-message.js';

export type { DeliveryMessage } from './delivery-message.js';

export interface DeliveryOutcome {
  message: DeliveryMessage;
  state: DeliveryState;
  /** Why it was skipped or failed. */
  error: string | null;
  providerMessageId: string | null;
}

/**
 * Records each outcome once. A row that exists stays as it is, except that with
 * `replaceFailed` a failed row takes the new outcome (a retry's), so "sent" and "skipped" are
 * never written over. `em` writes inside that entity manager's transaction instead.
 */
export async function recordDeliveries(
  orm: Orm,
  outcomes: DeliveryOutcome[],
  { replaceFailed, em = orm.em.fork() }: { replaceFailed: boolean; em?: EntityManager },
): Promise<void> {
  if (outcomes.length === 0) return;
  await em.upsertMany(
    Delivery,
    outcomes.map(({ message, state, error, providerMessageId }) => ({
      session: message.sessionId,
      user: message.to.userId,
      step: message.template,
      sessionDate: message.sessionDate,
      round: message.round ?? 0,
      idempotencyKey: message.idempotencyKey,
      providerMessageId,
      state,
      error,
    })),
    replaceFailed
      ? {
          onConflictFields: ['idempotencyKey'],
          onConflictAction: 'merge',
          onConflictMergeFields: ['state', 'error', 'providerMessageId'],
          onConflictWhere: { state: 'failed' },
        }
      : { onConflictFields: ['idempotencyKey'], onConflictAction: 'ignore' },
  );
}
