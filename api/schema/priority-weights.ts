// The Conference's weights of the priority areas and of the instruments, versioned by decision: each set
// names its decision and the day it took effect; the one in force is the latest decided on or before today.
import { priorityWeightsInput } from '../../domain/needs-inputs.js';
import { currentWeightSet, insertWeightSet, weightSetHistory, type WeightSetRow } from '../../db/queries/needs-pool.js';
import { builder } from '../builder.js';
import { ForbiddenError, ValidationError } from '../errors.js';
import { parseInput } from '../parse.js';
import { DateScalar } from './scalars.js';

/** jsonb keeps keys in its own order; answers list codes in code order. */
const byCode = (weights: Record<string, number>) => Object.entries(weights).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));

const AreaWeightRef = builder.objectRef<{ priorityArea: string; weight: number }>('AreaWeight').implement({
  fields: (t) => ({ priorityArea: t.exposeString('priorityArea', { description: 'A code of codeLists.priorityAreas' }), weight: t.exposeFloat('weight') }),
});

const InstrumentWeightRef = builder.objectRef<{ instrument: string; weight: number }>('InstrumentWeight').implement({
  description: "The Conference's weight of one instrument (UNTOC, TIP, SOM, FA, ...), 0-3; 1 is neutral.",
  fields: (t) => ({ instrument: t.exposeString('instrument'), weight: t.exposeFloat('weight') }),
});

export const WeightSetRef = builder.objectRef<WeightSetRow>('PriorityWeightSet').implement({
  description: 'The weights the Conference gave the priority areas and the instruments by one decision; areas and instruments not named weigh 1.',
  fields: (t) => ({
    id: t.exposeInt('id'),
    decision: t.exposeString('decision', { description: 'e.g. "decision 5/6"' }),
    decidedOn: t.field({ type: DateScalar, description: 'The day the decision took effect', resolve: (w) => w.decidedOn }),
    inForce: t.boolean({
      description: 'The set the priorities are computed with today: the latest decided on or before today',
      resolve: async (w, _a, ctx) => (await currentWeightSet(ctx.deps.db))?.id === w.id,
    }),
    weights: t.field({ type: [AreaWeightRef], resolve: (w) => byCode(w.weights).map(([priorityArea, weight]) => ({ priorityArea, weight })) }),
    instrumentWeights: t.field({ type: [InstrumentWeightRef], resolve: (w) => byCode(w.instrumentWeights ?? {}).map(([instrument, weight]) => ({ instrument, weight })) }),
    setBy: t.exposeString('set_by'),
    setAt: t.field({ type: 'DateTime', resolve: (w) => new Date(w.set_at) }),
  }),
});

const WeightsInput = builder.inputType('AreaWeightInput', {
  fields: (t) => ({ priorityArea: t.string({ required: true, description: 'A code of codeLists.priorityAreas' }), weight: t.float({ required: true, description: '0-3; 1 is neutral' }) }),
});
const InstrumentWeightInput = builder.inputType('InstrumentWeightInput', {
  fields: (t) => ({ instrument: t.string({ required: true, description: 'UNTOC, TIP, SOM, FA, UNCAC or 1988' }), weight: t.float({ required: true, description: '0-3; 1 is neutral' }) }),
});
const SetPriorityWeightsInput = builder.inputType('SetPriorityWeightsInput', {
  fields: (t) => ({
    decision: t.string({ required: true, description: 'The decision that sets them, e.g. "decision 5/6"' }),
    decidedOn: t.field({ type: DateScalar, required: true, description: 'The day it took effect; in force from then until a later decision' }),
    weights: t.field({ type: [WeightsInput], required: false, description: 'By priority area' }),
    instrumentWeights: t.field({ type: [InstrumentWeightInput], required: false, description: 'By instrument (UNTOC or a Protocol)' }),
  }),
});

builder.queryFields((t) => ({
  priorityWeights: t.field({
    type: [WeightSetRef],
    description: 'Every weight set, the latest decision first; inForce marks the one in force today.',
    resolve: (_r, _a, ctx) => weightSetHistory(ctx.deps.db),
  }),
}));

builder.mutationFields((t) => ({
  setPriorityWeights: t.field({
    type: WeightSetRef,
    description: 'The Conference administrator records the weights of the priority areas and instruments set by a decision, and the day it took effect.',
    args: { input: t.arg({ type: SetPriorityWeightsInput, required: true }) },
    errors: { types: [ValidationError, ForbiddenError], directResult: true },
    resolve: async (_r, { input: raw }, ctx) => {
      const input = parseInput(priorityWeightsInput, { ...raw, weights: raw.weights ?? undefined, instrumentWeights: raw.instrumentWeights ?? undefined }, 'input');
      return insertWeightSet(
        ctx.deps.db,
        {
          decision: input.decision,
          decidedOn: input.decidedOn,
          weights: Object.fromEntries(input.weights.map((w) => [w.priorityArea, w.weight])),
          instrumentWeights: Object.fromEntries(input.instrumentWeights.map((w) => [w.instrument, w.weight])),
        },
        ctx.actor!.subject,
      );
    },
  }),
}));
