// Curating the pool: presumed needs and their confirmation (R8, R1), duplicates flagged and merged
// (R3), and needs grouped into one integrated or regional project (domain.md S3, S8).
import { WorkflowNotFoundError } from '@temporalio/client';
import { z } from 'zod';
import { findDuplicates } from '../../domain/duplicates.js';
import { idempotencyKey } from '../../domain/inputs.js';
import { idList, line } from '../../domain/boundary.js';
import { STATES } from '../../domain/code-lists/index.js';
import { describeGroupingRefusal } from '../../domain/pool-rules.js';
import { PRESUMED_SOURCE } from '../../domain/presumed-needs.js';
import { isOpenNeed } from '../../domain/priority.js';
import { countNeedHistory, needHistoryPage, recordNeedEvents, type NeedHistoryEntry } from '../../db/queries/need-history.js';
import { claimNeedsForProject, confirmPresumedNeedOnce, mergeNeedsAtomically, releaseClaims } from '../../db/queries/pool-claims.js';
import { countPresumedNeeds, needsByIds, pagePresumedNeeds, type NeedRow } from '../../db/queries/need-ranking.js';
import { loadNeedsWithStatus } from '../../db/queries/needs-pool.js';
import { findProject } from '../../db/queries/projects.js';
import type { UrgencyCode } from '../../domain/code-lists/index.js';
import { builder } from '../builder.js';
import type { Context } from '../context.js';
import { ForbiddenError, IdempotencyKeyReusedError, NotFoundError, TransitionRefusedError, UnavailableError, ValidationError } from '../errors.js';
import { callerOf, idempotent } from '../idempotency.js';
import { projectIdFromNeeds, startProjectFromNeeds } from '../lifecycle.js';
import { idOrNotFound, parseInput } from '../parse.js';
import { NeedRef, type NeedInPool } from './need.js';
import { connectionOf, pageArgs, pageOf, pageRequest } from './pagination.js';
import { ProjectRef } from './project.js';
import type { NeedSourceCode } from '../../domain/code-lists/index.js';
import { ActorRoleEnum, NeedSourceEnum, type ActorRole } from './enums.js';

const PresumedNeedConnection = connectionOf('PresumedNeed', NeedRef, { totalCount: true });

const DuplicateGroupRef = builder.objectRef<{ needIds: string[]; reason: string }>('DuplicateGroup').implement({
  fields: (t) => ({ needIds: t.exposeStringList('needIds'), reason: t.exposeString('reason') }),
});

// An unknown State (or any text that is not a State code) filters to nothing; it never reaches SQL as typed.
const scopeState = (ctx: Context, state?: string | null) =>
  ctx.actor!.role === 'STATE_FOCAL_POINT' ? ctx.actor!.stateCode : state == null ? undefined : STATES.some((s) => s.code === state) ? state : 'NONE';

type FoundNeed = NeedRow & NeedInPool;

/** Pool needs by id (one query for these ids, never the whole pool), or a ValidationError naming each id that is not one. */
async function poolNeeds(ctx: Context, given: readonly unknown[], field: string): Promise<FoundNeed[]> {
  const ids = parseInput(idList('need', { min: 0, max: 500 }), given, field);
  const all = await needsByIds(ctx.deps.db, ids);
  const issues = ids.flatMap((id, i) => (all.has(id) ? [] : [{ field: `${field}.${i}`, message: `no need ${id}` }]));
  if (issues.length) throw new ValidationError(issues);
  return ids.map((id) => all.get(id)!);
}

/** false only when Temporal says there is no such workflow; unreachable counts as existing (keep the claim). */
async function projectExists(ctx: Context, projectId: string): Promise<boolean> {
  try {
    await ctx.deps.temporal.withDeadline(Date.now() + 5_000, () => ctx.deps.temporal.workflow.getHandle(projectId).describe());
    return true;
  } catch (err) {
    return !(err instanceof WorkflowNotFoundError);
  }
}

/** A pool need the caller may see: a focal point's own State's; any other answers as not found. */
async function visibleNeed(ctx: Context, given: string): Promise<FoundNeed> {
  // A malformed id (a NUL, a lone surrogate) names no need and never reaches SQL.
  const id = idOrNotFound(given, 'need');
  const need = (await needsByIds(ctx.deps.db, [id])).get(id);
  if (!need || (ctx.actor!.role === 'STATE_FOCAL_POINT' && ctx.actor!.stateCode !== need.state_code)) throw new NotFoundError(`need ${id} not found`);
  return need;
}

builder.queryFields((t) => ({
  presumedNeeds: t.field({
    type: PresumedNeedConnection,
    description: "Presumed reporting needs (R8), shown apart from State requests until their State confirms them, a page at a time in id order; a focal point sees its own State's (another State is NotFoundError).",
    args: { state: t.arg.string({ required: false }), ...pageArgs(t) },
    errors: { types: [ValidationError, ForbiddenError, NotFoundError] },
    resolve: async (_r, args, ctx) => {
      const page = pageRequest(args, ['string']);
      const state = scopeState(ctx, args.state);
      const rows = await pagePresumedNeeds(ctx.deps.db, PRESUMED_SOURCE, state, (page.after?.[0] as string | undefined) ?? null, page.first + 1);
      return pageOf(rows, page, (n) => [n.id], (n) => n, () => countPresumedNeeds(ctx.deps.db, PRESUMED_SOURCE, state));
    },
  }),
  duplicateNeeds: t.field({
    type: [DuplicateGroupRef],
    description: "Open needs of one State that look like duplicates: same area, activity and instrument, or similar descriptions; a focal point asks for its own State (another State is NotFoundError). One State at a time: duplicates never cross States, and the whole pool is never loaded for one call.",
    args: { state: t.arg.string({ required: true, description: 'ISO 3166 alpha-3 (codeLists.states)' }) },
    errors: { types: [ForbiddenError, NotFoundError] },
    resolve: async (_r, args, ctx) => {
      const open = (await loadNeedsWithStatus(ctx.deps.db, { state: scopeState(ctx, args.state) })).filter((n) => isOpenNeed(n.project_stage, n.verdict) && !n.merged_into && !n.withdrawn_at);
      return findDuplicates(open.map((n) => ({ id: n.id, stateCode: n.state_code, priorityArea: n.priority_area, priorityActivity: n.priority_activity, instrument: n.instrument, description: n.description })));
    },
  }),
}));

const ConfirmPresumedNeedInput = builder.inputType('ConfirmPresumedNeedInput', { fields: (t) => ({ needId: t.id({ required: true }) }) });
const MergeNeedsInput = builder.inputType('MergeNeedsInput', {
  fields: (t) => ({ survivorId: t.id({ required: true }), duplicateIds: t.idList({ required: true, description: 'Needs of the same State merged into the survivor; none twice' }) }),
});
const GroupNeedsIntoProjectInput = builder.inputType('GroupNeedsIntoProjectInput', {
  fields: (t) => ({
    needIds: t.idList({ required: true }),
    title: t.string({ required: true }),
    idempotencyKey: t.string({ required: true, description: 'Grouping again with it returns the same project' }),
  }),
});

builder.mutationFields((t) => ({
  confirmPresumedNeed: t.field({
    type: NeedRef,
    description: "The State's focal point confirms a presumed reporting need, which may then be planned (R1).",
    args: { input: t.arg({ type: ConfirmPresumedNeedInput, required: true }) },
    errors: { types: [ValidationError, ForbiddenError, NotFoundError], directResult: true },
    resolve: async (_r, { input: args }, ctx) => {
      const need = await visibleNeed(ctx, String(args.needId));
      if (need!.source !== PRESUMED_SOURCE) throw new ValidationError([{ field: 'input.needId', message: 'only a presumed need is confirmed' }]);
      // Only focal points confirm (access policy), and visibleNeed found one of the caller's own State.
      // Confirmed once: concurrent or repeated confirmations get the same answer, the confirmed need, and write one CONFIRMED event.
      await confirmPresumedNeedOnce(ctx.deps.db, need!.id, ctx.actor!);
      return (await poolNeeds(ctx, [need!.id], 'input.needId'))[0]!;
    },
  }),
  mergeNeeds: t.field({
    type: [NeedRef],
    description: 'Merge duplicate pool needs of one State into a surviving need; each merged need points to it.',
    args: { input: t.arg({ type: MergeNeedsInput, required: true }) },
    errors: { types: [ValidationError, ForbiddenError] },
    resolve: async (_r, { input: args }, ctx) => {
      // One boundary for id lists: at least one, none twice (naming the repeated one).
      const duplicateIds = parseInput(idList('need', { min: 1, max: 500 }), args.duplicateIds, 'input.duplicateIds');
      const [survivor] = await poolNeeds(ctx, [String(args.survivorId)], 'input.survivorId');
      const duplicates = await poolNeeds(ctx, duplicateIds, 'input.duplicateIds');
      // Decided on the locked rows, so two merges of one need (or of two needs into each other) cannot both apply.
      const issues = await mergeNeedsAtomically(ctx.deps.db, survivor!.id, duplicates.map((d) => d.id), ctx.actor!);
      if (issues.length) throw new ValidationError(issues.map((i) => ({ ...i, field: `input.${i.field}` })));
      return poolNeeds(ctx, duplicates.map((d) => d.id), 'input.duplicateIds');
    },
  }),
  groupNeedsIntoProject: t.field({
    type: ProjectRef,
    description: 'Start one integrated or regional project from pool needs (domain.md S3, S8); presumed needs must be confirmed first (R1).',
    args: { input: t.arg({ type: GroupNeedsIntoProjectInput, required: true }) },
    errors: { types: [ValidationError, ForbiddenError, NotFoundError, TransitionRefusedError, IdempotencyKeyReusedError, UnavailableError], directResult: true },
    resolve: async (_r, { input: args }, ctx) => {
      const { title, idempotencyKey: key } = parseInput(z.object({ title: line(300), idempotencyKey }), { title: args.title, idempotencyKey: args.idempotencyKey }, 'input');
      const needIds = parseInput(idList('need', { min: 1, max: 500 }), args.needIds, 'input.needIds');
      const read = async (projectId: string) => {
        const project = await findProject(ctx.deps.db, projectId);
        if (!project) throw new NotFoundError(`project ${projectId} not found`);
        return project;
      };
      // The key is checked before the needs: a retry after success finds them in the project it made.
      return idempotent(ctx.deps.db, { scope: 'groupNeedsIntoProject', key, caller: callerOf(ctx), payload: { needIds, title } }, async () => {
      const needs = await poolNeeds(ctx, needIds, 'input.needIds');
      // The claim decides, under row locks, before any project starts: of concurrent groupings of one
      // need exactly one gets it; the others are refused and start nothing.
      const projectId = projectIdFromNeeds(key);
      const { refusals, keyReused } = await claimNeedsForProject(ctx.deps.db, projectId, needIds, ctx.actor!);
      if (keyReused) throw new TransitionRefusedError('IDEMPOTENCY_KEY_REUSED', `idempotencyKey ${keyReused}`);
      const mayRead = () => ctx.actor!.role === 'PROGRAMME_MANAGER' || ctx.actor!.role === 'CONFERENCE_ADMIN';
      const taken = refusals.filter((r) => r.kind === 'IN_PROJECT');
      if (taken.length) throw new TransitionRefusedError('NEED_ALREADY_IN_PROJECT', taken.map((r) => describeGroupingRefusal(r, mayRead)).join('; '));
      if (refusals.length) throw new ValidationError(refusals.map((r) => ({ field: `input.needIds.${r.index}`, message: describeGroupingRefusal(r, mayRead) })));
      const started = await startProjectFromNeeds(
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
      ).catch(async (err) => {
        // Not started: give the needs back, unless the project exists after all (the answer was lost).
        if (!(await projectExists(ctx, projectId))) await releaseClaims(ctx.deps.db, projectId);
        throw err;
      });
      const created = started.created;
      if (created) await recordNeedEvents(ctx.deps.db, needs.map((n) => ({ needId: n.id, action: 'GROUPED_INTO_PROJECT', actor: ctx.actor!, detail: { projectId } })));
      return read(projectId);
      }, (p) => ({ projectId: p.id }), (kept) => read(String(kept.projectId)));
    },
  }),
}));

const NeedHistoryEntryRef = builder.objectRef<NeedHistoryEntry>('NeedHistoryEntry').implement({
  fields: (t) => ({
    at: t.field({ type: 'DateTime', resolve: (e) => e.at }),
    action: t.exposeString('action', { description: 'IMPORTED, PRESUMED, CONFIRMED, RANKED, MERGED_INTO, ABSORBED_DUPLICATE, GROUPED_INTO_PROJECT, RECORDED, FOLLOW_UP_OF, FIELD_SET, CONFIDENTIALITY_SET, WITHDRAWN, EVALUATED, or project:<action> for its project\'s events' }),
    actorSubject: t.exposeString('actorSubject'),
    actorRole: t.field({ type: ActorRoleEnum, resolve: (e) => e.actorRole as ActorRole }),
    detail: t.field({ type: 'JSON', description: "The event's particulars (a JSON object)", resolve: (e) => e.detail }),
  }),
});

const NeedHistoryEntryConnection = connectionOf('NeedHistoryEntry', NeedHistoryEntryRef, { totalCount: true });

builder.queryFields((t) => ({
  needHistory: t.field({
    type: NeedHistoryEntryConnection,
    description: "A need's history, in the pool and in its project, in event order, a page at a time.",
    args: { id: t.arg.id({ required: true }), ...pageArgs(t) },
    errors: { types: [ValidationError, ForbiddenError, NotFoundError] },
    resolve: async (_r, args, ctx) => {
      const page = pageRequest(args, ['string']);
      const need = await visibleNeed(ctx, String(args.id));
      const rows = await needHistoryPage(ctx.deps.db, need!.id, page.first + 1, (page.after?.[0] as string | undefined) ?? null);
      return pageOf(rows, page, (e) => [e.sortKey], (e) => e, () => countNeedHistory(ctx.deps.db, need!.id));
    },
  }),
}));
