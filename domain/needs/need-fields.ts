// A need's field of expertise, from the roster's one taxonomy (domain/expertise.ts). The State or the
// manager sets it; where the instrument and article say it, palermo infers it from this table, each row
// with the paragraph that ties the article to the field. Pure data and functions: table-tested.
import { isExpertiseField } from '../expertise.js';

export interface ArticleField {
  instrument: string;
  article: string;
  field: string;
  source: string;
}

/**
 * Articles whose subject is one field of the taxonomy. UNTOC arts. 5, 6, 8 and 23 are the four basic
 * offences together (001 para 12): criminalization, not one narrower field. Articles not here infer nothing.
 */
export const ARTICLE_FIELDS: readonly ArticleField[] = [
  { instrument: 'UNTOC', article: '5', field: 'CRIMINALIZATION.BASIC_OFFENCES', source: '001_c6bb8f48dd3436bd.txt para 12' },
  { instrument: 'UNTOC', article: '6', field: 'CRIMINALIZATION.BASIC_OFFENCES', source: '001_c6bb8f48dd3436bd.txt para 12' },
  { instrument: 'UNTOC', article: '8', field: 'CRIMINALIZATION.BASIC_OFFENCES', source: '001_c6bb8f48dd3436bd.txt para 12' },
  { instrument: 'UNTOC', article: '23', field: 'CRIMINALIZATION.BASIC_OFFENCES', source: '001_c6bb8f48dd3436bd.txt para 12' },
  { instrument: 'UNTOC', article: '19', field: 'INTL_COOPERATION.JOINT_INVESTIGATIONS', source: '000_c2f5e927b2c5c592.txt para 22' },
  { instrument: 'UNTOC', article: '27', field: 'INTL_COOPERATION.LAW_ENFORCEMENT', source: '002_dd645cd7d5831d83.txt para 2(h); 001_c6bb8f48dd3436bd.txt para 43' },
  { instrument: 'UNTOC', article: '28', field: 'DATA.CRIME_STATISTICS', source: '000_c2f5e927b2c5c592.txt para 53' },
  { instrument: 'TIP', article: '5', field: 'TIP.CRIMINAL_JUSTICE', source: '001_c6bb8f48dd3436bd.txt para 12' },
  { instrument: 'SOM', article: '6', field: 'SOM.CRIMINAL_JUSTICE', source: '001_c6bb8f48dd3436bd.txt para 12' },
  { instrument: 'SOM', article: '8(6)', field: 'SOM.COOPERATION', source: '001_c6bb8f48dd3436bd.txt para 47' },
  { instrument: 'FA', article: '13', field: 'FIREARMS.NATIONAL_COMMISSIONS', source: '000_c2f5e927b2c5c592.txt para 39' },
  { instrument: 'UNCAC', article: '9', field: 'CORRUPTION.PUBLIC_PROCUREMENT', source: '003_c9943fddaa278a34.txt para 76' },
];

/** The field the instrument and article say, with the paragraph; null when they say none. */
export function inferNeedField(instrument: string, article: string | null | undefined): ArticleField | null {
  if (!article) return null;
  return ARTICLE_FIELDS.find((r) => r.instrument === instrument && r.article === article) ?? null;
}

export type NeedFieldSource = 'SET' | 'INFERRED';

/** The need's field: the one set for it, else the one its instrument and article say. */
export function needField(need: { instrument: string; article: string | null; field_of_expertise: string | null }): { field: string; from: NeedFieldSource; source: string | null } | null {
  if (need.field_of_expertise) return { field: need.field_of_expertise, from: 'SET', source: null };
  const inferred = inferNeedField(need.instrument, need.article);
  return inferred ? { field: inferred.field, from: 'INFERRED', source: inferred.source } : null;
}

// Every row names a code of the taxonomy: a typo fails at load, not in a ranking.
for (const r of ARTICLE_FIELDS) if (!isExpertiseField(r.field)) throw new Error(`ARTICLE_FIELDS: unknown field ${r.field}`);
