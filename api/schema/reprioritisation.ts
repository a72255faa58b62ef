// Re-prioritisation on demand, and the ranked snapshots it records, with the change since the run before.
import { randomUUID } from 'node:crypto';
import type { RegionReporting } from '../../domain/presumed-needs.js';
import { latestSnapshots, previousSnapshot, ranksIn, snapshotById, snapshotEntries, weightSetById } from '../../db/queries/needs-pool.js';
import { WeightSetRef } from './priority-weights.js';
import { TASK_QUEUE } from '../../workflows/definitions.js';
import { STATES } from '../../domain/code-lists/index.js';
import { builder } from '../builder.js';
import { ForbiddenError, NotFoundError, UnavailableError } from '../errors.js';
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
      type: [RankedEntryRef],
      description: 'Needs by rank; a focal point sees only its own State\'s.',
      args: { limit: t.arg.int({ required: false, defaultValue: 50 }), state: t.arg.string({ required: false, description: 'Only this State\'s needs' }) },
      resolve: async (s, args, ctx) => {
        const state = ctx.actor?.role === 'STATE_FOCAL_POINT' ? ctx.actor.stateCode : (args.state ?? undefined);
        if (state !== undefined && !STATES.some((s) => s.code === state)) return []; // no State by that code has needs
        const entries = await snapshotEntries(ctx.deps.db, s.id, Math.max(1, Math.min(args.limit ?? 50, 1000)), state);
        const before = await previousSnapshot(ctx.deps.db, s.id);
        const previous = before ? await ranksIn(ctx.deps.db, before.id, entries.map((e) => e.need_id)) : new Map<string, number>();
        return entries.map((e) => ({ ...e, previousRank: previous.get(e.need_id) ?? null }));
      },
    }),
  }),
});

builder.queryFields((t) => ({
  prioritySnapshots: t.field({
    type: [SnapshotRef],
    description: 'The latest re-prioritisation runs, newest first.',
    args: { limit: t.arg.int({ required: false, defaultValue: 10 }) },
    resolve: (_r, args, ctx) => latestSnapshots(ctx.deps.db, Math.max(1, Math.min(args.limit ?? 10, 100))),
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
