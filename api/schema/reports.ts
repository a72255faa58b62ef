// Portfolio reports (also as CSV under /reports/<name>.csv).
import { builder } from '../builder.js';
import { OutcomeTypeEnum } from './outcome-types.js';
import { DateScalar } from './scalars.js';
import { DecimalScalar } from './money.js';
import { ForbiddenError } from '../errors.js';
import { fundingGapReport, needsReport, outcomesReport } from '../reports.js';
import type { Stage } from '../../domain/stages.js';
import { EarmarkFlagEnum, NeedPlaceEnum, StageEnum, type NEED_PLACES } from './enums.js';

type NeedsCell = Awaited<ReturnType<typeof needsReport>>[number];
type Funding = Awaited<ReturnType<typeof fundingGapReport>>;
type Outcome = Awaited<ReturnType<typeof outcomesReport>>[number];

const NeedsCellRef = builder.objectRef<NeedsCell>('NeedsReportCell').implement({
  fields: (t) => ({
    priorityArea: t.exposeString('priorityArea'),
    region: t.exposeString('region'),
    stage: t.field({ type: NeedPlaceEnum, description: 'The project stage, or POOL for needs in no project', resolve: (c) => c.stage as (typeof NEED_PLACES)[number] }),
    needs: t.exposeInt('needs'),
    oldestWaitingSince: t.field({ type: 'DateTime', resolve: (c) => c.oldestWaitingSince }),
  }),
});

const FundingCellRef = builder.objectRef<Funding['byAreaActivity'][number]>('FundingGapCell').implement({
  fields: (t) => ({
    priorityArea: t.exposeString('priorityArea'),
    priorityActivity: t.exposeString('priorityActivity'),
    currency: t.exposeString('currency', { description: 'ISO 4217: amounts in different currencies are never added up' }),
    projects: t.exposeInt('projects'),
    budget: t.field({ type: DecimalScalar, resolve: (c) => c.budget }),
    pledged: t.field({ type: DecimalScalar, resolve: (c) => c.pledged }),
    gap: t.field({ type: DecimalScalar, resolve: (c) => c.gap }),
  }),
});

const MismatchRef = builder.objectRef<Funding['earmarkMismatch'][number]>('EarmarkMismatch').implement({
  description: 'R4: how donors\' earmarks compare with the Conference\'s priorities, flagged for the Conference.',
  fields: (t) => ({
    priorityArea: t.exposeString('priorityArea'),
    conferenceShare: t.exposeFloat('conferenceShare'),
    earmarkShare: t.exposeFloat('earmarkShare'),
    flag: t.field({ type: EarmarkFlagEnum, nullable: true, resolve: (m) => m.flag }),
    explanation: t.exposeString('explanation'),
  }),
});

const OutcomeTypeCountRef = builder.objectRef<Outcome['outcomeTypes'][number]>('OutcomeTypeCount').implement({
  fields: (t) => ({ outcomeType: t.field({ type: OutcomeTypeEnum, resolve: (c) => c.outcomeType }), needs: t.exposeInt('needs') }),
});

const OutcomeRef = builder.objectRef<Outcome>('OutcomeReportRow').implement({
  fields: (t) => ({
    projectId: t.exposeString('projectId'),
    title: t.exposeString('title'),
    stage: t.field({ type: StageEnum, resolve: (r) => r.stage as Stage }),
    relevance: t.int({ nullable: true, resolve: (o) => o.relevance }),
    coherence: t.int({ nullable: true, resolve: (o) => o.coherence }),
    effectiveness: t.int({ nullable: true, resolve: (o) => o.effectiveness }),
    efficiency: t.int({ nullable: true, resolve: (o) => o.efficiency }),
    impact: t.int({ nullable: true, resolve: (o) => o.impact }),
    sustainability: t.int({ nullable: true, resolve: (o) => o.sustainability }),
    needsMet: t.exposeInt('needsMet'),
    needsPartlyMet: t.exposeInt('needsPartlyMet'),
    needsUnmet: t.exposeInt('needsUnmet'),
    outcomeTypes: t.field({ type: [OutcomeTypeCountRef], description: 'How many of its needs reached each kind of outcome (kinds none reached left out)', resolve: (o) => o.outcomeTypes }),
    enactedLaw: t.string({ nullable: true, description: 'The law recorded as enacted (R10)', resolve: (o) => o.enactedLaw }),
    enactedOn: t.field({ type: DateScalar, nullable: true, resolve: (o) => o.enactedOn }),
    coProviders: t.stringList({ description: 'Other providers of assistance the evaluation named', resolve: (o) => o.coProviders }),
  }),
});

const FundingRef = builder.objectRef<Funding>('FundingGapReport').implement({
  fields: (t) => ({
    byAreaActivity: t.field({ type: [FundingCellRef], resolve: (f) => f.byAreaActivity }),
    earmarkMismatch: t.field({ type: [MismatchRef], resolve: (f) => f.earmarkMismatch }),
  }),
});

// Who reads which report is the access policy's; a refused role gets ForbiddenError before anything runs.
builder.queryFields((t) => ({
  needsReport: t.field({
    type: [NeedsCellRef],
    description: 'Needs by priority area x region x stage, with counts and the oldest waiting.',
    errors: { types: [ForbiddenError] },
    resolve: (_r, _a, ctx) => needsReport(ctx.deps.db),
  }),
  fundingGapReport: t.field({
    type: FundingRef,
    description: 'Budget of planned projects against pledges per priority area and activity, and the earmark mismatch (R4).',
    errors: { types: [ForbiddenError], directResult: true },
    resolve: (_r, _a, ctx) => fundingGapReport(ctx.deps.db),
  }),
  outcomesReport: t.field({
    type: [OutcomeRef],
    description: 'Evaluated projects with their DAC ratings and needs met, partly met and unmet; a donor gets the projects its organisation pledged to.',
    errors: { types: [ForbiddenError] },
    resolve: (_r, _a, ctx) => outcomesReport(ctx.deps.db, ctx.actor!),
  }),
}));
