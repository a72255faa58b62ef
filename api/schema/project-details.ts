// The parts of a project beyond its stage: assessments, plan, endorsements, funding, delivery and the
// outcome assessment, read from the project's projected state (projects.details).
import type { ProjectState } from '../../domain/project-state.js';
import { fundingGap } from '../../domain/lifecycle-rules.js';
import type { ProjectRow } from '../../db/queries/projects.js';
import { builder } from '../builder.js';
import { normaliseAmount } from '../../domain/money.js';
import { DecimalScalar, MoneyRef } from './money.js';
import { ProjectRef } from './project.js';
import { OutcomeTypeEnum } from './outcome-types.js';
import type { UrgencyCode } from '../../domain/code-lists/index.js';
import { AssessmentTypeEnum, DacCriterionEnum, ModalityEnum, PledgeKindEnum, UrgencyEnum, VerdictEnum } from './enums.js';

type Details = ProjectState;
const detailsOf = (p: ProjectRow) => p.details as unknown as Details;

/** Everything recorded on a project says who recorded it and when. */
const RecordedInterface = builder.interfaceRef<{ by: string; at: string }>('Recorded').implement({
  fields: (t) => ({
    by: t.exposeString('by', { description: 'Subject of who recorded it' }),
    at: t.field({ type: 'DateTime', resolve: (r) => r.at }),
  }),
});


const AssessmentRef = builder.objectRef<Details['assessments'][number]>('Assessment').implement({
  interfaces: [RecordedInterface],
  description: 'An assessment or mission (exploratory, technical, needs assessment, desk review).',
  fields: (t) => ({
    type: t.field({ type: AssessmentTypeEnum, resolve: (a) => a.type }),
    startDate: t.field({ type: 'Date', resolve: (a) => a.startDate }),
    endDate: t.field({ type: 'Date', resolve: (a) => a.endDate }),
    partners: t.exposeStringList('partners', { description: 'Partner agency codes (domain/partners.ts), e.g. UNDP, OHCHR' }),
    findings: t.exposeString('findings'),
  }),
});

const InformationRequestRef = builder.objectRef<Details['informationRequests'][number]>('InformationRequest').implement({
  interfaces: [RecordedInterface],
  fields: (t) => ({
    question: t.exposeString('question'),
    answer: t.string({ nullable: true, resolve: (r) => r.answer ?? null }),
    answeredAt: t.field({ type: 'DateTime', nullable: true, resolve: (r) => r.answeredAt ?? null }),
  }),
});

type Indicator = NonNullable<Details['plan']>['outcomes'][number]['indicators'][number];
const IndicatorRef = builder.objectRef<Indicator>('Indicator').implement({
  fields: (t) => ({ name: t.exposeString('name'), unit: t.exposeString('unit'), baseline: t.exposeFloat('baseline'), target: t.exposeFloat('target') }),
});
const ResultRef = builder.objectRef<NonNullable<Details['plan']>['outcomes'][number]>('Result').implement({
  description: 'An output or outcome of the results framework, with its indicators.',
  fields: (t) => ({ title: t.exposeString('title'), indicators: t.field({ type: [IndicatorRef], resolve: (r) => r.indicators }) }),
});
export const PlanRef = builder.objectRef<NonNullable<Details['plan']>>('Plan').implement({
  interfaces: [RecordedInterface],
  fields: (t) => ({
    objectives: t.exposeStringList('objectives'),
    outputs: t.field({ type: [ResultRef], resolve: (p) => p.outputs }),
    outcomes: t.field({ type: [ResultRef], resolve: (p) => p.outcomes }),
    formsOfAssistance: t.exposeStringList('formsOfAssistance', { description: 'Codes of codeLists.formsOfAssistance' }),
    modality: t.field({ type: ModalityEnum, resolve: (p) => p.modality }),
    budget: t.field({ type: MoneyRef, resolve: (p) => p.budget }),
  }),
});

const EndorsementRef = builder.objectRef<{ state: string; by: string; at: string; comment?: string }>('Endorsement').implement({
  interfaces: [RecordedInterface],
  fields: (t) => ({ state: t.exposeString('state', { description: 'ISO 3166 alpha-3 (codeLists.states)' }), comment: t.string({ nullable: true, resolve: (e) => e.comment ?? null }) }),
});

const PledgeRef = builder.objectRef<Details['pledges'][number]>('Pledge').implement({
  interfaces: [RecordedInterface],
  fields: (t) => ({
    donor: t.exposeString('donor'),
    amount: t.field({ type: DecimalScalar, resolve: (p) => normaliseAmount(p.amount, p.currency) }),
    currency: t.exposeString('currency', { description: 'ISO 4217' }),
    kind: t.field({ type: PledgeKindEnum, resolve: (p) => p.kind }),
    earmarkPriorityArea: t.string({ nullable: true, description: 'A code of codeLists.priorityAreas', resolve: (p) => p.earmarkPriorityArea ?? null }),
  }),
});

const DeliveryActivityRef = builder.objectRef<Details['activities'][number]>('DeliveryActivity').implement({
  interfaces: [RecordedInterface],
  fields: (t) => ({
    title: t.exposeString('title'),
    formOfAssistance: t.exposeString('formOfAssistance', { description: 'A code of codeLists.formsOfAssistance' }),
    startDate: t.field({ type: 'Date', resolve: (a) => a.startDate }),
    endDate: t.field({ type: 'Date', resolve: (a) => a.endDate }),
    participants: t.exposeInt('participants'),
  }),
});

const ProgressReportRef = builder.objectRef<Details['progressReports'][number]>('ProgressReport').implement({
  interfaces: [RecordedInterface],
  fields: (t) => ({ period: t.exposeString('period'), narrative: t.exposeString('narrative') }),
});

const EnactmentRef = builder.objectRef<NonNullable<Details['enactment']>>('Enactment').implement({
  interfaces: [RecordedInterface],
  fields: (t) => ({ law: t.exposeString('law'), enactedOn: t.field({ type: 'Date', resolve: (e) => e.enactedOn }) }),
});

type OutcomeAssessment = NonNullable<Details['outcomeAssessment']>;
const CriterionRatingRef = builder.objectRef<OutcomeAssessment['criteria'][number]>('CriterionRating').implement({
  description: 'One OECD DAC criterion, rated 1-6 or not assessed (null) with a rationale.',
  fields: (t) => ({
    criterion: t.field({ type: DacCriterionEnum, resolve: (c) => c.criterion }),
    rating: t.int({ nullable: true, resolve: (c) => c.rating }),
    rationale: t.exposeString('rationale'),
  }),
});
const IndicatorValueRef = builder.objectRef<OutcomeAssessment['indicatorValues'][number]>('IndicatorValue').implement({
  fields: (t) => ({ indicator: t.exposeString('indicator'), actual: t.exposeFloat('actual') }),
});
const NeedVerdictRef = builder.objectRef<OutcomeAssessment['needVerdicts'][number]>('NeedVerdict').implement({
  fields: (t) => ({
    needId: t.exposeString('needId'),
    verdict: t.field({ type: VerdictEnum, resolve: (v) => v.verdict }),
    outcomeTypes: t.field({ type: [OutcomeTypeEnum], description: 'What kind of outcome the need reached (domain.md 5)', resolve: (v) => v.outcomeTypes ?? [] }),
  }),
});
const RecommendationRef = builder.objectRef<OutcomeAssessment['recommendations'][number]>('Recommendation').implement({
  fields: (t) => ({
    state: t.string({ nullable: true, resolve: (r) => r.state ?? null }),
    priorityArea: t.exposeString('priorityArea'),
    priorityActivity: t.exposeString('priorityActivity'),
    instrument: t.exposeString('instrument'),
    formsOfAssistance: t.exposeStringList('formsOfAssistance', { description: 'Codes of codeLists.formsOfAssistance' }),
    urgency: t.field({ type: UrgencyEnum, resolve: (r) => r.urgency as UrgencyCode }),
    description: t.exposeString('description'),
  }),
});
const OutcomeAssessmentRef = builder.objectRef<OutcomeAssessment>('OutcomeAssessment').implement({
  interfaces: [RecordedInterface],
  fields: (t) => ({
    criteria: t.field({ type: [CriterionRatingRef], resolve: (a) => a.criteria }),
    indicatorValues: t.field({ type: [IndicatorValueRef], resolve: (a) => a.indicatorValues }),
    needVerdicts: t.field({ type: [NeedVerdictRef], resolve: (a) => a.needVerdicts }),
    narrative: t.string({
      nullable: true,
      description: "Withheld (null) from a focal point of a project of several States: one free text over every State's needs",
      resolve: (a) => a.narrative ?? null,
    }),
    coProviders: t.exposeStringList('coProviders'),
    recommendations: t.field({ type: [RecommendationRef], resolve: (a) => a.recommendations }),
  }),
});

const NoticeRef = builder.objectRef<{ kind: string; at: string; message: string }>('Escalation').implement({
  description: 'A lapsed deadline or overdue step, escalated to the programme manager.',
  fields: (t) => ({
    kind: t.exposeString('kind', { description: 'What lapsed: the step that escalated (informationRequest, funding, evaluation, …) or PROJECTION_FAILED' }),
    at: t.field({ type: 'DateTime', resolve: (n) => n.at }),
    message: t.exposeString('message'),
  }),
});
const ReasonRef = builder.objectRef<{ action: string; reason: string; at: string }>('Reason').implement({
  fields: (t) => ({ action: t.exposeString('action', { description: 'The action that gave the reason (decline, merge, descopeBudget, …)' }), reason: t.exposeString('reason'), at: t.field({ type: 'DateTime', resolve: (r) => r.at }) }),
});

builder.objectFields(ProjectRef, (t) => ({
  assessments: t.field({ type: [AssessmentRef], resolve: (p) => detailsOf(p).assessments ?? [] }),
  informationRequests: t.field({ type: [InformationRequestRef], resolve: (p) => detailsOf(p).informationRequests ?? [] }),
  plan: t.field({ type: PlanRef, nullable: true, resolve: (p) => detailsOf(p).plan ?? null }),
  endorsements: t.field({
    type: [EndorsementRef],
    description: 'Endorsements of the current plan; a focal point sees its own State\'s (access policy).',
    resolve: (p) => Object.entries(detailsOf(p).endorsements ?? {}).map(([state, e]) => ({ state, ...e })),
  }),
  budget: t.field({ type: MoneyRef, nullable: true, resolve: (p) => detailsOf(p).budget ?? null }),
  pledgedAmount: t.field({ type: DecimalScalar, description: 'The sum of the pledges, exact, in the budget\'s currency', resolve: (p) => normaliseAmount(p.pledged_amount, detailsOf(p).budget?.currency) }),
  fundingGap: t.field({ type: DecimalScalar, description: 'Budget not yet covered by pledges, exact, in the budget\'s currency', resolve: (p) => fundingGap(detailsOf(p)) }),
  pledges: t.field({ type: [PledgeRef], resolve: (p) => detailsOf(p).pledges ?? [] }),
  activities: t.field({ type: [DeliveryActivityRef], resolve: (p) => detailsOf(p).activities ?? [] }),
  progressReports: t.field({ type: [ProgressReportRef], resolve: (p) => detailsOf(p).progressReports ?? [] }),
  enactment: t.field({ type: EnactmentRef, nullable: true, resolve: (p) => detailsOf(p).enactment ?? null }),
  evaluator: t.string({ nullable: true, resolve: (p) => detailsOf(p).evaluator ?? null }),
  outcomeAssessment: t.field({ type: OutcomeAssessmentRef, nullable: true, resolve: (p) => detailsOf(p).outcomeAssessment ?? null }),
  mergedInto: t.string({ nullable: true, resolve: (p) => p.merged_into }),
  mergedFrom: t.stringList({ resolve: (p) => detailsOf(p).mergedFrom ?? [] }),
  escalations: t.field({ type: [NoticeRef], resolve: (p) => detailsOf(p).escalations ?? [] }),
  reasons: t.field({ type: [ReasonRef], description: 'Why it was declined, merged, descoped, suspended, cancelled…', resolve: (p) => detailsOf(p).reasons ?? [] }),
}));
