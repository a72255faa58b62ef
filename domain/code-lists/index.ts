// Every code list, from one source. Pure data: safe inside Temporal workflows.
export * from './priority-areas.js';
export * from './priority-activities.js';
export * from './instruments.js';
export * from './forms-of-assistance.js';
export * from './need-sources.js';
export * from './regions.js';
export * from './states.js';
export * from './urgency.js';

/** The codes of a list as a non-empty tuple, as `z.enum` wants them. */
export function codesOf<const L extends readonly { code: string }[]>(list: L): [L[number]['code'], ...L[number]['code'][]] {
  const codes = list.map((entry) => entry.code);
  if (codes.length === 0) throw new Error('a code list is empty');
  return codes as [L[number]['code'], ...L[number]['code'][]];
}
