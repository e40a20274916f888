// A real OpenID Connect provider for the tests (the API's and the end-to-end ones): node-oidc-provider (the certified implementation by
// openid-client's author) on a loopback port, with one confidential client for Rhythm. Its login
// page is replaced by an interaction that signs in whoever the test named (`signInAs`), as a person
// typing their password would, and grants the scopes asked for.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair } from 'jose';
import Provider from 'oidc-provider';

export interface Person {
  sub: string;
  email: string;
  email_verified: boolean;
  name: string;
}

export interface TestProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Who signs in at the provider's login page from now on. */
  signInAs(person: Person): void;
  close(): Promise<void>;
}

export async function startOidcProvider(redirectUri: string): Promise<TestProvider> {
  const people = new Map<string, Person>();
  let current: Person | null = null;
  const clientId = 'rhythm';
  const clientSecret = 'rhythm-test-client-secret-of-some-length';
  const server = createServer();
  const port = await new Promise<number>((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)),
  );
  const issuer = `http://127.0.0.1:${port}`;
  // Its own signing key and lifetimes, as a deployed provider has (and no development-only notices).
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  const ttl = {
    AccessToken: 600,
    AuthorizationCode: 60,
    Grant: 600,
    IdToken: 600,
    Interaction: 600,
    Session: 600,
  };
  const provider = new Provider(issuer, {
    jwks: { keys: [{ ...(await exportJWK(privateKey)), alg: 'RS256', use: 'sig', kid: 'test' }] },
    ttl,
    clients: [{ client_id: clientId, client_secret: clientSecret, redirect_uris: [redirectUri] }],
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
    cookies: { keys: ['test-provider-cookie-key'] },
    features: { devInteractions: { enabled: false } },
    findAccount: async (_ctx, sub) => {
      const person = people.get(sub);
      return person ? { accountId: sub, claims: async () => ({ ...person }) } : undefined;
    },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
  });
  provider.use(async (ctx, next) => {
    if (!ctx.path.startsWith('/interaction/')) return next();
    const details = await provider.interactionDetails(ctx.req, ctx.res);
    if (!current) throw new Error('the test named nobody to sign in at the provider');
    const grant = new provider.Grant({ accountId: current.sub, clientId });
    grant.addOIDCScope(String(details.params.scope));
    const grantId = await grant.save();
    ctx.redirect(
      await provider.interactionResult(ctx.req, ctx.res, {
        login: { accountId: current.sub },
        consent: { grantId },
      }),
    );
  });
  server.on('request', provider.callback());
  return {
    issuer,
    clientId,
    clientSecret,
    signInAs(person) {
      people.set(person.sub, person);
      current = person;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
