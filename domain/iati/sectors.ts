// OECD DAC CRS 5-digit purpose codes (IATI sector vocabulary 1) for palermo's needs. Each need counts
// once; a project's sector percentages are its needs' shares (domain/iati/shares.ts).
//
// Why these codes (DAC CRS purpose codes as in the IATI "Sector" codelist; the 1513x split of the
// former 15130 "Legal and judicial development" dates from the CRS 2018 revision):
// - PA-A, gathering information on the implementation of the Convention and the Protocols (answering
//   the self-assessment checklist, reporting obligations, gap analyses of national law): the work of
//   ministries of justice and the interior on the legal framework -> 15131 "Justice, law and order
//   policy, planning and administration".
// - PA-B, strengthening criminal justice responses (investigation, prosecution, adjudication, witness
//   protection, special investigative techniques, legislative drafting for them): the criminal courts
//   and prosecution services -> 15134 "Judicial affairs".
// - PA-C, international cooperation and central authorities for mutual legal assistance and extradition:
//   an administrative unit of the justice ministry that handles requests -> 15131 as well (CRS has no
//   code for international judicial cooperation; 15134 covers the courts, not the central authority).
// - PA-D, data collection (crime statistics, reporting systems) -> 16062 "Statistical capacity
//   building", the CRS code for national statistical systems of any sector.
// - PA-E, implementation of the Protocols, by the Protocol the need names:
//     trafficking in persons (TIP) and smuggling of migrants (SOM) -> 15190 "Facilitation of orderly,
//     safe, regular and responsible migration and mobility" (its CRS description includes countering
//     trafficking and smuggling of migrants);
//     firearms (FA) -> 15240 "Reintegration and SALW control" (small arms and light weapons control);
//     any other instrument -> 15131.
// Needs under UNCAC or the 1988 Convention keep the code of their priority area.

export interface SectorCode {
  code: string;
  name: string;
}

export const DAC_PURPOSE_CODES = {
  '15131': 'Justice, law and order policy, planning and administration',
  '15134': 'Judicial affairs',
  '15190': 'Facilitation of orderly, safe, regular and responsible migration and mobility',
  '15240': 'Reintegration and SALW control',
  '16062': 'Statistical capacity building',
} as const;

export type DacPurposeCode = keyof typeof DAC_PURPOSE_CODES;

const BY_PRIORITY_AREA: Record<string, DacPurposeCode> = {
  'PA-A': '15131',
  'PA-B': '15134',
  'PA-C': '15131',
  'PA-D': '16062',
};

const PROTOCOLS: Record<string, DacPurposeCode> = { TIP: '15190', SOM: '15190', FA: '15240' };

/** The DAC purpose code of one need, from its priority area (and, for PA-E, its Protocol). */
export function dacPurposeCode(need: { priorityArea: string; instrument: string }): DacPurposeCode {
  if (need.priorityArea === 'PA-E') return PROTOCOLS[need.instrument] ?? '15131';
  return BY_PRIORITY_AREA[need.priorityArea] ?? '15131';
}

/** Count of needs per purpose code, the weights of the sector percentages. */
export function sectorWeights(needs: readonly { priorityArea: string; instrument: string }[]): Map<DacPurposeCode, number> {
  const weights = new Map<DacPurposeCode, number>();
  for (const need of needs) {
    const code = dacPurposeCode(need);
    weights.set(code, (weights.get(code) ?? 0) + 1);
  }
  return weights;
}
