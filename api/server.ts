import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { renderGraphiQL } from '@graphql-yoga/render-graphiql';
import { Response, useRequestDeadline } from '@whatwg-node/server';
import cors from 'cors';
import { createYoga, useExecutionCancellation } from 'graphql-yoga';
import { DEFAULT_LIMITS, type EdgeConfig } from './config.js';
import { createContext, tokenVerifierOf, type ApiDeps } from './context.js';
import { serveCsvReport } from './csv-reports.js';
import { requestLimitPlugins } from './request-limits.js';
import { serveIati } from './iati/routes.js';
import { serveMailPage } from './mail-page.js';
import { schema } from './schema/index.js';
import { createWebAppHandler } from './web-app.js';

/** The edge settings of deps, over the defaults of a real deployment (no GraphiQL, no introspection, no CORS). */
export function edgeConfigOf(deps: ApiDeps): EdgeConfig {
  return {
    graphiql: deps.edge?.graphiql ?? false,
    introspection: deps.edge?.introspection ?? false,
    corsOrigins: deps.edge?.corsOrigins ?? [],
    limits: { ...DEFAULT_LIMITS, ...deps.edge?.limits },
  };
}

export function createApi(deps: ApiDeps) {
  const edge = edgeConfigOf(deps);
  tokenVerifierOf(deps); // a missing or short secret stops the server here, not at the first request
  return createYoga({
    schema,
    context: ({ request }) => createContext(deps, request),
    // Served from the package, so the page loads nothing from a CDN.
    graphiql: edge.graphiql ? { title: 'palermo' } : false,
    renderGraphiQL,
    landingPage: false,
    // CORS is decided once for every route, GraphQL and CSV alike, in startApiServer.
    cors: false,
    // Yoga reads the body as it streams and answers 413 past the limit (a Content-Length above it before reading).
    maxRequestBodySize: edge.limits.maxBodyBytes,
    plugins: [
      ...requestLimitPlugins(edge.limits, { introspection: edge.introspection }),
      // Past the deadline the caller gets 503 and the request's signal aborts, which stops execution.
      useRequestDeadline({
        timeout: edge.limits.requestTimeoutMs,
        response: () =>
          new Response(JSON.stringify({ errors: [{ message: `REQUEST_TIMEOUT: no answer within ${edge.limits.requestTimeoutMs} ms`, extensions: { code: 'REQUEST_TIMEOUT' } }] }), {
            status: 503,
            headers: { 'content-type': 'application/json; charset=utf-8' },
          }),
      }),
      useExecutionCancellation(),
    ],
    // Unexpected errors are masked for callers and logged here; expected ones are typed results.
    logging: process.env.CI ? 'warn' : 'info',
  });
}

function plainAnswer(res: ServerResponse, status: number, body: string) {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', connection: 'close' });
  res.end(body);
}

/**
 * Only origin-form targets ("/path?query") and a Host that together make a URL; anything else is the
 * client's error (yoga builds the request URL from both, and would fail with a 500).
 */
export function isAcceptableTarget(target: string | undefined, host: string | undefined): boolean {
  if (target === undefined || !target.startsWith('/') || target.startsWith('//')) return false;
  if (host !== undefined && (!/^[A-Za-z0-9.:[\]-]+$/.test(host) || !URL.canParse(`http://${host}/`))) return false;
  return URL.canParse(target, 'http://127.0.0.1');
}

/** The CSV routes live outside yoga, so its deadline plugin does not reach them: the same deadline here. */
async function withDeadline(res: ServerResponse, ms: number, serve: () => Promise<boolean>): Promise<boolean> {
  const timer = setTimeout(() => {
    if (res.headersSent) return;
    res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8' });
    res.end(`REQUEST_TIMEOUT: no answer within ${ms} ms\n`);
  }, ms);
  try {
    return await serve();
  } finally {
    clearTimeout(timer);
  }
}

/** Serves the API on 127.0.0.1:port (0 picks a free port). Resolves once it listens. */
export async function startApiServer(deps: ApiDeps, port: number, host = '127.0.0.1'): Promise<{ server: Server; url: string }> {
  const edge = edgeConfigOf(deps);
  const yoga = createApi(deps);
  const webApp = createWebAppHandler(deps);
  const allowedOrigins = new Set(edge.corsOrigins);
  // Only listed origins are reflected, with credentials; any other (and `null`) gets no CORS header at all.
  const corsHandler = cors({
    origin: (origin, callback) => callback(null, origin !== undefined && allowedOrigins.has(origin)),
    credentials: true,
    methods: ['GET', 'POST', 'OPTIONS'],
    allowedHeaders: ['authorization', 'content-type', 'accept'],
    maxAge: 600,
  });
  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    if (!isAcceptableTarget(req.url, req.headers.host)) return plainAnswer(res, 400, 'bad request target or Host\n');
    await new Promise<void>((next) => corsHandler(req, res, () => next()));
    if (res.writableEnded) return; // an allowed preflight, answered by cors
    if (req.method === 'OPTIONS') return plainAnswer(res, 204, '');
    if (await withDeadline(res, edge.limits.requestTimeoutMs, () => serveCsvReport(deps, req, res))) return;
    if (await withDeadline(res, edge.limits.requestTimeoutMs, () => serveIati(deps, req, res))) return;
    if (await serveMailPage(deps, req, res)) return;
    if (await webApp(req, res)) return;
    await yoga(req, res);
  };
  const server = createServer((req, res) => {
    handle(req, res).catch((err) => {
      console.error(err);
      if (!res.headersSent) res.writeHead(500).end('internal error\n');
    });
  });
  // Slow senders: headers within 10 s, the whole request within the request deadline.
  server.headersTimeout = 10_000;
  server.requestTimeout = Math.max(edge.limits.requestTimeoutMs, 10_000);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, resolve);
  });
  const address = server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  return { server, url: `http://${host}:${actualPort}/graphql` };
}
