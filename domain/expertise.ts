// The roster's one taxonomy of fields of expertise (domain.md 3.6), hierarchical: `GROUP` or `GROUP.FIELD`.
// Group and field names follow the seed documents' wording; the codes are palermo's.

const GROUPS = {
  INTL_COOPERATION: ['International cooperation', ['MLA', 'EXTRADITION', 'CONFISCATION_COOPERATION', 'TRANSFER_OF_PROCEEDINGS', 'TRANSFER_OF_PRISONERS', 'JOINT_INVESTIGATIONS', 'SPECIAL_INVESTIGATIVE_TECHNIQUES', 'CONTROLLED_DELIVERY', 'UNDERCOVER_OPERATIONS', 'LAW_ENFORCEMENT', 'CENTRAL_AUTHORITY', 'BANK_SECRECY', 'VIDEOCONFERENCING', 'DRAFTING_REQUESTS']],
  CRIMINALIZATION: ['Criminalization and legislation', ['BASIC_OFFENCES', 'ANCILLARY_OFFENCES', 'LEGISLATIVE_DRAFTING']],
  PROTECTION: ['Protection', ['WITNESS_PROTECTION', 'VICTIM_ASSISTANCE', 'GENDER_IN_WITNESS_PROTECTION']],
  FINANCIAL_CRIME: ['Financial crime', ['MONEY_LAUNDERING', 'CONFISCATION', 'ASSET_RECOVERY', 'TERRORIST_FINANCING', 'FIU', 'FINANCIAL_INVESTIGATIONS', 'CASH_COURIERS', 'ALTERNATIVE_REMITTERS']],
  TIP: ['Trafficking in persons', ['PRE_RATIFICATION', 'CRIMINAL_JUSTICE', 'VICTIM_PROTECTION', 'POLICY', 'COOPERATION', 'FIRST_RESPONDERS', 'ORGAN_REMOVAL']],
  SOM: ['Smuggling of migrants', ['PREVENTION', 'DATA_AND_RESEARCH', 'LEGISLATION', 'POLICY', 'CRIMINAL_JUSTICE', 'PROTECTION', 'COOPERATION']],
  FIREARMS: ['Firearms', ['MARKING', 'RECORD_KEEPING', 'LICENSING', 'TRANSFER_CONTROLS', 'BROKERING', 'DEACTIVATION', 'DESTRUCTION', 'TRACING', 'STOCKPILE_MANAGEMENT', 'END_USER_CERTIFICATES', 'NATIONAL_COMMISSIONS']],
  EMERGING_CRIMES: ['Emerging and other crimes', ['CYBERCRIME', 'ONLINE_CHILD_EXPLOITATION', 'IDENTITY_CRIME', 'ILLEGAL_LOGGING', 'PRECIOUS_METALS', 'CULTURAL_PROPERTY', 'FRAUDULENT_MEDICINES', 'PIRACY', 'KIDNAPPING', 'DRUG_TRAFFICKING']],
  INVESTIGATION: ['Investigation and intelligence', ['CRIMINAL_INTELLIGENCE', 'STRATEGIC_ANALYSIS', 'ELECTRONIC_EVIDENCE', 'FORENSICS']],
  DATA: ['Data', ['CRIME_STATISTICS', 'VICTIM_SURVEYS', 'CASE_MANAGEMENT', 'GIS_AND_NETWORK_ANALYSIS']],
  BORDER: ['Border and interdiction', ['CONTAINER_AND_PORT_CONTROL', 'AIRPORT_INTERDICTION', 'BORDER_CONTROL']],
  JUSTICE: ['Justice system', ['RULE_OF_LAW', 'PRISON_REFORM', 'ACCESS_TO_JUSTICE', 'ADVERSARIAL_PROCEDURE', 'POST_CONFLICT_JUSTICE', 'PEACEKEEPING_TRAINING']],
  REPORTING: ['Reporting and review', ['SELF_ASSESSMENT', 'REPORTING_OBLIGATIONS']],
  CORRUPTION: ['Corruption (UNCAC, adjacent)', ['ANTI_CORRUPTION_BODIES', 'JUDICIAL_INTEGRITY', 'PUBLIC_PROCUREMENT']],
} as const satisfies Record<string, readonly [string, readonly string[]]>;

export type ExpertiseGroup = keyof typeof GROUPS;

/** Every code of the taxonomy: the groups and their fields. */
export const EXPERTISE_FIELDS: readonly { code: string; title: string; parent: string | null }[] = Object.entries(GROUPS).flatMap(
  ([group, [title, fields]]) => [{ code: group, title, parent: null }, ...fields.map((f) => ({ code: `${group}.${f}`, title: f.toLowerCase().replaceAll('_', ' '), parent: group }))],
);

const CODES = new Set(EXPERTISE_FIELDS.map((f) => f.code));
export const isExpertiseField = (code: string): boolean => CODES.has(code);

/** The group a code belongs to (a group is its own group). */
export const groupOf = (code: string): string => {
  // Without split's array: matching calls this for every expert of the roster.
  const dot = code.indexOf('.');
  return dot < 0 ? code : code.slice(0, dot);
};

// Which fields answer a need, from its instrument and priority activity: palermo's reading of 3.2/3.4/3.6.
const BY_INSTRUMENT: Record<string, string[]> = {
  TIP: ['TIP'], SOM: ['SOM'], FA: ['FIREARMS'], UNCAC: ['CORRUPTION'], '1988': ['EMERGING_CRIMES.DRUG_TRAFFICKING'],
};
const BY_ACTIVITY: Record<string, string[]> = {
  '(a)': ['INTL_COOPERATION'],
  '(b)': ['INTL_COOPERATION.MLA', 'INTL_COOPERATION.EXTRADITION'],
  '(c)': ['CRIMINALIZATION.LEGISLATIVE_DRAFTING'],
  '(d)': ['REPORTING.REPORTING_OBLIGATIONS', 'REPORTING.SELF_ASSESSMENT'],
  '(e)': ['CRIMINALIZATION.LEGISLATIVE_DRAFTING', 'CRIMINALIZATION.BASIC_OFFENCES'],
  '(f)(i)': ['INTL_COOPERATION.CENTRAL_AUTHORITY'],
  '(f)(ii)': ['INVESTIGATION.FORENSICS', 'INVESTIGATION'],
  '(g)': ['PROTECTION.WITNESS_PROTECTION', 'PROTECTION.VICTIM_ASSISTANCE'],
  '(h)': ['INTL_COOPERATION.LAW_ENFORCEMENT'],
};
const BY_AREA: Record<string, string[]> = { 'PA-D': ['DATA'], 'PA-A': ['REPORTING'] };

/** The fields of expertise a need asks for; the first is the closest. */
export function fieldsForNeed(need: { instrument: string; priorityActivity: string; priorityArea: string }): string[] {
  const fields = [...(BY_INSTRUMENT[need.instrument] ?? []), ...(BY_ACTIVITY[need.priorityActivity] ?? []), ...(BY_AREA[need.priorityArea] ?? [])];
  return [...new Set(fields)];
}
