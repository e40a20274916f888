// The one-click pause link every email carries (List-Unsubscribe, RFC 8058): it pauses Rhythm's
// emails for one owner in one team, without signing in, so it is signed. The notifier makes it,
// the API checks it; both hold EMAIL_LINK_SECRET. An HMAC, not a token in the database: nothing to
// store per email, and a link keeps working for as long as the secret does.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';

export const EmailLinkSecret = z.string().min(32, 'must be at least 32 characters');

export const PAUSE_PATH = '/api/email-pause';

function signature(secret: string, teamId: string, userId: string): string {
  return createHmac('sha256', secret).update(`pause:${teamId}:${userId}`).digest('base64url');
}

/** The pause URL for `userId` in `teamId`, on the app at `baseUrl`. */
export function pauseUrl(baseUrl: string, secret: string, teamId: string, userId: string): string {
  const url = new URL(PAUSE_PATH, baseUrl);
  url.search = new URLSearchParams({
    team: teamId,
    user: userId,
    sig: signature(secret, teamId, userId),
  }).toString();
  return url.toString();
}

/** Whether `sig` is this secret's signature of the pair (in constant time). */
export function pauseSignatureValid(secret: string, teamId: string, userId: string, sig: string): boolean {
  const expected = Buffer.from(signature(secret, teamId, userId));
  const given = Buffer.from(sig);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
