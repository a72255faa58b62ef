// Portfolio reports for the Secretariat and the Conference (domain.md 9.1), read from the read model.
import { sql, type Kysely } from 'kysely';
import type { DB } from '../schema.js';

export interface NeedsCell {
  priority_area: string;
  region_code: string;
  stage: string;
  needs: number;
  oldest: Date;
}

/** Needs by priority area x region x stage ("POOL" for needs in no project), with the oldest waiting. */
export function needsByAreaRegionStage(db: Kysely<DB>): Promise<NeedsCell[]> {
  return db
    .selectFrom('needs as n')
    .innerJoin('state_regions as sr', 'sr.state_code', 'n.state_code')
    .leftJoin('projects as p', 'p.id', 'n.project_id')
    .select((eb) => [
      'n.priority_area',
      'sr.region_code',
      eb.fn.coalesce('p.stage', sql.lit('POOL')).as('stage'),
      eb.fn.countAll<number>().as('needs'),
      eb.fn.min('n.created_at').as('oldest'),
    ])
    .groupBy(['n.priority_area', 'sr.region_code', sql`coalesce(p.stage, 'POOL')`])
    .orderBy('n.priority_area')
    .orderBy('sr.region_code')
    .orderBy('stage')
    .execute() as Promise<NeedsCell[]>;
}

export interface FundingShareRow {
  id: string;
  currency: string;
  /** numeric, as exact decimal strings. */
  budget: string;
  pledged: string;
  priority_area: string;
  priority_activity: string;
}

/**
 * Budget and pledges of planned projects, one row per need of each project (in need order), for
 * api/reports.ts to share out exactly per priority area and activity.
 */
export function fundingShares(db: Kysely<DB>): Promise<FundingShareRow[]> {
  return db
    .selectFrom('projects as p')
    .innerJoin('needs as n', 'n.project_id', 'p.id')
    .select(['p.id', 'p.budget_currency as currency', 'p.budget_amount as budget', 'p.pledged_amount as pledged', 'n.priority_area', 'n.priority_activity'])
    .where('p.budget_amount', 'is not', null)
    .where('p.stage', 'not in', ['DECLINED', 'MERGED', 'CANCELLED'])
    .orderBy('p.id')
    .orderBy('n.position')
    .execute() as Promise<FundingShareRow[]>;
}

export async function earmarkedByArea(db: Kysely<DB>): Promise<Record<string, number>> {
  const rows = await db
    .selectFrom('pledges')
    .select((eb) => ['earmark_priority_area', eb.fn.sum<number>('amount').as('amount')])
    .where('earmark_priority_area', 'is not', null)
    .groupBy('earmark_priority_area')
    .execute();
  return Object.fromEntries(rows.map((r) => [r.earmark_priority_area!, Number(r.amount)]));
}

export interface OutcomeRow {
  id: string;
  title: string;
  stage: string;
  details: Record<string, unknown>;
  met: number;
  partly_met: number;
  unmet: number;
}

/**
 * Evaluated projects, with their outcome assessment and their needs' verdicts counted; with `fundedBy`,
 * only those that organisation pledged to (a donor's own projects).
 */
export function evaluatedProjects(db: Kysely<DB>, fundedBy?: string): Promise<OutcomeRow[]> {
  return db
    .selectFrom('projects as p')
    .$if(fundedBy !== undefined, (q) =>
      q.where(({ exists, selectFrom }) => exists(selectFrom('pledges as pl').select('pl.project_id').whereRef('pl.project_id', '=', 'p.id').where('pl.donor', '=', fundedBy!))),
    )
    .innerJoin('need_verdicts as v', 'v.project_id', 'p.id')
    .select((eb) => [
      'p.id', 'p.title', 'p.stage', 'p.details',
      eb.fn.countAll<number>().filterWhere('v.verdict', '=', 'MET').as('met'),
      eb.fn.countAll<number>().filterWhere('v.verdict', '=', 'PARTLY_MET').as('partly_met'),
      eb.fn.countAll<number>().filterWhere('v.verdict', '=', 'UNMET').as('unmet'),
    ])
    .groupBy(['p.id', 'p.title', 'p.stage', 'p.details'])
    .orderBy('p.id')
    .execute() as Promise<OutcomeRow[]>;
}
