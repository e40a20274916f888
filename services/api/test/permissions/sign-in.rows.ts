// Permission rows of signing in: every route is public and answers every caller alike (a bearer
// token changes nothing). The permission world configures an OpenID Connect provider that is not
// running, so its routes exist and redirect to the sign-in page with the reason.
import { everyone, type PermissionRow } from '../support/permission-matrix.js';

const FROM_APP = { 'X-Requested-By': 'rhythm-web' };
/** A closed port on this machine: discovery fails at once. */
export const UNREACHABLE_OIDC = {
  PUBLIC_URL: 'http://rhythm.test',
  OIDC_ISSUER: 'http://127.0.0.1:9',
  OIDC_CLIENT_ID: 'rhythm',
  OIDC_CLIENT_SECRET: 'secret',
};

export const signInRows: PermissionRow[] = [
  {
    endpoint: 'GET /api/auth/methods',
    call: () => ({ method: 'get', path: '/api/auth/methods' }),
    expect: everyone(200),
  },
  {
    endpoint: 'POST /api/auth/email-link',
    call: (_w, actor) => ({
      method: 'post',
      path: '/api/auth/email-link',
      body: { email: `matrix-${actor}-${Date.now()}@example.com` },
    }),
    expect: everyone(202),
  },
  {
    endpoint: 'POST /api/auth/email-link/verify',
    call: () => ({ method: 'post', path: '/api/auth/email-link/verify', body: { token: 'no-such-link' } }),
    expect: everyone(410),
  },
  {
    // No refresh cookie: not signed in in this browser, whatever bearer token comes along.
    endpoint: 'POST /api/auth/refresh',
    call: () => ({ method: 'post', path: '/api/auth/refresh', headers: FROM_APP }),
    expect: everyone(401),
  },
  {
    endpoint: 'POST /api/auth/sign-out',
    call: () => ({ method: 'post', path: '/api/auth/sign-out', headers: FROM_APP }),
    expect: everyone(204),
  },
  {
    endpoint: 'GET /api/auth/oidc/start',
    call: () => ({ method: 'get', path: '/api/auth/oidc/start' }),
    expect: everyone(303),
  },
  {
    endpoint: 'GET /api/auth/oidc/callback',
    call: () => ({ method: 'get', path: '/api/auth/oidc/callback?code=x&state=y' }),
    expect: everyone(303),
  },
];
