// The sign-in cookies. All HttpOnly (no script reads them), Secure when the browser reached us over
// TLS (directly, or through the trusted proxy), each on the narrowest path that needs it:
// - `rhythm_refresh` (/api/auth): the browser's refresh token; SameSite=Strict, so no other site's
//   page can make the browser send it (CSRF), and the routes that read it also want a header no
//   cross-site form can set (`X-Requested-By`, see sign-in.routes.ts).
// - `rhythm_link_browser` (/api/auth/email-link): binds an emailed link to the browser that asked.
// - `rhythm_oidc` (/api/auth/oidc): the OpenID Connect request's state, nonce and PKCE verifier,
//   signed; SameSite=Lax because the provider's redirect back is a cross-site navigation.
import { parse } from 'cookie';
import type { Request, Response } from 'express';

export const REFRESH_COOKIE = { name: 'rhythm_refresh', path: '/api/auth', sameSite: 'strict' } as const;
export const LINK_BROWSER_COOKIE = {
  name: 'rhythm_link_browser',
  path: '/api/auth/email-link',
  sameSite: 'strict',
} as const;
export const OIDC_COOKIE = { name: 'rhythm_oidc', path: '/api/auth/oidc', sameSite: 'lax' } as const;

type Cookie = typeof REFRESH_COOKIE | typeof LINK_BROWSER_COOKIE | typeof OIDC_COOKIE;

export function readCookie(req: Request, cookie: Cookie): string | undefined {
  return parse(req.headers.cookie ?? '')[cookie.name] || undefined;
}

export function setCookie(
  req: Request,
  res: Response,
  cookie: Cookie,
  value: string,
  maxAgeMs: number,
): void {
  res.cookie(cookie.name, value, { ...options(req, cookie), maxAge: maxAgeMs });
}

export function clearCookie(req: Request, res: Response, cookie: Cookie): void {
  res.clearCookie(cookie.name, options(req, cookie));
}

function options(req: Request, cookie: Cookie) {
  return { httpOnly: true, secure: req.secure, sameSite: cookie.sameSite, path: cookie.path };
}
