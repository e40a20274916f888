// Links in Rhythm's emails that work without signing in, so they are signed: the one-click pause
// (List-Unsubscribe, RFC 8058) and the session's calendar invitation. The notifier makes them, the
// API checks them; both hold EMAIL_LINK_SECRET. An HMAC over the link's purpose and subjects, not a
// token in the database: nothing to store per email, and a link works as long as the secret does.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';

export const EmailLinkSecret = z.string().min(32, 'must be at least 32 characters');

export const PAUSE_PATH = '/api/email-pause';
export const calendarPath = (sessionId: string) => `/api/calendar/${sessionId}.ics`;

type Purpose = 'pause' | 'calendar';

function signature(secret: string, purpose: Purpose, ...subjects: string[]): string {
  return createHmac('sha256', secret)
    .update([purpose, ...subjects].join(':'))
    .digest('base64url');
}

/** Whether `sig` is this secret's signature of the purpose and subjects (in constant time). */
function valid(secret: string, sig: string, purpose: Purpose, ...subjects: string[]): boolean {
  const expected = Buffer.from(signature(secret, purpose, ...subjects));
  const given = Buffer.from(sig);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

function link(baseUrl: string, path: string, params: Record<string, string>): string {
  const url = new URL(path, baseUrl);
  url.search = new URLSearchParams(params).toString();
  return url.toString();
}

/** The pause URL for `userId` in `teamId`, on the app at `baseUrl`. */
export function pauseUrl(baseUrl: string, secret: string, teamId: string, userId: string): string {
  return link(baseUrl, PAUSE_PATH, {
    team: teamId,
    user: userId,
    sig: signature(secret, 'pause', teamId, userId),
  });
}

export function pauseSignatureValid(secret: string, teamId: string, userId: string, sig: string): boolean {
  return valid(secret, sig, 'pause', teamId, userId);
}

/** The calendar invitation of `sessionId` for attendee `userId`. */
export function calendarUrl(baseUrl: string, secret: string, sessionId: string, userId: string): string {
  return link(baseUrl, calendarPath(sessionId), {
    user: userId,
    sig: signature(secret, 'calendar', sessionId, userId),
  });
}

export function calendarSignatureValid(
  secret: string,
  sessionId: string,
  userId: string,
  sig: string,
): boolean {
  return valid(secret, sig, 'calendar', sessionId, userId);
}
