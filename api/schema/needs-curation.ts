// Curating the pool: presumed needs and their confirmation (R8, R1), duplicates flagged and merged
// (R3), and needs grouped into one integrated or regional project (domain.md S3, S8).
import { z } from 'zod';
import { findDuplicates } from '../../domain/duplicates.js';
import { idempotencyKey } from '../../domain/inputs.js';
import { needMayEnterProject, PRESUMED_SOURCE } from '../../domain/presumed-needs.js';
import { isOpenNeed } from '../../domain/priority.js';
import { needHistory, recordNeedEvents, type NeedHistoryEntry } from '../../db/queries/need-history.js';
import { loadNeedsWithStatus, type PoolNeedRow } from '../../db/queries/needs-pool.js';
import { findProject } from '../../db/queries/projects.js';
import type { UrgencyCode } from '../../domain/code-lists/index.js';
import { builder } from '../builder.js';
import type { Context } from '../context.js';
import { ForbiddenError, NotFoundError, ValidationError } from '../errors.js';
import { startProjectFromNeeds } from '../lifecycle.js';
import { parseInput } from '../parse.js';
import { ProjectRef } from './project.js';

const CuratedNeedRef = builder.objectRef<PoolNeedRow>('CuratedNeed').implement({
  fields: (t) => ({
    id: t.exposeID('id'),
    state: t.exposeString('state_code'),
    source: t.exposeString('source'),
    priorityArea: t.exposeString('priority_area'),
    priorityActivity: t.exposeString('priority_activity'),
    description: t.exposeString('description'),
    confirmedAt: t.string({ nullable: true, resolve: (n) => (n.confirmed_at ? new Date(n.confirmed_at).toISOString() : null) }),
    mergedInto: t.string({ nullable: true, resolve: (n) => n.merged_into }),
    projectId: t.string({ nullable: true, resolve: (n) => n.project_id }),
  }),
});

const DuplicateGroupRef = builder.objectRef<{ needIds: string[]; reason: string }>('DuplicateGroup').implement({
  fields: (t) => ({ needIds: t.exposeStringList('needIds'), reason: t.exposeString('reason') }),
});

const scopeState = (ctx: Context, state?: string | null) => (ctx.actor!.role === 'STATE_FOCAL_POINT' ? ctx.actor!.stateCode : (state ?? undefined));

/** Pool needs by id, or a ValidationError naming each id that is not one. */
async function poolNeeds(ctx: Context, ids: readonly string[], field: string): Promise<PoolNeedRow[]> {
  const all = new Map((await loadNeedsWithStatus(ctx.deps.db)).map((n) => [n.id, n]));
  const issues = ids.flatMap((id, i) => (all.has(id) ? [] : [{ field: `${field}.${i}`, message: `no need ${id}` }]));
  if (issues.length) throw new ValidationError(issues);
  return ids.map((id) => all.get(id)!);
}

/** A pool need the caller may see: a focal point's own State's; any other answers as not found. */
async function visibleNeed(ctx: Context, id: string): Promise<PoolNeedRow> {
  const need = (await loadNeedsWithStatus(ctx.deps.db)).find((n) => n.id === id);
  if (!need || (ctx.actor!.role === 'STATE_FOCAL_POINT' && ctx.actor!.stateCode !== need.state_code)) throw new NotFoundError(`need ${id} not found`);
  return need;
}

builder.queryFields((t) => ({
  presumedNeeds: t.field({
    type: [CuratedNeedRef],
    description: "Presumed reporting needs (R8), shown apart from State requests until their State confirms them; a focal point sees its own State's (another State is NotFoundError).",
    args: { state: t.arg.string({ required: false }) },
    errors: { types: [ForbiddenError, NotFoundError] },
    resolve: async (_r, args, ctx) =>
      (await loadNeedsWithStatus(ctx.deps.db, { state: scopeState(ctx, args.state) })).filter((n) => n.source === PRESUMED_SOURCE && !n.confirmed_at),
  }),
  duplicateNeeds: t.field({
    type: [DuplicateGroupRef],
    description: "Open needs that look like duplicates: same State, area, activity and instrument, or similar descriptions; a focal point sees its own State's (another State is NotFoundError).",
    args: { state: t.arg.string({ required: false }) },
    errors: { types: [ForbiddenError, NotFoundError] },
    resolve: async (_r, args, ctx) => {
      const open = (await loadNeedsWithStatus(ctx.deps.db, { state: scopeState(ctx, args.state) })).filter((n) => isOpenNeed(n.project_stage, n.verdict) && !n.merged_into);
      return findDuplicates(open.map((n) => ({ id: n.id, stateCode: n.state_code, priorityArea: n.priority_area, priorityActivity: n.priority_activity, instrument: n.instrument, description: n.description })));
    },
  }),
}));

builder.mutationFields((t) => ({
  confirmPresumedNeed: t.field({
    type: CuratedNeedRef,
    description: "The State's focal point confirms a presumed reporting need, which may then be planned (R1).",
    args: { needId: t.arg.id({ required: true }) },
    errors: { types: [ValidationError, ForbiddenError, NotFoundError], directResult: true },
    resolve: async (_r, args, ctx) => {
      const need = await visibleNeed(ctx, String(args.needId));
      if (need!.source !== PRESUMED_SOURCE) throw new ValidationError([{ field: 'needId', message: 'only a presumed need is confirmed' }]);
      // Only focal points confirm (access policy), and visibleNeed found one of the caller's own State.
      const updated = await ctx.deps.db.updateTable('needs').set({ confirmed_at: new Date().toISOString(), confirmed_by: ctx.actor!.subject }).where('id', '=', need!.id).where('confirmed_at', 'is', null).executeTakeFirst();
      if (Number(updated.numUpdatedRows) > 0) await recordNeedEvents(ctx.deps.db, [{ needId: need!.id, action: 'CONFIRMED', actor: ctx.actor! }]);
      return (await poolNeeds(ctx, [need!.id], 'needId'))[0]!;
    },
  }),
  mergeNeeds: t.field({
    type: [CuratedNeedRef],
    description: 'Merge duplicate pool needs of one State into a surviving need; each merged need points to it.',
    args: { survivorId: t.arg.id({ required: true }), duplicateIds: t.arg.idList({ required: true }) },
    errors: { types: [ValidationError, ForbiddenError] },
    resolve: async (_r, args, ctx) => {
      const [survivor] = await poolNeeds(ctx, [String(args.survivorId)], 'survivorId');
      const duplicates = await poolNeeds(ctx, args.duplicateIds.map(String), 'duplicateIds');
      const issues = duplicates.flatMap((d, i) => {
        const why = d.id === survivor!.id ? 'is the survivor' : d.state_code !== survivor!.state_code ? `is a need of ${d.state_code}, not ${survivor!.state_code}` : d.project_id ? `is already in project ${d.project_id}` : d.merged_into ? `was merged into ${d.merged_into}` : null;
        return why ? [{ field: `duplicateIds.${i}`, message: `${d.id} ${why}` }] : [];
      });
      if (issues.length) throw new ValidationError(issues);
      await ctx.deps.db.transaction().execute(async (trx) => {
        await trx.updateTable('needs').set({ merged_into: survivor!.id }).where('id', 'in', duplicates.map((d) => d.id)).execute();
        await recordNeedEvents(trx, [
          ...duplicates.map((d) => ({ needId: d.id, action: 'MERGED_INTO' as const, actor: ctx.actor!, detail: { survivorId: survivor!.id } })),
          { needId: survivor!.id, action: 'ABSORBED_DUPLICATE', actor: ctx.actor!, detail: { duplicateIds: duplicates.map((d) => d.id) } },
        ]);
      });
      return poolNeeds(ctx, duplicates.map((d) => d.id), 'duplicateIds');
    },
  }),
  groupNeedsIntoProject: t.field({
    type: ProjectRef,
    description: 'Start one integrated or regional project from pool needs (domain.md S3, S8); presumed needs must be confirmed first (R1).',
    args: { needIds: t.arg.idList({ required: true }), title: t.arg.string({ required: true }), idempotencyKey: t.arg.string({ required: true }) },
    errors: { types: [ValidationError, ForbiddenError, NotFoundError], directResult: true },
    resolve: async (_r, args, ctx) => {
      const { title, key } = parseInput(z.object({ title: z.string().trim().min(1, { error: 'must not be empty' }), key: idempotencyKey }), { title: args.title, key: args.idempotencyKey }, 'input');
      const needs = await poolNeeds(ctx, args.needIds.map(String), 'needIds');
      const issues = needs.flatMap((n, i) => {
        const why = n.merged_into ? `was merged into ${n.merged_into}` : needMayEnterProject({ source: n.source, confirmedAt: n.confirmed_at ? String(n.confirmed_at) : null, projectId: n.project_id, stateCode: n.state_code });
        return why ? [{ field: `needIds.${i}`, message: `${n.id}: ${why}` }] : [];
      });
      if (issues.length) throw new ValidationError(issues);
      if (needs.length === 0) throw new ValidationError([{ field: 'needIds', message: 'name at least one need' }]);
      const { projectId, created } = await startProjectFromNeeds(
        ctx.deps.temporal,
        ctx.actor!,
        {
          title,
          idempotencyKey: key,
          needs: needs.map((n) => ({
            id: n.id, stateCode: n.state_code, source: n.source, priorityArea: n.priority_area, priorityActivity: n.priority_activity,
            instrument: n.instrument, ...(n.article ? { article: n.article } : {}), formsOfAssistance: n.forms_of_assistance, urgency: n.urgency as UrgencyCode, description: n.description,
          })),
        },
        ctx.deps.lifecycle,
      );
      if (created) await recordNeedEvents(ctx.deps.db, needs.map((n) => ({ needId: n.id, action: 'GROUPED_INTO_PROJECT', actor: ctx.actor!, detail: { projectId } })));
      const project = await findProject(ctx.deps.db, projectId);
      if (!project) throw new NotFoundError(`project ${projectId} not found`);
      return project;
    },
  }),
}));

const NeedHistoryEntryRef = builder.objectRef<NeedHistoryEntry>('NeedHistoryEntry').implement({
  fields: (t) => ({
    at: t.string({ resolve: (e) => e.at.toISOString() }),
    action: t.exposeString('action', { description: 'IMPORTED, PRESUMED, CONFIRMED, RANKED, MERGED_INTO, ABSORBED_DUPLICATE, GROUPED_INTO_PROJECT, EVALUATED, or project:<action> for its project\'s events' }),
    actorSubject: t.exposeString('actorSubject'),
    actorRole: t.exposeString('actorRole'),
    detail: t.string({ description: 'As JSON', resolve: (e) => JSON.stringify(e.detail) }),
  }),
});

builder.queryFields((t) => ({
  needHistory: t.field({
    type: [NeedHistoryEntryRef],
    description: "A need's history, in the pool and in its project.",
    args: { id: t.arg.id({ required: true }) },
    errors: { types: [ValidationError, ForbiddenError, NotFoundError] },
    resolve: async (_r, args, ctx) => {
      const need = await visibleNeed(ctx, String(args.id));
      return needHistory(ctx.deps.db, need!.id);
    },
  }),
}));
