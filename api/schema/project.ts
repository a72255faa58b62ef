import { maySeeProject, type Actor } from '../../domain/roles.js';
import type { NeedRow, ProjectEventRow, ProjectRow } from '../../db/queries/projects.js';
import { findProject } from '../../db/queries/projects.js';
import { builder } from '../builder.js';
import type { Context } from '../context.js';
import { NotFoundError } from '../errors.js';
import { idOrNotFound } from '../parse.js';
import { audienceOf } from '../policy.js';

export const ActorRef = builder.objectRef<Actor>('Actor').implement({
  fields: (t) => ({
    subject: t.exposeString('subject'),
    role: t.exposeString('role'),
    state: t.string({ nullable: true, resolve: (a) => a.stateCode ?? null }),
    organisation: t.string({ nullable: true, description: 'The organisation a DONOR acts for (token claim org)', resolve: (a) => a.organisation ?? null }),
  }),
});

export const NeedRef = builder.objectRef<NeedRow>('Need').implement({
  description: 'A need for technical assistance: what a State asks for, under which priority area and instrument.',
  fields: (t) => ({
    id: t.exposeID('id'),
    state: t.exposeString('state_code'),
    source: t.exposeString('source'),
    priorityArea: t.exposeString('priority_area'),
    priorityActivity: t.exposeString('priority_activity'),
    instrument: t.exposeString('instrument'),
    article: t.string({ nullable: true, resolve: (n) => n.article }),
    formsOfAssistance: t.stringList({ resolve: (n) => n.forms_of_assistance }),
    urgency: t.exposeString('urgency'),
    description: t.exposeString('description'),
  }),
});

export const HistoryEntryRef = builder.objectRef<ProjectEventRow>('HistoryEntry').implement({
  description: 'One line of the audit trail: who did what, when, and from which stage to which.',
  fields: (t) => ({
    seq: t.exposeInt('seq'),
    kind: t.exposeString('kind', { description: 'FILED, TRANSITION, RECORDED, ABSORBED, REMINDER or ESCALATION' }),
    action: t.exposeString('action'),
    actor: t.field({
      type: ActorRef,
      resolve: (e) => ({ subject: e.actor_subject, role: e.actor_role as Actor['role'], ...(e.actor_state ? { stateCode: e.actor_state } : {}) }),
    }),
    at: t.string({ resolve: (e) => new Date(e.at).toISOString() }),
    fromStage: t.string({ nullable: true, resolve: (e) => e.from_stage }),
    toStage: t.exposeString('to_stage'),
    summary: t.string({ description: 'The transition payload, as JSON.', resolve: (e) => JSON.stringify(e.summary) }),
  }),
});

export const ProjectRef = builder.objectRef<ProjectRow>('Project').implement({
  description: 'A technical-assistance project: one projectLifecycle workflow, read from the read model.',
  fields: (t) => ({
    id: t.exposeID('id'),
    title: t.exposeString('title'),
    stage: t.exposeString('stage'),
    iatiActivityStatus: t.exposeInt('iati_activity_status', { description: 'IATI activity status 1-6, following from the stage' }),
    states: t.stringList({ description: 'Beneficiary States (ISO 3166 alpha-3)', resolve: (p, _a, ctx) => ctx.loaders.projectStates.load(p.id) }),
    filedAt: t.string({ resolve: (p) => new Date(p.filed_at).toISOString() }),
    updatedAt: t.string({ resolve: (p) => new Date(p.updated_at).toISOString() }),
    needs: t.field({
      type: [NeedRef],
      description: "The project's needs; a focal point sees only its own State's part (R1; access policy).",
      resolve: (p, _a, ctx) => ctx.loaders.projectNeeds.load(p.id),
    }),
    history: t.field({ type: [HistoryEntryRef], resolve: (p, _a, ctx) => ctx.loaders.projectHistory.load(p.id) }),
  }),
});

/**
 * The project if the caller may see it (domain/roles.ts maySeeProject). A project outside the caller's
 * scope answers exactly like one that does not exist, so ids and owners do not leak.
 */
export async function loadVisibleProject(ctx: Context, given: string): Promise<ProjectRow> {
  const id = idOrNotFound(given, 'project');
  const project = await findProject(ctx.deps.db, id);
  const states = project ? await ctx.loaders.projectStates.load(id) : [];
  if (!project || !ctx.actor || !maySeeProject(ctx.actor, audienceOf(project, states))) throw new NotFoundError(`project ${id} not found`);
  return project;
}
