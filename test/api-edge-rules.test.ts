// Pure rules of the API edge, as tables: what every token must carry, which configurations start, and
// which CSV cells a spreadsheet would run.
import { describe, expect, it } from 'vitest';
import { actorFromClaims, AuthenticationError, cachingVerifier, signToken, type ClaimRules, type TokenVerifier } from '../api/auth.js';
import { ConfigurationError, corsOriginProblem, DEFAULT_LIMITS, readApiConfig, startConfigProblems, workerConfigProblems } from '../api/config.js';
import { neutraliseCell } from '../domain/spreadsheet-cells.js';

const NOW = 1_800_000_000;
const ok = { sub: 'someone', iat: NOW, exp: NOW + 3600 };

describe('actorFromClaims: the rules every token obeys', () => {
  const cases: [string, Record<string, unknown>, ClaimRules, string | object][] = [
    ['a manager', { ...ok, role: 'PROGRAMME_MANAGER' }, {}, { subject: 'someone', role: 'PROGRAMME_MANAGER' }],
    ['a focal point with its State', { ...ok, role: 'STATE_FOCAL_POINT', state: 'GAB' }, {}, { subject: 'someone', role: 'STATE_FOCAL_POINT', stateCode: 'GAB' }],
    ['a donor with its organisation', { ...ok, role: 'DONOR', org: 'Invented donor' }, {}, { subject: 'someone', role: 'DONOR', organisation: 'Invented donor' }],
    ['exactly 12 h', { ...ok, exp: NOW + 12 * 3600, role: 'EXPERT' }, {}, { subject: 'someone', role: 'EXPERT' }],
    ['no exp', { sub: 'someone', iat: NOW, role: 'EXPERT' }, {}, 'no expiry'],
    ['12 h and 1 s', { ...ok, exp: NOW + 12 * 3600 + 1, role: 'EXPERT' }, {}, 'valid for 43201 s, longer than the 43200 s'],
    ['no iat, 13 h left', { sub: 'someone', exp: NOW + 13 * 3600, role: 'EXPERT' }, {}, 'longer than the 43200 s'],
    ['a shorter configured maximum', { ...ok, role: 'EXPERT' }, { maxLifetimeSeconds: 900 }, 'valid for 3600 s, longer than the 900 s'],
    ['no subject', { iat: NOW, exp: NOW + 60, role: 'EXPERT' }, {}, 'no subject'],
    ['no role', { ...ok }, {}, 'no role claim ("role")'],
    ['an unknown role', { ...ok, role: 'ADMIN' }, {}, 'names no palermo role'],
    ['a focal point without a State', { ...ok, role: 'STATE_FOCAL_POINT' }, {}, 'needs a State claim'],
    ['a focal point with a lower-case State', { ...ok, role: 'STATE_FOCAL_POINT', state: 'gab' }, {}, 'needs a State claim'],
    ['a State on a manager', { ...ok, role: 'PROGRAMME_MANAGER', state: 'GAB' }, {}, 'must not carry a State claim'],
    ['a State on a donor', { ...ok, role: 'DONOR', state: 'KEN' }, {}, 'must not carry a State claim'],
    ['an empty organisation', { ...ok, role: 'DONOR', org: ' ' }, {}, 'must be a non-empty string'],
    ['mapped provider groups', { ...ok, groups: ['staff', 'ta-pm'] }, { claims: { role: 'groups', state: 'country', org: 'org' }, roleValues: { 'ta-pm': 'PROGRAMME_MANAGER' } }, { subject: 'someone', role: 'PROGRAMME_MANAGER' }],
    ['a nested claim', { ...ok, realm_access: { roles: ['EVALUATOR'] } }, { claims: { role: 'realm_access.roles', state: 'state', org: 'org' } }, { subject: 'someone', role: 'EVALUATOR' }],
    ['a raw role where values are mapped', { ...ok, role: 'PROGRAMME_MANAGER' }, { roleValues: { 'ta-pm': 'PROGRAMME_MANAGER' } }, 'names no palermo role'],
    ['two roles', { ...ok, role: ['EXPERT', 'DONOR'] }, {}, 'several palermo roles'],
    ['an inherited key as a role value', { ...ok, role: 'constructor' }, { roleValues: { 'ta-pm': 'PROGRAMME_MANAGER' } }, 'names no palermo role'],
  ];
  it.each(cases)('%s', (_label, payload, rules, expected) => {
    const run = () => actorFromClaims(payload, { now: NOW, ...rules });
    if (typeof expected === 'string') {
      expect(run).toThrow(AuthenticationError);
      expect(run).toThrow(expected);
    } else {
      expect(run()).toEqual(expected);
    }
  });
});

describe('cachingVerifier: a verified token is remembered until its expiry, a refusal never', () => {
  const SECRET = 'a-test-secret-of-at-least-32-bytes!!';
  /** A verifier that counts its calls and refuses the token 'bad'; the clock is the test's. */
  function counting() {
    const calls: string[] = [];
    const verify: TokenVerifier = async (token) => {
      calls.push(token);
      if (token === 'bad') throw new AuthenticationError('the token signature is invalid');
      return { subject: 'pm', role: 'PROGRAMME_MANAGER' };
    };
    return { calls, verify };
  }
  const clock = (start: number) => {
    const c = { t: start, now: () => c.t };
    return c;
  };

  it('verifies a token once while it lives, again past its exp (and then the verifier says why)', async () => {
    const token = await signToken(SECRET, { subject: 'pm', role: 'PROGRAMME_MANAGER' }, '2m');
    const { exp } = JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString()) as { exp: number };
    const { calls, verify } = counting();
    const c = clock(exp * 1000 - 100_000);
    const cached = cachingVerifier(verify, { now: c.now, maxAgeMs: 1_000_000 });
    await cached(token);
    await cached(token);
    expect(calls).toHaveLength(1);
    c.t = exp * 1000; // expired: back to the verifier
    await cached(token);
    expect(calls).toHaveLength(2);
  });

  it('forgets a token after maxAgeMs even if it lives longer, and never remembers a refusal', async () => {
    const token = await signToken(SECRET, { subject: 'pm', role: 'PROGRAMME_MANAGER' }, '1h');
    const { calls, verify } = counting();
    const c = clock(Date.now());
    const cached = cachingVerifier(verify, { now: c.now, maxAgeMs: 60_000 });
    await cached(token);
    c.t += 59_000;
    await cached(token);
    expect(calls).toHaveLength(1);
    c.t += 2_000;
    await cached(token);
    expect(calls).toHaveLength(2);
    await expect(cached('bad')).rejects.toThrow('signature is invalid');
    await expect(cached('bad')).rejects.toThrow('signature is invalid');
    expect(calls.filter((t) => t === 'bad')).toHaveLength(2);
  });

  it('keeps at most maxEntries tokens, forgetting the oldest first', async () => {
    const tokens = await Promise.all(['a', 'b', 'c'].map((subject) => signToken(SECRET, { subject, role: 'EXPERT' }, '1h')));
    const { calls, verify } = counting();
    const cached = cachingVerifier(verify, { maxEntries: 2 });
    for (const t of tokens) await cached(t);
    await cached(tokens[2]!);
    await cached(tokens[1]!);
    expect(calls).toHaveLength(3);
    await cached(tokens[0]!); // forgotten: verified again
    expect(calls).toHaveLength(4);
  });
});

describe('configuration', () => {
  const backend = { TEMPORAL_ADDRESS: '10.0.0.5:7233', DATABASE_URL: 'postgres://palermo@10.0.0.6/palermo' };
  const secret = 'x'.repeat(32);
  const problemsOf = (env: Record<string, string>) => {
    try {
      readApiConfig(env);
      return [];
    } catch (err) {
      if (err instanceof ConfigurationError) return err.problems;
      throw err;
    }
  };

  it.each<[string, Record<string, string>, RegExp | null]>([
    ['HS256 with a long secret', { ...backend, PALERMO_JWT_SECRET: secret }, null],
    ['OpenID Connect', { ...backend, PALERMO_OIDC_ISSUER: 'https://id.example.org/realms/unodc', PALERMO_OIDC_AUDIENCE: 'palermo-api' }, null],
    ['only TEMPORAL_ADDRESS', { TEMPORAL_ADDRESS: 'x:7233', PALERMO_JWT_SECRET: secret }, /TEMPORAL_ADDRESS is set but DATABASE_URL is not/],
    ['only DATABASE_URL', { DATABASE_URL: 'postgres://x/y', PALERMO_JWT_SECRET: secret }, /DATABASE_URL is set but TEMPORAL_ADDRESS is not/],
    ['neither', { PALERMO_JWT_SECRET: secret }, /TEMPORAL_ADDRESS and DATABASE_URL are missing/],
    ['no way to verify tokens', { ...backend }, /needs PALERMO_JWT_SECRET .* or PALERMO_OIDC_ISSUER and PALERMO_OIDC_AUDIENCE/],
    ['a 31-byte secret', { ...backend, PALERMO_JWT_SECRET: 'x'.repeat(31) }, /PALERMO_JWT_SECRET must be at least 32 bytes/],
    ['issuer without audience', { ...backend, PALERMO_OIDC_ISSUER: 'https://id.example.org' }, /PALERMO_OIDC_AUDIENCE is missing/],
    ['audience without issuer', { ...backend, PALERMO_OIDC_AUDIENCE: 'palermo-api' }, /PALERMO_OIDC_ISSUER is missing/],
    ['a secret and OpenID Connect', { ...backend, PALERMO_JWT_SECRET: secret, PALERMO_OIDC_ISSUER: 'https://id.example.org', PALERMO_OIDC_AUDIENCE: 'a' }, /not both/],
    ['a plain-http issuer', { ...backend, PALERMO_OIDC_ISSUER: 'http://id.example.org', PALERMO_OIDC_AUDIENCE: 'a' }, /must be an https URL/],
    ['HS256 as an OpenID algorithm', { ...backend, PALERMO_OIDC_ISSUER: 'https://id.example.org', PALERMO_OIDC_AUDIENCE: 'a', PALERMO_OIDC_ALGORITHMS: 'RS256,HS256' }, /"HS256" is not one of/],
    ['a role map to no role', { ...backend, PALERMO_OIDC_ISSUER: 'https://id.example.org', PALERMO_OIDC_AUDIENCE: 'a', PALERMO_OIDC_ROLE_VALUES: '{"admins":"ROOT"}' }, /"admins" maps to "ROOT"/],
    ['a claim name without an issuer', { ...backend, PALERMO_JWT_SECRET: secret, PALERMO_OIDC_ROLE_CLAIM: 'groups' }, /PALERMO_OIDC_ROLE_CLAIM is set but/],
    ['CORS for any origin', { ...backend, PALERMO_JWT_SECRET: secret, PALERMO_CORS_ORIGINS: '*' }, /PALERMO_CORS_ORIGINS: "\*" would allow any page/],
    ['a limit that is not a number', { ...backend, PALERMO_JWT_SECRET: secret, PALERMO_MAX_DEPTH: 'ten' }, /PALERMO_MAX_DEPTH must be a positive whole number/],
    ['a flag that is not a boolean', { ...backend, PALERMO_JWT_SECRET: secret, PALERMO_GRAPHIQL: 'yes' }, /PALERMO_GRAPHIQL must be true or false/],
  ])('npm run api: %s', (_label, env, expected) => {
    const problems = problemsOf(env);
    if (expected === null) expect(problems).toEqual([]);
    else expect(problems.join('\n')).toMatch(expected);
  });

  it('defaults a real deployment to no GraphiQL, no introspection, no CORS, and the documented limits', () => {
    const { edge, tokens } = readApiConfig({ ...backend, PALERMO_JWT_SECRET: secret });
    expect(edge).toEqual({ graphiql: false, introspection: false, corsOrigins: [], limits: DEFAULT_LIMITS });
    expect(tokens).toEqual({ kind: 'hs256', secret, maxLifetimeSeconds: 43_200 });
    const configured = readApiConfig({ ...backend, PALERMO_JWT_SECRET: secret, PALERMO_MAX_ALIASES: '5', PALERMO_CORS_ORIGINS: 'https://a.example, http://127.0.0.1:5173', PALERMO_INTROSPECTION: 'true' });
    expect(configured.edge.limits.maxAliases).toBe(5);
    expect(configured.edge.corsOrigins).toEqual(['https://a.example', 'http://127.0.0.1:5173']);
    expect(configured.edge.introspection).toBe(true);
  });

  it('npm start: embedded with neither address, refused with one, and a short secret refused either way', () => {
    expect(startConfigProblems({}, 'dev'.repeat(11))).toEqual({ embedded: true, problems: [] });
    expect(startConfigProblems({ TEMPORAL_ADDRESS: 'x:7233' }, 'dev'.repeat(11)).problems.join('\n')).toMatch(/TEMPORAL_ADDRESS is set but DATABASE_URL is not/);
    expect(startConfigProblems({ ...backend }, 'dev'.repeat(11)).problems.join('\n')).toMatch(/needs PALERMO_JWT_SECRET/);
    expect(startConfigProblems({ PALERMO_JWT_SECRET: 'short' }, 'dev'.repeat(11)).problems.join('\n')).toMatch(/at least 32 bytes/);
  });

  it('npm run worker: needs both addresses', () => {
    expect(workerConfigProblems(backend)).toEqual([]);
    expect(workerConfigProblems({ DATABASE_URL: 'postgres://x/y' })).toEqual([expect.stringMatching(/DATABASE_URL is set but TEMPORAL_ADDRESS is not/)]);
  });

  it.each<[string, string | null]>([
    ['https://app.palermo.example', null],
    ['http://127.0.0.1:5173', null],
    ['null', 'would allow any page'],
    ['*', 'would allow any page'],
    ['https://app.palermo.example/', 'did you mean "https://app.palermo.example"'],
    ['app.palermo.example', 'is not an origin'],
    ['file:///tmp', 'must be an http or https origin'],
  ])('CORS origin %s', (origin, problem) => {
    if (problem === null) expect(corsOriginProblem(origin)).toBeNull();
    else expect(corsOriginProblem(origin)).toContain(problem);
  });
});

describe('neutraliseCell (OWASP CSV injection)', () => {
  it.each<[string, string]>([
    ['=HYPERLINK("http://evil.example","click")', `'=HYPERLINK("http://evil.example","click")`],
    ['+cmd|"/c calc"!A1', `'+cmd|"/c calc"!A1`],
    ['-2+3+cmd|"/c calc"!A1', `'-2+3+cmd|"/c calc"!A1`],
    ['@SUM(A1:A9)', `'@SUM(A1:A9)`],
    ['\t=1+1', `'\t=1+1`],
    ['\r=1+1', `'\r=1+1`],
    ['＝1+1', `'＝1+1`],
    ['-1250.50', '-1250.50'],
    ['-3', '-3'],
    ['-', `'-`],
    ['Transnational crime unit', 'Transnational crime unit'],
    ['a = b', 'a = b'],
    ['', ''],
  ])('%j', (cell, expected) => {
    expect(neutraliseCell(cell)).toBe(expected);
  });
});
