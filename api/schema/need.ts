// The one Need type (issue 11 item 4): wherever a need is read (a project's needs, the pool, curation,
// ranking) it is a `Need`, and the fields that depend on where it stands are null where they do not
// apply: its priority and place while open in the pool, its project when grouped or filed, the need it
// was merged into, its confirmation when presumed. Rows read in bulk carry these parts; a need read
// elsewhere gets them from per-request batch loaders (api/loaders.ts), one query per list.
import type { Priority, PriorityPart } from '../../domain/priority.js';
import type { NeedVerdict } from '../../domain/priority.js';
import { builder } from '../builder.js';
import type { Context } from '../context.js';
import type { Stage } from '../../domain/stages.js';
import { PriorityPartNameEnum, StageEnum, VerdictEnum } from './enums.js';
import { NeedRef } from './project.js';

export { NeedRef };

/** What a need row may carry besides its columns, when the query that read it knew. */
export interface NeedInPool {
  project_stage?: string | null;
  verdict?: NeedVerdict | null;
  /** Its place in the ranked list it was read from, and its priority. */
  pool?: { rank: number; priority: Priority };
}

export const PriorityPartRef = builder.objectRef<PriorityPart>('PriorityPart').implement({
  description: 'One named part of a need\'s priority, with the points it adds and why.',
  fields: (t) => ({ name: t.field({ type: PriorityPartNameEnum, resolve: (p) => p.name }), points: t.exposeFloat('points'), reason: t.exposeString('reason') }),
});

export const PriorityRef = builder.objectRef<Priority>('Priority').implement({
  fields: (t) => ({ score: t.exposeFloat('score'), parts: t.field({ type: [PriorityPartRef], resolve: (p) => p.parts }) }),
});

type Standing = { id: string } & NeedInPool;

/**
 * A need's project stage or latest verdict: from the row when the query that read it carried them (the
 * pool's page does), answered synchronously so a page's nodes stay on the executor's synchronous path
 * (a promise per field costs each node a promise chain); from the batch loader otherwise.
 */
function standingOf<K extends 'project_stage' | 'verdict'>(n: Standing, ctx: Context, key: K): NonNullable<NeedInPool[K]> | null | Promise<NonNullable<NeedInPool[K]> | null> {
  if (n.project_stage !== undefined && n.verdict !== undefined) return (n[key] ?? null) as NonNullable<NeedInPool[K]> | null;
  return ctx.loaders.needStanding.load(n.id).then((loaded) => (loaded?.[key] ?? null) as NonNullable<NeedInPool[K]> | null);
}

builder.objectFields(NeedRef, (t) => ({
  projectId: t.string({ nullable: true, description: 'The project that serves it, once filed with one or grouped into one', resolve: (n) => n.project_id }),
  projectStage: t.field({ type: StageEnum, nullable: true, description: "Its project's stage, when it has a project", resolve: (n, _a, ctx) => standingOf(n, ctx, 'project_stage') as Stage | null | Promise<Stage | null> }),
  verdict: t.field({ type: VerdictEnum, nullable: true, description: 'The latest evaluation verdict on it, if any', resolve: (n, _a, ctx) => standingOf(n, ctx, 'verdict') }),
  stateRank: t.int({ nullable: true, description: "Its State's own ranking of it (R2), if given", resolve: (n) => n.state_rank }),
  confirmedAt: t.field({ type: 'DateTime', nullable: true, description: 'When its State confirmed it, for a presumed need (R1)', resolve: (n) => n.confirmed_at }),
  mergedInto: t.string({ nullable: true, description: 'The need it was merged into, as a duplicate (R3)', resolve: (n) => n.merged_into }),
  poolRank: t.int({
    nullable: true,
    description: 'Its place in the ranked list it was read from (needPool, 1 = highest priority); null elsewhere',
    resolve: (n) => (n as NeedInPool).pool?.rank ?? null,
  }),
  priority: t.field({
    type: PriorityRef,
    nullable: true,
    description: 'Its priority and why, while it is open in the pool; null once served, merged, or while a presumed need awaits confirmation',
    resolve: (n, _a, ctx) => (n as NeedInPool).pool?.priority ?? ctx.loaders.needPriority.load(n.id),
  }),
}));
