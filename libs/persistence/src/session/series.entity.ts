import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { SessionKind } from '@rhythm/domain';
import { createdAtProperty, updatedAtProperty, uuidPrimaryKey } from '../common/base.properties.js';
import { Team } from '../team/team.entity.js';

/**
 * A repeating series of sessions. Its occurrences are Session rows (`series`, `occurrence`), made
 * ahead by the keeper from the pattern (see `missingOccurrences` in libs/domain): the next one and
 * the one after always exist.
 */
export const Series = defineEntity({
  name: 'Series',
  tableName: 'session_series',
  properties: {
    id: uuidPrimaryKey(),
    team: () => p.manyToOne(Team).ref().deleteRule('cascade'),
    kind: p.enum(SessionKind.options),
    /** weekly, every_two_weeks, monthly or quarterly (a series that stops repeating is `stopped`). */
    repeat: p.enum(['weekly', 'every_two_weeks', 'monthly', 'quarterly'] as const),
    /** The pattern counts from occurrence `anchorIndex` on `anchorDate` (see SeriesAnchor). */
    anchorDate: p.date(),
    anchorIndex: p.integer().default(0),
    sendInvitation: p.boolean().default(true),
    sendReminder: p.boolean().default(true),
    /** Each occurrence's escalation switch, as the API chose it for the first (issue 16). */
    sendEscalation: p.boolean().default(false),
    /** active: makes occurrences; stopped: makes no more (those made stay); cancelled: all cancelled. */
    state: p.enum(['active', 'stopped', 'cancelled'] as const).default('active'),
    createdAt: createdAtProperty(),
    updatedAt: updatedAtProperty(),
  },
});

export type Series = InferEntity<typeof Series>;
