// The Convention, its Protocols and the related conventions palermo files needs under (domain.md 3.4).
// `articles` are the articles the seed documents reference: informative, not a closed list (a need may
// cite any article). Titles only where domain.md gives one; the seeds do not give the titles of
// UNTOC arts. 5, 6, 8 and 23. Pure data: safe inside Temporal workflow sandboxes.
export interface InstrumentArticle {
  readonly article: string;
  readonly title?: string;
  readonly source: string;
}

export const INSTRUMENTS = [
  {
    code: 'UNTOC',
    title: 'United Nations Convention against Transnational Organized Crime',
    shortTitle: 'Organized Crime Convention',
    adoption: 'General Assembly resolution 55/25, annex I',
    treatySeries: 'vol. 2225, No. 39574',
    entryIntoForce: '2003-09-29',
    source: '000_c2f5e927b2c5c592.txt fn 1, fn 9; 001_c6bb8f48dd3436bd.txt para 1',
    articles: [
      { article: '5', source: '001_c6bb8f48dd3436bd.txt para 12; 002_dd645cd7d5831d83.txt para 31' },
      { article: '6', source: '001_c6bb8f48dd3436bd.txt para 12; 002_dd645cd7d5831d83.txt para 31' },
      { article: '8', source: '001_c6bb8f48dd3436bd.txt para 12; 002_dd645cd7d5831d83.txt para 31' },
      { article: '23', source: '001_c6bb8f48dd3436bd.txt para 12; 002_dd645cd7d5831d83.txt para 31' },
      { article: '19', title: 'Joint investigations', source: '000_c2f5e927b2c5c592.txt para 22' },
      { article: '27', title: 'Law enforcement cooperation', source: '002_dd645cd7d5831d83.txt para 2(h); 001_c6bb8f48dd3436bd.txt para 43' },
      { article: '28', title: 'Collection, exchange and analysis of information', source: '000_c2f5e927b2c5c592.txt para 53' },
      { article: '30', title: 'Technical assistance and the special account', source: '001_c6bb8f48dd3436bd.txt para 1; 003_c9943fddaa278a34.txt para 12' },
      { article: '32', title: 'Conference of the Parties to the Convention', source: '000_c2f5e927b2c5c592.txt para 12' },
    ],
  },
  {
    code: 'TIP',
    title: 'Protocol to Prevent, Suppress and Punish Trafficking in Persons, Especially Women and Children',
    shortTitle: 'Trafficking in Persons Protocol',
    adoption: 'General Assembly resolution 55/25, annex II',
    treatySeries: 'vol. 2237',
    entryIntoForce: '2003-12-25',
    source: '000_c2f5e927b2c5c592.txt fn 2, fn 9; 001_c6bb8f48dd3436bd.txt para 12',
    articles: [{ article: '5', title: 'Criminalization', source: '001_c6bb8f48dd3436bd.txt para 12' }],
  },
  {
    code: 'SOM',
    title: 'Protocol against the Smuggling of Migrants by Land, Sea and Air',
    shortTitle: 'Migrants Protocol',
    adoption: 'General Assembly resolution 55/25, annex III',
    treatySeries: 'vol. 2241',
    entryIntoForce: '2004-01-28',
    source: '000_c2f5e927b2c5c592.txt fn 2, fn 9; 001_c6bb8f48dd3436bd.txt para 12',
    articles: [
      { article: '6', title: 'Criminalization', source: '001_c6bb8f48dd3436bd.txt para 12' },
      { article: '8(6)', source: '001_c6bb8f48dd3436bd.txt para 47' },
    ],
  },
  {
    code: 'FA',
    title: 'Protocol against the Illicit Manufacturing of and Trafficking in Firearms, Their Parts and Components and Ammunition',
    shortTitle: 'Firearms Protocol',
    adoption: 'General Assembly resolution 55/255, annex',
    treatySeries: 'vol. 2326',
    entryIntoForce: '2005-07-03',
    source: '000_c2f5e927b2c5c592.txt fn 2, fn 9; 001_c6bb8f48dd3436bd.txt para 12',
    articles: [
      { article: '5', title: 'Criminalization', source: '001_c6bb8f48dd3436bd.txt para 12' },
      { article: '13', title: 'Cooperation', source: '000_c2f5e927b2c5c592.txt para 39' },
    ],
  },
  {
    code: 'UNCAC',
    title: 'United Nations Convention against Corruption',
    shortTitle: 'Convention against Corruption',
    adoption: 'General Assembly resolution 58/4, annex',
    treatySeries: 'vol. 2349, No. 42146',
    entryIntoForce: '2005-12-14',
    source: '000_c2f5e927b2c5c592.txt fn 4; 003_c9943fddaa278a34.txt para 51',
    articles: [{ article: '9', title: 'Procurement', source: '003_c9943fddaa278a34.txt para 76' }],
  },
  {
    code: '1988',
    title: 'Convention against Illicit Traffic in Narcotic Drugs and Psychotropic Substances',
    shortTitle: '1988 Convention',
    adoption: null,
    treatySeries: 'vol. 1582, No. 27627',
    entryIntoForce: null,
    source: '003_c9943fddaa278a34.txt para 15',
    articles: [],
  },
] as const satisfies readonly {
  code: string;
  title: string;
  shortTitle: string;
  adoption: string | null;
  treatySeries: string;
  /** ISO date, or null where the seeds give none. */
  entryIntoForce: string | null;
  source: string;
  articles: readonly InstrumentArticle[];
}[];

export type InstrumentCode = (typeof INSTRUMENTS)[number]['code'];
