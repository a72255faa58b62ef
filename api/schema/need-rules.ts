// Issue 15, the needs half: where each need came from (both ways), its field of expertise, presumed
// needs withdrawn when their State reports (R8), confidentiality (R14), and the rules a project shows as
// warnings (R3, R6, R7, R13). The rules are pure (domain/needs/*); this file reads and writes around them.
import type { Selectable } from 'kysely';
import { z } from 'zod';
import { codeOf, line, text } from '../../domain/boundary.js';
import { STATES } from '../../domain/code-lists/index.js';
import { needField } from '../../domain/needs/need-fields.js';
import { ORIGIN_KINDS, needOrigin, parentProjectProblem, recordNeedInput, RECORDED_SOURCE_CODES, expertiseField, type RecordedSource } from '../../domain/needs/origins.js';
import { RULE_CODES, ruleWarnings, SUSTAINABILITY_MEASURES, type RuleWarning } from '../../domain/needs/delivery-rules.js';
import type { ProjectState } from '../../domain/project-state.js';
import { maySeeStatePart } from '../../domain/roles.js';
import { followUpNeedsOf, insertRecordedNeed, needRowById, overlapsOf, recordedNeedId, setNeedConfidential, setNeedField, withdrawPresumedNeeds } from '../../db/queries/need-origins.js';
import { findProject, type ProjectRow } from '../../db/queries/projects.js';
import type { DB } from '../../db/schema.js';
import { builder } from '../builder.js';
import type { Context } from '../context.js';
import { ForbiddenError, IdempotencyKeyReusedError, NotFoundError, ValidationError } from '../errors.js';
import { callerOf, idempotent } from '../idempotency.js';
import { idOrNotFound, parseInput } from '../parse.js';
import { NeedRef, ProjectRef } from './project.js';
import { PlanRef } from './project-details.js';
import { DateScalar, DateTimeScalar } from './scalars.js';

type NeedRow = Selectable<DB['needs']>;

export const NeedOriginKindEnum = builder.enumType('NeedOriginKind', { values: ORIGIN_KINDS });
export const RecordedNeedSourceEnum = builder.enumType('RecordedNeedSource', { values: RECORDED_SOURCE_CODES });
export const RuleCodeEnum = builder.enumType('DomainRule', { values: RULE_CODES });
export const SustainabilityMeasureEnum = builder.enumType('SustainabilityMeasure', { values: SUSTAINABILITY_MEASURES });
export const NeedFieldFromEnum = builder.enumType('NeedFieldFrom', { values: ['SET', 'INFERRED'] as const });

const NeedOriginRef = builder.objectRef<ReturnType<typeof needOrigin>>('NeedOrigin').implement({
  description: 'Where a need came from: the request and its project, the import and its cycle, the event, assessment or evaluation and its parent project, or who raised it.',
  fields: (t) => ({
    kind: t.field({ type: NeedOriginKindEnum, resolve: (o) => o.kind }),
    source: t.exposeString('source', { description: 'The need source code (codeLists.needSources)' }),
    projectId: t.string({ nullable: true, description: 'The request\'s project, or the parent project whose event, assessment or evaluation gave rise to it', resolve: (o) => o.projectId }),
    importId: t.string({ nullable: true, resolve: (o) => o.importId }),
    cycle: t.string({ nullable: true, description: 'The reporting cycle of an imported response', resolve: (o) => o.cycle }),
    raisedBy: t.string({ nullable: true, description: 'The field office, adviser or mission that raised it', resolve: (o) => o.raisedBy }),
  }),
});

const NeedFieldRef = builder.objectRef<NonNullable<ReturnType<typeof needField>>>('NeedField').implement({
  description: "A need's field of expertise, from the roster's taxonomy: set by the State or the manager, or inferred from its instrument and article.",
  fields: (t) => ({
    field: t.exposeString('field'),
    from: t.field({ type: NeedFieldFromEnum, resolve: (f) => f.from }),
    source: t.string({ nullable: true, description: 'The paragraph an inference rests on', resolve: (f) => f.source }),
  }),
});

const RuleWarningRef = builder.objectRef<RuleWarning>('RuleWarning').implement({
  description: 'A rule of the domain (domain.md 2.3) the project does not yet satisfy: shown, not enforced.',
  fields: (t) => ({
    rule: t.field({ type: RuleCodeEnum, resolve: (w) => w.rule }),
    needId: t.string({ nullable: true, resolve: (w) => w.needId }),
    reason: t.exposeString('reason'),
  }),
});

// Needs answer with their whole row (Project.needs, followUpNeeds, need): these read the 0120 columns.
builder.objectFields(NeedRef, (t) => ({
  origin: t.field({ type: NeedOriginRef, resolve: (n) => needOrigin(n as NeedRow) }),
  field: t.field({ type: NeedFieldRef, nullable: true, resolve: (n) => needField(n as NeedRow) }),
  confidential: t.boolean({ description: 'R14: hidden from donors and from other States', resolve: (n) => Boolean((n as NeedRow).confidential) }),
  withdrawnAt: t.field({ type: DateTimeScalar, nullable: true, description: 'A presumed need withdrawn because its State reported (R8)', resolve: (n) => (n as NeedRow).withdrawn_at ?? null }),
  withdrawnReason: t.string({ nullable: true, resolve: (n) => (n as NeedRow).withdrawn_reason ?? null }),
}));

const detailsOf = (p: ProjectRow) => p.details as unknown as ProjectState;

/** R14 and scope: a donor never sees a confidential need, a focal point only its own State's. */
export const mayReadNeed = (ctx: Context, n: { state_code: string; confidential?: boolean | null }) =>
  maySeeStatePart(ctx.actor!, n.state_code) && !(ctx.actor!.role === 'DONOR' && n.confidential);

builder.objectFields(ProjectRef, (t) => ({
  followUpNeeds: t.field({
    type: [NeedRef],
    description: 'The needs this project gave rise to: voiced at its training or workshop, found by its assessment, or adopted from its evaluation.',
    resolve: async (p, _a, ctx) => (await followUpNeedsOf(ctx.deps.db, p.id)).filter((n) => mayReadNeed(ctx, n)),
  }),
  ruleWarnings: t.field({
    type: [RuleWarningRef],
    description: 'Rules of the domain shown as warnings with their reason: R3 duplication, R6 regional delivery, R7 eligibility, R13 sustainability, R14 vetting.',
    resolve: async (p, _a, ctx) => {
      const [rows, states] = await Promise.all([ctx.loaders.projectNeeds.load(p.id), ctx.loaders.projectStates.load(p.id)]);
      const needs = rows.map((n) => ({ id: n.id, stateCode: n.state_code, priorityArea: n.priority_area, priorityActivity: n.priority_activity, instrument: n.instrument, field: needField(n as NeedRow)?.field ?? null, formsOfAssistance: n.forms_of_assistance, confidential: (n as NeedRow).confidential }));
      const plan = detailsOf(p).plan ?? null;
      const live = !['DECLINED', 'MERGED', 'CANCELLED', 'CLOSED'].includes(p.stage);
      return ruleWarnings({ stateCodes: states, needs, plan, overlaps: live ? await overlapsOf(ctx.deps.db, p.id, needs) : [] });
    },
  }),
}));

const CoordinationRef = builder.objectRef<{ providers: string[]; fieldOffices: string[] }>('Coordination').implement({
  description: 'R3: other providers and field offices involved in the plan.',
  fields: (t) => ({ providers: t.exposeStringList('providers'), fieldOffices: t.exposeStringList('fieldOffices') }),
});
type VettedOfficial = { name: string; function: string; vettedOn: string };
type PlanExtras = { sustainability?: (typeof SUSTAINABILITY_MEASURES)[number][]; coordination?: { providers: string[]; fieldOffices: string[] }; eligibilityJustification?: string; vettedOfficials?: VettedOfficial[] };
const VettedOfficialRef = builder.objectRef<VettedOfficial>('VettedOfficial').implement({
  description: 'R14: an official vetted to handle the project\'s sensitive information.',
  fields: (t) => ({ name: t.exposeString('name'), function: t.exposeString('function'), vettedOn: t.field({ type: DateScalar, resolve: (o) => o.vettedOn }) }),
});
builder.objectFields(PlanRef, (t) => ({
  sustainability: t.field({ type: [SustainabilityMeasureEnum], description: 'R13', resolve: (p) => (p as PlanExtras).sustainability ?? [] }),
  coordination: t.field({ type: CoordinationRef, nullable: true, description: 'R3', resolve: (p) => (p as PlanExtras).coordination ?? null }),
  eligibilityJustification: t.string({ nullable: true, description: 'R7: why a non-party receives help meant for parties and, where appropriate, non-parties', resolve: (p) => (p as PlanExtras).eligibilityJustification ?? null }),
  vettedOfficials: t.field({ type: [VettedOfficialRef], description: 'R14', resolve: (p) => (p as PlanExtras).vettedOfficials ?? [] }),
}));

const CoordinationInput = builder.inputType('CoordinationInput', {
  fields: (t) => ({ providers: t.stringList({ required: false, description: 'Partner codes (domain/partners.ts)' }), fieldOffices: t.stringList({ required: false }) }),
});
/** The setPlan input's fields for R3, R7 and R13 (lifecycle-actions.ts spreads them). */
export const planRuleInputFields = (t: any) => ({
  sustainability: t.field({ type: [SustainabilityMeasureEnum], required: false, description: 'R13: what makes the help outlast the project' }),
  coordination: t.field({ type: CoordinationInput, required: false, description: 'R3: other providers and field offices involved' }),
  eligibilityJustification: t.string({ required: false, description: 'R7: why a non-party receives help meant for parties' }),
  vettedOfficials: t.field({ type: [VettedOfficialInput], required: false, description: 'R14: officials vetted to handle sensitive information' }),
});
const VettedOfficialInput = builder.inputType('VettedOfficialInput', {
  fields: (t) => ({ name: t.string({ required: true }), function: t.string({ required: true }), vettedOn: t.field({ type: DateScalar, required: true }) }),
});

/** A need the caller may read as a pool need: a manager or administrator any, a focal point its own State's. */
async function visibleNeedRow(ctx: Context, given: unknown): Promise<NeedRow> {
  const id = idOrNotFound(given, 'need');
  const need = await needRowById(ctx.deps.db, id);
  if (!need || !maySeeStatePart(ctx.actor!, need.state_code)) throw new NotFoundError(`need ${id} not found`);
  return need;
}

builder.queryFields((t) => ({
  need: t.field({
    type: NeedRef,
    description: 'One need by id, with its origin, field and status; a focal point reaches its own State\'s (another State\'s is NotFoundError).',
    args: { id: t.arg.id({ required: true }) },
    errors: { types: [ForbiddenError, NotFoundError], directResult: true },
    resolve: (_r, args, ctx) => visibleNeedRow(ctx, args.id),
  }),
}));

const RecordNeedInput = builder.inputType('RecordNeedInput', {
  fields: (t) => ({
    state: t.string({ required: true }),
    source: t.field({ type: RecordedNeedSourceEnum, required: true }),
    parentProjectId: t.string({ required: false, description: 'TRAINING_EVENT, WORKSHOP_FOLLOW_UP, NEEDS_ASSESSMENT: the project whose activity or assessment gave rise to it' }),
    raisedBy: t.string({ required: false, description: 'FIELD_OFFICE, ADVISER_MENTOR, UNODC_OUTREACH: who raised it' }),
    priorityArea: t.string({ required: true }),
    priorityActivity: t.string({ required: true }),
    instrument: t.string({ required: true }),
    article: t.string({ required: false }),
    formsOfAssistance: t.stringList({ required: true }),
    urgency: t.string({ required: true }),
    description: t.string({ required: true }),
    fieldOfExpertise: t.string({ required: false }),
    confidential: t.boolean({ required: false }),
    idempotencyKey: t.string({ required: true }),
  }),
});

const SetNeedFieldInput = builder.inputType('SetNeedFieldInput', {
  fields: (t) => ({ needId: t.id({ required: true }), field: t.string({ required: false, description: 'A code of the expertise taxonomy; null clears it (the inferred field applies)' }) }),
});
const SetNeedConfidentialInput = builder.inputType('SetNeedConfidentialInput', {
  fields: (t) => ({ needId: t.id({ required: true }), confidential: t.boolean({ required: true }) }),
});
const RecordStateReportInput = builder.inputType('RecordStateReportInput', {
  fields: (t) => ({ state: t.string({ required: true }), cycle: t.string({ required: true }), note: t.string({ required: false }) }),
});
const StateReportRef = builder.objectRef<{ state: string; cycle: string; withdrawn: NeedRow[] }>('StateReport').implement({
  description: 'A State reported in a cycle: its presumed reporting needs are withdrawn (R8).',
  fields: (t) => ({ state: t.exposeString('state'), cycle: t.exposeString('cycle'), withdrawn: t.field({ type: [NeedRef], resolve: (r) => r.withdrawn }) }),
});

const dropNulls = (v: Record<string, unknown>) => Object.fromEntries(Object.entries(v).filter(([, x]) => x !== null && x !== undefined));

/** A need a focal point (its own State's) or a manager may change. */
async function changeableNeed(ctx: Context, given: unknown): Promise<NeedRow> {
  const need = await visibleNeedRow(ctx, given);
  return need;
}

builder.mutationFields((t) => ({
  recordNeed: t.field({
    type: NeedRef,
    description: 'A manager records a need raised through a field office, a training event, a needs assessment, an adviser or mentor, UNODC outreach or a workshop follow-up, with its origin.',
    args: { input: t.arg({ type: RecordNeedInput, required: true }) },
    errors: { types: [ValidationError, ForbiddenError, NotFoundError, IdempotencyKeyReusedError], directResult: true },
    resolve: async (_r, args, ctx) => {
      const input = parseInput(recordNeedInput, dropNulls(args.input as Record<string, unknown>));
      if (input.parentProjectId) {
        const parent = await findProject(ctx.deps.db, input.parentProjectId);
        if (!parent) throw new ValidationError([{ field: 'input.parentProjectId', message: `no project ${input.parentProjectId}` }]);
        const d = detailsOf(parent);
        const problem = parentProjectProblem(input.source as RecordedSource, { stateCodes: d.stateCodes ?? [], activities: d.activities ?? [], assessments: d.assessments ?? [] }, input.state);
        if (problem) throw new ValidationError([{ field: 'input.parentProjectId', message: problem }]);
      }
      const { idempotencyKey: key, ...payload } = input;
      const read = async (id: string) => (await needRowById(ctx.deps.db, id))!;
      return idempotent(
        ctx.deps.db,
        { scope: 'recordNeed', key, caller: callerOf(ctx), payload },
        async () => read(await insertRecordedNeed(ctx.deps.db, input, ctx.actor!)),
        (n) => ({ needId: n.id }),
        () => read(recordedNeedId(key)),
      );
    },
  }),
  setNeedField: t.field({
    type: NeedRef,
    description: "The State's focal point (its own needs) or a manager sets a need's field of expertise; matching ranks by it.",
    args: { input: t.arg({ type: SetNeedFieldInput, required: true }) },
    errors: { types: [ValidationError, ForbiddenError, NotFoundError], directResult: true },
    resolve: async (_r, args, ctx) => {
      const need = await changeableNeed(ctx, args.input.needId);
      const field = args.input.field == null ? null : parseInput(expertiseField, args.input.field, 'input.field');
      await setNeedField(ctx.deps.db, need.id, field, ctx.actor!);
      return (await needRowById(ctx.deps.db, need.id))!;
    },
  }),
  setNeedConfidential: t.field({
    type: NeedRef,
    description: 'R14: the State (its own needs) or a manager marks a need confidential: donors no longer see it.',
    args: { input: t.arg({ type: SetNeedConfidentialInput, required: true }) },
    errors: { types: [ValidationError, ForbiddenError, NotFoundError], directResult: true },
    resolve: async (_r, args, ctx) => {
      const need = await changeableNeed(ctx, args.input.needId);
      await setNeedConfidential(ctx.deps.db, need.id, args.input.confidential, ctx.actor!);
      return (await needRowById(ctx.deps.db, need.id))!;
    },
  }),
  recordStateReport: t.field({
    type: StateReportRef,
    description: "A manager records that a State reported in a cycle (a questionnaire or checklist response received outside an import): its presumed reporting needs are withdrawn with the reason (R8).",
    args: { input: t.arg({ type: RecordStateReportInput, required: true }) },
    errors: { types: [ValidationError, ForbiddenError], directResult: true },
    resolve: async (_r, args, ctx) => {
      const input = parseInput(z.object({ state: codeOf(STATES, 'State'), cycle: line(50), note: text(2000).optional() }), dropNulls(args.input as Record<string, unknown>));
      const reason = `${input.state} reported in cycle ${input.cycle}${input.note ? `: ${input.note}` : ''}`;
      const ids = await withdrawPresumedNeeds(ctx.deps.db, [input.state], reason, ctx.actor!, { cycle: input.cycle });
      const withdrawn = (await Promise.all(ids.map((id) => needRowById(ctx.deps.db, id)))).filter((n): n is NeedRow => Boolean(n));
      return { state: input.state, cycle: input.cycle, withdrawn };
    },
  }),
}));
