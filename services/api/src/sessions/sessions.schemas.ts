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

export const CreateSessionInput = z.strictObject({
  date: CalendarDate,
  kind: SessionKind,
  repeat: SessionRepeat.default('none'),
  sendInvitation: z.boolean().default(true),
  sendReminder: z.boolean().default(true),
});
export type CreateSessionInput = z.output<typeof CreateSessionInput>;

/** Printable ASCII, as clients generate them (UUIDs, ULIDs, random strings). */
export const IdempotencyKey = z
  .string()
  .regex(/^[\x21-\x7e]{1,255}$/, 'Expected 1 to 255 printable ASCII characters');

export const RescheduleInput = z.strictObject({ date: CalendarDate });

export const NotificationsInput = z
  .strictObject({ invitation: z.boolean().optional(), reminder: z.boolean().optional() })
  .refine((value) => value.invitation !== undefined || value.reminder !== undefined, {
    message: 'Name invitation, reminder or both',
  });
export type NotificationsInput = z.output<typeof NotificationsInput>;

// The reason is quoted in the cancellation email and stored with it: no control characters (a NUL
// would be refused by PostgreSQL when the notifier keeps the email), line breaks and tabs allowed.
export const CancelInput = z.strictObject({
  reason: z
    .string()
    .max(500)
    .refine((reason) => !hasControlCharacter(reason), 'Must not contain control characters')
    .optional(),
});

function hasControlCharacter(text: string): boolean {
  return [...text].some((char) => {
    const code = char.codePointAt(0)!;
    return (code < 0x20 && char !== '\n' && char !== '\r' && char !== '\t') || code === 0x7f;
  });
}

export const TeamSettingsInput = TeamSettingsChangedSignal;
export type TeamSettingsInput = z.output<typeof TeamSettingsInput>;

export const ListSessionsQuery = z
  .strictObject({ from: CalendarDate.optional(), to: CalendarDate.optional(), kind: SessionKind.optional() })
  .refine((query) => !query.from || !query.to || query.from <= query.to, {
    message: 'Must not be before from',
    path: ['to'],
  });
export type ListSessionsQuery = z.output<typeof ListSessionsQuery>;

export const ReportInput = z.strictObject({
  progress: z.number().int().min(0).max(100),
  trafficLight: TrafficLight,
  explanation: z.string().trim().min(1).max(5000),
});
export type ReportInput = z.output<typeof ReportInput>;
