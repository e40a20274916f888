// Authorization: Bearer <JWT> → the Rhythm user it was issued for. The token's `sub` is the user
// id (not the email: ids never change, and a user may have no email).
import { User, type EntityManager } from '@rhythm/persistence';
import type { IncomingHttpHeaders } from 'node:http';
import { z } from 'zod';
import { UnauthenticatedError } from '../errors.js';
import type { TokenVerifier } from './tokens.js';

const UserId = z.uuid();

export async function authenticate(
  headers: IncomingHttpHeaders,
  verifier: TokenVerifier,
  em: EntityManager,
): Promise<User> {
  const header = headers.authorization;
  if (!header) throw new UnauthenticatedError('Sign in: send Authorization: Bearer <token>.');
  const token = /^Bearer +([A-Za-z0-9._~+/=-]+)$/i.exec(header.trim())?.[1];
  if (!token)
    throw new UnauthenticatedError('The Authorization header must read "Bearer <token>".', 'invalid_token');
  const subject = await verifier.verify(token);
  const user = UserId.safeParse(subject).success ? await em.findOne(User, { id: subject }) : null;
  if (!user) throw new UnauthenticatedError('The token names no known user.', 'invalid_token');
  return user;
}
