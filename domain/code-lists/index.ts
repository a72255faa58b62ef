// Every code list, from one source. Pure data plus one pure helper: safe inside Temporal workflows.
export * from './priority-areas.js';
export * from './priority-activities.js';
export * from './instruments.js';
export * from './forms-of-assistance.js';
export * from './need-sources.js';
export * from './regions.js';
export * from './states.js';
export * from './urgency.js';

/**
 * The codes of a list, in list order, as the non-empty tuple `z.enum(...)` wants:
 * `z.enum(codesOf(URGENCIES))` accepts exactly 'LOW' | 'MEDIUM' | 'HIGH' | 'CRITICAL'.
 */
export function codesOf<const L extends readonly { readonly code: string }[]>(list: L): readonly [L[number]['code'], ...L[number]['code'][]] {
  const codes = list.map((entry) => entry.code as L[number]['code']);
  const [first, ...rest] = codes;
  if (first === undefined) throw new Error('codesOf: the code list is empty');
  return [first, ...rest];
}
