// Development sign-in: a token for an existing user, by email, with no password. Mounted only when
// NODE_ENV=development and tokens are signed with the local secret; otherwise the route does not
// exist (404), in the document as in the router.
import { User } from '@rhythm/persistence';
import { z } from 'zod';
import type { ApiConfig, AuthSettings } from '../config.js';
import { InvalidInputError } from '../errors.js';
import { Email, Instant, instant } from '../http/common.schemas.js';
import { defineRoute, type Route } from '../http/route.js';
import { UserSchema, userView } from '../me/me.schemas.js';
import { issueToken } from './tokens.js';

const DevTokenRequest = z.strictObject({ email: Email }).meta({ id: 'DevTokenRequest' });
const DevTokenSchema = z
  .object({ token: z.string(), tokenType: z.literal('Bearer'), expiresAt: Instant, user: UserSchema })
  .meta({ id: 'DevToken', description: 'Send as `Authorization: Bearer <token>`.' });

/** Where development sign-in (this route and GET /api/dev/users) exists: nowhere else. */
export function devSignInEnabled(
  config: ApiConfig,
): config is ApiConfig & { auth: Extract<AuthSettings, { mode: 'secret' }> } {
  return config.NODE_ENV === 'development' && config.auth.mode === 'secret';
}

export function devTokenRoutes(config: ApiConfig): Route[] {
  if (!devSignInEnabled(config)) return [];
  const { auth } = config;
  return [
    defineRoute({
      method: 'post',
      path: '/api/dev/token',
      operationId: 'issueDevToken',
      summary: 'Development only: a token for an existing user, by email',
      tags: ['development'],
      public: true,
      request: { body: DevTokenRequest },
      responses: { 200: DevTokenSchema },
      problems: [429],
      handler: async ({ body, em, deps, req }) => {
        // Per client and per address, as any sign-in (http/limits.ts).
        await deps.limits?.signIn.take(`client ${req.ip}`);
        await deps.limits?.signIn.take(`address ${body.email}`);
        const user = await em.findOne(User, { email: body.email });
        if (!user) throw InvalidInputError.field('body.email', 'No user has this email');
        const { token, expiresAt } = await issueToken(auth, user.id);
        return {
          status: 200,
          body: { token, tokenType: 'Bearer' as const, expiresAt: instant(expiresAt), user: userView(user) },
        };
      },
    }),
  ];
}
