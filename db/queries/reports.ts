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

export interface FundingCell {
  priority_area: string;
  priority_activity: string;
  projects: number;
  budget: number;
  pledged: number;
}

/**
 * Budget of planned projects against pledges, per priority area and activity. A project serving needs
 * in several areas counts a share of its budget and pledges for each need.
 */
export function fundingByAreaActivity(db: Kysely<DB>): Promise<FundingCell[]> {
  return sql<FundingCell>`
    with shares as (
      select p.id, n.priority_area, n.priority_activity,
             p.budget_amount / count(*) over (partition by p.id) as budget,
             p.pledged_amount / count(*) over (partition by p.id) as pledged
      from projects p join needs n on n.project_id = p.id
      where p.budget_amount is not null and p.stage not in ('DECLINED', 'MERGED', 'CANCELLED')
    )
    select priority_area, priority_activity, count(distinct id)::int as projects,
           round(sum(budget), 2)::float8 as budget, round(sum(pledged), 2)::float8 as pledged
    from shares group by priority_area, priority_activity order by priority_area, priority_activity`
    .execute(db)
    .then((r) => r.rows);
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
