import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { createdAtProperty } from '../common/base.properties.js';

/**
 * A provider webhook already handled, by its `svix-id`: Resend retries a webhook for a day until it
 * gets a 2xx, so the same event may come many times and must change things once.
 */
export const WebhookEvent = defineEntity({
  name: 'WebhookEvent',
  tableName: 'webhook_event',
  properties: {
    id: p.text().primary(),
    type: p.text(),
    createdAt: createdAtProperty(),
  },
});

export type WebhookEvent = InferEntity<typeof WebhookEvent>;
