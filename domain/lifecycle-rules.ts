// The preconditions of lifecycle actions beyond role, scope and stage (domain.md 2.3, R1-R15).
// Pure: the workflow's validators, the API and the tests call the same functions.
import { FORMS_OF_ASSISTANCE } from './code-lists/index.js';
import type { PlanInput, OutcomeAssessmentInput } from './lifecycle-inputs.js';
import { amountFitsCurrency } from './boundary.js';
import { compareAmounts, shortfall } from './money.js';
import { isLegislative, panelOf, pledgedAmount, type ProjectState } from './project-state.js';
import type { Actor } from './roles.js';

export const LEGISLATIVE_FORMS: readonly string[] = FORMS_OF_ASSISTANCE.filter((f) => f.legislative).map((f) => f.code);

/** null when allowed; otherwise the reason, in words a manager can act on. */
export type Precondition = string | null;

/** R9: legislative help starts from a full assessment of laws and procedures (001 para 13). */
export function planMayBeSet(state: ProjectState, plan: PlanInput): Precondition {
  const legislative = plan.formsOfAssistance.filter((f) => LEGISLATIVE_FORMS.includes(f));
  if (legislative.length > 0 && state.assessments.length === 0) {
    return `legislative assistance (${legislative.join(', ')}) needs a recorded assessment first (R9)`;
  }
  return null;
}

/** R1: each beneficiary's focal point endorses the current plan, once (a new plan asks again). */
export function planMayBeEndorsed(state: ProjectState, stateCode: string | undefined): Precondition {
  if (!state.plan) return 'there is no plan to endorse yet';
  if (stateCode && state.endorsements[stateCode]) return `${stateCode} has endorsed this plan already; a new plan asks for a new endorsement`;
  return null;
}

/** R1 and the results framework: a plan leaves PLANNING measurable and owned by every beneficiary. */
export function planningMayEnd(state: ProjectState): Precondition {
  if (!state.plan) return 'no plan has been set';
  const unmeasured = state.plan.outcomes.filter((o) => o.indicators.length === 0).map((o) => o.title);
  if (unmeasured.length) return `every outcome needs an indicator with baseline and target; missing for: ${unmeasured.join('; ')}`;
  const missing = state.stateCodes.filter((s) => !state.endorsements[s]);
  if (missing.length) return `the plan is not endorsed by the focal point of ${missing.join(', ')} (R1)`;
  return null;
}

export function pledgeMayBeMade(state: ProjectState, currency: string): Precondition {
  if (state.budget && currency !== state.budget.currency) {
    return `the budget is in ${state.budget.currency}; record the pledge in ${state.budget.currency}`;
  }
  return null;
}

export function budgetMayBeDescoped(state: ProjectState, amount: string): Precondition {
  if (!state.budget) return 'the project has no budget';
  const misfit = amountFitsCurrency(amount, state.budget.currency);
  if (misfit) return misfit;
  if (compareAmounts(amount, state.budget.amount) >= 0) return `a descoped budget must be below the current ${state.budget.amount} ${state.budget.currency}`;
  return null;
}

/** The budget not yet covered by pledges, exact, as a decimal string ("0" without a budget). */
export function fundingGap(state: ProjectState): string {
  return state.budget ? shortfall(state.budget.amount, pledgedAmount(state), state.budget.currency) : '0';
}

export function deliveryMayStart(state: ProjectState): Precondition {
  const gap = fundingGap(state);
  if (compareAmounts(gap, '0') > 0) return `the budget is not covered: ${gap} ${state.budget!.currency} still to pledge (or descope the budget)`;
  return null;
}

/** R10: legislation is not done at drafting; it stays in delivery until enacted, or the manager says why not. */
export function deliveryMayEnd(state: ProjectState, closeDeliveryReason: string | undefined): Precondition {
  if (isLegislative(state, LEGISLATIVE_FORMS) && !state.enactment && !closeDeliveryReason) {
    return 'a legislative project stays in delivery until enactment is recorded, or give closeDeliveryReason (R10)';
  }
  return null;
}

/** R11: an outcome assessment needs figures and narrative, every indicator and every linked need. */
export function outcomeAssessmentMayBeSubmitted(state: ProjectState, evaluator: string, a: OutcomeAssessmentInput): Precondition {
  const notAssigned = outcomeMayBeAssessedBy(state, evaluator);
  if (notAssigned) return notAssigned;
  const indicators = (state.plan?.outcomes ?? []).concat(state.plan?.outputs ?? []).flatMap((r) => r.indicators.map((i) => i.name));
  const given = new Set(a.indicatorValues.map((v) => v.indicator));
  const unknown = a.indicatorValues.filter((v) => !indicators.includes(v.indicator)).map((v) => v.indicator);
  if (unknown.length) return `indicatorValues name indicators the plan does not have: ${unknown.join(', ')}`;
  const missingIndicators = indicators.filter((i) => !given.has(i));
  if (missingIndicators.length) return `give the actual value of every indicator; missing: ${missingIndicators.join(', ')}`;
  if (a.indicatorValues.length === 0) return 'an outcome assessment needs figures as well as narrative (R11)';
  const needIds = state.needs.map((n) => n.id);
  const judged = new Set(a.needVerdicts.map((v) => v.needId));
  const strangers = a.needVerdicts.filter((v) => !needIds.includes(v.needId)).map((v) => v.needId);
  if (strangers.length) return `needVerdicts name needs outside this project: ${strangers.join(', ')}`;
  const unjudged = needIds.filter((id) => !judged.has(id));
  if (unjudged.length) return `judge every need of the project (met, partly met, unmet); missing: ${unjudged.join(', ')}`;
  const strangerStates = a.recommendations.filter((r) => r.state && !state.stateCodes.includes(r.state)).map((r) => r.state);
  if (strangerStates.length) return `recommendations name States that are not beneficiaries: ${strangerStates.join(', ')}`;
  return null;
}

/** Only the evaluator the manager chose (a panel's lead) submits the outcome assessment. */
export function outcomeMayBeAssessedBy(state: ProjectState, evaluator: string): Precondition {
  if (state.evaluator !== evaluator) {
    // A panel submits one assessment, through its lead (one verdict per need for the pool).
    if ((state.panel ?? []).includes(evaluator)) return `the lead evaluator (${state.evaluator}) submits the outcome assessment for the panel`;
    return `only the assigned evaluator (${state.evaluator ?? 'none'}) may submit the outcome assessment`;
  }
  return null;
}

/**
 * A visit by consent (003 para 55: country visits "where appropriate and agreed to by the country under
 * review"): the panel visits a beneficiary State only once its focal point consented, and only panel
 * members (or the manager) record one.
 */
export function visitMayHappen(state: ProjectState, visited: string, actor: Actor): Precondition {
  if (!state.stateCodes.includes(visited)) return `${visited} is not a beneficiary of this project (${state.stateCodes.join(', ')})`;
  if (actor.role === 'EVALUATOR' && !panelOf(state).includes(actor.subject)) return `only members of the evaluation panel (${panelOf(state).join(', ')}) record its visits`;
  if (!state.visitConsents?.[visited]) return `a visit to ${visited} needs ${visited}'s consent first, recorded by its focal point (consentToVisit) (VISIT_BY_CONSENT, 003 para 55)`;
  return null;
}

export function recommendationsMayBeAdopted(state: ProjectState, indexes: readonly number[]): Precondition {
  const count = state.outcomeAssessment?.recommendations.length ?? 0;
  const bad = indexes.filter((i) => i >= count);
  if (bad.length) return `the outcome assessment has ${count} recommendation(s); no index ${bad.join(', ')}`;
  return null;
}

export function mergeMayHappen(state: ProjectState, intoProjectId: string): Precondition {
  if (intoProjectId === state.projectId) return 'a project cannot be merged into itself';
  return null;
}
