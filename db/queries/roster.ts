// Typed queries of the roster and invitations. Every roster change writes its history row in the same transaction.
import { sql, type Kysely, type Selectable } from 'kysely';
import type { Actor } from '../../domain/roles.js';
import type { ExpertProfile, NominationInput } from '../../domain/roster-inputs.js';
import type { ExpertAction, ExpertStatus, RosterExpert } from '../../domain/matching/types.js';
import type { DB } from '../schema.js';

export type ExpertRow = Selectable<DB['experts']>;

export async function insertNomination(db: Kysely<DB>, id: string, input: NominationInput, by: Actor): Promise<ExpertRow> {
  return db.transaction().execute(async (tx) => {
    const row = await tx.insertInto('experts').values({
      id, name: input.name, nationality: input.nationality, nominating_state: input.nominatingState, institution: input.institution,
      email: input.email ?? null, status: 'NOMINATED', profile: JSON.stringify(input.profile), nominated_by: by.subject, updated_at: new Date(),
    }).returningAll().executeTakeFirstOrThrow();
    await tx.insertInto('expert_history').values({ expert_id: id, action: 'NOMINATE', by_subject: by.subject, by_role: by.role, details: JSON.stringify({ nominatingState: input.nominatingState, institution: input.institution }) }).execute();
    return row;
  });
}

/**
 * Changes status and/or profile and records the change; returns null when the expert does not exist or,
 * with `from`, is not in one of those statuses. The row is locked and its status checked in the same
 * transaction, so of concurrent changes from one status exactly one applies and writes its history row;
 * `details` may be computed from the row as it was just before the change.
 */
export async function changeExpert(
  db: Kysely<DB>, id: string, change: { status?: ExpertStatus; profile?: ExpertProfile }, action: ExpertAction, by: Actor,
  details: Record<string, unknown> | ((before: ExpertRow) => Record<string, unknown>), from?: readonly ExpertStatus[],
): Promise<ExpertRow | null> {
  return db.transaction().execute(async (tx) => {
    const before = await tx.selectFrom('experts').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
    if (!before || (from && !from.includes(before.status as ExpertStatus))) return null;
    const row = await tx.updateTable('experts').set({
      ...(change.status ? { status: change.status } : {}),
      ...(change.profile ? { profile: JSON.stringify(change.profile) } : {}),
      updated_at: new Date(),
    }).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
    await tx.insertInto('expert_history').values({ expert_id: id, action, by_subject: by.subject, by_role: by.role, details: JSON.stringify(typeof details === 'function' ? details(before) : details) }).execute();
    return row;
  });
}

export const expertById = (db: Kysely<DB>, id: string) => db.selectFrom('experts').selectAll().where('id', '=', id).executeTakeFirst();

export const expertHistory = (db: Kysely<DB>, id: string) =>
  db.selectFrom('expert_history').selectAll().where('expert_id', '=', id).orderBy('id').execute();

export const recordDelivery = (db: Kysely<DB>, expertId: string, projectId: string, rating: number | null) =>
  db.insertInto('expert_deliveries').values({ expert_id: expertId, project_id: projectId, rating })
    .onConflict((oc) => oc.columns(['expert_id', 'project_id']).doUpdateSet({ rating })).execute();

/** The whole roster as matching reads it: one pass over three queries, no per-expert query. */
export async function loadRoster(db: Kysely<DB>, ids?: readonly string[]): Promise<RosterExpert[]> {
  let experts = db.selectFrom('experts').select(['id', 'name', 'nationality', 'status', 'profile']).where('status', 'in', ['ACTIVE', 'SUSPENDED']);
  if (ids) experts = experts.where('id', 'in', ids.length ? [...ids] : ['']);
  const [rows, ratings, workloads] = await Promise.all([
    experts.orderBy('id').execute(),
    db.selectFrom('expert_deliveries').select(['expert_id', 'rating']).where('rating', 'is not', null).execute(),
    db.selectFrom('invitations').select(['expert_id', sql<number>`count(*)::int`.as('n')]).where('status', '=', 'ACCEPTED').groupBy('expert_id').execute(),
  ]);
  const outcomes = new Map<string, number[]>();
  for (const r of ratings) outcomes.set(r.expert_id, [...(outcomes.get(r.expert_id) ?? []), r.rating!]);
  const load = new Map(workloads.map((w) => [w.expert_id!, w.n]));
  return rows.map((r) => ({ id: r.id, name: r.name, nationality: r.nationality, status: r.status as ExpertStatus, profile: r.profile, pastOutcomes: outcomes.get(r.id) ?? [], workload: load.get(r.id) ?? 0 }));
}

export const needById = (db: Kysely<DB>, id: string) => db.selectFrom('needs').selectAll().where('id', '=', id).executeTakeFirst();
export const needsOfProject = (db: Kysely<DB>, projectId: string) => db.selectFrom('needs').selectAll().where('project_id', '=', projectId).orderBy('position').execute();
export const projectStatesOf = async (db: Kysely<DB>, projectId: string) =>
  (await db.selectFrom('project_states').select('state_code').where('project_id', '=', projectId).execute()).map((r) => r.state_code);

/** Experts who delivered a project: recorded deliveries and accepted invitations for it. */
export async function deliveredBy(db: Kysely<DB>, projectId: string): Promise<string[]> {
  const [d, i] = await Promise.all([
    db.selectFrom('expert_deliveries').select('expert_id').where('project_id', '=', projectId).execute(),
    db.selectFrom('invitations').select('expert_id').where('project_id', '=', projectId).where('status', '=', 'ACCEPTED').execute(),
  ]);
  return [...new Set([...d.map((r) => r.expert_id), ...i.map((r) => r.expert_id!)])];
}

export const invitationById = (db: Kysely<DB>, id: string) => db.selectFrom('invitations').selectAll().where('id', '=', id).executeTakeFirst();
export const invitationEvents = (db: Kysely<DB>, id: string) =>
  db.selectFrom('invitation_events').selectAll().where('invitation_id', '=', id).orderBy('seq').execute();
export const invitationsOfExpert = (db: Kysely<DB>, expertId: string) =>
  db.selectFrom('invitations').selectAll().where(sql<boolean>`${expertId} = any(candidates)`).orderBy('started_at', 'desc').execute();

/** Events of several invitations in one query, by invitation (a batch loader's query). */
export async function eventsOfInvitations(db: Kysely<DB>, ids: readonly string[]) {
  const rows = ids.length ? await db.selectFrom('invitation_events').selectAll().where('invitation_id', 'in', ids).orderBy('invitation_id').orderBy('seq').execute() : [];
  const out = new Map<string, typeof rows>(ids.map((id) => [id, []]));
  for (const r of rows) out.get(r.invitation_id)?.push(r);
  return out;
}

/** History of several experts in one query, by expert (a batch loader's query). */
export async function historyOfExperts(db: Kysely<DB>, ids: readonly string[]) {
  const rows = ids.length ? await db.selectFrom('expert_history').selectAll().where('expert_id', 'in', ids).orderBy('expert_id').orderBy('id').execute() : [];
  const out = new Map<string, typeof rows>(ids.map((id) => [id, []]));
  for (const r of rows) out.get(r.expert_id)?.push(r);
  return out;
}

/** Experts by id in one query (a batch loader's query). */
export async function expertsByIds(db: Kysely<DB>, ids: readonly string[]): Promise<Map<string, ExpertRow>> {
  const rows = ids.length ? await db.selectFrom('experts').selectAll().where('id', 'in', ids).execute() : [];
  return new Map(rows.map((r) => [r.id, r]));
}

/** A keyset page of the invitations that name an expert, newest first: ORDER BY (started_at, id) DESC. */
export function pageInvitationsOfExpert(db: Kysely<DB>, expertId: string, after: readonly [string, string] | null, limit: number) {
  let query = db.selectFrom('invitations').selectAll().select(sql<string>`started_at::text`.as('sort_key')).where(sql<boolean>`${expertId} = any(candidates)`);
  if (after) query = query.where(sql<boolean>`(started_at, id) < (${after[0]}::timestamptz, ${after[1]})`);
  return query.orderBy('started_at', 'desc').orderBy('id', 'desc').limit(limit).execute();
}

export async function countInvitationsOfExpert(db: Kysely<DB>, expertId: string): Promise<number> {
  const row = await db.selectFrom('invitations').select((eb) => eb.fn.countAll<number>().as('n')).where(sql<boolean>`${expertId} = any(candidates)`).executeTakeFirstOrThrow();
  return Number(row.n);
}
