import { createServer, type Server } from 'node:http';
import { createYoga } from 'graphql-yoga';
import { createContext, type ApiDeps } from './context.js';
import { serveCsvReport } from './csv-reports.js';
import { schema } from './schema/index.js';
import { createWebAppHandler } from './web-app.js';

export function createApi(deps: ApiDeps) {
  return createYoga({
    schema,
    context: ({ request }) => createContext(deps, request),
    graphiql: { title: 'palermo' },
    // Unexpected errors are masked for callers and logged here; expected ones are typed results.
    logging: process.env.CI ? 'warn' : 'info',
  });
}

/** Serves the API on 127.0.0.1:port (0 picks a free port). Resolves once it listens. */
export async function startApiServer(deps: ApiDeps, port: number, host = '127.0.0.1'): Promise<{ server: Server; url: string }> {
  const yoga = createApi(deps);
  const webApp = createWebAppHandler(deps);
  const server = createServer((req, res) => {
    serveCsvReport(deps, req, res)
      .then(async (served) => {
        if (!served && !(await webApp(req, res))) await yoga(req, res);
      })
      .catch((err) => {
        console.error(err);
        if (!res.headersSent) res.writeHead(500).end('internal error\n');
      });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, resolve);
  });
  const address = server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  return { server, url: `http://${host}:${actualPort}/graphql` };
}
