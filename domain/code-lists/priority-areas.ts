// The five priority areas for technical assistance, defined by the Working Group in October 2007 and
// endorsed under decision 3/4 (domain.md 3.1; also 002_dd645cd7d5831d83.txt para 28).
// Pure data: safe inside Temporal workflow sandboxes.
export const PRIORITY_AREAS = [
  { code: 'PA-A', title: 'Gathering information on the implementation of the Convention and the Protocols', source: '000_c2f5e927b2c5c592.txt para 2' },
  { code: 'PA-B', title: 'Strengthening criminal justice responses to organized crime based on the Convention and the Protocols', source: '000_c2f5e927b2c5c592.txt para 2' },
  { code: 'PA-C', title: 'International cooperation and establishment/strengthening of central authorities for MLA and extradition', source: '000_c2f5e927b2c5c592.txt para 2' },
  { code: 'PA-D', title: 'Data collection', source: '000_c2f5e927b2c5c592.txt para 2' },
  { code: 'PA-E', title: 'Implementation of the Protocols', source: '000_c2f5e927b2c5c592.txt para 2' },
] as const satisfies readonly { code: string; title: string; source: string }[];

export type PriorityAreaCode = (typeof PRIORITY_AREAS)[number]['code'];
