// GraphQL input types of lifecycle action payloads. Their validation is the zod schemas in
// domain/lifecycle-inputs.ts; these only give the payloads a shape in the schema.
import { builder } from '../builder.js';
import { OutcomeTypeEnum } from './outcome-types.js';
import { DecimalScalar } from './money.js';
import { DacCriterionEnum, UrgencyEnum, VerdictEnum } from './enums.js';

export const IndicatorInput = builder.inputType('IndicatorInput', {
  fields: (t) => ({
    name: t.string({ required: true }),
    unit: t.string({ required: true }),
    baseline: t.float({ required: true }),
    target: t.float({ required: true }),
  }),
});

export const ResultInput = builder.inputType('ResultInput', {
  fields: (t) => ({ title: t.string({ required: true }), indicators: t.field({ type: [IndicatorInput], required: true }) }),
});

export const MoneyInput = builder.inputType('MoneyInput', {
  fields: (t) => ({ amount: t.field({ type: DecimalScalar, required: true }), currency: t.string({ required: true, description: 'ISO 4217' }) }),
});

export const CriterionRatingInput = builder.inputType('CriterionRatingInput', {
  fields: (t) => ({
    criterion: t.field({ type: DacCriterionEnum, required: true }),
    rating: t.int({ required: false, description: '1 (highly unsatisfactory) to 6 (highly satisfactory); omit when not assessed' }),
    rationale: t.string({ required: true }),
  }),
});

export const IndicatorValueInput = builder.inputType('IndicatorValueInput', {
  fields: (t) => ({ indicator: t.string({ required: true }), actual: t.float({ required: true }) }),
});

export const NeedVerdictInput = builder.inputType('NeedVerdictInput', {
  fields: (t) => ({
    needId: t.string({ required: true }),
    verdict: t.field({ type: VerdictEnum, required: true }),
    outcomeTypes: t.field({ type: [OutcomeTypeEnum], required: false, description: 'What kind of outcome the need reached; none for an unmet need' }),
  }),
});

export const RecommendationInput = builder.inputType('RecommendationInput', {
  description: 'A recommendation that may become a new need (EVALUATION_FOLLOW_UP) when the project closes.',
  fields: (t) => ({
    state: t.string({ required: false, description: 'The beneficiary State it concerns; the project\'s first when omitted' }),
    priorityArea: t.string({ required: true, description: 'A code of codeLists.priorityAreas' }),
    priorityActivity: t.string({ required: true, description: 'A code of codeLists.priorityActivities' }),
    instrument: t.string({ required: true, description: 'A code of codeLists.instruments' }),
    article: t.string({ required: false }),
    formsOfAssistance: t.stringList({ required: true, description: 'Codes of codeLists.formsOfAssistance' }),
    urgency: t.field({ type: UrgencyEnum, required: true }),
    description: t.string({ required: true }),
  }),
});
