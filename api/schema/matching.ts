// Matching with reasons, optimal teams, invitations and independent evaluators, for programme managers;
// experts answer their invitations here.
import { WorkflowExecutionAlreadyStartedError, WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import type { Selectable } from 'kysely';
import { fieldsForNeed } from '../../domain/expertise.js';
import { needField } from '../../domain/needs/need-fields.js';
import { workingLanguagesOf } from '../../domain/languages.js';
import { languagesFor } from '../../domain/matching/exclusions.js';
import { greedyTeam, optimalTeam, type Slot, type Team } from '../../domain/matching/assign.js';
import { independenceBreaches } from '../../domain/matching/evaluator.js';
import { exclusionsOf, homeRegionOf } from '../../domain/matching/exclusions.js';
import { inviteInput, matchOptions, teamOptions, type MatchOptions } from '../../domain/matching/options.js';
import type { Ranking } from '../../domain/matching/rank.js';
import { rankOnIndex, rankSlotsOnIndex } from '../../domain/matching/roster-index.js';
import type { MatchTarget, RosterExpert } from '../../domain/matching/types.js';
import type { DB } from '../../db/schema.js';
import {
  countInvitationsOfExpert, deliveredBy, expertById, invitationById, invitationEvents, loadRoster, needById, needsOfProject, pageInvitationsOfExpert, projectStatesOf,
} from '../../db/queries/roster.js';
import { TASK_QUEUE } from '../../workflows/definitions.js';
import { answerInvitationUpdate, invitationOpenedUpdate, type ExpertInvitationInput } from '../../workflows/expert-invitation.js';
import { builder } from '../builder.js';
import { currentRoster, currentRosterIndex } from '../roster-cache.js';
import type { Context } from '../context.js';
import { ForbiddenError, IdempotencyKeyReusedError, NotFoundError, TransitionRefusedError, UnavailableError, ValidationError } from '../errors.js';
import { callerOf, idempotent } from '../idempotency.js';
import { temporalDeadlineMs, withTemporalDeadline } from '../temporal-deadline.js';
import { idOrNotFound, parseId, parseInput } from '../parse.js';
import { text } from '../../domain/boundary.js';
import { connectionOf, pageArgs, pageOf, pageRequest } from './pagination.js';
import { dropNulls, ExpertRef } from './roster.js';
import type { ExclusionRule, ScorePartName } from '../../domain/matching/types.js';
import type { IndependenceRule } from '../../domain/matching/evaluator.js';
import type { InvitationEventKind, InvitationStatus } from '../../domain/invitations.js';
import { ExpertRuleEnum, InvitationEventKindEnum, InvitationStatusEnum, ScorePartNameEnum } from './enums.js';

type NeedRow = Selectable<DB['needs']>;

function targetOf(need: NeedRow, o: Pick<MatchOptions, 'windowFrom' | 'windowTo' | 'fields'> & { organisations?: string[]; languages?: string[] }): MatchTarget {
  return {
    stateCode: need.state_code,
    projectId: need.project_id ?? undefined,
    // The need's own field (set, or inferred from its article) is what it asks for: its specialists rank
    // above the group's generalists (issue 15). Without one, the fields its activity and area suggest.
    fields: o.fields ?? fieldsOfNeed(need),
    instrument: need.instrument,
    article: need.article,
    ...(o.windowFrom && o.windowTo ? { window: { from: o.windowFrom, to: o.windowTo } } : {}),
    organisations: o.organisations ?? [],
    ...(o.languages?.length ? { languages: o.languages } : {}),
  };
}

function fieldsOfNeed(need: NeedRow): string[] {
  const own = needField(need);
  return own ? [own.field] : fieldsForNeed({ instrument: need.instrument, priorityActivity: need.priority_activity, priorityArea: need.priority_area });
}

// Lazily resolves the expert row of a roster entry for the API (the in-memory entry lacks institution etc.).
const expertField = (t: any) => t.field({ type: ExpertRef, resolve: async (x: { expert: RosterExpert }, _a: unknown, ctx: Context) => (await ctx.loaders.expert.load(x.expert.id))! });

const ScorePartRef = builder.objectRef<{ name: ScorePartName; points: number; reason: string }>('ScorePart').implement({
  fields: (t) => ({ name: t.field({ type: ScorePartNameEnum, resolve: (p) => p.name }), points: t.exposeFloat('points'), reason: t.exposeString('reason') }),
});
const ReasonRef = builder.objectRef<{ rule: ExclusionRule | IndependenceRule; reason: string }>('RuleBreach').implement({
  description: 'A hard rule an expert breaks, and why.',
  fields: (t) => ({ rule: t.field({ type: ExpertRuleEnum, resolve: (r) => r.rule }), reason: t.exposeString('reason') }),
});
const RankedRef = builder.objectRef<Ranking['ranked'][number]>('RankedExpert').implement({
  fields: (t) => ({ rank: t.exposeInt('rank'), expertId: t.string({ resolve: (r) => r.expert.id }), name: t.string({ resolve: (r) => r.expert.name }), score: t.exposeFloat('score'), parts: t.field({ type: [ScorePartRef], resolve: (r) => r.parts }), expert: expertField(t) }),
});
const ExcludedRef = builder.objectRef<Ranking['excluded'][number]>('ExcludedExpert').implement({
  fields: (t) => ({ expertId: t.string({ resolve: (r) => r.expert.id }), name: t.string({ resolve: (r) => r.expert.name }), rules: t.field({ type: [ReasonRef], resolve: (r) => r.exclusions }) }),
});
const MatchRef = builder.objectRef<{ need: NeedRow; target: MatchTarget; ranking: Ranking }>('NeedMatch').implement({
  description: 'The roster ranked for one need: each rank with its score parts, and each excluded expert with the rule that excluded them.',
  fields: (t) => ({
    needId: t.string({ resolve: (m) => m.need.id }),
    state: t.string({ resolve: (m) => m.need.state_code }),
    fields: t.stringList({ resolve: (m) => [...m.target.fields] }),
    workingLanguages: t.stringList({ description: 'ISO 639-1: the languages named in options.languages, else the State\'s working languages', resolve: (m) => [...languagesFor(m.target)] }),
    eligible: t.int({ resolve: (m) => m.ranking.eligible }),
    ranked: t.field({ type: [RankedRef], resolve: (m) => m.ranking.ranked }),
    excluded: t.field({ type: [ExcludedRef], description: 'The first excludedLimit excluded experts', resolve: (m) => m.ranking.excluded }),
    excludedCount: t.int({ resolve: (m) => m.ranking.excludedCount }),
  }),
});

const MatchOptionsInput = builder.inputType('MatchOptionsInput', {
  fields: (t) => ({
    windowFrom: t.field({ type: 'Date' }), windowTo: t.field({ type: 'Date' }),
    fields: t.stringList({ description: 'Codes of the taxonomy of fields of expertise (domain/expertise.ts)' }), organisations: t.stringList(), limit: t.int(), excludedLimit: t.int(),
    languages: t.stringList({ description: 'The languages the work is done in (ISO 639-1, any language), in place of the State\'s working languages' }),
  }),
});

async function needsFor(ctx: Context, needId: string | null | undefined, projectId: string | null | undefined): Promise<NeedRow[]> {
  if (!needId === !projectId) throw new ValidationError([{ field: 'needId', message: 'give exactly one of needId and projectId' }]);
  if (needId) {
    const need = await needById(ctx.deps.db, needId);
    if (!need) throw new NotFoundError(`need ${needId} not found`);
    return [need];
  }
  const needs = await needsOfProject(ctx.deps.db, projectId!);
  if (!needs.length) throw new NotFoundError(`project ${projectId} not found or without needs`);
  return needs;
}

const TeamMemberRef = builder.objectRef<Team['assignments'][number] & { needId: string }>('TeamMember').implement({
  fields: (t) => ({ slot: t.exposeString('slotId'), needId: t.exposeString('needId'), expertId: t.exposeString('expertId'), score: t.exposeFloat('score') }),
});
const TeamRef = builder.objectRef<Team & { needOf: Map<string, string> }>('Team').implement({
  fields: (t) => ({
    total: t.exposeFloat('total'),
    members: t.field({ type: [TeamMemberRef], resolve: (team) => team.assignments.map((a) => ({ ...a, needId: team.needOf.get(a.slotId)! })) }),
    unfilled: t.stringList({ resolve: (team) => team.unfilled }),
  }),
});
const TeamProposalRef = builder.objectRef<{ optimal: Team; greedy: Team; needOf: Map<string, string> }>('TeamProposal').implement({
  description: 'The optimal team (fills most slots, then maximises the total score, within capacity and geographical balance) beside the greedy choice.',
  fields: (t) => ({
    optimal: t.field({ type: TeamRef, resolve: (p) => ({ ...p.optimal, needOf: p.needOf }) }),
    greedy: t.field({ type: TeamRef, resolve: (p) => ({ ...p.greedy, needOf: p.needOf }) }),
  }),
});
const TeamSlotInput = builder.inputType('TeamSlotInput', { fields: (s) => ({ needId: s.string({ required: true }), label: s.string({ required: true }) }) });
const TeamOptionsInput = builder.inputType('TeamOptionsInput', {
  fields: (t) => ({
    windowFrom: t.field({ type: 'Date' }), windowTo: t.field({ type: 'Date' }), maxPerRegion: t.int(), candidatesPerSlot: t.int(),
    slots: t.field({ type: [TeamSlotInput] }),
  }),
});
const ProposeTeamInput = builder.inputType('ProposeTeamInput', {
  description: "A project's slots (one per need unless slots are given) and the team's constraints.",
  fields: (t) => ({
    projectId: t.id({ required: true }),
    windowFrom: t.field({ type: 'Date' }), windowTo: t.field({ type: 'Date' }), maxPerRegion: t.int(), candidatesPerSlot: t.int(),
    slots: t.field({ type: [TeamSlotInput] }),
  }),
});

/** The optimal team for a project's slots beside the greedy choice; `at` names the input the options came from. */
async function proposeTeam(ctx: Context, projectId: unknown, options: unknown, at: { projectId: string; options: string }) {
  const o = parseInput(teamOptions, dropNulls(options ?? {}), at.options);
  // The needs and the roster's version are read together (one round trip less).
  const [needs, index] = await Promise.all([needsFor(ctx, null, parseId(projectId, at.projectId)), currentRosterIndex(ctx.deps.db)]);
  const byId = new Map(needs.map((n) => [n.id, n]));
  const wanted = o.slots ?? needs.map((n) => ({ needId: n.id, label: n.id }));
  const issues = wanted.flatMap((s, i) => (byId.has(s.needId) ? [] : [{ field: `${at.options}.slots.${i}.needId`, message: `need ${s.needId} is not a need of this project` }]));
  if (issues.length) throw new ValidationError(issues);
  // All slots rank on the roster's index, kept per roster version (domain/matching/roster-index.ts).
  const ranked = rankSlotsOnIndex(index, wanted.map((s) => targetOf(byId.get(s.needId)!, o)), o.candidatesPerSlot);
  const slots: Slot[] = wanted.map((s, i) => ({
    id: s.label,
    candidates: ranked[i]!.map((r) => ({
      expertId: r.expert.id, score: r.score, capacity: r.expert.profile.capacity, homeRegion: homeRegionOf(r.expert.nationality),
    })),
  }));
  const needOf = new Map(wanted.map((s) => [s.label, s.needId]));
  return { optimal: optimalTeam(slots, o.maxPerRegion), greedy: greedyTeam(slots, o.maxPerRegion), needOf };
}

const IndependenceRef = builder.objectRef<{ expert: RosterExpert; breaches: { rule: IndependenceRule; reason: string }[] }>('EvaluatorCandidate').implement({
  fields: (t) => ({
    expertId: t.string({ resolve: (c) => c.expert.id }),
    name: t.string({ resolve: (c) => c.expert.name }),
    independent: t.boolean({ resolve: (c) => c.breaches.length === 0 }),
    breaches: t.field({ type: [ReasonRef], resolve: (c) => c.breaches }),
  }),
});

type InvitationRow = NonNullable<Awaited<ReturnType<typeof invitationById>>>;
const InvitationEventRef = builder.objectRef<Awaited<ReturnType<typeof invitationEvents>>[number]>('InvitationEvent').implement({
  fields: (t) => ({
    seq: t.exposeInt('seq'),
    kind: t.field({ type: InvitationEventKindEnum, resolve: (e) => e.kind as InvitationEventKind }),
    expertId: t.exposeString('expert_id', { nullable: true }),
    at: t.field({ type: 'DateTime', resolve: (e) => new Date(e.at) }),
    details: t.field({ type: 'JSON', description: "The event's particulars (a JSON object: position, reason, deadline…)", resolve: (e) => e.details }),
  }),
});
export const InvitationRef = builder.objectRef<InvitationRow>('Invitation').implement({
  description: 'One slot\'s chain of invitations; EXHAUSTED reports to the manager that the list ran out.',
  fields: (t) => ({
    id: t.exposeID('id'),
    needId: t.exposeString('need_id'),
    projectId: t.exposeString('project_id', { nullable: true }),
    slot: t.exposeString('slot'),
    candidates: t.exposeStringList('candidates'),
    status: t.field({ type: InvitationStatusEnum, resolve: (i) => i.status as InvitationStatus }),
    expertId: t.exposeString('expert_id', { nullable: true }),
    events: t.field({ type: [InvitationEventRef], resolve: (i, _a, ctx) => ctx.loaders.invitationEvents.load(i.id) }),
  }),
});
const InvitationConnection = connectionOf('Invitation', InvitationRef, { totalCount: true });
const AnswerInvitationInput = builder.inputType('AnswerInvitationInput', {
  fields: (t) => ({ invitationId: t.id({ required: true }), accept: t.boolean({ required: true }), reason: t.string({ description: 'Why, when declining (optional)' }) }),
});
const InviteInput = builder.inputType('InviteExpertsInput', {
  fields: (t) => ({
    needId: t.string({ required: true }), slot: t.string({ required: true }), candidates: t.stringList({ required: true, description: 'Best first' }),
    reminderSeconds: t.int({ required: true }), deadlineSeconds: t.int({ required: true }), idempotencyKey: t.string({ required: true }),
  }),
});

async function readInvitation(ctx: Context, id: string): Promise<InvitationRow> {
  const row = await invitationById(ctx.deps.db, id);
  if (!row) throw new NotFoundError(`invitation ${id} not found`);
  return row;
}

builder.queryFields((t) => ({
  matchExperts: t.field({
    type: [MatchRef],
    description: 'Ranks the roster for a need, or for each need of a project, with the score parts and the exclusions.',
    args: { needId: t.arg.id(), projectId: t.arg.id(), options: t.arg({ type: MatchOptionsInput }) },
    errors: { types: [ValidationError, ForbiddenError, NotFoundError] },
    resolve: async (_r, args, ctx) => {
      const options = parseInput(matchOptions, dropNulls(args.options ?? {}), 'options');
      const needId = args.needId == null ? null : parseId(args.needId, 'needId');
      const projectId = args.projectId == null ? null : parseId(args.projectId, 'projectId');
      // The need and the roster's version are read together: one round trip to PostgreSQL less per request.
      const [needs, index] = await Promise.all([needsFor(ctx, needId, projectId), currentRosterIndex(ctx.deps.db)]);
      return needs.map((need) => {
        const target = targetOf(need, options);
        return { need, target, ranking: rankOnIndex(index, target, { limit: options.limit, excludedLimit: options.excludedLimit }) };
      });
    },
  }),
  evaluatorCandidates: t.field({
    type: [IndependenceRef],
    description: 'Experts of the roster as evaluators of a project: independent first; the others with the rule they break.',
    args: { projectId: t.arg.id({ required: true }) },
    errors: { types: [ForbiddenError, NotFoundError] },
    resolve: async (_r, args, ctx) => {
      const projectId = idOrNotFound(args.projectId, 'project');
      const states = await projectStatesOf(ctx.deps.db, projectId);
      if (!states.length) throw new NotFoundError(`project ${projectId} not found`);
      const project = { projectId, beneficiaryStates: states, deliveredBy: await deliveredBy(ctx.deps.db, projectId) };
      const all = (await currentRoster(ctx.deps.db)).map((expert) => ({ expert, breaches: independenceBreaches(expert, project) }));
      return [...all.filter((c) => !c.breaches.length), ...all.filter((c) => c.breaches.length)];
    },
  }),
  invitation: t.field({
    type: InvitationRef,
    args: { id: t.arg.id({ required: true }) },
    errors: { types: [ForbiddenError, NotFoundError], directResult: true },
    resolve: async (_r, args, ctx) => {
      const row = await readInvitation(ctx, idOrNotFound(args.id, 'invitation'));
      const a = ctx.actor!;
      // An invitation that does not name the expert answers as not found (access policy `own`).
      if (a.role !== 'PROGRAMME_MANAGER' && !(a.role === 'EXPERT' && row.candidates.includes(a.subject))) throw new NotFoundError(`invitation ${args.id} not found`);
      return row;
    },
  }),
  proposeTeam: t.field({
    type: TeamProposalRef,
    description: "Proposes the optimal team for a project's slots (one per need unless slots are given), beside the greedy choice. Changes nothing.",
    args: { input: t.arg({ type: ProposeTeamInput, required: true }) },
    errors: { types: [ValidationError, ForbiddenError, NotFoundError], directResult: true },
    resolve: (_r, { input }, ctx) => {
      const { projectId, ...options } = input;
      return proposeTeam(ctx, projectId, options, { projectId: 'input.projectId', options: 'input' });
    },
  }),
  myInvitations: t.field({
    type: InvitationConnection,
    description: 'The invitations that name the calling expert, newest first, a page at a time.',
    args: pageArgs(t),
    errors: { types: [ValidationError, ForbiddenError] },
    resolve: async (_r, args, ctx) => {
      const page = pageRequest(args, ['string', 'string']);
      const expertId = ctx.actor!.subject;
      const rows = await pageInvitationsOfExpert(ctx.deps.db, expertId, page.after as [string, string] | null, page.first + 1);
      return pageOf(rows, page, (r) => [r.sort_key, r.id], ({ sort_key: _key, ...row }) => row, () => countInvitationsOfExpert(ctx.deps.db, expertId));
    },
  }),
}));

builder.mutationFields((t) => ({
  assignTeam: t.field({
    type: TeamProposalRef,
    description: "Proposes the optimal team for a project's slots, beside the greedy choice. It changes nothing: use the query proposeTeam.",
    deprecationReason: 'use proposeTeam',
    args: { projectId: t.arg.id({ required: true }), options: t.arg({ type: TeamOptionsInput }) },
    errors: { types: [ValidationError, ForbiddenError, NotFoundError], directResult: true },
    resolve: (_r, args, ctx) => proposeTeam(ctx, args.projectId, args.options, { projectId: 'projectId', options: 'options' }),
  }),
  inviteExperts: t.field({
    type: InvitationRef,
    description: 'Starts the invitation chain of one slot: best candidate first; decline or silence passes to the next.',
    args: { input: t.arg({ type: InviteInput, required: true }) },
    errors: { types: [ValidationError, ForbiddenError, NotFoundError, IdempotencyKeyReusedError, UnavailableError], directResult: true },
    resolve: async (_r, args, ctx) => {
      const actor = ctx.actor!;
      const input = parseInput(inviteInput, args.input, 'input');
      const need = await needById(ctx.deps.db, input.needId);
      if (!need) throw new ValidationError([{ field: 'input.needId', message: `need ${input.needId} not found` }]);
      const workflowId = `invitation-${need.id}-${input.idempotencyKey}`;
      const { idempotencyKey: key, ...request } = input;
      // The key is checked first: a retry is answered with its chain even once candidates have moved on.
      return idempotent(ctx.deps.db, { scope: `inviteExperts:${need.id}`, key, caller: callerOf(ctx), payload: request }, async () => {
      // Every candidate must be on the roster and pass the hard rules for this need.
      const roster = new Map((await loadRoster(ctx.deps.db, input.candidates)).map((e) => [e.id, e]));
      const target = targetOf(need, {});
      const issues = input.candidates.flatMap((id, i) => {
        const e = roster.get(id);
        if (!e) return [{ field: `input.candidates.${i}`, message: `${id} is not an active expert of the roster` }];
        return exclusionsOf(e, target).map((x) => ({ field: `input.candidates.${i}`, message: `${x.rule}: ${x.reason}` }));
      });
      if (issues.length) throw new ValidationError(issues);
      const client = ctx.deps.temporal;
      const deadline = temporalDeadlineMs(ctx.deps.lifecycle?.temporalDeadlineMs);
      const wfInput: ExpertInvitationInput = { needId: need.id, projectId: need.project_id, slot: input.slot, candidates: input.candidates, reminderSeconds: input.reminderSeconds, deadlineSeconds: input.deadlineSeconds, invitedBy: actor.subject };
      try {
        await withTemporalDeadline(client, deadline, `starting ${workflowId}`, () => client.workflow.start('expertInvitation', { workflowId, taskQueue: ctx.deps.lifecycle?.taskQueue ?? TASK_QUEUE, args: [wfInput], workflowIdReusePolicy: 'REJECT_DUPLICATE' }));
      } catch (err) {
        if (!(err instanceof WorkflowExecutionAlreadyStartedError)) throw err;
      }
      try {
        await withTemporalDeadline(client, deadline, `opening ${workflowId}`, () => client.workflow.getHandle(workflowId).executeUpdate(invitationOpenedUpdate));
      } catch (err) {
        if (!/already completed/i.test(String(err))) throw err; // a repeated key of a finished chain
      }
      return readInvitation(ctx, workflowId);
      }, () => ({ workflowId }), () => readInvitation(ctx, workflowId));
    },
  }),
  answerInvitation: t.field({
    type: InvitationRef,
    description: 'The invited expert accepts or declines.',
    args: { input: t.arg({ type: AnswerInvitationInput, required: true }) },
    errors: { types: [ValidationError, ForbiddenError, NotFoundError, TransitionRefusedError, UnavailableError], directResult: true },
    resolve: async (_r, { input: args }, ctx) => {
      const id = idOrNotFound(args.invitationId, 'invitation');
      const reason = args.reason == null ? undefined : parseInput(text(1000), args.reason, 'input.reason');
      await readInvitation(ctx, id);
      try {
        await withTemporalDeadline(ctx.deps.temporal, temporalDeadlineMs(ctx.deps.lifecycle?.temporalDeadlineMs), `the answer to ${id}`, () => ctx.deps.temporal.workflow.getHandle(id).executeUpdate(answerInvitationUpdate, { args: [{ expertId: ctx.actor!.subject, accept: args.accept, ...(reason ? { reason } : {}) }] }));
      } catch (err) {
        if (err instanceof WorkflowUpdateFailedError && err.cause instanceof ApplicationFailure) {
          if (err.cause.type === 'NotInvited') throw new ForbiddenError(err.cause.message);
          throw new TransitionRefusedError('INVITATION_CLOSED', err.cause.message);
        }
        if (err instanceof WorkflowNotFoundError || /already completed/i.test(String(err))) throw new TransitionRefusedError('INVITATION_CLOSED', `invitation ${id} is settled`);
        throw err;
      }
      return readInvitation(ctx, id);
    },
  }),
}));
