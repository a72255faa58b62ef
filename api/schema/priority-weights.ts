// The Conference's weights of the priority areas, versioned by decision.
import { priorityWeightsInput } from '../../domain/needs-inputs.js';
import { currentWeightSet, insertWeightSet, weightSetHistory } from '../../db/queries/needs-pool.js';
import { builder } from '../builder.js';
import { ForbiddenError, ValidationError } from '../errors.js';
import { parseInput } from '../parse.js';

type WeightSetRow = NonNullable<Awaited<ReturnType<typeof currentWeightSet>>>;

const AreaWeightRef = builder.objectRef<{ priorityArea: string; weight: number }>('AreaWeight').implement({
  fields: (t) => ({ priorityArea: t.exposeString('priorityArea', { description: 'A code of codeLists.priorityAreas' }), weight: t.exposeFloat('weight') }),
});

export const WeightSetRef = builder.objectRef<WeightSetRow>('PriorityWeightSet').implement({
  description: 'The weights the Conference gave the priority areas by one decision; areas not named weigh 1.',
  fields: (t) => ({
    id: t.exposeInt('id'),
    decision: t.exposeString('decision'),
    weights: t.field({ type: [AreaWeightRef], resolve: (w) => Object.entries(w.weights).map(([priorityArea, weight]) => ({ priorityArea, weight })) }),
    setBy: t.exposeString('set_by'),
    setAt: t.field({ type: 'DateTime', resolve: (w) => new Date(w.set_at) }),
  }),
});

const WeightsInput = builder.inputType('AreaWeightInput', {
  fields: (t) => ({ priorityArea: t.string({ required: true, description: 'A code of codeLists.priorityAreas' }), weight: t.float({ required: true, description: '0-3; 1 is neutral' }) }),
});

builder.queryFields((t) => ({
  priorityWeights: t.field({
    type: [WeightSetRef],
    description: 'Every weight set, newest (in force) first.',
    resolve: (_r, _a, ctx) => weightSetHistory(ctx.deps.db),
  }),
}));

const SetPriorityWeightsInput = builder.inputType('SetPriorityWeightsInput', {
  fields: (t) => ({
    decision: t.string({ required: true, description: 'The decision that set them, e.g. "decision 3/4"' }),
    weights: t.field({ type: [WeightsInput], required: true }),
  }),
});

builder.mutationFields((t) => ({
  setPriorityWeights: t.field({
    type: WeightSetRef,
    description: 'The Conference administrator records the weights of the priority areas set by a decision.',
    args: { input: t.arg({ type: SetPriorityWeightsInput, required: true }) },
    errors: { types: [ValidationError, ForbiddenError], directResult: true },
    resolve: async (_r, args, ctx) => {
      const input = parseInput(priorityWeightsInput, args.input, 'input');
      return insertWeightSet(ctx.deps.db, input.decision, Object.fromEntries(input.weights.map((w) => [w.priorityArea, w.weight])), ctx.actor!.subject);
    },
  }),
}));
