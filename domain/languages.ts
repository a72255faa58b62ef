// Languages of the roster and of the States experts work with: any ISO 639-1 language, as the
// maintained list of the npm package iso-639-1 gives it (183 codes, among them the six UN official
// languages and the Portuguese, Farsi 'fa' and Albanian 'sq' the seeds name, domain.md 3.14), with
// CEFR levels.
import ISO6391 from 'iso-639-1';

export const LANGUAGES: readonly { code: string; name: string }[] = ISO6391.getAllCodes()
  .map((code) => ({ code, name: ISO6391.getName(code) }))
  .sort((a, b) => (a.code < b.code ? -1 : 1));
/** An ISO 639-1 code (two lowercase letters), e.g. 'fa'. */
export type LanguageCode = string;
export const isLanguage = (code: string): boolean => ISO6391.validate(code);

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
