// The portfolio reports as plain rows, served both as GraphQL (api/schema/reports.ts) and as CSV
// (api/csv-reports.ts): one definition of each report.
import type { Kysely } from 'kysely';
import { earmarkMismatch } from '../domain/funding.js';
import type { ProjectState } from '../domain/project-state.js';
import type { DB } from '../db/schema.js';
import { currentWeightSet } from '../db/queries/needs-pool.js';
import { earmarkedByArea, evaluatedProjects, fundingByAreaActivity, needsByAreaRegionStage } from '../db/queries/reports.js';
import type { Actor } from '../domain/roles.js';

export const REPORT_ROLES: readonly Actor['role'][] = ['PROGRAMME_MANAGER', 'CONFERENCE_ADMIN', 'DONOR'];

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

export async function outcomesReport(db: Kysely<DB>) {
  return (await evaluatedProjects(db)).map((p) => {
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
