import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { createdAtProperty, uuidPrimaryKey } from '../common/base.properties.js';
import type { DeliveryMessage } from './delivery-message.js';

/**
 * One provider request, written before it is made. The notifier coalesces the emails of many
 * session workflows into one request, so no single activity can rebuild it: whoever retries it
 * (the process that cut it, or any activity whose email it holds) sends exactly these emails
 * under this key, and the provider replays instead of sending twice.
 */
export const EmailBatch = defineEntity({
  name: 'EmailBatch',
  tableName: 'email_batch',
  properties: {
    id: uuidPrimaryKey(),
    /** The provider's Idempotency-Key for this request. */
    idempotencyKey: p.text().unique('email_batch_idempotency_key_unique'),
    /** urgent: invitations and reminders; bulk: moved and cancelled notices. */
    lane: p.enum(['urgent', 'bulk'] as const),
    /** pending until the provider answered and every member's Delivery row is written. */
    state: p.enum(['pending', 'sent', 'refused'] as const).default('pending'),
    /**
     * The emails exactly as sent, as JSON text: text, not jsonb, keeps the key order, so a retry's
     * body is the same to the byte (the same key with another body is 409 at Resend).
     */
    emails: p.text(),
    /** What each email's Delivery row is keyed by, in the order of `emails`. */
    members: p.json<DeliveryMessage[]>(),
    attempts: p.integer().default(0),
    /** The last retryable failure, for ops (`select … from email_batch where state = 'pending'`). */
    lastError: p.text().nullable(),
    /** Batches are purged two days on, past the provider's 24-hour idempotency window. */
    createdAt: createdAtProperty().index('email_batch_created_at_index'),
    finishedAt: p.datetime().nullable(),
  },
});

export type EmailBatch = InferEntity<typeof EmailBatch>;
