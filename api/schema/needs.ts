// The needs pool: open needs with their priority explained, a page at a time from the materialised
// ranking (db/queries/need-ranking.ts), and a State's own ranking of its needs.
import { z } from 'zod';
import { PRIORITY_AREAS, STATES } from '../../domain/code-lists/index.js';
import { needRankingInput } from '../../domain/needs-inputs.js';
import { countRanking, freshRanking, needsByIds, pageRanking, type RankedNeedRow } from '../../db/queries/need-ranking.js';
import { loadNeedsWithStatus, setStateRanks } from '../../db/queries/needs-pool.js';
import { builder } from '../builder.js';
import { ForbiddenError, NotFoundError, ValidationError } from '../errors.js';
import { parseInput } from '../parse.js';
import { connectionOf, pageArgs, pageOf, pageRequest } from './pagination.js';
import { NeedRef, type NeedInPool } from './need.js';

const poolFilter = z
  .object({
    state: z.string().refine((v) => STATES.some((s) => s.code === v), { error: (i) => `unknown State "${String(i.input)}"` }).nullish(),
    priorityArea: z.string().refine((v) => PRIORITY_AREAS.some((p) => p.code === v), { error: (i) => `unknown priority area "${String(i.input)}"` }).nullish(),
  })
  .nullish();

const NeedPoolFilter = builder.inputType('NeedPoolFilter', {
  fields: (t) => ({ state: t.string({ required: false }), priorityArea: t.string({ required: false }) }),
});

const NeedConnection = connectionOf('Need', NeedRef, { totalCount: true });

/** A ranking row as the one Need type carries it: the need, where it stands, and its place in this list. */
const asRankedNeed = (row: RankedNeedRow, rank: number): RankedNeedRow & Required<Pick<NeedInPool, 'pool'>> => ({
  ...row,
  pool: { rank, priority: { score: Number(row.score), parts: row.parts } },
});

builder.queryFields((t) => ({
  needPool: t.field({
    type: NeedConnection,
    description:
      "Open needs ranked by priority, a page at a time, from the materialised ranking (recomputed by every write that changes a need's priority; TIME_WAITING as of the need's last refresh, at least daily by the re-prioritisation run). A focal point sees its own State's (another State is NotFoundError).",
    args: { filter: t.arg({ type: NeedPoolFilter, required: false }), ...pageArgs(t) },
    errors: { types: [ValidationError, ForbiddenError, NotFoundError] },
    resolve: async (_r, args, ctx) => {
      const actor = ctx.actor!;
      const filter = parseInput(poolFilter, args.filter, 'filter') ?? {};
      // Who may read the pool is the access policy's (EXPERT, EVALUATOR and DONOR get ForbiddenError).
      if (actor.role === 'STATE_FOCAL_POINT') filter.state = actor.stateCode;
      const page = pageRequest(args, ['string', 'string', 'string', 'number']);
      const scope = { state: filter.state ?? undefined, priorityArea: filter.priorityArea ?? undefined };
      await freshRanking(ctx.deps.db);
      const after = page.after as readonly [string, string, string, number] | null;
      const rows = await pageRanking(ctx.deps.db, scope, after && [after[0], after[1], after[2]], page.first + 1);
      const firstRank = (after?.[3] ?? 0) + 1;
      const ranked = rows.map((row, i) => asRankedNeed(row, firstRank + i));
      return pageOf(ranked, page, (n) => [n.sort_score, n.identified_key, n.id, n.pool.rank], (n) => n, () => countRanking(ctx.deps.db, scope));
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
    type: [NeedRef],
    description: "A State's focal point ranks its open needs, most important first (R2: recipient priorities count); answers those needs, in that order, with their new priority.",
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
      const found = await needsByIds(ctx.deps.db, input.needIds);
      return input.needIds.map((id) => found.get(id)!);
    },
  }),
}));
