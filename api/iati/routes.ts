// GET /iati/activities.xml (every project the caller may see) and GET /iati/activities/<id>.xml, with
// the same bearer token as GraphQL. A project outside the caller's scope answers as not found.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { maySeeProject, type Actor } from '../../domain/roles.js';
import { iatiProjectSources, type IatiProjectSource } from '../../db/queries/iati.js';
import { AuthenticationError } from '../auth.js';
import { actorOfToken, type ApiDeps } from '../context.js';
import { activitiesXml, reportingOrgFromEnv } from './activities-xml.js';

export function mayExport(actor: Actor, p: IatiProjectSource): boolean {
  return maySeeProject(actor, { stateCodes: p.stateCodes, evaluator: p.details.evaluator ?? null, funders: p.pledges.map((x) => x.donor), stage: p.stage });
}

/** Handles /iati/…; returns false for any other path. */
export async function serveIati(deps: ApiDeps, req: IncomingMessage, res: ServerResponse): Promise<boolean> {
  const path = new URL(req.url ?? '/', 'http://x').pathname;
  if (!path.startsWith('/iati/')) return false;
  const send = (status: number, body: string, type = 'text/plain; charset=utf-8') => {
    res.writeHead(status, { 'content-type': type });
    res.end(body);
    return true;
  };
  const all = path === '/iati/activities.xml';
  const one = /^\/iati\/activities\/([A-Za-z0-9._-]{1,300})\.xml$/.exec(path);
  if (!all && !one) return send(404, 'not found: use /iati/activities.xml or /iati/activities/<project id>.xml\n');
  if (req.method !== 'GET' && req.method !== 'HEAD') return send(405, 'use GET\n');
  const token = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1];
  if (!token) return send(401, 'UNAUTHENTICATED: send "Authorization: Bearer <token>"\n');
  let actor: Actor;
  try {
    actor = await actorOfToken(deps, token);
  } catch (err) {
    if (err instanceof AuthenticationError) return send(401, `UNAUTHENTICATED: ${err.message}\n`);
    throw err;
  }
  const sources = (await iatiProjectSources(deps.db, one ? [one[1]!] : undefined)).filter((p) => mayExport(actor, p));
  if (one && sources.length === 0) return send(404, `NOT_FOUND: project ${one[1]} not found\n`);
  return send(200, activitiesXml(sources, reportingOrgFromEnv()), 'application/xml; charset=utf-8');
}
