// Configuration is parsed once at boot; authentication settings must be safe in production, and
// the web app's folder is found without being set.
import { ConfigError } from '@rhythm/platform';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEV_JWT_SECRET, loadApiConfig } from '../src/config.js';

const base = { DATABASE_URL: 'postgres://u:p@127.0.0.1:5432/rhythm' };
const secret = 's'.repeat(32);

describe('authentication settings', () => {
  it('development and test sign with the fixed development secret when none is set', () => {
    for (const NODE_ENV of ['development', 'test']) {
      expect(loadApiConfig({ ...base, NODE_ENV }).auth).toEqual({
        mode: 'secret',
        secret: DEV_JWT_SECRET,
        issuer: 'rhythm-api',
        audience: 'rhythm',
      });
    }
  });

  it('production needs a secret or a JWKS URL (production is the default NODE_ENV)', () => {
    expect(() => loadApiConfig(base)).toThrow(
      new ConfigError(
        'bad configuration: AUTH_JWT_SECRET: required in production unless AUTH_JWKS_URL is set',
      ),
    );
  });

  it('production refuses the development secret and a short one', () => {
    expect(() => loadApiConfig({ ...base, AUTH_JWT_SECRET: DEV_JWT_SECRET })).toThrow(
      'AUTH_JWT_SECRET: the development secret is not allowed in production',
    );
    expect(() => loadApiConfig({ ...base, AUTH_JWT_SECRET: 'short' })).toThrow(
      'AUTH_JWT_SECRET: must be at least 32 characters (HS256 needs a 256-bit key)',
    );
  });

  it('production with a secret verifies HS256 with the configured issuer and audience', () => {
    const config = loadApiConfig({
      ...base,
      AUTH_JWT_SECRET: secret,
      AUTH_ISSUER: 'rhythm.example.com',
      AUTH_AUDIENCE: 'rhythm-web',
    });
    expect(config.auth).toEqual({
      mode: 'secret',
      secret,
      issuer: 'rhythm.example.com',
      audience: 'rhythm-web',
    });
  });

  it('a JWKS URL needs the issuer and audience to check, and then replaces the secret', () => {
    expect(() => loadApiConfig({ ...base, AUTH_JWKS_URL: 'https://id.example.com/jwks.json' })).toThrow(
      'AUTH_ISSUER: required with AUTH_JWKS_URL (the provider’s issuer, the iss claim); AUTH_AUDIENCE: required with AUTH_JWKS_URL (this API’s audience, the aud claim)',
    );
    const config = loadApiConfig({
      ...base,
      AUTH_JWKS_URL: 'https://id.example.com/jwks.json',
      AUTH_ISSUER: 'https://id.example.com/',
      AUTH_AUDIENCE: 'rhythm',
    });
    expect(config.auth).toEqual({
      mode: 'jwks',
      jwksUrl: 'https://id.example.com/jwks.json',
      issuer: 'https://id.example.com/',
      audience: 'rhythm',
    });
  });

  it('a JWKS URL must be http(s)', () => {
    expect(() =>
      loadApiConfig({ ...base, NODE_ENV: 'test', AUTH_JWKS_URL: 'ftp://id.example.com/jwks' }),
    ).toThrow('AUTH_JWKS_URL: must be an http(s) URL of a JWKS document');
  });
});

describe('WEB_DIST_DIR', () => {
  it('defaults to services/web/dist of this checkout, whatever the working directory', () => {
    const repo = path.resolve(fileURLToPath(import.meta.url), '../../../..');
    expect(loadApiConfig({ ...base, NODE_ENV: 'test' }).WEB_DIST_DIR).toBe(
      path.join(repo, 'services/web/dist'),
    );
  });

  it('takes a folder, relative to the working directory', () => {
    const config = (WEB_DIST_DIR: string) => loadApiConfig({ ...base, NODE_ENV: 'test', WEB_DIST_DIR });
    expect(config('/srv/rhythm/web').WEB_DIST_DIR).toBe('/srv/rhythm/web');
    expect(config('web/dist').WEB_DIST_DIR).toBe(path.resolve('web/dist'));
  });
});
