// palermo's own urgency scale. The documents ask that the urgency of each need be recorded so quick
// remedies can follow (R5, 002_dd645cd7d5831d83.txt para 24) but give no scale: this one is a design
// decision. Ordered from least to most urgent. Pure data: safe inside Temporal workflow sandboxes.
export const URGENCIES = [
  { code: 'LOW', title: 'Can wait for the next programming cycle' },
  { code: 'MEDIUM', title: 'Should be planned within the current programming cycle' },
  { code: 'HIGH', title: 'Should be acted on within the coming months' },
  { code: 'CRITICAL', title: 'Needs a quick remedy now, e.g. a post-conflict or emergency setting or a deadline the State cannot meet alone' },
] as const satisfies readonly { code: string; title: string }[];

export type UrgencyCode = (typeof URGENCIES)[number]['code'];
