// Writing Delivery rows from the messages the session workflow hands the notifier: one row per
// message, keyed by its idempotency key. Both the notifier (what the provider answered) and the
// sessions worker (what the notifier gave up on) write them, the same way.
import type { DeliveryState, EmailMessage } from '@rhythm/domain';
import type { Orm } from '../orm.js';
import { Delivery } from './delivery.entity.js';

export interface DeliveryOutcome {
  message: EmailMessage;
  state: DeliveryState;
  /** Why it was skipped or failed. */
  error: string | null;
  providerMessageId: string | null;
}

/**
 * Records each outcome once. A row that exists stays as it is, except that with
 * `replaceFailed` a failed row takes the new outcome (a retry's), so "sent" and "skipped" are
 * never written over.
 */
export async function recordDeliveries(
  orm: Orm,
  outcomes: DeliveryOutcome[],
  { replaceFailed }: { replaceFailed: boolean },
): Promise<void> {
  if (outcomes.length === 0) return;
  await orm.em.fork().upsertMany(
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
