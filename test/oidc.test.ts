// Tokens from a real OpenID Connect provider (oidc-provider, on 127.0.0.1 in this test): the API reads
// the provider's discovery document and JWKS, verifies RS256 and ES256 JWT access tokens issued by the
// client-credentials grant for our resource indicator, and maps the role, State and organisation claims
// as configured. Nothing of the verifier is stubbed.
import { createServer, type Server } from 'node:http';
import { exportJWK, generateKeyPair, SignJWT, decodeProtectedHeader, decodeJwt } from 'jose';
import Provider from 'oidc-provider';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { readApiConfig } from '../api/config.js';
import { discoverOidcVerifier } from '../api/oidc.js';
import { startApiServer } from '../api/server.js';
import { startStack, TEST_JWT_SECRET, type Stack } from './support/stack.js';

const AUDIENCE = 'urn:palermo:api';
const OTHER_AUDIENCE = 'urn:someone-else:api';
const ORG_CLAIM = 'https://palermo.example/org';

/** What the provider knows of each client: the claims it puts in the client's tokens, and how it signs them. */
const CLIENTS: Record<string, { claims: Record<string, unknown>; alg: 'RS256' | 'ES256'; ttl?: number }> = {
  'manager-app': { alg: 'RS256', claims: { groups: ['staff', 'ta-manager'] } },
  'gabon-portal': { alg: 'ES256', claims: { groups: ['ta-focal-point'], country: 'GAB' } },
  'donor-portal': { alg: 'ES256', claims: { groups: ['ta-donor'], [ORG_CLAIM]: 'Invented donor (demo)' } },
  'long-lived': { alg: 'RS256', claims: { groups: ['ta-manager'] }, ttl: 13 * 60 * 60 },
  'short-lived': { alg: 'ES256', claims: { groups: ['ta-manager'] }, ttl: 1 },
  'manager-with-country': { alg: 'RS256', claims: { groups: ['ta-manager'], country: 'GAB' } },
  'two-roles': { alg: 'RS256', claims: { groups: ['ta-manager', 'ta-donor'] } },
};
const SECRET = 'client-secret-for-the-test-provider';

let stack: Stack;
let idp: Server;
let api: Server;
let apiUrl: string;
let issuer: string;
let shortLived: { token: string; issuedAt: number };
let tokenSettings: Parameters<typeof discoverOidcVerifier>[0];

async function tokenFor(clientId: string, resource = AUDIENCE): Promise<string> {
  const response = await fetch(`${issuer}/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'client_credentials', client_id: clientId, client_secret: SECRET, resource, scope: 'api' }),
  });
  const body = (await response.json()) as { access_token?: string; error?: string };
  if (!body.access_token) throw new Error(`the provider issued no token to ${clientId}: ${JSON.stringify(body)}`);
  return body.access_token;
}

async function me(token: string) {
  const response = await fetch(apiUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: '{ me { subject role state } }' }),
  });
  return { status: response.status, body: (await response.json()) as { data?: { me: unknown }; errors?: { message: string; extensions: { code: string } }[] } };
}

beforeAll(async () => {
  stack = await startStack({ worker: false });
  const rsa = await generateKeyPair('RS256', { extractable: true });
  const ec = await generateKeyPair('ES256', { extractable: true });
  idp = createServer();
  await new Promise<void>((resolve) => idp.listen(0, '127.0.0.1', resolve));
  issuer = `http://127.0.0.1:${(idp.address() as { port: number }).port}`;
  const provider = new Provider(issuer, {
    jwks: {
      keys: [
        { ...(await exportJWK(rsa.privateKey)), kid: 'rsa-2026', alg: 'RS256', use: 'sig' },
        { ...(await exportJWK(ec.privateKey)), kid: 'ec-2026', alg: 'ES256', use: 'sig' },
      ],
    },
    clients: Object.keys(CLIENTS).map((client_id) => ({
      client_id, client_secret: SECRET, grant_types: ['client_credentials'], redirect_uris: [], response_types: [], token_endpoint_auth_method: 'client_secret_post',
    })),
    features: {
      devInteractions: { enabled: false },
      clientCredentials: { enabled: true },
      resourceIndicators: {
        enabled: true,
        defaultResource: () => AUDIENCE,
        // JWT access tokens for either resource, signed as the client's entry says.
        getResourceServerInfo: (_ctx: unknown, resource: string, client: { clientId: string }) => ({
          scope: 'api', audience: resource, accessTokenFormat: 'jwt', accessTokenTTL: CLIENTS[client.clientId]!.ttl ?? 600,
          jwt: { sign: { alg: CLIENTS[client.clientId]!.alg } },
        }),
      },
    },
    extraTokenClaims: (_ctx, token) => CLIENTS[token.clientId ?? '']?.claims,
  });
  idp.on('request', provider.callback());

  // The configuration a deployment would set, read by the same function as `npm run api`.
  const { tokens, edge } = readApiConfig({
    TEMPORAL_ADDRESS: inject('temporalAddress'),
    DATABASE_URL: inject('databaseUrl'),
    PALERMO_OIDC_ISSUER: issuer,
    PALERMO_OIDC_AUDIENCE: AUDIENCE,
    PALERMO_OIDC_ROLE_CLAIM: 'groups',
    PALERMO_OIDC_ROLE_VALUES: JSON.stringify({ 'ta-manager': 'PROGRAMME_MANAGER', 'ta-focal-point': 'STATE_FOCAL_POINT', 'ta-donor': 'DONOR' }),
    PALERMO_OIDC_STATE_CLAIM: 'country',
    PALERMO_OIDC_ORG_CLAIM: ORG_CLAIM,
  });
  if (tokens.kind !== 'oidc') throw new Error('expected OpenID Connect settings');
  tokenSettings = tokens;
  const started = await startApiServer({ db: stack.db, temporal: stack.client, verifyToken: await discoverOidcVerifier(tokens), edge, lifecycle: { taskQueue: stack.taskQueue } }, 0);
  api = started.server;
  apiUrl = started.url;
  shortLived = { token: await tokenFor('short-lived'), issuedAt: Date.now() };
});
afterAll(async () => {
  await Promise.all([api, idp].filter((s) => s?.listening).map((s) => new Promise((resolve) => s.close(resolve))));
  await stack?.stop();
});

describe('tokens from an OpenID Connect provider', () => {
  it('accepts an RS256 token and an ES256 token, mapping the role, State and organisation claims', async () => {
    const managerToken = await tokenFor('manager-app');
    expect(decodeProtectedHeader(managerToken)).toMatchObject({ alg: 'RS256', kid: 'rsa-2026' });
    expect(await me(managerToken)).toEqual({ status: 200, body: { data: { me: { subject: 'manager-app', role: 'PROGRAMME_MANAGER', state: null } } } });

    const gabonToken = await tokenFor('gabon-portal');
    expect(decodeProtectedHeader(gabonToken)).toMatchObject({ alg: 'ES256', kid: 'ec-2026' });
    expect((await me(gabonToken)).body.data).toEqual({ me: { subject: 'gabon-portal', role: 'STATE_FOCAL_POINT', state: 'GAB' } });

    const donorToken = await tokenFor('donor-portal');
    expect((await me(donorToken)).body.data).toEqual({ me: { subject: 'donor-portal', role: 'DONOR', state: null } });

    // The CSV routes verify the same way.
    const csv = await fetch(apiUrl.replace('/graphql', '/reports/needs.csv'), { headers: { authorization: `Bearer ${managerToken}` } });
    expect(csv.status).toBe(200);
    await csv.body?.cancel();
  });

  it('refuses a token signed by another key, even with the provider\'s key id and claims', async () => {
    const genuine = decodeJwt(await tokenFor('manager-app'));
    const impostor = await generateKeyPair('RS256');
    const forged = await new SignJWT(genuine).setProtectedHeader({ alg: 'RS256', kid: 'rsa-2026', typ: 'at+jwt' }).sign(impostor.privateKey);
    const answer = await me(forged);
    expect(answer.status).toBe(401);
    expect(answer.body.errors![0]).toMatchObject({ extensions: { code: 'UNAUTHENTICATED' }, message: expect.stringMatching(/signature/) });
    // An unknown key id, and our own HS256 secret, are no way in either.
    const unknownKid = await new SignJWT(genuine).setProtectedHeader({ alg: 'RS256', kid: 'someone-elses' }).sign(impostor.privateKey);
    expect((await me(unknownKid)).body.errors![0]!.extensions.code).toBe('UNAUTHENTICATED');
    const hs256 = await new SignJWT(genuine).setProtectedHeader({ alg: 'HS256' }).sign(new TextEncoder().encode(TEST_JWT_SECRET));
    expect((await me(hs256)).body.errors![0]).toMatchObject({ extensions: { code: 'UNAUTHENTICATED' }, message: expect.stringMatching(/algorithm/) });
  });

  it('refuses a token issued for another audience', async () => {
    const elsewhere = await tokenFor('manager-app', OTHER_AUDIENCE);
    expect(decodeJwt(elsewhere).aud).toBe(OTHER_AUDIENCE);
    const answer = await me(elsewhere);
    expect(answer.status).toBe(401);
    expect(answer.body.errors![0]).toMatchObject({ extensions: { code: 'UNAUTHENTICATED' }, message: expect.stringMatching(/another audience/) });
  });

  it('refuses a token living longer than the maximum, a State on a manager, and two roles at once', async () => {
    const long = await me(await tokenFor('long-lived'));
    expect(long.body.errors![0]).toMatchObject({ extensions: { code: 'UNAUTHENTICATED' }, message: expect.stringMatching(/valid for 46800 s, longer than the 43200 s/) });
    const withCountry = await me(await tokenFor('manager-with-country'));
    expect(withCountry.body.errors![0]).toMatchObject({ extensions: { code: 'UNAUTHENTICATED' }, message: expect.stringMatching(/must not carry a State claim \("country"\)/) });
    const twoRoles = await me(await tokenFor('two-roles'));
    expect(twoRoles.body.errors![0]).toMatchObject({ extensions: { code: 'UNAUTHENTICATED' }, message: expect.stringMatching(/several palermo roles/) });
  });

  it('refuses an expired token', async () => {
    // Issued in beforeAll with a 1 s lifetime; past it and the 5 s clock tolerance, it is refused.
    const first = decodeJwt(shortLived.token);
    expect(first.exp! - first.iat!).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, shortLived.issuedAt + 7_000 - Date.now())));
    const answer = await me(shortLived.token);
    expect(answer.status).toBe(401);
    expect(answer.body.errors![0]).toMatchObject({ extensions: { code: 'UNAUTHENTICATED' }, message: expect.stringMatching(/expired/) });
  });

  it('answers 503 IDENTITY_PROVIDER_UNAVAILABLE, not UNAUTHENTICATED, when the provider\'s keys cannot be fetched', async () => {
    // A second API whose verifier has read the discovery document but not yet the keys; then the provider goes away.
    const second = await startApiServer({ db: stack.db, temporal: stack.client, verifyToken: await discoverOidcVerifier(tokenSettings), lifecycle: { taskQueue: stack.taskQueue } }, 0);
    const token = await tokenFor('manager-app');
    await new Promise((resolve) => {
      idp.close(resolve);
      idp.closeAllConnections();
    });
    try {
      const response = await fetch(second.url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query: '{ me { subject } }' }) });
      const body = (await response.json()) as { errors: { message: string; extensions: { code: string } }[] };
      expect(response.status).toBe(503);
      expect(body.errors[0]!.extensions.code).toBe('IDENTITY_PROVIDER_UNAVAILABLE');
    } finally {
      await new Promise((resolve) => second.server.close(resolve));
    }
  });
});
