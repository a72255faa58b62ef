// The API's edge on the real servers: cost limits before execution for every caller, body size and
// request deadline, introspection and GraphiQL only where configured, CORS from an allowlist, and
// requests that once gave HTTP 500.
import { connect } from 'node:net';
import type { Server } from 'node:http';
import { SignJWT } from 'jose';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApiServer } from '../api/server.js';
import type { ApiDeps } from '../api/context.js';
import type { Actor } from '../domain/roles.js';
import { FILE_REQUEST, gabonReportingRequest } from './support/requests.js';
import { startStack, TEST_JWT_SECRET, type Stack } from './support/stack.js';

const APP_ORIGIN = 'https://app.palermo.example';
const manager: Actor = { subject: 'pm-edge', role: 'PROGRAMME_MANAGER' };

let stack: Stack;
const servers: Server[] = [];
/** A server as a real deployment runs it by default: no GraphiQL, no introspection, no CORS. */
let locked: string;
/** A server configured like the embedded default, plus one allowed origin and a short request deadline. */
let open: string;
/** A server with a 64 KB body limit. */
let tight: string;
let pm: string;

async function serve(edge: ApiDeps['edge'], taskQueue?: string): Promise<string> {
  const deps: ApiDeps = { db: stack.db, temporal: stack.client, jwtSecret: TEST_JWT_SECRET, edge, lifecycle: { taskQueue: taskQueue ?? stack.taskQueue } };
  const { server, url } = await startApiServer(deps, 0);
  servers.push(server);
  return url;
}

beforeAll(async () => {
  // No worker: nothing here needs a workflow to run, and the deadline test needs one that never answers.
  stack = await startStack({ worker: false });
  locked = await serve(undefined);
  open = await serve({ graphiql: true, introspection: true, corsOrigins: [APP_ORIGIN], limits: { requestTimeoutMs: 1_500 } });
  tight = await serve({ limits: { maxBodyBytes: 64 * 1024 } });
  pm = await stack.token(manager);
});
afterAll(async () => {
  await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
  await stack?.stop();
});

async function post(url: string, body: unknown, headers: Record<string, string> = {}) {
  const started = performance.now();
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: typeof body === 'string' ? body : JSON.stringify(body) });
  const text = await response.text();
  const ms = performance.now() - started;
  let json: any;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, json, text, ms, headers: response.headers };
}

/** Sends bytes as they are on a socket (fetch would refuse a malformed request target) and returns the status line. */
function rawStatus(url: string, request: string): Promise<number> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => socket.write(request));
    let received = '';
    socket.on('data', (chunk) => {
      received += chunk.toString('latin1');
      const match = /^HTTP\/1\.1 (\d{3})/.exec(received);
      if (match) {
        socket.destroy();
        resolve(Number(match[1]));
      }
    });
    socket.on('error', reject);
    socket.setTimeout(10_000, () => reject(new Error(`no answer to ${JSON.stringify(request.slice(0, 40))}`)));
  });
}

const NORMAL_QUERY = '{ me { subject role } codeLists { priorityAreas { code } } }';

describe('cost limits before execution', () => {
  it('refuses 3,000 aliases of __schema without a token in milliseconds, and keeps serving', async () => {
    const query = `{ ${Array.from({ length: 3_000 }, (_, i) => `a${i}: __schema { types { name fields { name } } }`).join(' ')} }`;
    // Introspection is on here, so the refusal can only come from the limits. Warm up first, then time five.
    await post(open, { query: NORMAL_QUERY }, { authorization: `Bearer ${pm}` });
    const refusals = [];
    for (let i = 0; i < 5; i++) refusals.push(await post(open, { query }));
    const refused = refusals.at(-1)!;
    expect(refused.status).toBe(400);
    expect(refused.json.data).toBeUndefined();
    expect(refused.json.errors).toHaveLength(1);
    expect(refused.json.errors[0].extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: 'maxTokens' });
    const normal = await post(open, { query: NORMAL_QUERY }, { authorization: `Bearer ${pm}` });
    expect(refusals.map((r) => r.json.errors[0].extensions.limit)).toEqual(Array(5).fill('maxTokens'));
    expect(normal.status).toBe(200);
    expect(normal.json.data.me).toEqual({ subject: 'pm-edge', role: 'PROGRAMME_MANAGER' });
    expect(normal.json.data.codeLists.priorityAreas.length).toBeGreaterThan(0);
    const times = refusals.map((r) => r.ms.toFixed(1)).join(', ');
    console.log(`[api-edge] 3,000-alias __schema request (${(query.length / 1024).toFixed(0)} KB, no token) refused in ${times} ms (round trip over HTTP, five in a row); a normal query right after: ${normal.ms.toFixed(1)} ms`);
  });

  it('refuses too many aliases, too deep a selection and too high a cost, each naming its limit', async () => {
    const aliases = await post(locked, { query: `{ ${Array.from({ length: 30 }, (_, i) => `m${i}: me { subject }`).join(' ')} }` }, { authorization: `Bearer ${pm}` });
    expect(aliases.status).toBe(400);
    expect(aliases.json.errors.map((e: any) => e.extensions?.limit)).toContain('maxAliases');
    expect(aliases.json.errors.find((e: any) => e.extensions?.limit === 'maxAliases').message).toMatch(/Aliases limit of 20 exceeded, found 30/);

    const deep = await post(locked, { query: `{ ${'me { '.repeat(12)}subject${' }'.repeat(12)} }` });
    expect(deep.status).toBe(400);
    expect(deep.json.errors.map((e: any) => e.extensions?.limit)).toContain('maxDepth');

    // A full page (first: 100) of projects, each with its needs' priorities, history and pledges: within depth and
    // tokens, over the cost budget (about 24,000 > 20,000; a literal `first` multiplies its page's cost).
    const costly = await post(locked, {
      query: '{ projects(first: 100) { __typename ... on QueryProjectsSuccess { data { edges { node { id title needs { id description priority { score parts { name points reason } } } history { seq kind action at summary } pledges { donor amount currency kind } } } } } } }',
    }, { authorization: `Bearer ${pm}` });
    expect(costly.status).toBe(400);
    expect(costly.json.errors.map((e: any) => e.extensions?.limit)).toContain('maxCost');
  });

  it('answers nesting 3,000 deep with 400, not 500', async () => {
    const nested = await post(locked, { query: `{ ${'me { '.repeat(3_000)}subject${' }'.repeat(3_000)} }` });
    expect(nested.status).toBe(400);
    expect(nested.json.errors[0].extensions.code).toBe('QUERY_TOO_COMPLEX');
    // Deep nesting in variables too: JSON parses, GraphQL refuses the value's shape (a request error, never a 500).
    const deepVariables = await post(locked, { query: 'query($id: ID!) { project(id: $id) { __typename } }', variables: { id: JSON.parse(`${'['.repeat(3_000)}${']'.repeat(3_000)}`) } }, { authorization: `Bearer ${pm}` });
    expect(deepVariables.status).toBeLessThan(500);
    expect(deepVariables.json.data).toBeUndefined();
    expect(deepVariables.json.errors[0].message).toMatch(/\$id/);
  });

  it('refuses a body over the limit with 413, with or without a Content-Length, before reading it all', async () => {
    const big = JSON.stringify({ query: '{ __typename }', variables: { padding: 'x'.repeat(100 * 1024) } });
    const declared = await post(tight, big);
    expect(declared.status).toBe(413);
    const encoder = new TextEncoder();
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        // Chunked, no Content-Length: yoga counts while reading and stops at the limit.
        if (sent >= 10 * 1024 * 1024) return controller.close();
        sent += 16 * 1024;
        controller.enqueue(encoder.encode(sent === 16 * 1024 ? `{"query":"{ __typename }","variables":{"p":"${'x'.repeat(16 * 1024 - 40)}` : 'x'.repeat(16 * 1024)));
      },
    });
    const chunked = await fetch(tight, { method: 'POST', headers: { 'content-type': 'application/json' }, body: stream, duplex: 'half' } as RequestInit);
    expect(chunked.status).toBe(413);
    await chunked.body?.cancel();
    expect(sent).toBeLessThan(10 * 1024 * 1024);
  });

  it('answers a request still running at its deadline with 503 REQUEST_TIMEOUT, and keeps serving', async () => {
    // No worker polls this task queue, so filing waits on Temporal until the 1.5 s deadline.
    const gabon = await stack.token({ subject: 'fp-edge-gab', role: 'STATE_FOCAL_POINT', stateCode: 'GAB' });
    const slow = await post(open, { query: FILE_REQUEST, variables: { input: gabonReportingRequest() } }, { authorization: `Bearer ${gabon}` });
    expect(slow.status).toBe(503);
    expect(slow.json.errors[0].extensions.code).toBe('REQUEST_TIMEOUT');
    expect(slow.ms).toBeGreaterThanOrEqual(1_400);
    const normal = await post(open, { query: NORMAL_QUERY }, { authorization: `Bearer ${pm}` });
    expect(normal.json.data.me.subject).toBe('pm-edge');
  });

  it('holds CSV downloads to the same deadline: 503 while the table is locked, and serves again after', async () => {
    // A real lock in PostgreSQL keeps the report's query waiting past the 1.5 s deadline.
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let lockTaken!: () => void;
    const isLocked = new Promise<void>((resolve) => (lockTaken = resolve));
    const holder = stack.db.transaction().execute(async (trx) => {
      await sql`LOCK TABLE needs IN ACCESS EXCLUSIVE MODE`.execute(trx);
      lockTaken();
      await released;
    });
    await isLocked;
    try {
      const started = performance.now();
      const slow = await fetch(open.replace('/graphql', '/reports/needs.csv'), { headers: { authorization: `Bearer ${pm}` } });
      expect(slow.status).toBe(503);
      expect(await slow.text()).toMatch(/^REQUEST_TIMEOUT/);
      expect(performance.now() - started).toBeGreaterThanOrEqual(1_400);
    } finally {
      release();
      await holder;
    }
    const again = await fetch(open.replace('/graphql', '/reports/needs.csv'), { headers: { authorization: `Bearer ${pm}` } });
    expect(again.status).toBe(200);
    await again.body?.cancel();
  });

  it('answers a malformed request target and /reports/constructor.csv with 4xx, not 500', async () => {
    for (const target of ['//', '//evil.example/graphql', 'http://[bad/graphql', '*']) {
      const status = await rawStatus(locked, `GET ${target} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`);
      expect({ target, status }).toEqual({ target, status: expect.toSatisfy((s: number) => s >= 400 && s < 500) });
    }
    const badHost = await rawStatus(locked, 'GET /graphql?query=%7B__typename%7D HTTP/1.1\r\nHost: [::1\r\nConnection: close\r\n\r\n');
    expect(badHost).toBeGreaterThanOrEqual(400);
    expect(badHost).toBeLessThan(500);
    for (const name of ['constructor', 'hasOwnProperty', 'to-string']) {
      const response = await fetch(locked.replace('/graphql', `/reports/${name}.csv`), { headers: { authorization: `Bearer ${pm}` } });
      expect({ name, status: response.status }).toEqual({ name, status: 404 });
    }
  });
});

describe('tokens on every request', () => {
  const secret = new TextEncoder().encode(TEST_JWT_SECRET);
  const sign = (claims: Record<string, unknown>, build: (jwt: SignJWT) => SignJWT) =>
    build(new SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).setSubject('someone').setIssuer('palermo').setIssuedAt()).sign(secret);

  it('refuses a token without exp, one living longer than 12 h, and a State on a manager', async () => {
    const cases = {
      'no exp': await sign({ role: 'PROGRAMME_MANAGER' }, (j) => j),
      '13 h': await sign({ role: 'PROGRAMME_MANAGER' }, (j) => j.setExpirationTime('13h')),
      'state on a manager': await sign({ role: 'PROGRAMME_MANAGER', state: 'GAB' }, (j) => j.setExpirationTime('1h')),
    };
    const answers = Object.fromEntries(
      await Promise.all(Object.entries(cases).map(async ([label, token]) => [label, (await post(locked, { query: '{ me { subject } }' }, { authorization: `Bearer ${token}` })).json.errors[0]] as const)),
    );
    expect(answers['no exp']).toMatchObject({ extensions: { code: 'UNAUTHENTICATED' }, message: expect.stringMatching(/"exp"/) });
    expect(answers['13 h']).toMatchObject({ extensions: { code: 'UNAUTHENTICATED' }, message: expect.stringMatching(/longer than the 43200 s/) });
    expect(answers['state on a manager']).toMatchObject({ extensions: { code: 'UNAUTHENTICATED' }, message: expect.stringMatching(/must not carry a State/) });
    const good = await post(locked, { query: '{ me { subject } }' }, { authorization: `Bearer ${await sign({ role: 'PROGRAMME_MANAGER' }, (j) => j.setExpirationTime('12h'))}` });
    expect(good.json.data.me.subject).toBe('someone');
  });
});

describe('introspection and GraphiQL only where configured', () => {
  it('refuses introspection by default, with or without a token, but answers __typename', async () => {
    for (const headers of [{}, { authorization: `Bearer ${pm}` }] as Record<string, string>[]) {
      const refused = await post(locked, { query: '{ __schema { queryType { name } } }' }, headers);
      expect(refused.status).toBe(400);
      expect(refused.json.errors[0].extensions.code).toBe('INTROSPECTION_DISABLED');
      const type = await post(locked, { query: '{ __type(name: "Project") { name } }' }, headers);
      expect(type.json.errors[0].extensions.code).toBe('INTROSPECTION_DISABLED');
    }
    const typename = await post(locked, { query: '{ me { __typename subject } }' }, { authorization: `Bearer ${pm}` });
    expect(typename.json.data.me).toEqual({ __typename: 'Actor', subject: 'pm-edge' });
  });

  it('answers the full introspection query where configured, within the limits', async () => {
    const { getIntrospectionQuery } = await import('graphql');
    const answer = await post(open, { query: getIntrospectionQuery() });
    expect(answer.status).toBe(200);
    expect(answer.json.data.__schema.queryType.name).toBe('Query');
  });

  it('serves GraphiQL only where configured, with every script and style from the API itself', async () => {
    const off = await fetch(locked, { headers: { accept: 'text/html' } });
    expect(off.headers.get('content-type') ?? '').not.toMatch(/text\/html/);
    await off.body?.cancel();

    const page = await fetch(open, { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    const html = await page.text();
    expect(html).toContain('<title>palermo</title>');
    expect(html).toContain('YogaGraphiQL.renderYogaGraphiQL');
    // Every <script src>, <link href>, @import and url() the page loads: none may leave the server.
    const loads = [
      ...html.matchAll(/<script\b[^>]*\bsrc\s*=\s*["']?([^"'\s>]+)/gi),
      ...html.matchAll(/<link\b[^>]*\bhref\s*=\s*["']?([^"'\s>]+)/gi),
      ...html.matchAll(/@import\s+(?:url\()?["']?([^"')\s;]+)/gi),
    ].map((m) => m[1]!);
    expect(loads.filter((u) => /^(https?:)?\/\//i.test(u))).toEqual([]);
    expect(html).not.toMatch(/unpkg\.com|jsdelivr|cdnjs/i);
    expect(html).not.toContain('__TITLE__');
  });
});

describe('CORS from an allowlist', () => {
  const probe = (url: string, origin: string, method = 'POST') =>
    fetch(url, {
      method,
      headers: method === 'OPTIONS' ? { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,content-type' } : { origin, 'content-type': 'application/json' },
      ...(method === 'POST' ? { body: JSON.stringify({ query: '{ __typename }' }) } : {}),
    });

  it('allows a listed origin, with credentials, on GraphQL, preflight and CSV', async () => {
    const answer = await probe(open, APP_ORIGIN);
    expect(answer.headers.get('access-control-allow-origin')).toBe(APP_ORIGIN);
    expect(answer.headers.get('access-control-allow-credentials')).toBe('true');
    expect(answer.headers.get('vary')).toMatch(/Origin/);
    const preflight = await probe(open, APP_ORIGIN, 'OPTIONS');
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe(APP_ORIGIN);
    expect(preflight.headers.get('access-control-allow-headers')).toMatch(/authorization/);
    const csv = await fetch(open.replace('/graphql', '/reports/needs.csv'), { headers: { origin: APP_ORIGIN, authorization: `Bearer ${pm}` } });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('access-control-allow-origin')).toBe(APP_ORIGIN);
    await csv.body?.cancel();
  });

  it('reflects no other origin, never null, and grants credentials to none of them', async () => {
    for (const [url, origin] of [[open, 'https://evil.example'], [open, 'null'], [open, `${APP_ORIGIN}.evil.example`], [open, 'http://app.palermo.example'], [locked, APP_ORIGIN]] as const) {
      for (const method of ['POST', 'OPTIONS']) {
        const answer = await probe(url, origin, method);
        expect({ origin, method, allowOrigin: answer.headers.get('access-control-allow-origin'), credentials: answer.headers.get('access-control-allow-credentials') }).toEqual({ origin, method, allowOrigin: null, credentials: null });
        await answer.body?.cancel();
      }
    }
  });
});
