// GraphQL input types of lifecycle action payloads. Their validation is the zod schemas in
// domain/lifecycle-inputs.ts; these only give the payloads a shape in the schema.
import { builder } from '../builder.js';
import { NeedInput } from './file-request.js';

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
  fields: (t) => ({ amount: t.float({ required: true }), currency: t.string({ required: true, description: 'ISO 4217' }) }),
});

export const CriterionRatingInput = builder.inputType('CriterionRatingInput', {
  fields: (t) => ({
    criterion: t.string({ required: true, description: 'RELEVANCE, COHERENCE, EFFECTIVENESS, EFFICIENCY, IMPACT or SUSTAINABILITY' }),
    rating: t.int({ required: false, description: '1 (highly unsatisfactory) to 6 (highly satisfactory); omit when not assessed' }),
    rationale: t.string({ required: true }),
  }),
});

export const IndicatorValueInput = builder.inputType('IndicatorValueInput', {
  fields: (t) => ({ indicator: t.string({ required: true }), actual: t.float({ required: true }) }),
});

export const NeedVerdictInput = builder.inputType('NeedVerdictInput', {
  fields: (t) => ({ needId: t.string({ required: true }), verdict: t.string({ required: true, description: 'MET, PARTLY_MET or UNMET' }) }),
});

export { NeedInput };
