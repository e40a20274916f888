// A browser's sign-in, once the person proved who they are (an emailed link, or the organisation's
// OpenID Connect provider). Why short-lived bearer tokens with a refresh cookie, not a session
// cookie on every request: the web app and every other client already send `Authorization: Bearer`
// (the same verifier checks them all), a bearer header cannot be forged by another site (no CSRF on
// the API's hundred routes), and the one cookie that can renew it is HttpOnly, SameSite=Strict and
// read by two routes only (cookies.ts). The access token works for AUTH_ACCESS_TOKEN_MINUTES (the
// app renews it shortly before); the refresh token rotates on each use, and a replaced one presented
// again (a copy) ends the sign-in.
import { SignInSession, type EntityManager, type User } from '@rhythm/persistence';
import type { Request, Response } from 'express';
import type { ApiConfig, AuthSettings } from '../../config.js';
import { UnauthenticatedError } from '../../errors.js';
import { instant } from '../../http/common.schemas.js';
import { userView } from '../../me/me.schemas.js';
import { newSecret, secretHash } from '../secrets.js';
import { issueToken } from '../tokens.js';
import { REFRESH_COOKIE, clearCookie, readCookie, setCookie } from './cookies.js';

const DAY_MS = 86_400_000;
/** Two tabs refreshing at once: the loser presents the token just replaced; not a theft within this. */
const RACE_GRACE_MS = 30_000;

export type SignInMethod = 'email_link' | 'oidc';

export interface BrowserContext {
  em: EntityManager;
  req: Request;
  res: Response;
  config: ApiConfig & { auth: Extract<AuthSettings, { mode: 'secret' }> };
}

export async function startBrowserSession(ctx: BrowserContext, user: User, method: SignInMethod) {
  const refresh = newSecret();
  ctx.em.create(SignInSession, {
    user,
    tokenHash: secretHash(refresh),
    method,
    expiresAt: sessionExpiry(ctx.config),
  });
  await ctx.em.flush();
  setCookie(ctx.req, ctx.res, REFRESH_COOKIE, refresh, ctx.config.AUTH_SESSION_DAYS * DAY_MS);
  return accessFor(ctx.config, user);
}

/** A new access token for the cookie's sign-in, and a new refresh token in its place. */
export async function refreshBrowserSession(ctx: BrowserContext) {
  const presented = readCookie(ctx.req, REFRESH_COOKIE);
  if (!presented) throw new UnauthenticatedError('Not signed in in this browser.');
  const hash = secretHash(presented);
  const session = await ctx.em.findOne(
    SignInSession,
    { tokenHash: hash, revokedAt: null },
    { populate: ['user'] },
  );
  if (!session || session.expiresAt <= new Date()) {
    // The cookie stays when another tab just renewed it: that tab's answer set the new one.
    if (!(await replacedJustNow(ctx.em, hash))) clearCookie(ctx.req, ctx.res, REFRESH_COOKIE);
    throw new UnauthenticatedError('The sign-in has ended; sign in again.', 'invalid_token');
  }
  const refresh = newSecret();
  // Only if nobody rotated it meanwhile: a concurrent refresh with the same token gets 401.
  const rotated = await ctx.em.nativeUpdate(
    SignInSession,
    { id: session.id, tokenHash: hash },
    {
      tokenHash: secretHash(refresh),
      previousTokenHash: hash,
      expiresAt: sessionExpiry(ctx.config),
      updatedAt: new Date(),
    },
  );
  if (rotated !== 1)
    throw new UnauthenticatedError('The sign-in was renewed elsewhere; try again.', 'invalid_token');
  setCookie(ctx.req, ctx.res, REFRESH_COOKIE, refresh, ctx.config.AUTH_SESSION_DAYS * DAY_MS);
  return accessFor(ctx.config, session.user.getEntity());
}

export async function endBrowserSession(ctx: BrowserContext): Promise<void> {
  const presented = readCookie(ctx.req, REFRESH_COOKIE);
  if (presented)
    await ctx.em.nativeUpdate(
      SignInSession,
      { tokenHash: secretHash(presented), revokedAt: null },
      { revokedAt: new Date() },
    );
  clearCookie(ctx.req, ctx.res, REFRESH_COOKIE);
}

/**
 * True when `hash` was replaced moments ago (two tabs renewing at once). A token replaced earlier
 * and presented again is a copy in other hands: the sign-in it belonged to ends.
 */
async function replacedJustNow(em: EntityManager, hash: string): Promise<boolean> {
  const replaced = await em.findOne(SignInSession, { previousTokenHash: hash, revokedAt: null });
  if (!replaced) return false;
  if (replaced.updatedAt.getTime() >= Date.now() - RACE_GRACE_MS) return true;
  await em.nativeUpdate(SignInSession, { id: replaced.id }, { revokedAt: new Date() });
  return false;
}

async function accessFor(config: BrowserContext['config'], user: User) {
  const { token, expiresAt } = await issueToken(
    config.auth,
    user.id,
    new Date(),
    config.AUTH_ACCESS_TOKEN_MINUTES * 60,
  );
  return { token, tokenType: 'Bearer' as const, expiresAt: instant(expiresAt), user: userView(user) };
}

const sessionExpiry = (config: ApiConfig) => new Date(Date.now() + config.AUTH_SESSION_DAYS * DAY_MS);
