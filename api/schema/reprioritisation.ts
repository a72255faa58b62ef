// Re-prioritisation on demand, and the ranked snapshots it records, with the change since the run before.
import { randomUUID } from 'node:crypto';
import type { RegionReporting } from '../../domain/presumed-needs.js';
import { countSnapshotEntries, countSnapshots, latestSnapshots, previousSnapshot, ranksIn, snapshotById, snapshotEntries, weightSetById } from '../../db/queries/needs-pool.js';
import { connectionOf, pageArgs, pageOf, pageRequest } from './pagination.js';
import { WeightSetRef } from './priority-weights.js';
import { TASK_QUEUE } from '../../workflows/definitions.js';
import { STATES } from '../../domain/code-lists/index.js';
import { builder } from '../builder.js';
import { ForbiddenError, NotFoundError, UnavailableError, ValidationError } from '../errors.js';
import { temporalDeadlineMs, withTemporalDeadline } from '../temporal-deadline.js';
import type { PriorityPart, SnapshotTrigger } from '../../domain/priority.js';
import { SnapshotTriggerEnum } from './enums.js';
import { PriorityPartRef } from './need.js';

type SnapshotRow = NonNullable<Awaited<ReturnType<typeof snapshotById>>>;
type EntryRow = Awaited<ReturnType<typeof snapshotEntries>>[number] & { previousRank: number | null };

const RankedEntryRef = builder.objectRef<EntryRow>('RankedNeed').implement({
  fields: (t) => ({
    needId: t.exposeString('need_id'),
    rank: t.exposeInt('rank'),
    previousRank: t.int({ nullable: true, description: 'Rank in the run before; null if the need was not in the pool', resolve: (e) => e.previousRank }),
    rankChange: t.int({ nullable: true, description: 'Places gained since the run before (positive = rose)', resolve: (e) => (e.previousRank === null ? null : e.previousRank - e.rank) }),
    score: t.exposeFloat('score'),
    state: t.exposeString('state_code'),
    priorityArea: t.exposeString('priority_area'),
    description: t.exposeString('description'),
    parts: t.field({ type: [PriorityPartRef], description: 'The named parts of the score', resolve: (e) => e.parts as unknown as PriorityPart[] }),
  }),
});

const RankedNeedConnection = connectionOf('RankedNeed', RankedEntryRef, { totalCount: true });

const RegionReportingRef = builder.objectRef<RegionReporting>('RegionReporting').implement({
  fields: (t) => ({ region: t.exposeString('region'), states: t.exposeInt('states'), reported: t.exposeInt('reported'), rate: t.exposeFloat('rate') }),
});

const SnapshotRef = builder.objectRef<SnapshotRow>('PrioritySnapshot').implement({
  description: 'One re-prioritisation run: every open need ranked.',
  fields: (t) => ({
    id: t.exposeInt('id'),
    trigger: t.field({ type: SnapshotTriggerEnum, resolve: (s) => s.trigger as SnapshotTrigger }),
    takenAt: t.field({ type: 'DateTime', resolve: (s) => new Date(s.taken_at) }),
    weightSetId: t.int({ nullable: true, resolve: (s) => s.weight_set_id }),
    weightSet: t.field({
      type: WeightSetRef,
      nullable: true,
      description: 'The weight set (decision and day) in force when the run ranked the pool; null when none was',
      resolve: async (s, _a, ctx) => (s.weight_set_id === null ? null : ((await weightSetById(ctx.deps.db, s.weight_set_id)) ?? null)),
    }),
    openNeeds: t.exposeInt('open_needs'),
    presumedGenerated: t.exposeInt('presumed_generated', { description: 'Presumed reporting needs this run generated (R8)' }),
    regionsFlagged: t.field({
      type: [RegionReportingRef],
      description: 'Regions whose reporting rate was at or below 50% (002 para 23)',
      resolve: (s) => (s.regions_flagged ?? []) as RegionReporting[],
    }),
    ranking: t.field({
      type: RankedNeedConnection,
      description: "Needs by rank, a page at a time; a focal point sees only its own State's (another State's is an empty page). Bad first or after is a ValidationError naming it (a GraphQL error here, as the field is nested).",
      args: { state: t.arg.string({ required: false, description: 'Only this State\'s needs' }), ...pageArgs(t) },
      resolve: async (s, args, ctx) => {
        const page = pageRequest(args, ['number']);
        const own = ctx.actor?.role === 'STATE_FOCAL_POINT' ? ctx.actor.stateCode : undefined;
        const state = own ?? args.state ?? undefined;
        // A nested list cannot answer NotFoundError: another State's ranking is an empty page, never the caller's own.
        const nothing = (own !== undefined && args.state != null && args.state !== own) || (state !== undefined && !STATES.some((s) => s.code === state));
        if (nothing) return pageOf([] as EntryRow[], page, (e) => [e.rank], (e) => e, async () => 0);
        const entries = await snapshotEntries(ctx.deps.db, s.id, page.first + 1, state, (page.after?.[0] as number | undefined) ?? null);
        const before = await previousSnapshot(ctx.deps.db, s.id);
        const previous = before ? await ranksIn(ctx.deps.db, before.id, entries.map((e) => e.need_id)) : new Map<string, number>();
        const rows = entries.map((e) => ({ ...e, previousRank: previous.get(e.need_id) ?? null }));
        return pageOf(rows, page, (e) => [e.rank], (e) => e, () => countSnapshotEntries(ctx.deps.db, s.id, state));
      },
    }),
  }),
});

const PrioritySnapshotConnection = connectionOf('PrioritySnapshot', SnapshotRef, { totalCount: true });

builder.queryFields((t) => ({
  prioritySnapshots: t.field({
    type: PrioritySnapshotConnection,
    description: 'The re-prioritisation runs, newest first, a page at a time.',
    args: pageArgs(t),
    errors: { types: [ValidationError, ForbiddenError] },
    resolve: async (_r, args, ctx) => {
      const page = pageRequest(args, ['number']);
      const rows = await latestSnapshots(ctx.deps.db, page.first + 1, (page.after?.[0] as number | undefined) ?? null);
      return pageOf(rows, page, (s) => [s.id], (s) => s, () => countSnapshots(ctx.deps.db));
    },
  }),
}));

builder.mutationFields((t) => ({
  reprioritiseNow: t.field({
    type: SnapshotRef,
    description: 'Run the re-prioritisation workflow now (it also runs daily on a Temporal Schedule) and return its snapshot.',
    errors: { types: [ForbiddenError, UnavailableError], directResult: true },
    resolve: async (_r, _a, ctx) => {
      // A run over a large pool takes longer than a transition: three times the API's deadline.
      const result = await withTemporalDeadline(ctx.deps.temporal, 3 * temporalDeadlineMs(ctx.deps.lifecycle?.temporalDeadlineMs), 'the re-prioritisation run', () => ctx.deps.temporal.workflow.execute('reprioritisation', {
        workflowId: `reprioritisation-on-demand-${randomUUID()}`,
        taskQueue: ctx.deps.lifecycle?.taskQueue ?? TASK_QUEUE,
        args: [{ trigger: 'ON_DEMAND' }],
      }));
      const snapshot = await snapshotById(ctx.deps.db, (result as { snapshotId: number }).snapshotId);
      if (!snapshot) throw new NotFoundError('the re-prioritisation recorded no snapshot');
      return snapshot;
    },
  }),
}));
