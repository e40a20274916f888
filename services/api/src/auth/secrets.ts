// The secrets in links and cookies (sign-in links, refresh tokens, invitations): 256 random bits,
// URL-safe; the database keeps their SHA-256 only, so reading it yields no working link or cookie.
import { createHash, randomBytes } from 'node:crypto';

export const newSecret = (): string => randomBytes(32).toString('base64url');

export const secretHash = (secret: string): string => createHash('sha256').update(secret).digest('hex');
