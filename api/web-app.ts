// Serves the built web app (web/dist) at / from the API process, and the demo sign-in route of the
// embedded default. /graphql and /reports/* are left to the API; any other GET that is not a file
// gets index.html, so client routes such as /projects/<id> survive a reload.
import { existsSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { resolve } from 'node:path';
import sirv from 'sirv';
import type { ApiDeps } from './context.js';
import { serveDemoSignIn } from './demo-sign-in.js';
import { serveAuthConfig } from './web-sign-in.js';

const WEB_DIST = resolve(import.meta.dirname, '..', 'web', 'dist');

function isApiPath(pathname: string): boolean {
  return pathname === '/graphql' || pathname.startsWith('/graphql/') || pathname.startsWith('/reports/') || pathname === '/health';
}

/** Returns a handler that answers what belongs to the web app and says whether it did. */
export function createWebAppHandler(deps: ApiDeps) {
  const assets = existsSync(WEB_DIST)
    ? sirv(WEB_DIST, {
        single: true,
        etag: true,
        // Hashed file names never change content; index.html must be revalidated.
        setHeaders: (res, pathname) => {
          res.setHeader('Cache-Control', pathname.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache');
        },
      })
    : null;
  return async (req: IncomingMessage, res: ServerResponse): Promise<boolean> => {
    const pathname = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (isApiPath(pathname)) return false;
    if (pathname.startsWith('/demo/')) return serveDemoSignIn(deps, req, res);
    if (pathname === '/auth/config') return serveAuthConfig(deps, req, res);
    if (req.method !== 'GET' && req.method !== 'HEAD') return false;
    if (!assets) {
      res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8' }).end('The web app is not built: run `npm run web:build`.\n');
      return true;
    }
    // sirv answers synchronously or calls next; with `single` only a missing asset gets here.
    assets(req, res, () => void res.writeHead(404).end());
    return true;
  };
}
