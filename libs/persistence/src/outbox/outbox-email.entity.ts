import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { createdAtProperty, uuidPrimaryKey } from '../common/base.properties.js';

/** Where the notifier puts emails when no Resend key is configured; the web app shows them. */
export const OutboxEmail = defineEntity({
  name: 'OutboxEmail',
  tableName: 'outbox_email',
  properties: {
    id: uuidPrimaryKey(),
    to: p.text(),
    subject: p.text(),
    html: p.text(),
    text: p.text(),
    idempotencyKey: p.text().unique('outbox_email_idempotency_key_unique'),
    createdAt: createdAtProperty(),
  },
});

export type OutboxEmail = InferEntity<typeof OutboxEmail>;
