import { maySeeProject, type Actor } from '../../domain/roles.js';
import type { NeedRow, ProjectEventRow, ProjectRow } from '../../db/queries/projects.js';
import { readProject, type ProjectParts, type ProjectRead } from '../../db/queries/projects.js';
import { Kind, type GraphQLResolveInfo, type SelectionNode } from 'graphql';
import { builder } from '../builder.js';
import type { Context } from '../context.js';
import { NotFoundError } from '../errors.js';
import { idOrNotFound } from '../parse.js';
import { audienceOf } from '../policy.js';
import type { NeedSourceCode, UrgencyCode } from '../../domain/code-lists/index.js';
import type { ProjectEventKind } from '../../domain/project-events.js';
import type { Stage } from '../../domain/stages.js';
import { ActorRoleEnum, NeedSourceEnum, ProjectEventKindEnum, StageEnum, UrgencyEnum } from './enums.js';

export const ActorRef = builder.objectRef<Actor>('Actor').implement({
  fields: (t) => ({
    subject: t.exposeString('subject'),
    role: t.field({ type: ActorRoleEnum, description: 'SYSTEM for palermo\'s own timers (reminders, escalations)', resolve: (a) => a.role }),
    state: t.string({ nullable: true, resolve: (a) => a.stateCode ?? null }),
    organisation: t.string({ nullable: true, description: 'The organisation a DONOR acts for (token claim org)', resolve: (a) => a.organisation ?? null }),
  }),
});

export const NeedRef = builder.objectRef<NeedRow>('Need').implement({
  description: 'A need for technical assistance: what a State asks for, under which priority area and instrument.',
  fields: (t) => ({
    id: t.exposeID('id'),
    state: t.exposeString('state_code', { description: 'ISO 3166 alpha-3 (codeLists.states)' }),
    source: t.field({ type: NeedSourceEnum, resolve: (n) => n.source as NeedSourceCode }),
    priorityArea: t.exposeString('priority_area', { description: 'A code of codeLists.priorityAreas (PA-A .. PA-E)' }),
    priorityActivity: t.exposeString('priority_activity', { description: 'A code of codeLists.priorityActivities ((a) .. (h))' }),
    instrument: t.exposeString('instrument', { description: 'A code of codeLists.instruments' }),
    article: t.string({ nullable: true, resolve: (n) => n.article }),
    formsOfAssistance: t.stringList({ description: 'Codes of codeLists.formsOfAssistance', resolve: (n) => n.forms_of_assistance }),
    urgency: t.field({ type: UrgencyEnum, resolve: (n) => n.urgency as UrgencyCode }),
    description: t.exposeString('description'),
  }),
});

export const HistoryEntryRef = builder.objectRef<ProjectEventRow>('HistoryEntry').implement({
  description: 'One line of the audit trail: who did what, when, and from which stage to which.',
  fields: (t) => ({
    seq: t.exposeInt('seq'),
    kind: t.field({ type: ProjectEventKindEnum, resolve: (e) => e.kind as ProjectEventKind }),
    action: t.exposeString('action'),
    actor: t.field({
      type: ActorRef,
      resolve: (e) => ({ subject: e.actor_subject, role: e.actor_role as Actor['role'], ...(e.actor_state ? { stateCode: e.actor_state } : {}) }),
    }),
    at: t.field({ type: 'DateTime', resolve: (e) => new Date(e.at) }),
    fromStage: t.field({ type: StageEnum, nullable: true, resolve: (e) => e.from_stage as Stage | null }),
    toStage: t.field({ type: StageEnum, resolve: (e) => e.to_stage as Stage }),
    summary: t.field({ type: 'JSON', description: 'The transition payload as the workflow accepted it (a JSON object).', resolve: (e) => e.summary }),
  }),
});

/** A project row that carries its beneficiary States, read in the same statement. */
export type ProjectNode = ProjectRow & { statesRead?: string[] };

export const ProjectRef = builder.objectRef<ProjectRow>('Project').implement({
  description: 'A technical-assistance project: one lifecycle workflow in Temporal, read from the read model.',
  fields: (t) => ({
    id: t.exposeID('id'),
    title: t.exposeString('title'),
    stage: t.field({ type: StageEnum, resolve: (p) => p.stage as Stage }),
    iatiActivityStatus: t.exposeInt('iati_activity_status', { description: 'IATI activity status 1-6, following from the stage' }),
    // From the row when its statement read them (a list's page): no promise per node, so GraphQL completes the node synchronously.
    states: t.stringList({ description: 'Beneficiary States (ISO 3166 alpha-3)', resolve: (p, _a, ctx) => (p as ProjectNode).statesRead ?? ctx.loaders.projectStates.load(p.id) }),
    filedAt: t.field({ type: 'DateTime', resolve: (p) => new Date(p.filed_at) }),
    updatedAt: t.field({ type: 'DateTime', resolve: (p) => new Date(p.updated_at) }),
    needs: t.field({
      type: [NeedRef],
      description: "The project's needs; a focal point sees only its own State's part (R1; access policy).",
      resolve: (p, _a, ctx) => ctx.loaders.projectNeeds.load(p.id),
    }),
    history: t.field({ type: [HistoryEntryRef], resolve: (p, _a, ctx) => ctx.loaders.projectHistory.load(p.id) }),
  }),
});

/**
 * The project if the caller may see it (domain/roles.ts maySeeProject), with the parts asked for read in
 * the same statement. A project outside the caller's scope answers exactly like one that does not exist,
 * so ids and owners do not leak; its parts are dropped unseen.
 * Its States, and its needs and whole history when read, go into the request's loaders: the fields
 * `states`, `needs` and `history` (and their access rules, api/policy.ts) answer from them.
 */
export async function readVisibleProject(ctx: Context, given: string, parts: ProjectParts = {}): Promise<ProjectRead> {
  const id = idOrNotFound(given, 'project');
  const found = await readProject(ctx.deps.db, id, parts);
  if (!found || !ctx.actor || !maySeeProject(ctx.actor, audienceOf(found.project, found.states))) throw new NotFoundError(`project ${id} not found`);
  ctx.loaders.projectStates.prime(id, found.states);
  if (found.needs) ctx.loaders.projectNeeds.prime(id, found.needs);
  if (parts.events === 'all' && found.events) ctx.loaders.projectHistory.prime(id, found.events);
  return found;
}

/** The project alone if the caller may see it (readVisibleProject without parts). */
export async function loadVisibleProject(ctx: Context, given: string): Promise<ProjectRow> {
  return (await readVisibleProject(ctx, given)).project;
}

/**
 * The names of the fields a query selects on the object a field returns, or deeper along `path` (field
 * names, e.g. ['data', 'edges', 'node'] for the nodes of a connection in its success type), through inline
 * and named fragments (so through a result union too), aliases and repeated selections merged. Used to read
 * what a query will ask for in the statement that reads the object.
 */
export function selectedFieldNames(info: GraphQLResolveInfo, path: readonly string[] = []): Set<string> {
  const names = new Set<string>();
  const visit = (selections: readonly SelectionNode[], depth: number, seen: Set<string>) => {
    for (const s of selections) {
      if (s.kind === Kind.FIELD) {
        if (depth === path.length) names.add(s.name.value);
        else if (s.name.value === path[depth] && s.selectionSet) visit(s.selectionSet.selections, depth + 1, new Set());
      } else if (s.kind === Kind.INLINE_FRAGMENT) visit(s.selectionSet.selections, depth, seen);
      else if (!seen.has(s.name.value)) {
        seen.add(s.name.value);
        const fragment = info.fragments[s.name.value];
        if (fragment) visit(fragment.selectionSet.selections, depth, seen);
      }
    }
  };
  for (const node of info.fieldNodes) if (node.selectionSet) visit(node.selectionSet.selections, 0, new Set());
  return names;
}

/**
 * Fields of Project answered from the row's columns and the States and needs loaders, for every caller:
 * none reads the row's details (the projected state, several KB per project). `history` is not one: a
 * focal point's history of a regional project reads the needs' States from details (api/policy.ts).
 */
const FIELDS_WITHOUT_DETAILS = new Set(['__typename', 'id', 'title', 'stage', 'iatiActivityStatus', 'states', 'filedAt', 'updatedAt', 'mergedInto', 'needs']);

/** Does a selection on Project need the rows' details? (Any field not known to do without them does.) */
export function needsDetails(fields: ReadonlySet<string>): boolean {
  for (const f of fields) if (!FIELDS_WITHOUT_DETAILS.has(f)) return true;
  return false;
}
