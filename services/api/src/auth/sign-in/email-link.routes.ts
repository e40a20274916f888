// Sign-in with an emailed link (issue 13, part 1). Asking: the same 202 whatever the address (known,
// unknown, rate-limited aside), a link emailed through the notifier (`sign-in-link-<id>`), and a
// cookie that binds the link to this browser. Following it: the link's secret and that cookie,
// once, within SIGN_IN_LINK_MINUTES; the address's user (made on a first sign-in) is then signed in.
import { Locale, signInLinkKey } from '@rhythm/domain';
import { SignInLink } from '@rhythm/persistence';
import { z } from 'zod';
import { ForbiddenError, GoneError, UnavailableError } from '../../errors.js';
import { Email, Instant, instant } from '../../http/common.schemas.js';
import { defineRoute } from '../../http/route.js';
import { newSecret, secretHash } from '../secrets.js';
import { startBrowserSession } from './browser-sessions.js';
import { LINK_BROWSER_COOKIE, clearCookie, readCookie, setCookie } from './cookies.js';
import { userSigningIn, userWithEmail } from './people.js';
import { SignedInSchema, signInContext } from './sign-in.schemas.js';

const LinkRequest = z
  .strictObject({
    email: Email,
    locale: Locale.optional().meta({
      description: 'The email’s language for an address without an account.',
    }),
  })
  .meta({ id: 'SignInLinkRequest' });
const LinkRequested = z.object({ expiresAt: Instant }).meta({
  id: 'SignInLinkRequested',
  description: 'The same answer whether or not the address has an account.',
});
const LinkFollowed = z.strictObject({ token: z.string().min(1).max(200) }).meta({ id: 'SignInLinkFollowed' });

export const requestSignInLink = defineRoute({
  method: 'post',
  path: '/api/auth/email-link',
  operationId: 'requestSignInLink',
  summary: 'Email a sign-in link that works once, for minutes, in this browser only',
  tags: ['sign-in'],
  public: true,
  request: { body: LinkRequest },
  responses: { 202: LinkRequested },
  problems: [429, 503],
  handler: async ({ body, em, deps, req, res }) => {
    const ctx = signInContext(deps, em, req, res);
    await deps.limits?.signIn.take(`client ${req.ip}`);
    await deps.limits?.signIn.take(`address ${body.email.toLowerCase()}`);
    const token = newSecret();
    const browser = newSecret();
    const minutes = ctx.config.SIGN_IN_LINK_MINUTES;
    const link = em.create(SignInLink, {
      email: body.email.toLowerCase(),
      tokenHash: secretHash(token),
      browserHash: secretHash(browser),
      expiresAt: new Date(Date.now() + minutes * 60_000),
    });
    await em.flush(); // committed before the email's workflow starts: it reads nothing back.
    const user = await userWithEmail(em, body.email);
    try {
      await deps.sessions.emailSignInLink({
        idempotencyKey: signInLinkKey(link.id),
        linkId: link.id,
        to: body.email,
        locale: user?.locale ?? body.locale ?? 'en',
        token,
        expiresAt: instant(link.expiresAt),
      });
    } catch (error) {
      throw new UnavailableError('The sign-in link could not be sent; try again shortly.', { cause: error });
    }
    setCookie(req, res, LINK_BROWSER_COOKIE, browser, minutes * 60_000);
    return { status: 202, body: { expiresAt: instant(link.expiresAt) } };
  },
});

export const followSignInLink = defineRoute({
  method: 'post',
  path: '/api/auth/email-link/verify',
  operationId: 'followSignInLink',
  summary: 'Sign in with an emailed link’s secret, in the browser that asked for it',
  description:
    'Sets the refresh cookie and answers an access token. 410 for a link used, expired or unknown; 403 in another browser than the one that asked.',
  tags: ['sign-in'],
  public: true,
  request: { body: LinkFollowed },
  responses: { 200: SignedInSchema },
  problems: [403, 410, 429],
  handler: async ({ body, em, deps, req, res }) => {
    const ctx = signInContext(deps, em, req, res);
    await deps.limits?.signIn.take(`client ${req.ip}`);
    const link = await em.findOne(SignInLink, { tokenHash: secretHash(body.token) });
    if (!link || link.usedAt || link.expiresAt <= new Date())
      throw new GoneError(
        'This sign-in link no longer works: links work once, for a few minutes. Ask for a new one.',
      );
    const browser = readCookie(req, LINK_BROWSER_COOKIE);
    if (!browser || secretHash(browser) !== link.browserHash)
      throw new ForbiddenError(
        'Open the link in the browser where you asked for it, or ask for a new one here.',
      );
    // Once: of two requests with the same link, one marks it used and the other gets 410.
    const used = await em.nativeUpdate(SignInLink, { id: link.id, usedAt: null }, { usedAt: new Date() });
    if (used !== 1) throw new GoneError('This sign-in link has been used already. Ask for a new one.');
    clearCookie(req, res, LINK_BROWSER_COOKIE);
    const user = await userSigningIn(em, link.email);
    return { status: 200, body: await startBrowserSession(ctx, user, 'email_link') };
  },
});
