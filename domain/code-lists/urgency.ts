// palermo's urgency scale: the documents ask that urgency be recorded (002 para 24) but give no scale.
export const URGENCIES = [
  { code: 'LOW', title: 'Can wait for the next programming cycle' },
  { code: 'MEDIUM', title: 'Should be planned within the current cycle' },
  { code: 'HIGH', title: 'Should be acted on in the coming months' },
  { code: 'CRITICAL', title: 'Needs a quick remedy now (e.g. a post-conflict or emergency setting)' },
] as const;

export type UrgencyCode = (typeof URGENCIES)[number]['code'];
