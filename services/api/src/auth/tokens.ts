// Bearer tokens, verified with jose: HS256 with the configured secret, or a provider's JWKS (keys
// fetched and cached by jose, refetched when a token names an unknown key id). Either way the
// issuer and audience are checked, and the token's subject is the Rhythm user id.
import { SignJWT, createRemoteJWKSet, errors, jwtVerify, type JWTVerifyGetKey } from 'jose';
import { UnauthenticatedError, UnavailableError } from '../errors.js';
import type { AuthSettings } from '../config.js';

export interface TokenVerifier {
  /** Resolves with the token's subject (a user id); throws UnauthenticatedError or UnavailableError. */
  verify(token: string): Promise<string>;
}

export function createTokenVerifier(settings: AuthSettings): TokenVerifier {
  const key: Uint8Array | JWTVerifyGetKey =
    settings.mode === 'jwks'
      ? createRemoteJWKSet(new URL(settings.jwksUrl))
      : new TextEncoder().encode(settings.secret);
  // With a secret only HS256; with a JWKS only asymmetric algorithms, so a provider's public key
  // can never be misused as an HMAC secret.
  const algorithms = settings.mode === 'secret' ? ['HS256'] : ['RS256', 'PS256', 'ES256', 'ES384', 'EdDSA'];
  return {
    async verify(token) {
      try {
        const { payload } = await jwtVerify(token, key as Uint8Array, {
          issuer: settings.issuer,
          audience: settings.audience,
          algorithms,
          // A token without an expiry would be valid forever: refused, whoever signed it.
          requiredClaims: ['exp'],
        });
        if (!payload.sub) throw new UnauthenticatedError('The token has no subject.', 'invalid_token');
        return payload.sub;
      } catch (error) {
        throw asAuthError(error);
      }
    },
  };
}

function asAuthError(error: unknown): Error {
  if (error instanceof UnauthenticatedError) return error;
  if (error instanceof errors.JWTExpired)
    return new UnauthenticatedError('The token has expired.', 'invalid_token');
  // The provider's key set could not be fetched: our problem, not the caller's.
  if (error instanceof errors.JWKSTimeout || !(error instanceof errors.JOSEError)) {
    return new UnavailableError('The identity provider’s keys could not be fetched; try again shortly.');
  }
  return new UnauthenticatedError('The token is not valid for this API.', 'invalid_token');
}

export const DEV_TOKEN_LIFETIME_SECONDS = 12 * 60 * 60;

/** Signs a token for `userId` with the HS256 secret: a signed-in browser's access token, development sign-in and tests. */
export async function issueToken(
  settings: Extract<AuthSettings, { mode: 'secret' }>,
  userId: string,
  now = new Date(),
  lifetimeSeconds = DEV_TOKEN_LIFETIME_SECONDS,
): Promise<{ token: string; expiresAt: Date }> {
  const issuedAt = Math.floor(now.getTime() / 1000);
  const expiresAt = new Date((issuedAt + lifetimeSeconds) * 1000);
  const token = await new SignJWT({})
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(userId)
    .setIssuer(settings.issuer)
    .setAudience(settings.audience)
    .setIssuedAt(issuedAt)
    .setExpirationTime(Math.floor(expiresAt.getTime() / 1000))
    .sign(new TextEncoder().encode(settings.secret));
  return { token, expiresAt };
}
