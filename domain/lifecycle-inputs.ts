// zod schemas of every lifecycle action's payload. Parsed by the API and again by the workflow's
// validators: one source for what a valid plan, pledge or outcome assessment is.
import { z } from 'zod';
import { FORMS_OF_ASSISTANCE, PRIORITY_ACTIVITIES, PRIORITY_AREAS } from './code-lists/index.js';
import { needInput } from './inputs.js';
import { PARTNERS } from './partners.js';

const text = (max: number) =>
  z.string().trim().min(1, { error: 'must not be empty' }).max(max, { error: `must be at most ${max} characters` });
const isoDate = z.iso.date({ error: 'must be a date as YYYY-MM-DD' });
const codeOf = (list: readonly { code: string }[], what: string) =>
  z.string().refine((v) => list.some((e) => e.code === v), { error: (i) => `unknown ${what} "${String(i.input)}"` });
const money = z.number({ error: 'must be a number' }).positive({ error: 'must be more than 0' }).max(1e12, { error: 'is implausibly large' });
const currency = z.string().regex(/^[A-Z]{3}$/, { error: 'must be an ISO 4217 code such as USD or EUR' });

const dateRange = <T extends z.ZodRawShape>(shape: T) =>
  z.object({ ...shape, startDate: isoDate, endDate: isoDate }).refine((v) => (v as { endDate: string }).endDate >= (v as { startDate: string }).startDate, {
    error: 'must not be before startDate',
    path: ['endDate'],
  });

export const noteInput = z.object({ note: text(2000).optional() });
export const reasonInput = z.object({ reason: text(2000) });

export const ASSESSMENT_TYPES = ['EXPLORATORY_MISSION', 'TECHNICAL_MISSION', 'NEEDS_ASSESSMENT', 'DESK_REVIEW'] as const;
export const recordAssessmentInput = dateRange({
  type: z.enum(ASSESSMENT_TYPES, { error: (i) => `unknown assessment type "${String(i.input)}"` }),
  partners: z.array(codeOf(PARTNERS, 'partner')).max(20).default([]),
  findings: text(8000),
});

export const requestInformationInput = z.object({ question: text(4000) });
export const provideInformationInput = z.object({ answer: text(8000) });
export const mergeInput = z.object({ intoProjectId: text(200), reason: text(2000) });

const indicator = z.object({
  name: text(300),
  unit: text(50),
  baseline: z.number({ error: 'must be a number' }),
  target: z.number({ error: 'must be a number' }),
});
const result = z.object({ title: text(500), indicators: z.array(indicator).max(20) });

export const MODALITIES = ['NATIONAL', 'REGIONAL', 'INTERREGIONAL', 'GLOBAL'] as const;
export const planInput = z.object({
  objectives: z.array(text(1000)).min(1, { error: 'name at least one objective' }).max(20),
  outputs: z.array(result).max(50),
  outcomes: z.array(result).min(1, { error: 'name at least one outcome' }).max(20),
  formsOfAssistance: z.array(codeOf(FORMS_OF_ASSISTANCE, 'form of assistance')).min(1, { error: 'name at least one form of assistance' }),
  modality: z.enum(MODALITIES, { error: (i) => `unknown modality "${String(i.input)}"` }),
  budget: z.object({ amount: money, currency }),
});

export const endorsePlanInput = z.object({ comment: text(2000).optional() });

export const PLEDGE_KINDS = ['CASH', 'IN_KIND_EXPERTISE', 'IN_KIND_FACILITIES', 'IN_KIND_EQUIPMENT'] as const;
export const pledgeInput = z.object({
  donor: text(300),
  amount: money,
  currency,
  kind: z.enum(PLEDGE_KINDS, { error: (i) => `unknown pledge kind "${String(i.input)}"` }),
  earmarkPriorityArea: codeOf(PRIORITY_AREAS, 'priority area').optional(),
});

export const descopeInput = z.object({ amount: money, reason: text(2000) });

export const recordActivityInput = dateRange({
  title: text(500),
  formOfAssistance: codeOf(FORMS_OF_ASSISTANCE, 'form of assistance'),
  participants: z.number().int({ error: 'must be a whole number' }).min(0, { error: 'must not be negative' }),
});

export const progressReportInput = z.object({ period: text(100), narrative: text(8000) });
export const recordEnactmentInput = z.object({ law: text(500), enactedOn: isoDate });

export const startEvaluationInput = z.object({
  evaluator: text(200),
  /** Required to leave delivery of a legislative project whose law is not enacted (R10). */
  closeDeliveryReason: text(2000).optional(),
});

export const DAC_CRITERIA = ['RELEVANCE', 'COHERENCE', 'EFFECTIVENESS', 'EFFICIENCY', 'IMPACT', 'SUSTAINABILITY'] as const;
export const NEED_VERDICTS = ['MET', 'PARTLY_MET', 'UNMET'] as const;

export const outcomeAssessmentInput = z.object({
  criteria: z
    .array(
      z.object({
        criterion: z.enum(DAC_CRITERIA, { error: (i) => `unknown DAC criterion "${String(i.input)}"` }),
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
  indicatorValues: z.array(z.object({ indicator: text(300), actual: z.number({ error: 'must be a number' }) })),
  needVerdicts: z.array(z.object({ needId: text(300), verdict: z.enum(NEED_VERDICTS, { error: (i) => `unknown verdict "${String(i.input)}"` }) })),
  narrative: text(20000),
  coProviders: z.array(text(300)).max(20).default([]),
  /** Each may become a new need of one beneficiary State (the project's first when not named). */
  recommendations: z.array(needInput.extend({ priorityActivity: codeOf(PRIORITY_ACTIVITIES, 'priority activity'), state: z.string().optional() })).max(20).default([]),
});

export const closeInput = z.object({
  /** Indexes of the outcome assessment's recommendations that become new needs. */
  adoptRecommendations: z.array(z.number().int().min(0)).max(20).default([]),
  note: text(2000).optional(),
});

export type RecordAssessmentInput = z.infer<typeof recordAssessmentInput>;
export type PlanInput = z.infer<typeof planInput>;
export type PledgeInput = z.infer<typeof pledgeInput>;
export type RecordActivityInput = z.infer<typeof recordActivityInput>;
export type OutcomeAssessmentInput = z.infer<typeof outcomeAssessmentInput>;
