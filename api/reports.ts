// The portfolio reports as plain rows, served both as GraphQL (api/schema/reports.ts) and as CSV
// (api/csv-reports.ts): one definition of each report.
import type { Kysely } from 'kysely';
import { earmarkMismatch } from '../domain/funding.js';
import type { ProjectState } from '../domain/project-state.js';
import type { DB } from '../db/schema.js';
import { currentWeightSet } from '../db/queries/needs-pool.js';
import { earmarkedByArea, evaluatedProjects, fundingByAreaActivity, needsByAreaRegionStage } from '../db/queries/reports.js';
import type { Actor } from '../domain/roles.js';

/** Who reads which report is the access policy's (domain/access/policy.ts: Query.needsReport, ...). */

export async function needsReport(db: Kysely<DB>) {
  return (await needsByAreaRegionStage(db)).map((c) => ({
    priorityArea: c.priority_area, region: c.region_code, stage: c.stage, needs: Number(c.needs), oldestWaitingSince: new Date(c.oldest).toISOString(),
  }));
}

export async function fundingGapReport(db: Kysely<DB>) {
  const [cells, earmarks, weights] = await Promise.all([fundingByAreaActivity(db), earmarkedByArea(db), currentWeightSet(db)]);
  return {
    byAreaActivity: cells.map((c) => ({ priorityArea: c.priority_area, priorityActivity: c.priority_activity, projects: c.projects, budget: c.budget, pledged: c.pledged, gap: Math.max(0, Math.round((c.budget - c.pledged) * 100) / 100) })),
    earmarkMismatch: earmarkMismatch(weights?.weights ?? {}, earmarks),
  };
}

/** Per-project rows: a donor gets only the projects its organisation pledged to (access policy `own`). */
export async function outcomesReport(db: Kysely<DB>, actor: Actor) {
  const fundedBy = actor.role === 'DONOR' ? (actor.organisation ?? '') : undefined;
  return (await evaluatedProjects(db, fundedBy)).map((p) => {
    const assessment = (p.details as unknown as ProjectState).outcomeAssessment;
    const rating = (criterion: string) => assessment?.criteria.find((c) => c.criterion === criterion)?.rating ?? null;
    return {
      projectId: p.id, title: p.title, stage: p.stage,
      relevance: rating('RELEVANCE'), coherence: rating('COHERENCE'), effectiveness: rating('EFFECTIVENESS'),
      efficiency: rating('EFFICIENCY'), impact: rating('IMPACT'), sustainability: rating('SUSTAINABILITY'),
      needsMet: Number(p.met), needsPartlyMet: Number(p.partly_met), needsUnmet: Number(p.unmet),
    };
  });
}

/** RFC 4180 CSV of plain rows, columns in the order of the first row's keys. */
export function toCsv(rows: readonly Record<string, unknown>[]): string {
  if (rows.length === 0) return '';
  const columns = Object.keys(rows[0]!);
  const cell = (v: unknown) => {
    const s = v === null || v === undefined ? '' : String(v);
    return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return [columns.join(','), ...rows.map((r) => columns.map((c) => cell(r[c])).join(','))].join('\r\n') + '\r\n';
}
