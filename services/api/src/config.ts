// The API's configuration, parsed once at boot from the environment. Every variable is documented
// in services/api/README.md.
import { TimeZone } from '@rhythm/domain';
import { EmailLinkSecret, LogLevel, PostgresUrl, Port, TemporalEnv, parseEnv } from '@rhythm/platform';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

/**
 * The HS256 secret development and test runs use when none is set: fixed, so a token issued by
 * `POST /api/dev/token` survives a restart. Refused in production.
 */
export const DEV_JWT_SECRET = 'rhythm-development-only-secret-do-not-use-in-production';
const DEFAULT_ISSUER = 'rhythm-api';
const DEFAULT_AUDIENCE = 'rhythm';
/**
 * services/web/dist of this checkout, found from this file (src/config.ts or dist/config.js, both
 * two levels below services/): right for `./rhythm start` and for the image's /app, whatever the
 * working directory.
 */
const DEFAULT_WEB_DIST_DIR = fileURLToPath(new URL('../../web/dist', import.meta.url));

const ApiEnv = TemporalEnv.extend({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('production'),
  PORT: Port.default(3000),
  DATABASE_URL: PostgresUrl,
  LOG_LEVEL: LogLevel.default('info'),
  /** The zone a new team gets when its creator does not name one. */
  DEFAULT_TIME_ZONE: TimeZone.default('Europe/Amsterdam'),
  /** HS256 key for bearer tokens (local and small installs). 256 bits at least, as RFC 7518 asks. */
  AUTH_JWT_SECRET: z
    .string()
    .min(32, 'must be at least 32 characters (HS256 needs a 256-bit key)')
    .optional(),
  /** An identity provider's JWKS endpoint; when set, tokens are verified with its keys instead of the secret. */
  AUTH_JWKS_URL: z
    .url({ protocol: /^https?$/, message: 'must be an http(s) URL of a JWKS document' })
    .optional(),
  AUTH_ISSUER: z.string().min(1).optional(),
  AUTH_AUDIENCE: z.string().min(1).optional(),
  /**
   * The signing secret of the Resend webhook (whsec_…, from Resend's dashboard), one per
   * environment. Unset: POST /api/webhooks/resend answers 503 and trusts nothing.
   */
  RESEND_WEBHOOK_SECRET: z
    .string()
    .startsWith('whsec_', 'must be the whsec_… signing secret of the webhook')
    .optional(),
  /** Checks the signed one-click pause link in each email (the notifier signs it with the same secret). */
  EMAIL_LINK_SECRET: EmailLinkSecret.optional(),
  /** Changes (POST, PUT, PATCH, DELETE) one signed-in user may make per minute, per API process: 429 beyond. */
  RATE_LIMIT_WRITES_PER_MINUTE: z.coerce.number().int().positive().default(300),
  /** Sign-in attempts per minute, per client address and per email address, per API process: 429 beyond. */
  RATE_LIMIT_SIGN_IN_PER_MINUTE: z.coerce.number().int().positive().default(10),
  /** Teams one person may belong to (creating another is 409 beyond). */
  MAX_TEAMS_PER_USER: z.coerce.number().int().positive().default(50),
  /** Scheduled sessions one team may have ahead (scheduling another is 409 beyond). */
  MAX_SCHEDULED_SESSIONS_PER_TEAM: z.coerce.number().int().positive().default(1000),
  /** Days an invitation's link works after it is sent (or sent again). */
  INVITATION_TTL_DAYS: z.coerce.number().int().positive().max(90).default(7),
  /** Minutes a signed-in browser's access token works; it is renewed with the refresh cookie. */
  AUTH_ACCESS_TOKEN_MINUTES: z.coerce.number().int().positive().max(60).default(15),
  /** Days a browser stays signed in without use (each refresh starts the days again). */
  AUTH_SESSION_DAYS: z.coerce.number().int().positive().max(365).default(30),
  /** Minutes an emailed sign-in link works. */
  SIGN_IN_LINK_MINUTES: z.coerce.number().int().positive().max(60).default(15),
  /**
   * The address people open Rhythm at (scheme, host, port), e.g. https://rhythm.example.com: the
   * OpenID Connect redirect URI is built from it. Required with OIDC_ISSUER.
   */
  PUBLIC_URL: z.url({ protocol: /^https?$/ }).optional(),
  /** The organisation's OpenID Connect provider (its issuer URL); unset: no such sign-in. */
  OIDC_ISSUER: z.url({ protocol: /^https?$/ }).optional(),
  OIDC_CLIENT_ID: z.string().min(1).optional(),
  OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  /** What the sign-in button calls the provider, e.g. "Acme account". */
  OIDC_NAME: z.string().min(1).max(60).default('your organisation'),
  /** The web app's build output, served at / when it holds an index.html; relative to the working directory. */
  WEB_DIST_DIR: z
    .string()
    .min(1)
    .transform((dir) => path.resolve(dir))
    .default(DEFAULT_WEB_DIST_DIR),
});
type ApiEnv = z.infer<typeof ApiEnv>;

/** How bearer tokens are verified: with a shared secret (HS256) or a provider's published keys. */
export type AuthSettings =
  | { mode: 'secret'; secret: string; issuer: string; audience: string }
  | { mode: 'jwks'; jwksUrl: string; issuer: string; audience: string };

export const ApiConfig = ApiEnv.superRefine(checkAuth).transform((env) => ({
  ...env,
  auth: authSettings(env),
}));
export type ApiConfig = z.infer<typeof ApiConfig>;

export function loadApiConfig(env: NodeJS.ProcessEnv = process.env): ApiConfig {
  return parseEnv(ApiConfig, env);
}

function checkAuth(env: ApiEnv, ctx: z.RefinementCtx): void {
  const problem = (variable: keyof ApiEnv, message: string) =>
    ctx.addIssue({ code: 'custom', path: [variable], message });
  if (env.OIDC_ISSUER) {
    for (const variable of ['OIDC_CLIENT_ID', 'OIDC_CLIENT_SECRET', 'PUBLIC_URL'] as const)
      if (!env[variable]) problem(variable, 'required with OIDC_ISSUER');
  }
  if (env.AUTH_JWKS_URL) {
    // Without both checks any token the provider ever signed, for any application, would be accepted.
    if (!env.AUTH_ISSUER)
      problem('AUTH_ISSUER', 'required with AUTH_JWKS_URL (the provider’s issuer, the iss claim)');
    if (!env.AUTH_AUDIENCE)
      problem('AUTH_AUDIENCE', 'required with AUTH_JWKS_URL (this API’s audience, the aud claim)');
    return;
  }
  if (env.NODE_ENV !== 'production') return;
  if (!env.AUTH_JWT_SECRET) problem('AUTH_JWT_SECRET', 'required in production unless AUTH_JWKS_URL is set');
  else if (env.AUTH_JWT_SECRET === DEV_JWT_SECRET)
    problem('AUTH_JWT_SECRET', 'the development secret is not allowed in production');
}

function authSettings(env: ApiEnv): AuthSettings {
  if (env.AUTH_JWKS_URL) {
    return {
      mode: 'jwks',
      jwksUrl: env.AUTH_JWKS_URL,
      issuer: env.AUTH_ISSUER ?? '',
      audience: env.AUTH_AUDIENCE ?? '',
    };
  }
  return {
    mode: 'secret',
    // checkAuth guarantees a secret in production; elsewhere the fixed development one.
    secret: env.AUTH_JWT_SECRET ?? DEV_JWT_SECRET,
    issuer: env.AUTH_ISSUER ?? DEFAULT_ISSUER,
    audience: env.AUTH_AUDIENCE ?? DEFAULT_AUDIENCE,
  };
}
