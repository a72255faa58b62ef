// Regions as the seed documents name them (domain.md 3.8). They overlap: a State belongs to several.
export const REGIONS = [
  { code: 'WEST_AND_CENTRAL_AFRICA', title: 'West and Central Africa' },
  { code: 'NORTH_AND_WEST_AFRICA', title: 'North and West Africa' },
  { code: 'EAST_AFRICA', title: 'East / Eastern Africa' },
  { code: 'SOUTHERN_AFRICA', title: 'Southern Africa' },
  { code: 'MIDDLE_EAST_AND_NORTH_AFRICA', title: 'Middle East and North Africa / Arab States' },
  { code: 'LATIN_AMERICA_AND_THE_CARIBBEAN', title: 'Latin America and the Caribbean' },
  { code: 'CENTRAL_AMERICA', title: 'Central America (with Mexico)' },
  { code: 'SOUTH_AMERICA', title: 'South America' },
  { code: 'CARIBBEAN', title: 'Caribbean' },
  { code: 'SOUTH_EASTERN_EUROPE', title: 'South-Eastern Europe / western Balkans' },
  { code: 'CAUCASUS', title: 'South-east Europe and the Caucasus' },
  { code: 'EASTERN_EUROPE_AND_CIS', title: 'Eastern Europe and the CIS' },
  { code: 'CENTRAL_ASIA', title: 'Central Asia' },
  { code: 'SOUTH_ASIA', title: 'South Asia' },
  { code: 'SOUTH_EAST_ASIA_AND_THE_PACIFIC', title: 'South-East Asia and the Pacific' },
  { code: 'EAST_ASIA', title: 'Central and East Asia' },
  { code: 'AFGHANISTAN_AND_NEIGHBOURS', title: 'Afghanistan and neighbouring countries' },
  { code: 'WESTERN_EUROPE_AND_OTHERS', title: 'Western Europe and other States' },
] as const;

export type RegionCode = (typeof REGIONS)[number]['code'];
