// What the sessions routes accept, as zod schemas: the routes validate each request with them once
// (and document it in OpenAPI); the session service takes their parsed output types and trusts them.
import {
  CalendarDate,
  SessionKind,
  SessionRepeat,
  TeamSettingsChangedSignal,
  TrafficLight,
} from '@rhythm/domain';
import { z } from 'zod';
import { multilineText } from '../http/common.schemas.js';

export const CreateSessionInput = z.strictObject({
  date: CalendarDate,
  kind: SessionKind,
  repeat: SessionRepeat.default('none'),
  sendInvitation: z.boolean().default(true),
  sendReminder: z.boolean().default(true),
  sendEscalation: z.boolean().optional().meta({
    description:
      'The list of items still without a report, to the process owner(s) the day before. Default: on for steering sessions, off for doing sessions.',
  }),
});
export type CreateSessionInput = z.output<typeof CreateSessionInput>;

/** Printable ASCII, as clients generate them (UUIDs, ULIDs, random strings). */
export const IdempotencyKey = z
  .string()
  .regex(/^[\x21-\x7e]{1,255}$/, 'Expected 1 to 255 printable ASCII characters');

export const RescheduleInput = z.strictObject({ date: CalendarDate });

export const NotificationsInput = z
  .strictObject({
    invitation: z.boolean().optional(),
    reminder: z.boolean().optional(),
    escalation: z.boolean().optional(),
  })
  .refine((value) => Object.values(value).some((on) => on !== undefined), {
    message: 'Name invitation, reminder or escalation',
  });
export type NotificationsInput = z.output<typeof NotificationsInput>;

// The reason is quoted in the cancellation email and stored with it: no control characters (a NUL
// would be refused by PostgreSQL when the notifier keeps the email), line breaks and tabs allowed.
export const CancelInput = z.strictObject({
  reason: multilineText(500).optional(),
});

export const TeamSettingsInput = TeamSettingsChangedSignal;
export type TeamSettingsInput = z.output<typeof TeamSettingsInput>;

export const SESSION_PAGE_LIMIT = { default: 100, max: 500 } as const;

// A page ends at a session; the next starts after its date and id. Clients pass the string back as
// they got it: base64url, so it needs no escaping in a query string, and opaque, so that what it
// holds may change.
const CURSOR_TEXT = /^(\d{4}-\d{2}-\d{2}) ([0-9a-f-]{36})$/;
const CursorPosition = z.object({ date: CalendarDate, id: z.uuid() });

export function sessionCursor(position: z.input<typeof CursorPosition>): string {
  return Buffer.from(`${position.date} ${position.id}`).toString('base64url');
}

const SessionCursor = z
  .string()
  .max(200)
  .transform((text, ctx) => {
    const [, date, id] = CURSOR_TEXT.exec(Buffer.from(text, 'base64url').toString()) ?? [];
    const position = CursorPosition.safeParse({ date, id });
    if (position.success && sessionCursor(position.data) === text) return position.data;
    ctx.addIssue({ code: 'custom', message: 'Not a nextCursor of this list' });
    return z.NEVER;
  });

export const ListSessionsQuery = z
  .strictObject({
    from: CalendarDate.optional(),
    to: CalendarDate.optional(),
    kind: SessionKind.optional(),
    limit: z.coerce
      .number()
      .int()
      .min(1)
      .max(SESSION_PAGE_LIMIT.max)
      .default(SESSION_PAGE_LIMIT.default)
      .meta({ description: `Sessions per page, at most ${SESSION_PAGE_LIMIT.max}.` }),
    cursor: SessionCursor.optional().meta({
      description: 'The `nextCursor` of the page before; without it, the first page.',
    }),
  })
  .refine((query) => !query.from || !query.to || query.from <= query.to, {
    message: 'Must not be before from',
    path: ['to'],
  });
export type ListSessionsQuery = z.output<typeof ListSessionsQuery>;

export const ReportInput = z.strictObject({
  progress: z.number().int().min(0).max(100).meta({ description: 'Percent done.' }),
  trafficLight: TrafficLight,
  explanation: multilineText(5000).trim().min(1),
});
export type ReportInput = z.output<typeof ReportInput>;
