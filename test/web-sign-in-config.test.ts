// The web app's OpenID Connect client settings: complete, or every problem named; never half configured.
import { describe, expect, it } from 'vitest';
import { webSignInFromEnv } from '../api/web-sign-in.js';

const OIDC = { kind: 'oidc', issuer: 'https://login.example.org/realms/unodc', audience: 'urn:palermo:api' };

describe('webSignInFromEnv', () => {
  it('is off when neither setting is given', () => {
    expect(webSignInFromEnv({}, OIDC)).toEqual({ config: null, problems: [] });
  });

  it('gives the issuer, client, redirect URI, scope and the API as resource', () => {
    expect(webSignInFromEnv({ PALERMO_OIDC_WEB_CLIENT_ID: 'palermo-web', PALERMO_OIDC_WEB_REDIRECT_URI: 'https://palermo.example.org/auth/callback' }, OIDC)).toEqual({
      config: { issuer: OIDC.issuer, clientId: 'palermo-web', redirectUri: 'https://palermo.example.org/auth/callback', scope: 'openid', resource: 'urn:palermo:api' },
      problems: [],
    });
    expect(webSignInFromEnv({ PALERMO_OIDC_WEB_CLIENT_ID: 'palermo-web', PALERMO_OIDC_WEB_REDIRECT_URI: 'http://127.0.0.1:4000/auth/callback', PALERMO_OIDC_WEB_SCOPE: 'openid api' }, OIDC).config?.scope).toBe('openid api');
  });

  it.each([
    [{ PALERMO_OIDC_WEB_CLIENT_ID: 'palermo-web' }, OIDC, ['PALERMO_OIDC_WEB_REDIRECT_URI is missing (e.g. https://palermo.example.org/auth/callback)']],
    [{ PALERMO_OIDC_WEB_REDIRECT_URI: 'https://palermo.example.org/auth/callback' }, OIDC, ["PALERMO_OIDC_WEB_CLIENT_ID is missing (the web app's public client id at the provider)"]],
    [{ PALERMO_OIDC_WEB_CLIENT_ID: 'web', PALERMO_OIDC_WEB_REDIRECT_URI: 'http://palermo.example.org/auth/callback' }, OIDC, ['PALERMO_OIDC_WEB_REDIRECT_URI must be an https URL ending in /auth/callback (plain http only on 127.0.0.1), not "http://palermo.example.org/auth/callback"']],
    [{ PALERMO_OIDC_WEB_CLIENT_ID: 'web', PALERMO_OIDC_WEB_REDIRECT_URI: 'https://palermo.example.org/callback' }, OIDC, ['PALERMO_OIDC_WEB_REDIRECT_URI must be an https URL ending in /auth/callback (plain http only on 127.0.0.1), not "https://palermo.example.org/callback"']],
    [{ PALERMO_OIDC_WEB_CLIENT_ID: 'web', PALERMO_OIDC_WEB_REDIRECT_URI: 'https://palermo.example.org/auth/callback' }, { kind: 'hs256' }, ['PALERMO_OIDC_WEB_CLIENT_ID and PALERMO_OIDC_WEB_REDIRECT_URI need PALERMO_OIDC_ISSUER and PALERMO_OIDC_AUDIENCE']],
  ])('refuses %j with %j', (env, tokens, problems) => {
    expect(webSignInFromEnv(env, tokens)).toEqual({ config: null, problems });
  });
});
