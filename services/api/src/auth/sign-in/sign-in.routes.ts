// Signing in and out of the web app: which ways this deployment offers, renewing a browser's access
// token with its refresh cookie, and signing out. Mounted where the API signs its own tokens
// (AUTH_JWT_SECRET); with AUTH_JWKS_URL alone, clients bring the identity provider's tokens instead.
import { z } from 'zod';
import type { ApiConfig } from '../../config.js';
import { defineRoute, type Route } from '../../http/route.js';
import { endBrowserSession, refreshBrowserSession } from './browser-sessions.js';
import { followSignInLink, requestSignInLink } from './email-link.routes.js';
import { oidcRoutes } from './oidc.routes.js';
import { SignedInSchema, signInContext, signsTokens } from './sign-in.schemas.js';

/**
 * The routes that read the refresh cookie also want this header: a page of another site cannot
 * set it on a cross-site request without the API's consent (CORS), a second guard beside SameSite.
 */
const FromTheApp = z.object({
  'X-Requested-By': z
    .literal('rhythm-web')
    .meta({ description: 'Always `rhythm-web`: a guard against cross-site requests.' }),
});

const SignInMethods = z
  .object({
    emailLink: z.boolean(),
    oidc: z.object({ name: z.string(), startUrl: z.string() }).nullable(),
  })
  .meta({ id: 'SignInMethods' });

export function signInRoutes(config: ApiConfig): Route[] {
  if (!signsTokens(config)) return [];
  const oidc = oidcRoutes(config);
  return [
    defineRoute({
      method: 'get',
      path: '/api/auth/methods',
      operationId: 'signInMethods',
      summary: 'The ways to sign in here: an emailed link, and the organisation’s provider if configured',
      tags: ['sign-in'],
      public: true,
      responses: { 200: SignInMethods },
      handler: async () => ({
        status: 200,
        body: {
          emailLink: true,
          oidc: oidc.length ? { name: config.OIDC_NAME, startUrl: '/api/auth/oidc/start' } : null,
        },
      }),
    }),
    defineRoute({
      method: 'post',
      path: '/api/auth/refresh',
      operationId: 'refreshSignIn',
      summary: 'A new access token for this browser’s sign-in (its refresh cookie, which is replaced)',
      tags: ['sign-in'],
      public: true,
      request: { headers: FromTheApp },
      responses: { 200: SignedInSchema },
      problems: [401],
      handler: async ({ em, deps, req, res }) => ({
        status: 200,
        body: await refreshBrowserSession(signInContext(deps, em, req, res)),
      }),
    }),
    defineRoute({
      method: 'post',
      path: '/api/auth/sign-out',
      operationId: 'signOut',
      summary: 'End this browser’s sign-in (its refresh cookie stops working)',
      tags: ['sign-in'],
      public: true,
      request: { headers: FromTheApp },
      responses: { 204: null },
      handler: async ({ em, deps, req, res }) => {
        await endBrowserSession(signInContext(deps, em, req, res));
        return { status: 204 };
      },
    }),
    requestSignInLink,
    followSignInLink,
    ...oidc,
  ];
}
