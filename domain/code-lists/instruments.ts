// The Convention, its Protocols and the related instruments palermo accepts needs under.
// `articles` lists the articles the seed documents reference: informative, not a closed list.
export const INSTRUMENTS = [
  {
    code: 'UNTOC',
    title: 'United Nations Convention against Transnational Organized Crime',
    shortTitle: 'Organized Crime Convention',
    entryIntoForce: '2003-09-29',
    articles: [
      { article: '5' }, { article: '6' }, { article: '8' }, { article: '19', title: 'Joint investigations' },
      { article: '23' }, { article: '27', title: 'Law enforcement cooperation' },
      { article: '28', title: 'Collection, exchange and analysis of information on the nature of organized crime' },
      { article: '30', title: 'Other measures: implementation of the Convention through economic development and technical assistance' },
      { article: '32', title: 'Conference of the Parties to the Convention' },
    ],
  },
  {
    code: 'TIP',
    title: 'Protocol to Prevent, Suppress and Punish Trafficking in Persons, Especially Women and Children',
    shortTitle: 'Trafficking in Persons Protocol',
    entryIntoForce: '2003-12-25',
    articles: [{ article: '5', title: 'Criminalization' }],
  },
  {
    code: 'SOM',
    title: 'Protocol against the Smuggling of Migrants by Land, Sea and Air',
    shortTitle: 'Migrants Protocol',
    entryIntoForce: '2004-01-28',
    articles: [{ article: '6', title: 'Criminalization' }, { article: '8(6)' }],
  },
  {
    code: 'FA',
    title: 'Protocol against the Illicit Manufacturing of and Trafficking in Firearms, Their Parts and Components and Ammunition',
    shortTitle: 'Firearms Protocol',
    entryIntoForce: '2005-07-03',
    articles: [{ article: '5', title: 'Criminalization' }, { article: '13', title: 'Cooperation' }],
  },
  {
    code: 'UNCAC',
    title: 'United Nations Convention against Corruption',
    shortTitle: 'Convention against Corruption',
    entryIntoForce: '2005-12-14',
    articles: [{ article: '9', title: 'Public procurement and management of public finances' }],
  },
  {
    code: '1988',
    title: 'United Nations Convention against Illicit Traffic in Narcotic Drugs and Psychotropic Substances',
    shortTitle: '1988 Convention',
    entryIntoForce: null,
    articles: [],
  },
] as const satisfies readonly { code: string; title: string; shortTitle: string; entryIntoForce: string | null; articles: readonly { article: string; title?: string }[] }[];

export type InstrumentCode = (typeof INSTRUMENTS)[number]['code'];
