// Demo sign-in for the embedded default only: `npm start` sets PALERMO_DEMO_SIGN_IN=true and the web
// app's sign-in page offers these identities. A real deployment leaves it unset; the route then
// answers 404 and the web app signs in through OpenID Connect instead (GET /auth/config, api/web-sign-in.ts).
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Actor } from '../domain/roles.js';
import { signToken } from './auth.js';
import type { ApiDeps } from './context.js';

export interface DemoIdentity {
  id: string;
  label: string;
  actor: Actor;
}

/** The demo States of the seed portfolio (scenarios S1, S4, S5, S8, S13) and one of every other role. */
export const DEMO_IDENTITIES: DemoIdentity[] = [
  ...[['GAB', 'Gabon'], ['KEN', 'Kenya'], ['HND', 'Honduras'], ['BOL', 'Bolivia'], ['TCD', 'Chad']].map(([code, name]) => ({
    id: `focal-point-${code}`,
    label: `Focal point of ${name} (demo)`,
    actor: { subject: `demo-focal-point-${code}`, role: 'STATE_FOCAL_POINT' as const, stateCode: code! },
  })),
  { id: 'programme-manager', label: 'Programme manager (demo)', actor: { subject: 'demo-programme-manager', role: 'PROGRAMME_MANAGER' } },
  // Evaluators and experts act under their roster id: these two are experts of the demo roster.
  { id: 'evaluator', label: 'Evaluator: Claire Dubois-Martin (demo roster)', actor: { subject: 'expert-demo-fra-reporting', role: 'EVALUATOR' } },
  { id: 'expert', label: 'Expert: demo roster, United Kingdom', actor: { subject: 'expert-demo-gbr-soca', role: 'EXPERT' } },
  { id: 'donor', label: 'Donor: Demo Donor Agency (demo)', actor: { subject: 'demo-donor', role: 'DONOR', organisation: 'Demo Donor Agency' } },
  { id: 'conference-admin', label: 'Conference administrator (demo)', actor: { subject: 'demo-conference-admin', role: 'CONFERENCE_ADMIN' } },
];

export function demoSignInEnabled(): boolean {
  return process.env.PALERMO_DEMO_SIGN_IN === 'true';
}

function json(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' }).end(JSON.stringify(body));
}

/** GET /demo/identities lists them; POST /demo/sign-in {"identity": id} answers {"token"}. */
export async function serveDemoSignIn(deps: ApiDeps, req: IncomingMessage, res: ServerResponse): Promise<boolean> {
  const pathname = new URL(req.url ?? '/', 'http://localhost').pathname;
  if (!demoSignInEnabled()) {
    json(res, 404, { error: 'demo sign-in is only enabled in the embedded default (npm start)' });
    return true;
  }
  if (pathname === '/demo/identities' && req.method === 'GET') {
    json(res, 200, { identities: DEMO_IDENTITIES.map(({ id, label, actor }) => ({ id, label, role: actor.role, state: actor.stateCode ?? null, organisation: actor.organisation ?? null })) });
    return true;
  }
  if (pathname === '/demo/sign-in' && req.method === 'POST') {
    let body = '';
    for await (const chunk of req) {
      body += String(chunk);
      if (body.length > 1000) return (json(res, 413, { error: 'body too large' }), true);
    }
    let id: unknown;
    try {
      id = (JSON.parse(body) as { identity?: unknown }).identity;
    } catch {
      return (json(res, 400, { error: 'body: expected JSON {"identity": "<id>"}' }), true);
    }
    // Demo tokens are HS256 with the embedded secret; a deployment on OpenID Connect has none to sign with.
    if (deps.jwtSecret === undefined) return (json(res, 404, { error: 'demo sign-in needs the embedded default\'s token secret' }), true);
    const identity = DEMO_IDENTITIES.find((i) => i.id === id);
    if (!identity) return (json(res, 400, { error: `identity: unknown demo identity "${String(id)}"` }), true);
    json(res, 200, { token: await signToken(deps.jwtSecret, identity.actor, '12h') });
    return true;
  }
  json(res, 404, { error: 'not found' });
  return true;
}
