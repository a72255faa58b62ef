// The needs pool: open needs with their priority explained, and a State's own ranking of its needs.
import { z } from 'zod';
import { PRIORITY_AREAS, STATES } from '../../domain/code-lists/index.js';
import { needRankingInput } from '../../domain/needs-inputs.js';
import { prioritisePool, type Priority, type PriorityPart } from '../../domain/priority.js';
import { STATES_NEEDING_REPORTING_HELP } from '../../domain/reporting.js';
import { currentWeightSet, loadNeedsWithStatus, setStateRanks, toPoolNeed, type PoolNeedRow } from '../../db/queries/needs-pool.js';
import { builder } from '../builder.js';
import type { Context } from '../context.js';
import { ForbiddenError, NotFoundError, ValidationError } from '../errors.js';
import { parseInput } from '../parse.js';
import type { NeedSourceCode, UrgencyCode } from '../../domain/code-lists/index.js';
import type { NeedVerdict } from '../../domain/priority.js';
import type { Stage } from '../../domain/stages.js';
import { NeedSourceEnum, PriorityPartNameEnum, StageEnum, UrgencyEnum, VerdictEnum } from './enums.js';

type RankedNeed = PoolNeedRow & { priority: Priority; rank: number };

export const PriorityPartRef = builder.objectRef<PriorityPart>('PriorityPart').implement({
  description: 'One named part of a need\'s priority, with the points it adds and why.',
  fields: (t) => ({ name: t.field({ type: PriorityPartNameEnum, resolve: (p) => p.name }), points: t.exposeFloat('points'), reason: t.exposeString('reason') }),
});

const PriorityRef = builder.objectRef<Priority>('Priority').implement({
  fields: (t) => ({ score: t.exposeFloat('score'), parts: t.field({ type: [PriorityPartRef], resolve: (p) => p.parts }) }),
});

const PoolNeedRef = builder.objectRef<RankedNeed>('PoolNeed').implement({
  description: 'An open need in the pool, ranked by its computed priority.',
  fields: (t) => ({
    id: t.exposeID('id'),
    rank: t.exposeInt('rank'),
    state: t.exposeString('state_code'),
    priorityArea: t.exposeString('priority_area'),
    priorityActivity: t.exposeString('priority_activity'),
    urgency: t.field({ type: UrgencyEnum, resolve: (n) => n.urgency as UrgencyCode }),
    source: t.field({ type: NeedSourceEnum, resolve: (n) => n.source as NeedSourceCode }),
    description: t.exposeString('description'),
    projectId: t.string({ nullable: true, resolve: (n) => n.project_id }),
    projectStage: t.field({ type: StageEnum, nullable: true, resolve: (n) => n.project_stage as Stage | null }),
    verdict: t.field({ type: VerdictEnum, nullable: true, description: 'The latest evaluation verdict, if any', resolve: (n) => n.verdict as NeedVerdict | null }),
    stateRank: t.int({ nullable: true, resolve: (n) => n.state_rank }),
    priority: t.field({ type: PriorityRef, resolve: (n) => n.priority }),
  }),
});

/** The pool as it stands now, ranked with the weights in force. */
async function rankedPool(ctx: Context, filter: { state?: string; priorityArea?: string }): Promise<RankedNeed[]> {
  const [rows, weights] = await Promise.all([loadNeedsWithStatus(ctx.deps.db, filter), currentWeightSet(ctx.deps.db)]);
  return prioritisePool(rows.map(toPoolNeed), weights?.weights ?? {}, STATES_NEEDING_REPORTING_HELP, new Date()).map((n) => ({ ...n.row, priority: n.priority, rank: n.rank }));
}

const poolFilter = z
  .object({
    state: z.string().refine((v) => STATES.some((s) => s.code === v), { error: (i) => `unknown State "${String(i.input)}"` }).nullish(),
    priorityArea: z.string().refine((v) => PRIORITY_AREAS.some((p) => p.code === v), { error: (i) => `unknown priority area "${String(i.input)}"` }).nullish(),
  })
  .nullish();

const NeedPoolFilter = builder.inputType('NeedPoolFilter', {
  fields: (t) => ({ state: t.string({ required: false }), priorityArea: t.string({ required: false }) }),
});

builder.queryFields((t) => ({
  needPool: t.field({
    type: [PoolNeedRef],
    description: "Open needs ranked by priority, computed now with the weights in force; a focal point sees its own State's (another State is NotFoundError).",
    args: { filter: t.arg({ type: NeedPoolFilter, required: false }) },
    errors: { types: [ValidationError, ForbiddenError, NotFoundError] },
    resolve: async (_r, args, ctx) => {
      const actor = ctx.actor!;
      const filter = parseInput(poolFilter, args.filter, 'filter') ?? {};
      // Who may read the pool is the access policy's (EXPERT, EVALUATOR and DONOR get ForbiddenError).
      if (actor.role === 'STATE_FOCAL_POINT') filter.state = actor.stateCode;
      return rankedPool(ctx, { state: filter.state ?? undefined, priorityArea: filter.priorityArea ?? undefined });
    },
  }),
}));

const RankNeedsInput = builder.inputType('RankNeedsInput', {
  fields: (t) => ({
    state: t.string({ required: true, description: "The focal point's own State (ISO 3166 alpha-3)" }),
    needIds: t.idList({ required: true, description: "The State's open needs, most important first" }),
  }),
});

builder.mutationFields((t) => ({
  rankNeeds: t.field({
    type: [PoolNeedRef],
    description: "A State's focal point ranks its open needs, most important first (R2: recipient priorities count).",
    args: { input: t.arg({ type: RankNeedsInput, required: true }) },
    errors: { types: [ValidationError, ForbiddenError, NotFoundError] },
    resolve: async (_r, { input: args }, ctx) => {
      const actor = ctx.actor!;
      // Only focal points rank (access policy); another State's needs answer as not found, whatever the list.
      if (actor.stateCode !== args.state) throw new NotFoundError(`no needs for State ${args.state}`);
      const input = parseInput(needRankingInput, args, 'input');
      const own = new Set((await loadNeedsWithStatus(ctx.deps.db, { state: input.state })).map((n) => n.id));
      const strangers = input.needIds.filter((id) => !own.has(id));
      if (strangers.length) throw new ValidationError([{ field: 'input.needIds', message: `not needs of ${input.state}: ${strangers.join(', ')}` }]);
      await setStateRanks(ctx.deps.db, input.state, input.needIds, actor);
      return rankedPool(ctx, { state: input.state });
    },
  }),
}));
