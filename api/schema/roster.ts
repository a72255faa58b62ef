// The expert roster: States nominate, experts accept and keep their profiles, managers suspend or retire.
// Every change writes a history row (who, when, what).
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { expertProfileInput, nominationInput, rosterDecisionInput } from '../../domain/roster-inputs.js';
import type { ExpertStatus } from '../../domain/matching/types.js';
import { changeExpert, expertById, expertHistory, insertNomination, recordDelivery, type ExpertRow } from '../../db/queries/roster.js';
import { builder } from '../builder.js';
import type { Context } from '../context.js';
import { ForbiddenError, NotFoundError, TransitionRefusedError, ValidationError } from '../errors.js';
import { idOrNotFound, parseInput } from '../parse.js';
import { boundedInt, identifier } from '../../domain/boundary.js';
import type { ExpertAction } from '../../domain/matching/types.js';
import { ActorRoleEnum, ExpertActionEnum, ExpertStatusEnum, LanguageLevelEnum, type ActorRole } from './enums.js';

/** GraphQL sends absent optional fields as null; zod defaults apply to undefined only. */
export function dropNulls(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(dropNulls);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== null).map(([k, v]) => [k, dropNulls(v)]));
  return value;
}

const InstrumentKnowledge = builder.objectRef<{ instrument: string; articles: string[] }>('InstrumentKnowledge').implement({
  fields: (t) => ({ instrument: t.exposeString('instrument'), articles: t.exposeStringList('articles') }),
});
const LanguageSkill = builder.objectRef<ExpertRow['profile']['languages'][number]>('LanguageSkill').implement({
  fields: (t) => ({ language: t.exposeString('language', { description: 'ISO 639-1 code, any language (e.g. fa, sq, pt)' }), level: t.field({ type: LanguageLevelEnum, resolve: (l) => l.level }) }),
});
const Window = builder.objectRef<{ from: string; to: string }>('AvailabilityWindow').implement({
  fields: (t) => ({ from: t.field({ type: 'Date', resolve: (w) => w.from }), to: t.field({ type: 'Date', resolve: (w) => w.to }) }),
});
const Conflicts = builder.objectRef<{ states: string[]; projects: string[]; organisations: string[] }>('DeclaredConflicts').implement({
  fields: (t) => ({ states: t.exposeStringList('states'), projects: t.exposeStringList('projects'), organisations: t.exposeStringList('organisations') }),
});
const Profile = builder.objectRef<ExpertRow['profile']>('ExpertProfile').implement({
  fields: (t) => ({
    fields: t.exposeStringList('fields', { description: 'Codes of the taxonomy of fields of expertise (domain.md 3.6)' }),
    instruments: t.field({ type: [InstrumentKnowledge], resolve: (p) => p.instruments }),
    languages: t.field({ type: [LanguageSkill], resolve: (p) => p.languages }),
    regions: t.exposeStringList('regions'),
    states: t.exposeStringList('states'),
    availability: t.field({ type: [Window], resolve: (p) => p.availability }),
    conflicts: t.field({ type: Conflicts, resolve: (p) => p.conflicts }),
    capacity: t.exposeInt('capacity'),
  }),
});
const HistoryEntry = builder.objectRef<Awaited<ReturnType<typeof expertHistory>>[number]>('ExpertHistoryEntry').implement({
  fields: (t) => ({
    action: t.field({ type: ExpertActionEnum, resolve: (h) => h.action as ExpertAction }),
    by: t.exposeString('by_subject'),
    role: t.field({ type: ActorRoleEnum, resolve: (h) => h.by_role as ActorRole }),
    at: t.field({ type: 'DateTime', resolve: (h) => new Date(h.at) }),
    details: t.field({ type: 'JSON', description: "The change's particulars (a JSON object: reason, before and after, …)", resolve: (h) => h.details }),
  }),
});

export const ExpertRef = builder.objectRef<ExpertRow>('Expert').implement({
  description: 'An expert on the roster, nominated by a State with the institution they belong to (002 para 3).',
  fields: (t) => ({
    id: t.exposeID('id'),
    name: t.exposeString('name'),
    nationality: t.exposeString('nationality'),
    nominatingState: t.exposeString('nominating_state'),
    institution: t.exposeString('institution'),
    status: t.field({ type: ExpertStatusEnum, resolve: (e) => e.status as ExpertStatus }),
    profile: t.field({ type: Profile, resolve: (e) => e.profile }),
    history: t.field({ type: [HistoryEntry], resolve: (e, _a, ctx) => ctx.loaders.expertHistory.load(e.id) }),
  }),
});

const InstrumentInput = builder.inputType('InstrumentKnowledgeInput', { fields: (t) => ({ instrument: t.string({ required: true }), articles: t.stringList() }) });
const LanguageInput = builder.inputType('LanguageSkillInput', { fields: (t) => ({ language: t.string({ required: true, description: 'ISO 639-1' }), level: t.field({ type: LanguageLevelEnum, required: true }) }) });
const WindowInput = builder.inputType('AvailabilityWindowInput', { fields: (t) => ({ from: t.field({ type: 'Date', required: true }), to: t.field({ type: 'Date', required: true }) }) });
const ConflictsInput = builder.inputType('DeclaredConflictsInput', { fields: (t) => ({ states: t.stringList(), projects: t.stringList(), organisations: t.stringList() }) });
export const ProfileInput = builder.inputType('ExpertProfileInput', {
  fields: (t) => ({
    fields: t.stringList({ required: true }),
    instruments: t.field({ type: [InstrumentInput] }),
    languages: t.field({ type: [LanguageInput], required: true }),
    regions: t.stringList(),
    states: t.stringList(),
    availability: t.field({ type: [WindowInput] }),
    conflicts: t.field({ type: ConflictsInput }),
    capacity: t.int(),
  }),
});
const NominationInput = builder.inputType('NominateExpertInput', {
  fields: (t) => ({
    name: t.string({ required: true }),
    nationality: t.string({ required: true, description: 'ISO alpha-3; any nationality' }),
    nominatingState: t.string({ required: true }),
    institution: t.string({ required: true }),
    email: t.string(),
    profile: t.field({ type: ProfileInput, required: true }),
  }),
});

async function existing(ctx: Context, id: string): Promise<ExpertRow> {
  const row = await expertById(ctx.deps.db, id);
  if (!row) throw new NotFoundError(`expert ${id} not found`);
  return row;
}

/** A manager's status decision, allowed only from the listed statuses. */
async function decide(ctx: Context, args: unknown, action: ExpertAction, from: ExpertStatus[], to: ExpertStatus) {
  const actor = ctx.actor!; // a manager: the access policy refuses every other role
  const input = parseInput(rosterDecisionInput, args, 'input');
  const row = await existing(ctx, input.expertId);
  const refused = (status: string) => new TransitionRefusedError('WRONG_STATUS', `expert ${row.id} is ${status}; ${action} needs ${from.join(' or ')}`);
  if (!from.includes(row.status as ExpertStatus)) throw refused(row.status);
  // changeExpert re-checks the status on the locked row: of concurrent decisions one applies; the others
  // are refused, as a later call would be, because each carries its own reason and only one is the record.
  const changed = await changeExpert(ctx.deps.db, row.id, { status: to }, action, actor, (before) => ({ from: before.status, to, reason: input.reason }), from);
  if (!changed) throw refused((await existing(ctx, row.id)).status);
  return changed;
}

builder.queryFields((t) => ({
  expert: t.field({
    type: ExpertRef,
    args: { id: t.arg.id({ required: true }) },
    errors: { types: [NotFoundError, ForbiddenError], directResult: true },
    resolve: async (_r, { id }, ctx) => {
      // Which roles read experts is the access policy's; outside its own part a caller finds no expert.
      const row = await existing(ctx, idOrNotFound(id, 'expert'));
      const a = ctx.actor!;
      const own = a.role === 'PROGRAMME_MANAGER' || a.role === 'CONFERENCE_ADMIN' || (a.role === 'EXPERT' && a.subject === row.id) || (a.role === 'STATE_FOCAL_POINT' && a.stateCode === row.nominating_state);
      if (!own) throw new NotFoundError(`expert ${id} not found`);
      return row;
    },
  }),
}));

/** One input type per status decision, each { expertId, reason }. */
const decisionInput = (name: string) =>
  builder.inputType(name, { fields: (t) => ({ expertId: t.id({ required: true }), reason: t.string({ required: true }) }) });
const SuspendExpertInput = decisionInput('SuspendExpertInput');
const ReinstateExpertInput = decisionInput('ReinstateExpertInput');
const RetireExpertInput = decisionInput('RetireExpertInput');
const UpdateExpertProfileInput = builder.inputType('UpdateExpertProfileInput', { fields: (t) => ({ profile: t.field({ type: ProfileInput, required: true }) }) });
const RecordExpertDeliveryInput = builder.inputType('RecordExpertDeliveryInput', {
  fields: (t) => ({ expertId: t.id({ required: true }), projectId: t.id({ required: true }), rating: t.int({ description: '1-4, once known' }) }),
});

builder.mutationFields((t) => ({
  nominateExpert: t.field({
    type: ExpertRef,
    description: 'A State focal point nominates an expert (of any nationality) with the institution that nominates them.',
    args: { input: t.arg({ type: NominationInput, required: true }) },
    errors: { types: [ValidationError, ForbiddenError], directResult: true },
    resolve: async (_r, args, ctx) => {
      const actor = ctx.actor!;
      const input = parseInput(nominationInput, dropNulls(args.input), 'input');
      if (input.nominatingState !== actor.stateCode) throw new ForbiddenError(`a focal point of ${actor.stateCode} nominates for its own State's institutions, not ${input.nominatingState}`);
      return insertNomination(ctx.deps.db, `expert-${randomUUID()}`, input, actor);
    },
  }),
  acceptNomination: t.field({
    type: ExpertRef,
    description: 'The expert (token subject = expert id) accepts the nomination and joins the roster.',
    errors: { types: [ForbiddenError, NotFoundError, TransitionRefusedError], directResult: true },
    resolve: async (_r, _a, ctx) => {
      const actor = ctx.actor!;
      const row = await existing(ctx, actor.subject);
      // Accepting is the expert's own act and carries nothing else: a repeated or concurrent acceptance
      // gets the same answer (the expert, ACTIVE) and writes no second ACCEPT. Only one call finds it NOMINATED.
      const accepted = row.status === 'NOMINATED' ? await changeExpert(ctx.deps.db, row.id, { status: 'ACTIVE' }, 'ACCEPT', actor, {}, ['NOMINATED']) : null;
      if (accepted) return accepted;
      const now = await existing(ctx, row.id);
      if (now.status === 'ACTIVE' && (await expertHistory(ctx.deps.db, row.id)).some((h) => h.action === 'ACCEPT')) return now;
      throw new TransitionRefusedError('WRONG_STATUS', `expert ${row.id} is ${now.status}, not NOMINATED`);
    },
  }),
  updateExpertProfile: t.field({
    type: ExpertRef,
    description: 'The expert keeps their own profile.',
    args: { input: t.arg({ type: UpdateExpertProfileInput, required: true }) },
    errors: { types: [ValidationError, ForbiddenError, NotFoundError, TransitionRefusedError], directResult: true },
    resolve: async (_r, { input }, ctx) => {
      const actor = ctx.actor!;
      const profile = parseInput(expertProfileInput, dropNulls(input.profile), 'input.profile');
      const row = await existing(ctx, actor.subject);
      if (row.status === 'RETIRED') throw new TransitionRefusedError('WRONG_STATUS', `expert ${row.id} is RETIRED`);
      // changeExpert re-checks the status on the locked row, so a retirement that lands meanwhile wins over the edit.
      const changed = await changeExpert(ctx.deps.db, row.id, { profile }, 'UPDATE_PROFILE', actor, (before) => ({ before: before.profile, after: profile }), ['NOMINATED', 'ACTIVE', 'SUSPENDED']);
      if (!changed) throw new TransitionRefusedError('WRONG_STATUS', `expert ${row.id} is ${(await existing(ctx, row.id)).status}`);
      return changed;
    },
  }),
  suspendExpert: t.field({
    type: ExpertRef, args: { input: t.arg({ type: SuspendExpertInput, required: true }) },
    errors: { types: [ValidationError, ForbiddenError, NotFoundError, TransitionRefusedError], directResult: true },
    resolve: (_r, { input: args }, ctx) => decide(ctx, args, 'SUSPEND', ['ACTIVE'], 'SUSPENDED'),
  }),
  reinstateExpert: t.field({
    type: ExpertRef, args: { input: t.arg({ type: ReinstateExpertInput, required: true }) },
    errors: { types: [ValidationError, ForbiddenError, NotFoundError, TransitionRefusedError], directResult: true },
    resolve: (_r, { input: args }, ctx) => decide(ctx, args, 'REINSTATE', ['SUSPENDED'], 'ACTIVE'),
  }),
  retireExpert: t.field({
    type: ExpertRef, args: { input: t.arg({ type: RetireExpertInput, required: true }) },
    errors: { types: [ValidationError, ForbiddenError, NotFoundError, TransitionRefusedError], directResult: true },
    resolve: (_r, { input: args }, ctx) => decide(ctx, args, 'RETIRE', ['NOMINATED', 'ACTIVE', 'SUSPENDED'], 'RETIRED'),
  }),
  recordExpertDelivery: t.field({
    type: ExpertRef,
    description: 'A manager records that an expert delivered (part of) a project, with its rating 1-4 once known.',
    args: { input: t.arg({ type: RecordExpertDeliveryInput, required: true }) },
    errors: { types: [ValidationError, ForbiddenError, NotFoundError], directResult: true },
    resolve: async (_r, { input: args }, ctx) => {
      const actor = ctx.actor!;
      const input = parseInput(z.object({ expertId: identifier(), projectId: identifier(), rating: boundedInt(1, 4).nullable() }), { ...args, rating: args.rating ?? null }, 'input');
      const row = await existing(ctx, input.expertId);
      await recordDelivery(ctx.deps.db, row.id, input.projectId, input.rating);
      return (await changeExpert(ctx.deps.db, row.id, {}, 'RECORD_DELIVERY', actor, { projectId: input.projectId, rating: input.rating }))!;
    },
  }),
}));
