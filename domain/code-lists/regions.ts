// Regions and subregions (domain.md 3.8). They overlap and are named inconsistently in the seeds, so a
// region is a named set of States, many-to-many: membership lives on each State in states.ts.
//
// The first five are the United Nations regional groups. Every State belongs to exactly one of them and
// it comes first in its `regions`, so it serves as the State's home region for geographical balance
// (R12). Western European and other States is not named in the seeds; it is added so every State has a
// region. The others are the subregions the seeds name; `membership` says which States palermo counts
// in each (region membership is palermo's reading, not the seeds'). Names from 3.8 not kept as codes:
// "Central and East Asia" (the Kuala Lumpur workshop; use EAST_ASIA and SOUTH_EAST_ASIA_AND_THE_PACIFIC),
// "West and Central Asia" (Container Control; use CENTRAL_ASIA and AFGHANISTAN_AND_NEIGHBOURS) and
// "South-east Europe and the Caucasus" (use SOUTH_EASTERN_EUROPE and CAUCASUS).
// Pure data: safe inside Temporal workflow sandboxes.
export const REGIONS = [
  // United Nations regional groups (home regions)
  { code: 'AFRICA', title: 'Africa', membership: 'United Nations Group of African States', source: '000_c2f5e927b2c5c592.txt paras 34, 78; 003_c9943fddaa278a34.txt para 31' },
  { code: 'ASIA_AND_THE_PACIFIC', title: 'Asia and the Pacific', membership: 'United Nations Group of Asia-Pacific States; the Cook Islands counted with it', source: '001_c6bb8f48dd3436bd.txt para 16' },
  { code: 'EASTERN_EUROPE', title: 'Eastern Europe ("Central and Eastern Europe")', membership: 'United Nations Group of Eastern European States', source: '003_c9943fddaa278a34.txt para 31' },
  { code: 'LATIN_AMERICA_AND_THE_CARIBBEAN', title: 'Latin America and the Caribbean', membership: 'United Nations Group of Latin American and Caribbean States', source: '000_c2f5e927b2c5c592.txt paras 35, 44, fn 17; 001_c6bb8f48dd3436bd.txt para 41' },
  { code: 'WESTERN_EUROPE_AND_OTHERS', title: 'Western Europe and other States', membership: 'United Nations Group of Western European and other States; the United States of America counted with it', source: null },
  // Africa
  { code: 'WEST_AFRICA', title: 'West Africa', membership: 'ECOWAS members and Mauritania', source: '000_c2f5e927b2c5c592.txt para 16; 004_1f5a099e5095dfce.txt paras 6, 23, 29, 31, 47, 50, 53' },
  { code: 'CENTRAL_AFRICA', title: 'Central Africa', membership: 'UN M49 Middle Africa', source: '000_c2f5e927b2c5c592.txt para 28; 003_c9943fddaa278a34.txt para 8' },
  { code: 'WEST_AND_CENTRAL_AFRICA', title: 'West and Central Africa', membership: 'West Africa and Central Africa together', source: '000_c2f5e927b2c5c592.txt paras 9, 28' },
  { code: 'NORTH_AFRICA', title: 'North Africa', membership: 'UN M49 Northern Africa', source: '003_c9943fddaa278a34.txt para 8; 004_1f5a099e5095dfce.txt paras 47, 50' },
  { code: 'NORTH_AND_WEST_AFRICA', title: 'North and West Africa', membership: 'North Africa and West Africa together', source: '000_c2f5e927b2c5c592.txt para 65; 003_c9943fddaa278a34.txt para 34' },
  { code: 'EAST_AFRICA', title: 'East / Eastern Africa', membership: 'UN M49 Eastern Africa less the mainland southern States (Malawi, Mozambique, Zambia, Zimbabwe)', source: '000_c2f5e927b2c5c592.txt para 35; 003_c9943fddaa278a34.txt para 31; 004_1f5a099e5095dfce.txt paras 18, 31, 47' },
  { code: 'CENTRAL_AND_EASTERN_AFRICA', title: 'Central and Eastern Africa', membership: 'Central Africa and East Africa together', source: '000_c2f5e927b2c5c592.txt para 43' },
  { code: 'SOUTHERN_AFRICA', title: 'Southern Africa', membership: 'SADC members as at 2012', source: '000_c2f5e927b2c5c592.txt para 43; 004_1f5a099e5095dfce.txt paras 6, 31' },
  { code: 'FRANCOPHONE_AND_LUSOPHONE_AFRICA', title: 'Francophone and Portuguese-speaking Africa', membership: 'French-speaking States of Central, North and West Africa (003 para 8) and Portuguese-speaking African States', source: '000_c2f5e927b2c5c592.txt fn 17; 003_c9943fddaa278a34.txt para 8' },
  // Middle East and the Arab States
  { code: 'MIDDLE_EAST_AND_NORTH_AFRICA', title: 'Middle East and North Africa', membership: 'North Africa less Sudan, the States of western Asia from Iran westward, the Arabian Peninsula', source: '000_c2f5e927b2c5c592.txt fn 17; 003_c9943fddaa278a34.txt para 7' },
  { code: 'ARAB_STATES', title: 'Arab States / Arab countries', membership: 'Members of the League of Arab States', source: '001_c6bb8f48dd3436bd.txt para 41; 003_c9943fddaa278a34.txt para 49; 004_1f5a099e5095dfce.txt para 6' },
  // Americas
  { code: 'CENTRAL_AMERICA', title: 'Central America', membership: 'The seven States of the isthmus, Belize to Panama', source: '003_c9943fddaa278a34.txt para 27; 004_1f5a099e5095dfce.txt paras 8, 15, 31, 47' },
  { code: 'MEXICO_AND_CENTRAL_AMERICA', title: 'Mexico and Central America', membership: 'Central America and Mexico', source: '004_1f5a099e5095dfce.txt paras 12, 49' },
  { code: 'SOUTH_AMERICA', title: 'South America', membership: 'The twelve independent States of South America', source: '000_c2f5e927b2c5c592.txt para 44; 003_c9943fddaa278a34.txt para 78; 004_1f5a099e5095dfce.txt para 53' },
  { code: 'CARIBBEAN', title: 'Caribbean', membership: 'Caribbean island States and the mainland CARICOM members (Belize, Guyana, Suriname)', source: '000_c2f5e927b2c5c592.txt paras 43, 45; 003_c9943fddaa278a34.txt paras 8, 78; 004_1f5a099e5095dfce.txt para 53' },
  { code: 'SPANISH_SPEAKING_LATIN_AMERICA_AND_THE_CARIBBEAN', title: 'Spanish-speaking Latin America and the Caribbean', membership: 'States of Latin America and the Caribbean with Spanish as official language', source: '003_c9943fddaa278a34.txt para 73' },
  // Europe and the former Soviet Union
  { code: 'SOUTH_EASTERN_EUROPE', title: 'South-Eastern Europe / South-east Europe', membership: 'Participants of the South-East European Cooperation Process as at 2012', source: '000_c2f5e927b2c5c592.txt para 68; 001_c6bb8f48dd3436bd.txt paras 16, 29' },
  { code: 'WESTERN_BALKANS', title: 'Balkans / western Balkans', membership: 'Albania, Bosnia and Herzegovina, Croatia, Montenegro, North Macedonia, Serbia', source: '000_c2f5e927b2c5c592.txt para 43; 003_c9943fddaa278a34.txt para 31' },
  { code: 'CAUCASUS', title: 'Caucasus', membership: 'Armenia, Azerbaijan, Georgia', source: '001_c6bb8f48dd3436bd.txt paras 16, 29' },
  { code: 'EASTERN_EUROPE_AND_CIS', title: 'Eastern Europe and the Commonwealth of Independent States', membership: 'Eastern European States and the members and participants of the CIS', source: '003_c9943fddaa278a34.txt para 77' },
  { code: 'BLACK_SEA_AREA', title: 'Black Sea area', membership: 'States on the Black Sea coast', source: '003_c9943fddaa278a34.txt paras 31, 49' },
  { code: 'OSCE_REGION', title: 'OSCE region', membership: 'OSCE participating States as at 2012', source: '000_c2f5e927b2c5c592.txt fn 17' },
  // Asia and the Pacific
  { code: 'CENTRAL_ASIA', title: 'Central Asia', membership: 'Kazakhstan, Kyrgyzstan, Tajikistan, Turkmenistan, Uzbekistan', source: '000_c2f5e927b2c5c592.txt para 55; 003_c9943fddaa278a34.txt paras 49, 78; 004_1f5a099e5095dfce.txt paras 19, 31, 47, 50' },
  { code: 'AFGHANISTAN_AND_NEIGHBOURS', title: 'Afghanistan and neighbouring countries', membership: 'Afghanistan, Iran, Pakistan and the five Central Asian States (UNODC regional programme)', source: '004_1f5a099e5095dfce.txt para 6' },
  { code: 'SOUTH_ASIA', title: 'South Asia', membership: 'SAARC members', source: '000_c2f5e927b2c5c592.txt para 43; 003_c9943fddaa278a34.txt paras 35, 49, 50; 004_1f5a099e5095dfce.txt para 6' },
  { code: 'EAST_ASIA', title: 'East Asia', membership: 'China, Japan, Mongolia, the two Koreas', source: '001_c6bb8f48dd3436bd.txt para 41; 003_c9943fddaa278a34.txt paras 7, 31' },
  { code: 'SOUTH_EAST_ASIA_AND_THE_PACIFIC', title: 'South-East Asia and the Pacific', membership: 'ASEAN members, Timor-Leste and the Pacific island States (not Australia or New Zealand)', source: '000_c2f5e927b2c5c592.txt para 35; 003_c9943fddaa278a34.txt paras 31, 71; 004_1f5a099e5095dfce.txt paras 31, 45, 50' },
] as const satisfies readonly { code: string; title: string; membership: string; source: string | null }[];

export type RegionCode = (typeof REGIONS)[number]['code'];
