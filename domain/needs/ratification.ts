// R15 ratification first (003 para 3): a need for help to ratify or accede (activity (c), 002 para 2(c))
// or for pre-ratification assessment (form PRE_RATIFICATION) is by its nature a non-party's need for that
// instrument, so it needs no party list. Eligibility is open to all Member States (R7).
export function isRatificationNeed(need: { priority_activity: string; forms_of_assistance: readonly string[] }): boolean {
  return need.priority_activity === '(c)' || need.forms_of_assistance.includes('PRE_RATIFICATION');
}
