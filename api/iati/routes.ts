// GET /iati/activities.xml (every project the caller may see), GET /iati/activities/<id>.xml and
// GET /iati/organisation.xml (the reporting organisation, budgets from the projects the caller may
// see), with the same bearer token as GraphQL. A project outside the caller's scope answers as not found.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { maySeeProject, type Actor } from '../../domain/roles.js';
import { iatiProjectSources, type IatiProjectSource } from '../../db/queries/iati.js';
import type { ApiDeps } from '../context.js';
import { bearerActor, sendText } from '../http-auth.js';
import { activitiesXml, reportingOrgFromEnv } from './activities-xml.js';
import { organisationXml } from './organisation-xml.js';

export function mayExport(actor: Actor, p: IatiProjectSource): boolean {
  return maySeeProject(actor, { stateCodes: p.stateCodes, evaluator: p.details.evaluator ?? null, panel: (p.details as { panel?: string[] }).panel ?? [], funders: p.pledges.map((x) => x.donor), stage: p.stage });
}

/**
 * What of a visible project the caller may read: a focal point sees the shared parts of a regional
 * project and its own State's needs, never another State's (as the GraphQL project's needs field).
 */
export function scopeForCaller(actor: Actor, p: IatiProjectSource): IatiProjectSource {
  if (actor.role !== 'STATE_FOCAL_POINT') return p;
  return { ...p, needs: p.needs.filter((n) => n.stateCode === actor.stateCode) };
}

/** Handles /iati/…; returns false for any other path. */
export async function serveIati(deps: ApiDeps, req: IncomingMessage, res: ServerResponse): Promise<boolean> {
  const path = new URL(req.url ?? '/', 'http://x').pathname;
  if (!path.startsWith('/iati/')) return false;
  const send = (status: number, body: string, type?: string) => sendText(res, status, body, type);
  const all = path === '/iati/activities.xml';
  const organisation = path === '/iati/organisation.xml';
  const one = /^\/iati\/activities\/([A-Za-z0-9._-]{1,300})\.xml$/.exec(path);
  if (!all && !one && !organisation) return send(404, 'not found: use /iati/activities.xml, /iati/activities/<project id>.xml or /iati/organisation.xml\n');
  if (req.method !== 'GET' && req.method !== 'HEAD') return send(405, 'use GET\n');
  const caller = await bearerActor(deps, req);
  if ('refusal' in caller) return send(caller.status, caller.refusal);
  const { actor } = caller;
  const sources = (await iatiProjectSources(deps.db, one ? [one[1]!] : undefined)).filter((p) => mayExport(actor, p)).map((p) => scopeForCaller(actor, p));
  if (one && sources.length === 0) return send(404, `NOT_FOUND: project ${one[1]} not found\n`);
  // The schema needs at least one iati-activity: an empty file would be invalid, so say so instead.
  if (all && sources.length === 0) return send(404, 'NOT_FOUND: no activity is visible to the caller\n');
  if (organisation) return send(200, organisationXml(sources, reportingOrgFromEnv()), 'application/xml; charset=utf-8');
  return send(200, activitiesXml(sources, reportingOrgFromEnv()), 'application/xml; charset=utf-8');
}
