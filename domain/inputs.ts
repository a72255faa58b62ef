// zod schemas of every input that reaches the lifecycle. The API parses with them before it starts or
// updates a workflow, and the workflow's validators parse again, so a bad payload never changes state.
import { z } from 'zod';
import { builtOnce } from './built-once.js';
import {
  FORMS_OF_ASSISTANCE,
  INSTRUMENTS,
  PRIORITY_ACTIVITIES,
  PRIORITY_AREAS,
  STATES,
  URGENCIES,
  codesOf,
} from './code-lists/index.js';

import { codeOf, idempotencyKey, line, preview, text, uniqueList } from './boundary.js';
import { isExpertiseField } from './expertise.js';

export { idempotencyKey };

export const needInput = builtOnce('inputs.needInput', () => z.object({
  priorityArea: codeOf(PRIORITY_AREAS, 'priority area'),
  priorityActivity: codeOf(PRIORITY_ACTIVITIES, 'priority activity'),
  instrument: codeOf(INSTRUMENTS, 'instrument'),
  article: z.string().max(30, { error: 'must be an article number such as 27 or 8(6)' }).trim().regex(/^\d+[a-z]?(\(\d+\))*(\([a-z]\))?$/, { error: 'must be an article number such as 27 or 8(6)' }).optional(),
  formsOfAssistance: uniqueList(codeOf(FORMS_OF_ASSISTANCE, 'form of assistance'), { what: 'form of assistance', min: 1, max: 20 }),
  urgency: z.enum(codesOf(URGENCIES), { error: (issue) => `unknown urgency "${preview(issue.input)}"` }),
  description: text(4000),
  /** The need's field of expertise from the roster's taxonomy (issue 15); inferred from the article when absent. */
  fieldOfExpertise: z.string().max(100, { error: 'unknown field of expertise' }).refine(isExpertiseField, { error: (i) => `unknown field of expertise "${preview(i.input)}"` }).optional(),
  /** R14: hidden from donors and from other States. */
  confidential: z.boolean().optional(),
}));

export type NeedInput = z.infer<typeof needInput>;

export const fileRequestInput = builtOnce('inputs.fileRequestInput', () => z.object({
  state: codeOf(STATES, 'State'),
  title: line(300),
  needs: z.array(needInput).min(1, { error: 'a request needs at least one need' }).max(50, { error: 'at most 50 needs per request' }),
  idempotencyKey,
}));

export type FileRequestInput = z.infer<typeof fileRequestInput>;

export const startAssessmentInput = builtOnce('inputs.startAssessmentInput', () => z.object({
  note: text(2000).optional(),
}));

export type StartAssessmentInput = z.infer<typeof startAssessmentInput>;

export interface FieldIssue {
  field: string;
  message: string;
}

/** zod issues as (field path, reason) pairs, the path prefixed with the argument's name. */
export function fieldIssues(error: z.ZodError, prefix: string): FieldIssue[] {
  return error.issues.map((issue) => ({
    field: [prefix, ...issue.path.map(String)].join('.'),
    message: issue.message,
  }));
}
