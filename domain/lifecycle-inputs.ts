// zod schemas of every lifecycle action's payload. Parsed by the API and again by the workflow's
// validators: one source for what a valid plan, pledge or outcome assessment is.
import { z } from 'zod';
import { builtOnce } from './built-once.js';
import { FORMS_OF_ASSISTANCE, PRIORITY_ACTIVITIES, PRIORITY_AREAS, STATES } from './code-lists/index.js';
import { amountFitsCurrency, boundedInt, boundedNumber, calendarDate, codeOf, currency, identifier, line, money, positiveAmount, preview, text, uniqueList } from './boundary.js';
import { needInput } from './inputs.js';
import { OUTCOME_TYPES } from './outcome-types.js';
import { PARTNERS } from './partners.js';
import { planRuleFields } from './needs/delivery-rules.js';

const isoDate = calendarDate;
/** An indicator's baseline, target or actual value: a measurement, bounded so it stays a plain number. */
const measurement = builtOnce('lifecycle-inputs.measurement', () => boundedNumber(-1e12, 1e12));

const dateRange = <T extends z.ZodRawShape>(shape: T) =>
  z.object({ ...shape, startDate: isoDate, endDate: isoDate }).refine((v) => (v as { endDate: string }).endDate >= (v as { startDate: string }).startDate, {
    error: 'must not be before startDate',
    path: ['endDate'],
  });

export const noteInput = builtOnce('lifecycle-inputs.noteInput', () => z.object({ note: text(2000).optional() }));
export const reasonInput = builtOnce('lifecycle-inputs.reasonInput', () => z.object({ reason: text(2000) }));

export const ASSESSMENT_TYPES = ['EXPLORATORY_MISSION', 'TECHNICAL_MISSION', 'NEEDS_ASSESSMENT', 'DESK_REVIEW'] as const;
export const recordAssessmentInput = builtOnce('lifecycle-inputs.recordAssessmentInput', () => dateRange({
  type: z.enum(ASSESSMENT_TYPES, { error: (i) => `unknown assessment type "${String(i.input)}"` }),
  partners: uniqueList(codeOf(PARTNERS, 'partner'), { what: 'partner', max: 20 }).default([]),
  findings: text(8000),
}));

export const requestInformationInput = builtOnce('lifecycle-inputs.requestInformationInput', () => z.object({ question: text(4000) }));
export const provideInformationInput = builtOnce('lifecycle-inputs.provideInformationInput', () => z.object({ answer: text(8000) }));
export const mergeInput = builtOnce('lifecycle-inputs.mergeInput', () => z.object({ intoProjectId: identifier(200), reason: text(2000) }));

const indicator = builtOnce('lifecycle-inputs.indicator', () => z.object({
  name: line(300),
  unit: line(50),
  baseline: measurement,
  target: measurement,
}));
const result = builtOnce('lifecycle-inputs.result', () => z.object({ title: text(500), indicators: uniqueList(indicator, { what: 'indicator', max: 20, key: (i) => i.name }) }));

/** THEMATIC and ROUTE (a trafficking route: origin, transit, destination) from 000 para 50, 002 para 35 (R6). */
export const MODALITIES = ['NATIONAL', 'REGIONAL', 'INTERREGIONAL', 'GLOBAL', 'THEMATIC', 'ROUTE'] as const;
export const planInput = builtOnce('lifecycle-inputs.planInput', () => z.object({
  objectives: z.array(text(1000)).min(1, { error: 'name at least one objective' }).max(20, { error: 'at most 20 objectives' }),
  outputs: z.array(result).max(50, { error: 'at most 50 outputs' }),
  outcomes: z.array(result).min(1, { error: 'name at least one outcome' }).max(20, { error: 'at most 20 outcomes' }),
  formsOfAssistance: uniqueList(codeOf(FORMS_OF_ASSISTANCE, 'form of assistance'), { what: 'form of assistance', min: 1, max: 20 }),
  modality: z.enum(MODALITIES, { error: (i) => `unknown modality "${preview(i.input)}"` }),
  /** An exact decimal string and its ISO 4217 currency. */
  budget: money,
  ...planRuleFields,
}));

export const endorsePlanInput = builtOnce('lifecycle-inputs.endorsePlanInput', () => z.object({ comment: text(2000).optional() }));

export const PLEDGE_KINDS = ['CASH', 'IN_KIND_EXPERTISE', 'IN_KIND_FACILITIES', 'IN_KIND_EQUIPMENT'] as const;
export const pledgeInput = builtOnce('lifecycle-inputs.pledgeInput', () => z.object({
  donor: line(300),
  /** An exact decimal string, e.g. "100000.01". */
  amount: positiveAmount,
  currency,
  kind: z.enum(PLEDGE_KINDS, { error: (i) => `unknown pledge kind "${preview(i.input)}"` }),
  earmarkPriorityArea: codeOf(PRIORITY_AREAS, 'priority area').optional(),
}).superRefine((p, ctx) => {
  const problem = amountFitsCurrency(p.amount, p.currency);
  if (problem) ctx.addIssue({ code: 'custom', path: ['amount'], message: problem });
}));

/** The new budget, an exact decimal string in the budget's currency. */
export const descopeInput = builtOnce('lifecycle-inputs.descopeInput', () => z.object({ amount: positiveAmount, reason: text(2000) }));

export const recordActivityInput = builtOnce('lifecycle-inputs.recordActivityInput', () => dateRange({
  title: text(500),
  formOfAssistance: codeOf(FORMS_OF_ASSISTANCE, 'form of assistance'),
  participants: boundedInt(0, 1_000_000),
}));

export const progressReportInput = builtOnce('lifecycle-inputs.progressReportInput', () => z.object({ period: line(100), narrative: text(8000) }));
export const recordEnactmentInput = builtOnce('lifecycle-inputs.recordEnactmentInput', () => z.object({ law: text(500), enactedOn: isoDate }));

export const startEvaluationInput = builtOnce('lifecycle-inputs.startEvaluationInput', () => z.object({
  /** The lead evaluator: submits the panel's one outcome assessment. */
  evaluator: identifier(200),
  /** The other members of the evaluation panel (peer-review model, 003 para 55); none for a lone evaluator. */
  panel: uniqueList(identifier(200), { what: 'panel member', max: 10 }).optional(),
  /** Required to leave delivery of a legislative project whose law is not enacted (R10). */
  closeDeliveryReason: text(2000).optional(),
}).refine((e) => !(e.panel ?? []).includes(e.evaluator), { error: 'names the lead evaluator again; list only the other members', path: ['panel'] }));

/** A beneficiary State's consent to evaluation visits, by its focal point (003 para 55: visits "agreed to by the country"). */
export const consentToVisitInput = builtOnce('lifecycle-inputs.consentToVisitInput', () => z.object({ note: text(2000).optional() }));

/** A visit of the evaluation panel to a beneficiary State; refused until that State consented. */
export const recordEvaluationVisitInput = builtOnce('lifecycle-inputs.recordEvaluationVisitInput', () => dateRange({
  state: codeOf(STATES, 'State'),
  purpose: text(2000),
}));

export const DAC_CRITERIA = ['RELEVANCE', 'COHERENCE', 'EFFECTIVENESS', 'EFFICIENCY', 'IMPACT', 'SUSTAINABILITY'] as const;
export const NEED_VERDICTS = ['MET', 'PARTLY_MET', 'UNMET'] as const;

export const outcomeAssessmentInput = builtOnce('lifecycle-inputs.outcomeAssessmentInput', () => z.object({
  criteria: z
    .array(
      z.object({
        criterion: z.enum(DAC_CRITERIA, { error: (i) => `unknown DAC criterion "${preview(i.input)}"` }),
        /** 1 (highly unsatisfactory) to 6 (highly satisfactory); null = not assessed. */
        rating: z
          .number()
          .int({ error: 'must be a whole number 1-6' })
          .min(1, { error: 'must be 1-6' })
          .max(6, { error: 'must be 1-6' })
          .nullish()
          .transform((v) => v ?? null),
        rationale: text(4000),
      }),
    )
    .length(DAC_CRITERIA.length, { error: `rate each of the ${DAC_CRITERIA.length} DAC criteria once` })
    .refine((c) => new Set(c.map((x) => x.criterion)).size === c.length, { error: 'rates a DAC criterion twice' }),
  indicatorValues: uniqueList(z.object({ indicator: line(300), actual: measurement }), { what: 'indicator', max: 200, key: (v) => v.indicator }),
  needVerdicts: uniqueList(z.object({
    needId: identifier(300),
    verdict: z.enum(NEED_VERDICTS, { error: (i) => `unknown verdict "${preview(i.input)}"` }),
    /** What kind of outcome the need reached (domain.md 5); none for an unmet need. */
    outcomeTypes: uniqueList(z.enum(OUTCOME_TYPES, { error: (i) => `unknown outcome type "${preview(i.input)}"` }), { what: 'outcome type', max: OUTCOME_TYPES.length }).optional(),
  }).refine((v) => v.verdict !== 'UNMET' || !v.outcomeTypes?.length, { error: 'a need judged UNMET reached no outcome; judge it PARTLY_MET or name none', path: ['outcomeTypes'] }), { what: 'need', max: 500, key: (v) => v.needId }),
  narrative: text(20000),
  coProviders: uniqueList(line(300), { what: 'co-provider', max: 20 }).default([]),
  /** Each may become a new need of one beneficiary State (the project's first when not named). */
  recommendations: z.array(needInput.extend({ priorityActivity: codeOf(PRIORITY_ACTIVITIES, 'priority activity'), state: codeOf(STATES, 'State').optional() })).max(20, { error: 'at most 20 recommendations' }).default([]),
}));

export const closeInput = builtOnce('lifecycle-inputs.closeInput', () => z.object({
  /** Indexes of the outcome assessment's recommendations that become new needs. */
  adoptRecommendations: uniqueList(boundedInt(0, 19), { what: 'recommendation index', max: 20 }).default([]),
  note: text(2000).optional(),
}));

export type RecordAssessmentInput = z.infer<typeof recordAssessmentInput>;
export type PlanInput = z.infer<typeof planInput>;
export type PledgeInput = z.infer<typeof pledgeInput>;
export type RecordActivityInput = z.infer<typeof recordActivityInput>;
export type OutcomeAssessmentInput = z.infer<typeof outcomeAssessmentInput>;
