import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { SessionKind, SessionRepeat, SessionState } from '@rhythm/domain';
import { createdAtProperty, updatedAtProperty, uuidPrimaryKey } from '../common/base.properties.js';
import { Team } from '../team/team.entity.js';
import { Series } from './series.entity.js';

export const Session = defineEntity({
  name: 'Session',
  tableName: 'session',
  properties: {
    id: uuidPrimaryKey(),
    team: () => p.manyToOne(Team).ref().deleteRule('cascade'),
    /**
     * A calendar day in the team's zone, 'YYYY-MM-DD'. A `date` column mapped to a string (MikroORM 7's
     * DateType, and the pg driver keeps dates as text): a JS Date would carry a time and shift a day
     * whenever the process zone differs from the team's.
     */
    date: p.date(),
    kind: p.enum(SessionKind.options),
    sendInvitation: p.boolean().default(true),
    sendReminder: p.boolean().default(true),
    /**
     * The day-before list of items still without a report, to the process owner(s). The API sets it
     * (on for steering sessions unless asked otherwise); false for rows made before the column.
     */
    sendEscalation: p.boolean().default(false),
    /**
     * The old way of repeating, kept for rows made before series: the workflow makes the next
     * occurrence when this one is held. Occurrences of a series have 'none' here.
     */
    repeat: p.enum(SessionRepeat.options).default('none'),
    /** The series this session is occurrence `occurrence` (0, 1, …) of. */
    series: () => p.manyToOne(Series).ref().nullable().deleteRule('cascade'),
    occurrence: p.integer().nullable(),
    state: p.enum(SessionState.options).default('scheduled'),
    /** For a repeating session: the occurrence this one was scheduled from. */
    previousSession: () => p.manyToOne(Session).ref().nullable(),
    /**
     * The client's Idempotency-Key of the create request that made this row, with a hash of its
     * body: a retry with the same key and body finds this row instead of making a second session.
     * Kept on the row (not in a table of its own) so that the key is written in the same INSERT as
     * the session it stands for, and is deleted with it.
     */
    idempotencyKey: p.text().nullable(),
    requestHash: p.text().nullable(),
    /** Bumped by each change a calendar must see (date, cancellation): the iCalendar SEQUENCE. */
    revision: p.integer().default(0),
    createdAt: createdAtProperty(),
    updatedAt: updatedAtProperty(),
  },
  indexes: [{ name: 'session_team_date_index', properties: ['team', 'date'] }],
  uniques: [
    { name: 'session_team_idempotency_key_unique', properties: ['team', 'idempotencyKey'] },
    // Each occurrence once, however many keepers or requests make it at the same time.
    { name: 'session_series_occurrence_unique', properties: ['series', 'occurrence'] },
  ],
});

export type Session = InferEntity<typeof Session>;
