// Sign-in with the organisation's OpenID Connect provider (issue 13, part 2): the browser goes to
// the provider with PKCE, state and nonce (kept in a signed, HttpOnly cookie for 10 minutes) and
// comes back to the callback. The person is the identity (issuer + subject) linked before, else the
// Rhythm user with the provider's *verified* email (made on a first sign-in), and the link is kept:
// `sub` need not be a Rhythm id, and a changed email at the provider still finds the same person.
// The callback ends in a redirect to the web app, with `?error=` on the sign-in page when it failed.
import { Identity, type EntityManager } from '@rhythm/persistence';
import { SignJWT, jwtVerify } from 'jose';
import { z } from 'zod';
import type { ApiConfig } from '../../config.js';
import { defineRoute, type Route } from '../../http/route.js';
import { startBrowserSession } from './browser-sessions.js';
import { OIDC_COOKIE, clearCookie, readCookie, setCookie } from './cookies.js';
import { oidcClient, type PendingRequest, type VouchedPerson } from './oidc-client.js';
import { userSigningIn } from './people.js';
import { signInContext, signsTokens } from './sign-in.schemas.js';

const PENDING_MS = 10 * 60_000;
const PENDING_AUDIENCE = 'rhythm-oidc-request';
const Next = z
  .string()
  .regex(/^\/(?![/\\])/, 'must be a path of this site')
  .max(500)
  .optional()
  .meta({ description: 'Where the web app goes once signed in (a path of this site).' });

export function oidcRoutes(config: ApiConfig): Route[] {
  const {
    OIDC_ISSUER: issuer,
    OIDC_CLIENT_ID: clientId,
    OIDC_CLIENT_SECRET: clientSecret,
    PUBLIC_URL,
  } = config;
  if (!signsTokens(config) || !issuer || !clientId || !clientSecret || !PUBLIC_URL) return [];
  const redirectUri = new URL('/api/auth/oidc/callback', PUBLIC_URL).toString();
  const provider = oidcClient({ issuer, clientId, clientSecret, redirectUri });
  const key = new TextEncoder().encode(config.auth.secret);
  const failed = (reason: string) => ({
    status: 303 as const,
    headers: { Location: `/sign-in?error=${reason}` },
  });

  return [
    defineRoute({
      method: 'get',
      path: '/api/auth/oidc/start',
      operationId: 'startOidcSignIn',
      summary: `Sign in with the organisation’s provider: a redirect to it`,
      tags: ['sign-in'],
      public: true,
      request: { query: z.object({ next: Next }) },
      responses: { 303: null },
      handler: async ({ query, req, res, deps }) => {
        let started;
        try {
          started = await provider.authorizationUrl();
        } catch (error) {
          deps.logger.error({ err: error }, 'the OpenID Connect provider could not be reached');
          return failed('oidc_unavailable');
        }
        const pending = await new SignJWT({ ...started.pending, next: query.next ?? '/' })
          .setProtectedHeader({ alg: 'HS256' })
          .setAudience(PENDING_AUDIENCE)
          .setExpirationTime(new Date(Date.now() + PENDING_MS))
          .sign(key);
        setCookie(req, res, OIDC_COOKIE, pending, PENDING_MS);
        return { status: 303, headers: { Location: started.url.toString() } };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/auth/oidc/callback',
      operationId: 'finishOidcSignIn',
      summary: 'Where the provider sends the browser back: signs in, then redirects to the web app',
      description:
        'Failures redirect to `/sign-in?error=<reason>`: oidc_expired, oidc_failed, oidc_unverified_email, oidc_unavailable.',
      tags: ['sign-in'],
      public: true,
      responses: { 303: null },
      handler: async ({ em, deps, req, res }) => {
        const cookie = readCookie(req, OIDC_COOKIE);
        clearCookie(req, res, OIDC_COOKIE);
        const pending = cookie
          ? await jwtVerify<PendingRequest & { next: string }>(cookie, key, {
              audience: PENDING_AUDIENCE,
            }).catch(() => null)
          : null;
        if (!pending) return failed('oidc_expired');
        let person: VouchedPerson;
        try {
          person = await provider.person(new URL(req.originalUrl, PUBLIC_URL), pending.payload);
        } catch (error) {
          deps.logger.warn({ err: error }, 'an OpenID Connect sign-in was refused');
          return failed('oidc_failed');
        }
        const user = await personFor(em, person);
        if (!user) return failed('oidc_unverified_email');
        await startBrowserSession(signInContext(deps, em, req, res), user, 'oidc');
        return {
          status: 303,
          headers: { Location: `/signed-in?next=${encodeURIComponent(pending.payload.next)}` },
        };
      },
    }),
  ];
}

/** The linked user; else, by a verified email only (an unverified one could be anybody's), a new link. */
async function personFor(em: EntityManager, person: VouchedPerson) {
  const identity = await em.findOne(
    Identity,
    { issuer: person.issuer, subject: person.subject },
    { populate: ['user'] },
  );
  if (identity) return identity.user.getEntity();
  if (!person.email || !person.emailVerified) return null;
  const user = await userSigningIn(em, person.email, { name: person.name ?? undefined });
  em.create(Identity, {
    user,
    issuer: person.issuer,
    subject: person.subject,
    email: person.email.toLowerCase(),
  });
  await em.flush();
  return user;
}
