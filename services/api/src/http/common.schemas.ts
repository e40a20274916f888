// Building blocks shared by the resources' schemas.
import { z } from 'zod';

export const Id = z.uuid().meta({ description: 'A UUID.', example: '01966f2e-8a3b-7cc4-9a57-3a1d2f4e5b6c' });

/** An instant as ISO 8601 with an offset (`Z` for UTC). */
export const Instant = z.iso.datetime({ offset: true }).meta({ example: '2026-11-25T09:00:00.000Z' });

export function instant(date: Date): string {
  return date.toISOString();
}

export const TeamParams = z.object({ teamId: Id });

// Text people type never holds control characters: PostgreSQL refuses NUL in text (a 500 before
// this check), and the others hide or forge what a reader sees, in the pages and in the emails that
// quote it. Line breaks and tabs are allowed where the text has lines (a report, a reason).
const NO_CONTROL = 'Must not contain control characters';
const isControl = (code: number) => code < 0x20 || code === 0x7f;
const isLineControl = (char: string) => char === '\n' || char === '\r' || char === '\t';

function withoutControls(text: string, lines: boolean): boolean {
  return ![...text].some((char) => isControl(char.codePointAt(0)!) && !(lines && isLineControl(char)));
}

/** Person and team names, and plan item titles: one line; the columns hold 255 characters. */
export const Name = z
  .string()
  .trim()
  .min(1, 'Must not be empty')
  .max(255)
  .refine((text) => withoutControls(text, false), NO_CONTROL);

/** Text with lines (a report's explanation, a cancellation's reason), at most `max` characters. */
export function multilineText(max: number) {
  return z
    .string()
    .max(max)
    .refine((text) => withoutControls(text, true), NO_CONTROL);
}

/** Stored lower-cased, so that one person is one user whatever the capitals they type. */
export const Email = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email({ message: 'Expected an email address' }).max(255));
