// Which of some addresses Rhythm no longer emails (EmailSuppression), for the owner view that the
// notification rules skip by.
import type { EntityManager } from '@mikro-orm/core';
import type { SuppressionReason } from '@rhythm/domain';
import { EmailSuppression } from './email-suppression.entity.js';

/** Suppressed addresses among `emails`, lower-cased, with why. */
export async function suppressionsOf(
  em: EntityManager,
  emails: readonly (string | null | undefined)[],
): Promise<Map<string, SuppressionReason>> {
  const addresses = [...new Set(emails.filter((e): e is string => !!e).map((e) => e.toLowerCase()))];
  if (addresses.length === 0) return new Map();
  const rows = await em.find(EmailSuppression, { address: { $in: addresses } });
  return new Map(rows.map((row) => [row.address, row.reason]));
}

/** The reason `email` is suppressed in `suppressions`, if it is. */
export function suppressedReason(
  suppressions: Map<string, SuppressionReason>,
  email: string | null | undefined,
): SuppressionReason | undefined {
  return email ? suppressions.get(email.toLowerCase()) : undefined;
}
