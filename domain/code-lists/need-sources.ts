// Channels through which a need reaches palermo (domain.md 3.11). EVALUATION_FOLLOW_UP is an
// inference from the cycle the Working Group describes (identify, assist, evaluate, redefine needs).
// Pure data: safe inside Temporal workflow sandboxes.
export const NEED_SOURCES = [
  { code: 'QUESTIONNAIRE_RESPONSE', title: 'Answer to an implementation questionnaire (reporting cycles)', source: '001_c6bb8f48dd3436bd.txt paras 6, 18' },
  { code: 'CHECKLIST_RESPONSE', title: 'Answer to the self-assessment checklist', source: '000_c2f5e927b2c5c592.txt para 25, fn 5' },
  { code: 'FORMAL_REQUEST', title: 'Individual request from a State', source: '001_c6bb8f48dd3436bd.txt paras 19, 21' },
  { code: 'FIELD_OFFICE', title: 'Received by or raised through a UNODC field office', source: '001_c6bb8f48dd3436bd.txt paras 20-21' },
  { code: 'TRAINING_EVENT', title: 'Voiced during a training event', source: 'domain.md 3.11 (001_c6bb8f48dd3436bd.txt paras 6, 18-21; 000_c2f5e927b2c5c592.txt paras 25, 44)' },
  { code: 'NEEDS_ASSESSMENT', title: "UNODC experts' technical needs assessment, on request", source: '001_c6bb8f48dd3436bd.txt para 21' },
  { code: 'ADVISER_MENTOR', title: 'Raised by a UNODC adviser or mentor working with the Government', source: '001_c6bb8f48dd3436bd.txt para 21' },
  { code: 'UNODC_OUTREACH', title: 'UNODC approached a State lacking basic legislation or in a badly affected area', source: '001_c6bb8f48dd3436bd.txt para 21' },
  { code: 'PRESUMED_NON_REPORTING', title: 'Presumed reporting need of a party that gave no information in either reporting cycle (R8)', source: '000_c2f5e927b2c5c592.txt fn 5' },
  { code: 'WORKSHOP_FOLLOW_UP', title: 'Follow-up request after a workshop', source: '000_c2f5e927b2c5c592.txt para 44' },
  { code: 'EVALUATION_FOLLOW_UP', title: 'Left unmet or redefined by an evaluation (inference)', source: '002_dd645cd7d5831d83.txt para 21' },
] as const satisfies readonly { code: string; title: string; source: string }[];

export type NeedSourceCode = (typeof NEED_SOURCES)[number]['code'];
