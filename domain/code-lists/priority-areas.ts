// The five priority areas defined by the Working Group in Oct 2007 under decision 3/4.
export const PRIORITY_AREAS = [
  { code: 'PA-A', title: 'Gathering information on the implementation of the Convention and the Protocols', source: '000_c2f5e927b2c5c592.txt para 2' },
  { code: 'PA-B', title: 'Strengthening criminal justice responses to organized crime based on the Convention and the Protocols', source: '000_c2f5e927b2c5c592.txt para 2' },
  { code: 'PA-C', title: 'International cooperation and establishment/strengthening of central authorities for MLA and extradition', source: '000_c2f5e927b2c5c592.txt para 2' },
  { code: 'PA-D', title: 'Data collection', source: '000_c2f5e927b2c5c592.txt para 2' },
  { code: 'PA-E', title: 'Implementation of the Protocols', source: '000_c2f5e927b2c5c592.txt para 2' },
] as const;

export type PriorityAreaCode = (typeof PRIORITY_AREAS)[number]['code'];
