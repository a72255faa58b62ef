// Who an activity benefits, as IATI recipient-country and recipient-region with percentages.
//
// A national project benefits one State: one recipient-country, no percentage needed (IATI asks for
// percentages only when there are several recipients). A regional project (plan modality REGIONAL or
// INTERREGIONAL, or several beneficiary States) also has work that serves the region as a whole
// (regional workshops, networks, shared advisers). palermo keeps no split of the money by State, so it
// attributes the activity by need: each need of a State weighs 1 for that State, and each region the
// States belong to weighs 1 more for that shared regional work. Countries and regions together make 100.

/** OECD DAC region codes (IATI region vocabulary 1) for palermo's home regions (UN regional groups). */
export const DAC_REGION_OF_HOME_REGION: Record<string, { code: string; name: string }> = {
  AFRICA: { code: '298', name: 'Africa, regional' },
  ASIA_AND_THE_PACIFIC: { code: '798', name: 'Asia, regional' },
  EASTERN_EUROPE: { code: '89', name: 'Europe, regional' },
  LATIN_AMERICA_AND_THE_CARIBBEAN: { code: '498', name: 'America, regional' },
  WESTERN_EUROPE_AND_OTHERS: { code: '89', name: 'Europe, regional' },
};

export interface RecipientWeights {
  /** ISO alpha-3 State code -> weight. */
  countries: Map<string, number>;
  /** DAC region code -> weight (empty for a national project). */
  regions: Map<string, number>;
}

export function isRegionalProject(modality: string | null | undefined, stateCodes: readonly string[]): boolean {
  return modality === 'REGIONAL' || modality === 'INTERREGIONAL' || stateCodes.length > 1;
}

export function recipientWeights(p: {
  stateCodes: readonly string[];
  needs: readonly { stateCode: string }[];
  modality: string | null | undefined;
  homeRegionOf: (stateCode: string) => string | undefined;
}): RecipientWeights {
  const countries = new Map<string, number>();
  for (const state of p.stateCodes) countries.set(state, p.needs.filter((n) => n.stateCode === state).length || 1);
  const regions = new Map<string, number>();
  if (isRegionalProject(p.modality, p.stateCodes)) {
    for (const state of p.stateCodes) {
      const region = DAC_REGION_OF_HOME_REGION[p.homeRegionOf(state) ?? ''];
      if (region) regions.set(region.code, 1);
    }
  }
  return { countries, regions };
}
