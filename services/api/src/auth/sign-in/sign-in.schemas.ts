// What a sign-in answers, and the context its routes share.
import type { EntityManager } from '@rhythm/persistence';
import type { Request, Response } from 'express';
import { z } from 'zod';
import type { ApiConfig } from '../../config.js';
import type { AppDependencies } from '../../dependencies.js';
import { Instant } from '../../http/common.schemas.js';
import { UserSchema } from '../../me/me.schemas.js';
import type { BrowserContext } from './browser-sessions.js';

export const SignedInSchema = z
  .object({ token: z.string(), tokenType: z.literal('Bearer'), expiresAt: Instant, user: UserSchema })
  .meta({
    id: 'SignedIn',
    description:
      'Send the token as `Authorization: Bearer <token>` until `expiresAt`, then renew it with POST /api/auth/refresh (the refresh cookie set with this answer).',
  });

/** The routes exist only where the API signs its own tokens (an HS256 secret: see signInRoutes). */
export function signsTokens(config: ApiConfig): config is BrowserContext['config'] {
  return config.auth.mode === 'secret';
}

export function signInContext(
  deps: AppDependencies,
  em: EntityManager,
  req: Request,
  res: Response,
): BrowserContext {
  const { config } = deps;
  if (!signsTokens(config)) throw new Error('sign-in routes are mounted only when the API signs tokens');
  return { em, req, res, config };
}
