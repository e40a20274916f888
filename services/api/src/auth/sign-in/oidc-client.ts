// The organisation's OpenID Connect provider, through openid-client: discovery (once, retried after
// a failure), the authorization code flow with PKCE, state and nonce, and the person the provider
// vouches for (its issuer and subject, and the email with whether the provider verified it).
import * as oidc from 'openid-client';

export interface OidcSettings {
  issuer: string;
  clientId: string;
  clientSecret: string;
  redirectUri: string;
}

/** What the browser carries between leaving for the provider and coming back (a signed cookie). */
export interface PendingRequest {
  verifier: string;
  state: string;
  nonce: string;
}

export interface VouchedPerson {
  issuer: string;
  subject: string;
  email: string | null;
  emailVerified: boolean;
  name: string | null;
}

export type OidcClient = ReturnType<typeof oidcClient>;

export function oidcClient(settings: OidcSettings) {
  let configuration: Promise<oidc.Configuration> | null = null;
  const discovered = () =>
    (configuration ??= oidc
      .discovery(
        new URL(settings.issuer),
        settings.clientId,
        settings.clientSecret,
        undefined,
        // Plain HTTP only for a provider on this machine (development, tests); never across a network.
        isLoopbackHttp(settings.issuer) ? { execute: [oidc.allowInsecureRequests] } : undefined,
      )
      .catch((error: unknown) => {
        configuration = null;
        throw error;
      }));

  return {
    async authorizationUrl(): Promise<{ url: URL; pending: PendingRequest }> {
      const config = await discovered();
      const pending = {
        verifier: oidc.randomPKCECodeVerifier(),
        state: oidc.randomState(),
        nonce: oidc.randomNonce(),
      };
      const url = oidc.buildAuthorizationUrl(config, {
        redirect_uri: settings.redirectUri,
        scope: 'openid email profile',
        code_challenge: await oidc.calculatePKCECodeChallenge(pending.verifier),
        code_challenge_method: 'S256',
        state: pending.state,
        nonce: pending.nonce,
      });
      return { url, pending };
    },

    async person(callbackUrl: URL, pending: PendingRequest): Promise<VouchedPerson> {
      const config = await discovered();
      const tokens = await oidc.authorizationCodeGrant(config, callbackUrl, {
        pkceCodeVerifier: pending.verifier,
        expectedState: pending.state,
        expectedNonce: pending.nonce,
        idTokenExpected: true,
      });
      const claims = tokens.claims()!;
      let about: Record<string, unknown> = claims;
      // Some providers put the email in the UserInfo answer only, not in the ID token.
      if (typeof claims.email !== 'string')
        about = await oidc.fetchUserInfo(config, tokens.access_token, claims.sub);
      return {
        issuer: claims.iss,
        subject: claims.sub,
        email: typeof about.email === 'string' ? about.email : null,
        emailVerified: about.email_verified === true,
        name: typeof about.name === 'string' ? about.name : null,
      };
    },
  };
}

function isLoopbackHttp(url: string): boolean {
  const { protocol, hostname } = new URL(url);
  return protocol === 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(hostname);
}
