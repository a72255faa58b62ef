// The portfolio reports as plain rows, served both as GraphQL (api/schema/reports.ts) and as CSV
// (api/csv-reports.ts): one definition of each report.
import type { Kysely } from 'kysely';
import { earmarkMismatch } from '../domain/funding.js';
import { countOutcomeTypes } from '../domain/outcome-types.js';
import type { ProjectState } from '../domain/project-state.js';
import type { DB } from '../db/schema.js';
import { currentWeightSet } from '../db/queries/needs-pool.js';
import { earmarkedByArea, evaluatedProjects, fundingShares, needsByAreaRegionStage, type FundingShareRow } from '../db/queries/reports.js';
import { formatAmount, shortfall, splitAmount, toThousandths } from '../domain/money.js';
import type { Actor } from '../domain/roles.js';

/** Who reads which report is the access policy's (domain/access/policy.ts: Query.needsReport, ...). */

export async function needsReport(db: Kysely<DB>) {
  return (await needsByAreaRegionStage(db)).map((c) => ({
    priorityArea: c.priority_area, region: c.region_code, stage: c.stage, needs: Number(c.needs), oldestWaitingSince: new Date(c.oldest).toISOString(),
  }));
}

export async function fundingGapReport(db: Kysely<DB>) {
  const [shares, earmarks, weights] = await Promise.all([fundingShares(db), earmarkedByArea(db), currentWeightSet(db)]);
  return {
    byAreaActivity: fundingCells(shares),
    earmarkMismatch: earmarkMismatch(weights?.weights ?? {}, earmarks),
  };
}

export interface FundingCell {
  priorityArea: string;
  priorityActivity: string;
  currency: string;
  projects: number;
  /** Exact decimal strings in `currency`. */
  budget: string;
  pledged: string;
  gap: string;
}

/**
 * Budget vs pledges per priority area, activity and currency. A project serving several needs gives
 * each an equal share, split in whole cents so the shares add up exactly to the project's budget.
 */
export function fundingCells(rows: readonly FundingShareRow[]): FundingCell[] {
  const byProject = new Map<string, FundingShareRow[]>();
  for (const r of rows) byProject.set(r.id, [...(byProject.get(r.id) ?? []), r]);
  const cells = new Map<string, { area: string; activity: string; currency: string; projects: Set<string>; budget: bigint; pledged: bigint }>();
  for (const [id, needs] of byProject) {
    const { currency, budget, pledged } = needs[0]!;
    const budgets = splitAmount(String(budget), needs.length, currency);
    const pledges = splitAmount(String(pledged), needs.length, currency);
    needs.forEach((n, i) => {
      const key = [n.priority_area, n.priority_activity, currency].join('|');
      const cell = cells.get(key) ?? { area: n.priority_area, activity: n.priority_activity, currency, projects: new Set<string>(), budget: 0n, pledged: 0n };
      cell.projects.add(id);
      cell.budget += toThousandths(budgets[i]!);
      cell.pledged += toThousandths(pledges[i]!);
      cells.set(key, cell);
    });
  }
  return [...cells.values()]
    .sort((a, b) => a.area.localeCompare(b.area) || a.activity.localeCompare(b.activity) || a.currency.localeCompare(b.currency))
    .map((c) => {
      const budget = formatAmount(c.budget, c.currency);
      const pledged = formatAmount(c.pledged, c.currency);
      return { priorityArea: c.area, priorityActivity: c.activity, currency: c.currency, projects: c.projects.size, budget, pledged, gap: shortfall(budget, pledged, c.currency) };
    });
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
      // What kinds of outcome the needs reached, the law enacted (R10) and who else provided assistance.
      outcomeTypes: countOutcomeTypes(assessment?.needVerdicts ?? []),
      enactedLaw: (p.details as unknown as ProjectState).enactment?.law ?? null,
      enactedOn: (p.details as unknown as ProjectState).enactment?.enactedOn ?? null,
      coProviders: assessment?.coProviders ?? [],
    };
  });
}
