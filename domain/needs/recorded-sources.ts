// The sources a programme manager records a need from, and what each one names. Plain data, free of
// zod, so the web app's need form imports it as it is.
/** The sources a programme manager records with `recordNeed`, and what each one requires. */
export const RECORDED_SOURCES = {
  /** A UNODC field office received the request or raised it (001 paras 20-21). */
  FIELD_OFFICE: 'RAISED_BY',
  /** Voiced during a training event palermo delivered: the parent project's activity (domain.md 3.11). */
  TRAINING_EVENT: 'PARENT_PROJECT',
  /** Found by UNODC experts' needs assessment on request: the parent project's recorded assessment (001 para 21). */
  NEEDS_ASSESSMENT: 'PARENT_PROJECT',
  /** Raised by a UNODC adviser or mentor placed with the Government (001 para 21). */
  ADVISER_MENTOR: 'RAISED_BY',
  /** UNODC approached a State lacking basic legislation or in a badly affected area (001 para 21). */
  UNODC_OUTREACH: 'RAISED_BY',
  /** A follow-up request after a workshop (000 para 44): the parent project's workshop. */
  WORKSHOP_FOLLOW_UP: 'PARENT_PROJECT',
} as const;
