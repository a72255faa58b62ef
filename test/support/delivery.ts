// Takes a filed project through planning, and on to IN_DELIVERY, over GraphQL, as a manager, a focal
// point and a donor would.
import { caller, fileAs, must, type Caller } from './actions.js';
import { freshKey, type Stack } from './stack.js';

/** A witness-protection request of `state`, assessed, planned with `budget` USD and endorsed by its focal point. */
export async function projectEndorsed(stack: Stack, pm: Caller, state: string, description: string, budget = 5000) {
  const fp = await caller(stack, { subject: `fp-${state}`, role: 'STATE_FOCAL_POINT', stateCode: state });
  const { id, needs } = await fileAs(stack, fp, {
    state, title: description, idempotencyKey: freshKey(state),
    needs: [{ priorityArea: 'PA-B', priorityActivity: '(g)', instrument: 'UNTOC', formsOfAssistance: ['MENTORING'], urgency: 'HIGH', description }],
  });
  await must(stack, pm, 'startAssessment', id);
  await must(stack, pm, 'startPlanning', id);
  await must(stack, pm, 'setPlan', id, {
    objectives: ['A witness-protection programme in operation'], outputs: [],
    outcomes: [{ title: 'Witnesses protected', indicators: [{ name: 'witnesses admitted', unit: 'people', baseline: 0, target: 30 }] }],
    formsOfAssistance: ['MENTORING'], modality: 'NATIONAL', budget: { amount: String(budget), currency: 'USD' },
  });
  await must(stack, fp, 'endorsePlan', id);
  return { id, needs, fp };
}

/** The same, funded in full by one cash pledge and in delivery. */
export async function projectInDelivery(stack: Stack, pm: Caller, state: string, description: string) {
  const endorsed = await projectEndorsed(stack, pm, state, description);
  const { id } = endorsed;
  await must(stack, pm, 'seekFunding', id);
  await must(stack, pm, 'pledge', id, { donor: 'Invented donor (demo)', amount: '5000', currency: 'USD', kind: 'CASH' });
  await must(stack, pm, 'startDelivery', id);
  return endorsed;
}
