// The roster a page at a time (issue 11: no whole-table loads, no silent cap), keyset on the expert's id.
import { sql, type Kysely } from 'kysely';
import type { DB } from '../schema.js';
import type { ExpertRow } from './roster.js';

export interface ExpertFilter {
  statuses?: readonly string[];
  nationality?: string;
  /** A code of the roster's taxonomy: experts who list it, or a field under it. */
  field?: string;
  /** A focal point reads the experts its State nominated (Query.expert's own part). */
  nominatingState?: string;
}

function filtered(db: Kysely<DB>, f: ExpertFilter) {
  let q = db.selectFrom('experts');
  if (f.statuses?.length) q = q.where('status', 'in', [...f.statuses]);
  if (f.nationality) q = q.where('nationality', '=', f.nationality);
  if (f.nominatingState) q = q.where('nominating_state', '=', f.nominatingState);
  if (f.field) {
    const field = f.field;
    q = q.where(sql<boolean>`exists (select 1 from jsonb_array_elements_text(profile->'fields') as x(code) where x.code = ${field} or x.code like ${`${field}.%`})`);
  }
  return q;
}

export function pageExperts(db: Kysely<DB>, f: ExpertFilter, afterId: string | null, limit: number): Promise<ExpertRow[]> {
  let q = filtered(db, f).selectAll();
  if (afterId !== null) q = q.where(sql<boolean>`id COLLATE "C" > ${afterId}`);
  return q.orderBy(sql`id COLLATE "C"`).limit(limit).execute() as Promise<ExpertRow[]>;
}

export async function countExperts(db: Kysely<DB>, f: ExpertFilter): Promise<number> {
  return Number((await filtered(db, f).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
}
