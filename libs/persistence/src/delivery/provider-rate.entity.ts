import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

/**
 * The provider's rate limit, shared by every notifier replica: the earliest moment the next
 * request may start (one row per provider). Each request moves it on by 1/rate.
 */
export const ProviderRate = defineEntity({
  name: 'ProviderRate',
  tableName: 'provider_rate',
  properties: {
    provider: p.text().primary(),
    nextSlotAt: p.datetime(),
  },
});

export type ProviderRate = InferEntity<typeof ProviderRate>;
