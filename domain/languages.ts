// Languages of the roster (domain.md 3.14: the six UN official languages, plus Portuguese, Farsi and
// Albanian named in the seeds) and CEFR levels. ISO 639-1 codes.
export const LANGUAGES = [
  { code: 'ar', name: 'Arabic' }, { code: 'zh', name: 'Chinese' }, { code: 'en', name: 'English' },
  { code: 'fr', name: 'French' }, { code: 'ru', name: 'Russian' }, { code: 'es', name: 'Spanish' },
  { code: 'pt', name: 'Portuguese' }, { code: 'fa', name: 'Farsi' }, { code: 'sq', name: 'Albanian' },
] as const;
export type LanguageCode = (typeof LANGUAGES)[number]['code'];

export const LEVELS = ['A1', 'A2', 'B1', 'B2', 'C1', 'C2', 'NATIVE'] as const;
export type LanguageLevel = (typeof LEVELS)[number];

/** Below B1 an expert cannot work in a language (palermo's rule: independent user or better). */
export const WORKING_LEVEL: LanguageLevel = 'B1';
const RANKS = new Map<string, number>(LEVELS.map((l, i) => [l, i]));
export const levelRank = (level: LanguageLevel): number => RANKS.get(level)!;

// palermo's data, NOT from the seeds: the language(s) a beneficiary State works in with experts.
// States not listed work in English.
const FRENCH = ['BEN', 'BFA', 'BDI', 'CMR', 'CAF', 'TCD', 'COM', 'COG', 'CIV', 'COD', 'GAB', 'GIN', 'HTI', 'MDG', 'MLI', 'NER', 'SEN', 'TGO', 'RWA', 'FRA', 'SYC', 'MUS', 'MRT', 'DZA'];
const SPANISH = ['ARG', 'BOL', 'CHL', 'COL', 'CRI', 'DOM', 'ECU', 'SLV', 'GNQ', 'GTM', 'HND', 'MEX', 'NIC', 'PAN', 'PRY', 'PER', 'ESP', 'URY'];
const PORTUGUESE = ['AGO', 'BRA', 'CPV', 'GNB', 'MOZ', 'PRT', 'STP'];
const ARABIC = ['DZA', 'EGY', 'JOR', 'MRT', 'YEM', 'COM'];
const RUSSIAN = ['ARM', 'AZE', 'GEO', 'KAZ', 'MDA', 'RUS', 'TJK', 'UZB'];
const OTHER: Record<string, LanguageCode[]> = { CHN: ['zh'], IRN: ['fa'], AFG: ['fa', 'en'], ALB: ['sq', 'en'] };

const WORKING_LANGUAGES = new Map<string, LanguageCode[]>();
for (const [codes, lang] of [[FRENCH, 'fr'], [SPANISH, 'es'], [PORTUGUESE, 'pt'], [ARABIC, 'ar'], [RUSSIAN, 'ru']] as const) {
  for (const c of codes) WORKING_LANGUAGES.set(c, [...(WORKING_LANGUAGES.get(c) ?? []), lang]);
}
for (const [c, langs] of Object.entries(OTHER)) WORKING_LANGUAGES.set(c, langs);

/** The languages experts may work in with this State (any one suffices). */
export function workingLanguagesOf(stateCode: string): LanguageCode[] {
  return WORKING_LANGUAGES.get(stateCode) ?? ['en'];
}
