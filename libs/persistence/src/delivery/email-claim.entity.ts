import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { EmailBatch } from './email-batch.entity.js';

/**
 * Which batch holds an email (by the email's idempotency key), so that no two batches ever hold
 * the same email at once: a new batch takes an email only when its last batch refused it
 * (`failed`, e.g. a bad address since fixed). Its state mirrors the outcome so that the takeover
 * test reads this row alone, which PostgreSQL re-checks under the row lock of ON CONFLICT.
 */
export const EmailClaim = defineEntity({
  name: 'EmailClaim',
  tableName: 'email_claim',
  properties: {
    idempotencyKey: p.text().primary(),
    batch: () => p.manyToOne(EmailBatch).ref().deleteRule('cascade').index('email_claim_batch_index'),
    state: p.enum(['pending', 'sent', 'failed'] as const).default('pending'),
  },
});

export type EmailClaim = InferEntity<typeof EmailClaim>;
