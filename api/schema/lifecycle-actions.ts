// One mutation per lifecycle action. Each sends the action's Temporal Update; the workflow's validator
// decides (role, scope, stage, payload, precondition) and a refusal comes back typed, changing nothing.
import type { z } from 'zod';
import { ACTIONS } from '../../domain/project-actions.js';
import { idempotencyKey } from '../../domain/inputs.js';
import { isFinalStage, type Stage } from '../../domain/stages.js';
import { decideTransition, type TransitionName } from '../../domain/transitions.js';
import { findProject } from '../../db/queries/projects.js';
import { deliveredBy, loadRoster } from '../../db/queries/roster.js';
import { independenceBreaches } from '../../domain/matching/evaluator.js';
import { actionUpdate } from '../../workflows/definitions.js';
import { builder } from '../builder.js';
import type { Context } from '../context.js';
import { ForbiddenError, IdempotencyKeyReusedError, NotFoundError, TransitionRefusedError, UnavailableError, ValidationError } from '../errors.js';
import { callerOf, idempotent } from '../idempotency.js';
import { apiLifecycleOptions, applyTransition } from '../lifecycle.js';
import { parseId, parseInput } from '../parse.js';
import {
  CriterionRatingInput,
  IndicatorValueInput,
  MoneyInput,
  NeedVerdictInput,
  RecommendationInput,
  ResultInput,
} from './lifecycle-inputs.js';
import { DecimalScalar } from './money.js';
import { planRuleInputFields } from './need-rules.js';
import { DateScalar } from './scalars.js';
import { loadVisibleProject, ProjectRef } from './project.js';
import { AssessmentTypeEnum, ModalityEnum, PledgeKindEnum } from './enums.js';

type FieldsOf = Parameters<typeof builder.inputType>[1]['fields'];

/** GraphQL leaves absent optional fields as null; the zod schemas want them absent. */
function withoutNulls(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutNulls);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== null && v !== undefined).map(([k, v]) => [k, withoutNulls(v)]));
  }
  return value;
}

export async function runAction(ctx: Context, name: TransitionName, input: Record<string, unknown>, before?: (payload: unknown) => Promise<void>) {
  const { projectId, idempotencyKey: key, ...rest } = withoutNulls(input) as { projectId: string; idempotencyKey?: string } & Record<string, unknown>;
  // Scope first: a project outside the caller's scope is not found, whatever the payload.
  const project = await loadVisibleProject(ctx, String(projectId));
  const payload = parseInput(ACTIONS[name].input as z.ZodType, rest);
  const updateId = key === undefined ? undefined : parseInput(idempotencyKey, key, 'input.idempotencyKey');
  const reread = async () => {
    const updated = await findProject(ctx.deps.db, project.id);
    if (!updated) throw new NotFoundError(`project ${project.id} not found`);
    return updated;
  };
  const act = async () => {
    if (isFinalStage(project.stage as Stage)) {
      // Its workflow has ended, so there is no validator to ask: the same pure rule answers here.
      const decision = decideTransition(name, ctx.actor!, { stage: project.stage as Stage, stateCodes: await ctx.loaders.projectStates.load(project.id) });
      if (!decision.allowed) throw new TransitionRefusedError(decision.refusal, decision.reason);
    }
    await before?.(payload);
    const answer = await applyTransition(ctx.deps.temporal, project.id, actionUpdate(name), { actor: ctx.actor!, payload }, updateId, { ...apiLifecycleOptions(ctx.deps), readModelAt: project.last_event_seq, readModelRow: project });
    return answer.readModelRow ?? reread();
  };
  if (updateId === undefined) return act();
  // A retry with the key is answered as the first call was, also once the project has ended (a retried
  // close); the key with another payload is refused.
  return idempotent(ctx.deps.db, { scope: `${name}:${project.id}`, key: updateId, caller: callerOf(ctx), payload }, act, (p) => ({ projectId: p.id }), reread);
}

function actionMutation(name: TransitionName, description: string, fields?: FieldsOf, before?: (ctx: Context, payload: any, projectId: string) => Promise<void>) {
  const typeName = `${name[0]!.toUpperCase()}${name.slice(1)}Input`;
  const Input = builder.inputType(typeName, {
    fields: (t) => ({
      projectId: t.id({ required: true }),
      idempotencyKey: t.string({ required: false, description: 'A retry with the same key is applied once' }),
      ...(fields ? fields(t) : {}),
    }),
  });
  builder.mutationField(name, (t) =>
    t.field({
      type: ProjectRef,
      description,
      args: { input: t.arg({ type: Input, required: true }) },
      errors: { types: [ValidationError, ForbiddenError, NotFoundError, TransitionRefusedError, IdempotencyKeyReusedError, UnavailableError], directResult: true },
      resolve: (_root, { input }, ctx) => runAction(ctx, name, input as Record<string, unknown>, before && ((p) => before(ctx, p, String(input.projectId)))),
    }),
  );
}

const note: FieldsOf = (t) => ({ note: t.string({ required: false }) });
const reason: FieldsOf = (t) => ({ reason: t.string({ required: true }) });

actionMutation('startAssessment', 'A programme manager moves a project from SUBMITTED to UNDER_ASSESSMENT.', note);
actionMutation('recordAssessment', 'Record an assessment or mission (exploratory, technical, needs assessment, desk review) with partner agencies.', (t) => ({
  type: t.field({ type: AssessmentTypeEnum, required: true }),
  startDate: t.field({ type: 'Date', required: true }),
  endDate: t.field({ type: 'Date', required: true }),
  partners: t.stringList({ required: false, description: 'Partner codes, e.g. UNDP, OHCHR, DPA, OAS' }),
  findings: t.string({ required: true }),
}));
actionMutation('requestInformation', 'Ask the State for information: AWAITING_INFORMATION, with a reminder and a deadline.', (t) => ({ question: t.string({ required: true }) }));
actionMutation('provideInformation', "The State's focal point answers: back to UNDER_ASSESSMENT.", (t) => ({ answer: t.string({ required: true }) }));
actionMutation('decline', 'Decline the request, with a reason.', reason);
actionMutation(
  'merge',
  'Merge this request into another project (UNDER_ASSESSMENT or PLANNING); its needs and States move over.',
  (t) => ({ intoProjectId: t.id({ required: true }), reason: t.string({ required: true }) }),
  async (ctx, payload: { intoProjectId: string }) => {
    const survivor = await loadVisibleProject(ctx, payload.intoProjectId).catch((err) => {
      if (err instanceof NotFoundError) throw new ValidationError([{ field: 'input.intoProjectId', message: err.message }]);
      throw err;
    });
    if (!['UNDER_ASSESSMENT', 'PLANNING'].includes(survivor.stage)) {
      throw new ValidationError([{ field: 'input.intoProjectId', message: `the surviving project must be UNDER_ASSESSMENT or PLANNING; it is ${survivor.stage}` }]);
    }
  },
);
actionMutation('startPlanning', 'Accept the request for planning.', note);
actionMutation('setPlan', 'Set (or replace) the plan: objectives, results framework, forms, modality, budget. A new plan needs new endorsements.', (t) => ({
  objectives: t.stringList({ required: true }),
  outputs: t.field({ type: [ResultInput], required: true }),
  outcomes: t.field({ type: [ResultInput], required: true }),
  formsOfAssistance: t.stringList({ required: true, description: 'Codes of codeLists.formsOfAssistance' }),
  modality: t.field({ type: ModalityEnum, required: true }),
  budget: t.field({ type: MoneyInput, required: true }),
  ...planRuleInputFields(t),
}));
actionMutation('endorsePlan', "A beneficiary State's focal point endorses the plan for its State (R1).", (t) => ({ comment: t.string({ required: false }) }));
actionMutation('seekFunding', 'Leave PLANNING for AWAITING_FUNDING: every outcome measurable, every beneficiary endorsed.', note);
actionMutation('pledge', "Pledge cash or in-kind support to the project, optionally earmarked to one of its priority areas. A donor pledges as its organisation (the token's org claim); a manager names the organisation in donor.", (t) => ({
  donor: t.string({ required: true, description: "The pledging organisation; for a DONOR caller its token's organisation is recorded instead" }),
  amount: t.field({ type: DecimalScalar, required: true, description: 'Exact, e.g. "100000.01"' }),
  currency: t.string({ required: true, description: 'ISO 4217; the budget\'s currency' }),
  kind: t.field({ type: PledgeKindEnum, required: true }),
  earmarkPriorityArea: t.string({ required: false, description: "One of the project's priority areas (codeLists.priorityAreas)" }),
}));
actionMutation('descopeBudget', 'Reduce the budget to what can be funded, with a reason.', (t) => ({ amount: t.field({ type: DecimalScalar, required: true, description: 'The new budget, exact, in its currency' }), reason: t.string({ required: true }) }));
actionMutation('startDelivery', 'Start delivery once pledges cover the budget.', note);
actionMutation('recordActivity', 'Record a delivered activity with its dates and participants.', (t) => ({
  title: t.string({ required: true }),
  formOfAssistance: t.string({ required: true, description: 'A code of codeLists.formsOfAssistance' }),
  startDate: t.field({ type: 'Date', required: true }),
  endDate: t.field({ type: 'Date', required: true }),
  participants: t.int({ required: true }),
}));
actionMutation('reportProgress', 'File a progress report.', (t) => ({ period: t.string({ required: true }), narrative: t.string({ required: true }) }));
actionMutation('recordEnactment', 'Record that the law was enacted (R10).', (t) => ({ law: t.string({ required: true }), enactedOn: t.field({ type: 'Date', required: true }) }));
actionMutation('suspend', 'Suspend delivery, with a reason; reminders pause.', reason);
actionMutation('resume', 'Resume a suspended project.', note);
actionMutation(
  'startEvaluation',
  'Hand the project to an independent evaluator, or a panel led by one, with a deadline and reminders. The lead submits the one outcome assessment for the panel.',
  (t) => ({
    evaluator: t.string({ required: true, description: "The lead evaluator: the id of an active roster expert, independent of the project; it acts with the EVALUATOR role under that id and submits for the panel" }),
    panel: t.idList({ required: false, description: 'The other members of the evaluation panel (roster expert ids, each independent of the project); proposeEvaluationPanel proposes a balanced one' }),
    closeDeliveryReason: t.string({ required: false, description: 'Why a legislative project leaves delivery before enactment (R10)' }),
  }),
  async (ctx, payload: { evaluator: string; panel?: string[] }, projectId: string) => {
    // Evaluators come from the roster and must be independent of the project (not a national of a beneficiary
    // State, not among those who delivered it, no declared conflict): the lead and every member alike.
    const members = [{ id: payload.evaluator, field: 'input.evaluator' }, ...(payload.panel ?? []).map((id, i) => ({ id, field: `input.panel.${i}` }))];
    const roster = new Map((await loadRoster(ctx.deps.db, members.map((m) => m.id))).map((e) => [e.id, e]));
    const project = { projectId, beneficiaryStates: await ctx.loaders.projectStates.load(projectId), deliveredBy: await deliveredBy(ctx.deps.db, projectId) };
    const issues = members.flatMap(({ id, field }) => {
      const expert = roster.get(id);
      if (!expert) return [{ field, message: `${id} is not an active expert on the roster; evaluators come from the roster` }];
      return independenceBreaches(expert, project).map((b) => ({ field, message: `${expert.id} is not independent: ${b.reason} (${b.rule})` }));
    });
    if (issues.length) throw new ValidationError(issues);
  },
);
actionMutation('consentToVisit', "A beneficiary State's focal point consents, for its State, to visits of the evaluation panel (003 para 55: visits agreed to by the country).", (t) => ({
  note: t.string({ required: false, description: 'Conditions or contacts for the visit' }),
}));
actionMutation('recordEvaluationVisit', "A member of the evaluation panel (or the manager) records a visit to a beneficiary State; refused until that State's focal point consented (VISIT_BY_CONSENT).", (t) => ({
  state: t.string({ required: true, description: 'The visited beneficiary State (ISO 3166 alpha-3)' }),
  startDate: t.field({ type: DateScalar, required: true }),
  endDate: t.field({ type: DateScalar, required: true }),
  purpose: t.string({ required: true }),
}));
actionMutation('submitOutcomeAssessment', 'The assigned evaluator submits the outcome assessment: DAC criteria, indicator values, need verdicts, narrative.', (t) => ({
  criteria: t.field({ type: [CriterionRatingInput], required: true }),
  indicatorValues: t.field({ type: [IndicatorValueInput], required: true }),
  needVerdicts: t.field({ type: [NeedVerdictInput], required: true }),
  narrative: t.string({ required: true }),
  coProviders: t.stringList({ required: false }),
  recommendations: t.field({ type: [RecommendationInput], required: false }),
}));
actionMutation('close', 'Close the project; adopted recommendations become new needs (EVALUATION_FOLLOW_UP).', (t) => ({
  adoptRecommendations: t.intList({ required: false }),
  note: t.string({ required: false }),
}));
actionMutation('cancel', 'Cancel the project from any open stage, with a reason.', reason);
