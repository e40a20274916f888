// Building blocks shared by the resources' schemas.
import { z } from 'zod';

export const Id = z.uuid().meta({ description: 'A UUID.', example: '01966f2e-8a3b-7cc4-9a57-3a1d2f4e5b6c' });

/** An instant as ISO 8601 with an offset (`Z` for UTC). */
export const Instant = z.iso.datetime({ offset: true }).meta({ example: '2026-11-25T09:00:00.000Z' });

export function instant(date: Date): string {
  return date.toISOString();
}

export const TeamParams = z.object({ teamId: Id });

/** Person and team names, and plan item titles: the columns hold 255 characters. */
export const Name = z.string().trim().min(1, 'Must not be empty').max(255);

/** Stored lower-cased, so that one person is one user whatever the capitals they type. */
export const Email = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email({ message: 'Expected an email address' }).max(255));
