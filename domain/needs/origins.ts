// Where a need came from (domain.md 3.11), both ways: every need source code has the operation that
// produces it, and every need answers with its origin (the request's project, the import and its cycle,
// the event or evaluation and its parent project, or who raised it). Pure: the API and tests call it.
import { z } from 'zod';
import { codeOf, idempotencyKey, identifier, line } from '../boundary.js';
import { STATES } from '../code-lists/index.js';
import { isExpertiseField } from '../expertise.js';
import { needInput } from '../inputs.js';
import { RECORDED_SOURCES } from './recorded-sources.js';

export { RECORDED_SOURCES } from './recorded-sources.js';
export type RecordedSource = keyof typeof RECORDED_SOURCES;
export const RECORDED_SOURCE_CODES = Object.keys(RECORDED_SOURCES) as [RecordedSource, ...RecordedSource[]];

/** Which operation produces each source code: the README and the code-list test read it. */
export const SOURCE_OPERATIONS: Readonly<Record<string, string>> = {
  QUESTIONNAIRE_RESPONSE: 'importNeeds (source QUESTIONNAIRE_RESPONSE)',
  CHECKLIST_RESPONSE: 'importNeeds (source CHECKLIST_RESPONSE)',
  FORMAL_REQUEST: 'fileRequest',
  PRESUMED_NON_REPORTING: 'the re-prioritisation run (R8)',
  EVALUATION_FOLLOW_UP: 'close (adoptRecommendations)',
  ...Object.fromEntries(RECORDED_SOURCE_CODES.map((s) => [s, `recordNeed (source ${s})`])),
};

/** Forms of assistance a delivered activity must have for a need to be "voiced during a training" or "after a workshop". */
export const EVENT_FORMS: Readonly<Record<'TRAINING_EVENT' | 'WORKSHOP_FOLLOW_UP', readonly string[]>> = {
  TRAINING_EVENT: ['TRAINING_NATIONAL', 'TOT', 'MOCK_TRIAL', 'CBT', 'STUDY_TOUR', 'ON_THE_JOB', 'WORKSHOP_REGIONAL', 'WORKSHOP_SUBREGIONAL', 'WORKSHOP_INTERREGIONAL', 'WORKSHOP_ROUTE', 'WORKSHOP_THEMATIC'],
  WORKSHOP_FOLLOW_UP: ['WORKSHOP_REGIONAL', 'WORKSHOP_SUBREGIONAL', 'WORKSHOP_INTERREGIONAL', 'WORKSHOP_ROUTE', 'WORKSHOP_THEMATIC', 'EXPERT_GROUP'],
};

export const expertiseField = z
  .string()
  .max(100, { error: 'unknown field of expertise' })
  .refine(isExpertiseField, { error: (i) => `unknown field of expertise "${String(i.input).slice(0, 60)}"` });

export const recordNeedInput = needInput
  .extend({
    state: codeOf(STATES, 'State'),
    source: z.enum(RECORDED_SOURCE_CODES, { error: (i) => `a manager records needs from ${RECORDED_SOURCE_CODES.join(', ')}, not "${String(i.input).slice(0, 60)}"` }),
    /** The project whose event, workshop or assessment gave rise to the need. */
    parentProjectId: identifier(200).optional(),
    /** The field office, adviser or mission that raised it. */
    raisedBy: line(300).optional(),
    confidential: z.boolean().default(false),
    idempotencyKey,
  })
  .superRefine((v, ctx) => {
    const needs = RECORDED_SOURCES[v.source];
    if (needs === 'PARENT_PROJECT' && !v.parentProjectId) ctx.addIssue({ code: 'custom', path: ['parentProjectId'], message: `a ${v.source} need names the project it came from` });
    if (needs === 'RAISED_BY' && !v.raisedBy) ctx.addIssue({ code: 'custom', path: ['raisedBy'], message: `a ${v.source} need names who raised it` });
    if (needs === 'RAISED_BY' && v.parentProjectId) ctx.addIssue({ code: 'custom', path: ['parentProjectId'], message: `a ${v.source} need has no parent project` });
  });
export type RecordNeedInput = z.infer<typeof recordNeedInput>;

/** What the parent project must show for a need to have come from it; null when it does. */
export function parentProjectProblem(
  source: RecordedSource,
  parent: { stateCodes: readonly string[]; activities: readonly { formOfAssistance: string }[]; assessments: readonly unknown[] },
  stateCode: string,
): string | null {
  if (!parent.stateCodes.includes(stateCode)) return `${stateCode} is not a beneficiary of the parent project`;
  if (source === 'NEEDS_ASSESSMENT') return parent.assessments.length ? null : 'the parent project has no recorded assessment';
  if (source === 'TRAINING_EVENT' || source === 'WORKSHOP_FOLLOW_UP') {
    const forms = EVENT_FORMS[source];
    return parent.activities.some((a) => forms.includes(a.formOfAssistance))
      ? null
      : `the parent project has no delivered ${source === 'TRAINING_EVENT' ? 'training' : 'workshop'} activity (${forms.join(', ')})`;
  }
  return null;
}

export const ORIGIN_KINDS = ['REQUEST', 'IMPORT', 'PRESUMED', 'EVENT', 'ASSESSMENT', 'EVALUATION', 'RAISED'] as const;
export type OriginKind = (typeof ORIGIN_KINDS)[number];

export interface NeedOrigin {
  kind: OriginKind;
  source: string;
  /** The request's project, or the project whose event, assessment or evaluation gave rise to the need. */
  projectId: string | null;
  importId: string | null;
  cycle: string | null;
  raisedBy: string | null;
}

const KIND: Readonly<Record<string, OriginKind>> = {
  FORMAL_REQUEST: 'REQUEST', QUESTIONNAIRE_RESPONSE: 'IMPORT', CHECKLIST_RESPONSE: 'IMPORT', PRESUMED_NON_REPORTING: 'PRESUMED',
  TRAINING_EVENT: 'EVENT', WORKSHOP_FOLLOW_UP: 'EVENT', NEEDS_ASSESSMENT: 'ASSESSMENT', EVALUATION_FOLLOW_UP: 'EVALUATION',
  FIELD_OFFICE: 'RAISED', ADVISER_MENTOR: 'RAISED', UNODC_OUTREACH: 'RAISED',
};

/** A need's origin from its stored row. A filed need's id is `<its request's project>/need-<n>` (api/lifecycle.ts). */
export function needOrigin(row: { id: string; source: string; origin_project_id: string | null; import_id: string | null; cycle: string | null; origin_detail: Record<string, unknown> | null }): NeedOrigin {
  const kind = KIND[row.source] ?? 'RAISED';
  const requestProject = kind === 'REQUEST' ? (/^(.*)\/need-\d+$/.exec(row.id)?.[1] ?? null) : null;
  const raisedBy = typeof row.origin_detail?.raisedBy === 'string' ? row.origin_detail.raisedBy : null;
  return { kind, source: row.source, projectId: row.origin_project_id ?? requestProject, importId: row.import_id, cycle: row.cycle, raisedBy };
}
