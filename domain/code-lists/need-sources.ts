// Channels through which a need reaches palermo (domain.md 3.11).
export const NEED_SOURCES = [
  { code: 'QUESTIONNAIRE_RESPONSE', title: 'Answer to an implementation questionnaire' },
  { code: 'CHECKLIST_RESPONSE', title: 'Answer to the self-assessment checklist' },
  { code: 'FORMAL_REQUEST', title: 'Individual request from a State' },
  { code: 'FIELD_OFFICE', title: 'Received by or raised through a UNODC field office' },
  { code: 'TRAINING_EVENT', title: 'Voiced during a training event' },
  { code: 'NEEDS_ASSESSMENT', title: "UNODC experts' needs assessment on request" },
  { code: 'ADVISER_MENTOR', title: 'Raised by an embedded adviser or mentor' },
  { code: 'UNODC_OUTREACH', title: 'UNODC approached a State lacking basic legislation or badly affected' },
  { code: 'PRESUMED_NON_REPORTING', title: 'Presumed reporting need of a party that reported in neither cycle (000 fn 5)' },
  { code: 'WORKSHOP_FOLLOW_UP', title: 'Follow-up request after a workshop (000 para 44)' },
  { code: 'EVALUATION_FOLLOW_UP', title: 'Left unmet or recommended by an evaluation (002 para 21)' },
] as const;

export type NeedSourceCode = (typeof NEED_SOURCES)[number]['code'];
