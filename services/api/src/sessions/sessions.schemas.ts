// What the session service accepts, as zod schemas: the routes reuse them for request validation
// and OpenAPI, and the service parses with them again so that it is safe to call on its own.
import {
  CalendarDate,
  SessionKind,
  SessionRepeat,
  TeamSettingsChangedSignal,
  TrafficLight,
} from '@rhythm/domain';
import { z } from 'zod';
import { InvalidInputError } from './errors.js';

export const CreateSessionInput = z.strictObject({
  date: CalendarDate,
  kind: SessionKind,
  repeat: SessionRepeat.default('none'),
  sendInvitation: z.boolean().default(true),
  sendReminder: z.boolean().default(true),
});
export type CreateSessionInput = z.input<typeof CreateSessionInput>;

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
export type NotificationsInput = z.input<typeof NotificationsInput>;

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
export type TeamSettingsInput = z.input<typeof TeamSettingsInput>;

export const ListSessionsQuery = z
  .strictObject({ from: CalendarDate.optional(), to: CalendarDate.optional(), kind: SessionKind.optional() })
  .refine((query) => !query.from || !query.to || query.from <= query.to, {
    message: 'Must not be before from',
    path: ['to'],
  });
export type ListSessionsQuery = z.input<typeof ListSessionsQuery>;

export const ReportInput = z.strictObject({
  progress: z.number().int().min(0).max(100),
  trafficLight: TrafficLight,
  explanation: z.string().trim().min(1).max(5000),
});
export type ReportInput = z.input<typeof ReportInput>;

/** Parses `value`, or throws InvalidInputError naming each field by its path (`date`, `to`, …). */
export function parseInput<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw new InvalidInputError(
    result.error.issues.flatMap((issue) =>
      issue.code === 'unrecognized_keys'
        ? issue.keys.map((key) => ({
            field: [...issue.path, key].map(String).join('.'),
            message: 'Unknown property',
          }))
        : [{ field: issue.path.map(String).join('.') || 'input', message: issue.message }],
    ),
  );
}
