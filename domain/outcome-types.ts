// Kinds of outcome a need can reach, as the seeds treat evidence of success (domain.md 5, items 1-10).
// The evaluator names them per need in the outcome assessment; the outcomes report counts them beside
// the verdicts, the enactments (R10) and the co-providers. Pure data.
export const OUTCOME_TYPES = [
  'RATIFICATION',
  'LAW_ADOPTED',
  'CONVENTION_USED',
  'COOPERATION_STATISTICS_KEPT',
  'JUSTICE_SYSTEM_FASTER',
  'REPORTING_COMPLETED',
  'AUTHORITY_SET_UP',
  'CASES_HANDLED',
  'OFFICIALS_TRAINED',
  'VICTIMS_ASSISTED',
] as const;
export type OutcomeType = (typeof OUTCOME_TYPES)[number];

/** What each kind means, and where the seeds show it (domain.md 5). */
export const OUTCOME_TYPE_SOURCES: Readonly<Record<OutcomeType, { title: string; source: string }>> = {
  RATIFICATION: { title: 'Ratification of or accession to the Convention or a Protocol', source: '003 paras 2, 79; 002 para 2(c)' },
  LAW_ADOPTED: { title: 'Legislation adopted or in force', source: '001 paras 15, 26; 004 para 19; 003 para 25' },
  CONVENTION_USED: { title: 'The Convention used in practice: arrests, prosecutions, convictions, extraditions on its basis', source: '002 para 30; 001 para 34' },
  COOPERATION_STATISTICS_KEPT: { title: 'Statistics of cooperation requests kept (volume, outcome, time, refusal grounds)', source: '000 para 41' },
  JUSTICE_SYSTEM_FASTER: { title: 'Justice-system management: time to completion, caseload, processing speed', source: '001 para 52; 003 para 26' },
  REPORTING_COMPLETED: { title: 'Reporting: questionnaires or checklists completed or updated', source: '002 para 23; 000 para 9' },
  AUTHORITY_SET_UP: { title: 'An authority, specialised unit or commission set up', source: '003 paras 33, 46; 004 para 25' },
  CASES_HANDLED: { title: 'Operational results: cases investigated, convictions, seizures', source: '004 paras 25(a), 27, 29; 001 para 16; 000 para 49' },
  OFFICIALS_TRAINED: { title: 'Officials trained, trainers certified, curricula institutionalised', source: '003 paras 32, 38; 004 para 32' },
  VICTIMS_ASSISTED: { title: 'Victims identified and assisted', source: '003 para 43' },
};

/** How many needs reached each kind of outcome, in the tuple's order, kinds no need reached left out. */
export function countOutcomeTypes(verdicts: readonly { outcomeTypes?: readonly string[] }[]): { outcomeType: OutcomeType; needs: number }[] {
  return OUTCOME_TYPES.map((outcomeType) => ({ outcomeType, needs: verdicts.filter((v) => (v.outcomeTypes ?? []).includes(outcomeType)).length })).filter((c) => c.needs > 0);
}
