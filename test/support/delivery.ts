// Takes a filed project to IN_DELIVERY over GraphQL, as a manager, a focal point and a donor would.
import { caller, fileAs, must, type Caller } from './actions.js';
import { freshKey, type Stack } from './stack.js';

export async function projectInDelivery(stack: Stack, pm: Caller, state: string, description: string) {
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
    formsOfAssistance: ['MENTORING'], modality: 'NATIONAL', budget: { amount: '5000', currency: 'USD' },
  });
  await must(stack, fp, 'endorsePlan', id);
  await must(stack, pm, 'seekFunding', id);
  await must(stack, pm, 'pledge', id, { donor: 'Invented donor (demo)', amount: '5000', currency: 'USD', kind: 'CASH' });
  await must(stack, pm, 'startDelivery', id);
  return { id, needs, fp };
}
