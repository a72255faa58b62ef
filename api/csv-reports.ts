// CSV downloads of the portfolio reports: GET /reports/<name>.csv with the same bearer token as GraphQL.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { accessOf } from '../domain/access/policy.js';
import type { Actor } from '../domain/roles.js';
import type { ApiDeps } from './context.js';
import { toSafeCsv } from './csv-write.js';
import { bearerActor } from './http-auth.js';
import { fundingGapReport, needsReport, outcomesReport } from './reports.js';

/** Each CSV report, with the GraphQL operation whose access-policy row decides who may download it. */
const REPORTS: Record<string, { operation: string; rows: (deps: ApiDeps, actor: Actor) => Promise<Record<string, unknown>[]> }> = {
  needs: { operation: 'needsReport', rows: (d) => needsReport(d.db) },
  'funding-gap': { operation: 'fundingGapReport', rows: async (d) => (await fundingGapReport(d.db)).byAreaActivity as unknown as Record<string, unknown>[] },
  'earmark-mismatch': { operation: 'fundingGapReport', rows: async (d) => (await fundingGapReport(d.db)).earmarkMismatch as unknown as Record<string, unknown>[] },
  outcomes: {
    operation: 'outcomesReport',
    // One cell per list: "LAW_ADOPTED: 1; OFFICIALS_TRAINED: 2", co-providers joined with "; ".
    rows: async (d, actor) => (await outcomesReport(d.db, actor)).map((r) => ({
      ...r,
      outcomeTypes: r.outcomeTypes.map((c) => `${c.outcomeType}: ${c.needs}`).join('; '),
      coProviders: r.coProviders.join('; '),
    })),
  },
};

/** Handles /reports/*.csv; returns false for any other path. */
export async function serveCsvReport(deps: ApiDeps, req: IncomingMessage, res: ServerResponse): Promise<boolean> {
  const match = /^\/reports\/([a-z-]+)\.csv$/.exec(new URL(req.url ?? '/', 'http://x').pathname);
  if (!match) return false;
  const send = (status: number, body: string, type = 'text/plain; charset=utf-8') => {
    if (res.headersSent) return; // the request's deadline answered first (api/server.ts)
    res.writeHead(status, { 'content-type': type });
    res.end(body);
  };
  // Own keys only: /reports/constructor.csv must not reach Object.prototype.
  const report = Object.hasOwn(REPORTS, match[1]!) ? REPORTS[match[1]!] : undefined;
  if (!report) return send(404, `unknown report "${match[1]}"; reports: ${Object.keys(REPORTS).join(', ')}\n`), true;
  const caller = await bearerActor(deps, req);
  if ('refusal' in caller) return send(caller.status, caller.refusal), true;
  const { actor } = caller;
  if (accessOf(actor.role, 'Query', report.operation) === 'no') return send(403, `FORBIDDEN: ${match[1]}.csv is not for ${actor.role}\n`), true;
  send(200, toSafeCsv(await report.rows(deps, actor)), 'text/csv; charset=utf-8');
  return true;
}
