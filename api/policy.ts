// The access policy (domain/access/policy.ts) applied to every field of the graph, as Pothos scope-auth
// scopes: a Pothos plugin gives each field `authScopes: { policy: 'Type.field' }`, so scope-auth refuses
// a role the table says `no` before the resolver runs, and a nested field the caller may not see answers
// null or an empty list. Where the table says `own`, the rules below cut the answer to the caller's part.
// Every way in (GraphQL fields, nested fields, the CSV routes) reads the same table.
import SchemaBuilder, { BasePlugin, type PothosOutputFieldConfig, type SchemaTypes } from '@pothos/core';
import type { GraphQLFieldResolver } from 'graphql';
import { accessOf, rowOf } from '../domain/access/policy.js';
import type { ProjectState } from '../domain/project-state.js';
import { isFunder, maySeeStatePart, type Actor, type ProjectAudience, type Role } from '../domain/roles.js';
import { findProject, type ProjectEventRow, type ProjectRow } from '../db/queries/projects.js';
import type { Context } from './context.js';
import { NotFoundError } from './errors.js';

/** Who a project concerns, from its read-model row. */
export function audienceOf(project: ProjectRow, stateCodes: readonly string[]): ProjectAudience {
  const details = project.details as Partial<ProjectState>;
  return { stateCodes, evaluator: details.evaluator ?? null, panel: details.panel ?? [], funders: (details.pledges ?? []).map((p) => p.donor), stage: project.stage };
}

/** A caller who asks for another State's data gets this, worded like an id that does not exist. */
export function notFoundForState(what: string, state: string): NotFoundError {
  return new NotFoundError(`no ${what} for State ${state}`);
}

const details = (p: ProjectRow) => p.details as unknown as ProjectState;
const WITHHELD = { withheld: "another beneficiary State's part" };

type Assessment = NonNullable<ProjectState['outcomeAssessment']>;

/**
 * The outcome assessment as a focal point of a several-State project sees it. Shared: the DAC ratings
 * with their rationale and the indicator values (one results framework, endorsed by every State), the
 * co-providers. Its own: the verdicts on its State's needs, the recommendations for its State or for
 * all. Withheld: the narrative, one free text over every State's needs that cannot be cut per State.
 */
export function outcomeForState(a: Assessment, stateCode: string, needStates: ReadonlyMap<string, string>): Assessment & { narrative: string | null } {
  return {
    ...a,
    needVerdicts: a.needVerdicts.filter((v) => needStates.get(v.needId) === stateCode),
    recommendations: (a.recommendations ?? []).filter((r) => !r.state || r.state === stateCode),
    narrative: null as unknown as string,
  };
}

/** A history entry as a focal point of a several-State project sees it: other States' parts withheld. */
export function entryForState(e: ProjectEventRow, stateCode: string, needStates: ReadonlyMap<string, string>): ProjectEventRow {
  if (e.actor_state && e.actor_state !== stateCode) return { ...e, summary: WITHHELD };
  if (e.action === 'absorbMergedProject') {
    // A merge brings another project's needs: the States joining are shared, each State's needs are its own.
    const merged = e.summary as { needs?: { stateCode?: string }[]; stateCodes?: string[] };
    const own = (merged.needs ?? []).filter((n) => n.stateCode === stateCode);
    return { ...e, summary: own.length ? { ...merged, needs: own } : { stateCodes: merged.stateCodes ?? [], ...WITHHELD } };
  }
  if (e.action === 'submitOutcomeAssessment') {
    const a = e.summary as unknown as Assessment;
    const { narrative: _withheld, ...rest } = outcomeForState({ ...a, by: '', at: '' }, stateCode, needStates);
    return { ...e, summary: { criteria: rest.criteria, indicatorValues: rest.indicatorValues, needVerdicts: rest.needVerdicts, recommendations: rest.recommendations, coProviders: rest.coProviders } };
  }
  return e;
}

const needStatesOf = (p: ProjectRow) => new Map((details(p).needs ?? []).map((n) => [n.id, n.stateCode]));

/** How a focal point's history of a project reads: everything in a one-State project, its parts otherwise. */
export async function historyForCaller(ctx: Context, projectId: string, entries: ProjectEventRow[], project?: ProjectRow): Promise<ProjectEventRow[]> {
  const actor = ctx.actor!;
  if (actor.role !== 'STATE_FOCAL_POINT') return entries;
  const states = await ctx.loaders.projectStates.load(projectId);
  if (states.length <= 1) return entries;
  const row = project ?? (await findProject(ctx.deps.db, projectId));
  const needStates = row ? needStatesOf(row) : new Map<string, string>();
  return entries.map((e) => entryForState(e, actor.stateCode!, needStates));
}

interface OwnRule {
  /** Runs before the resolver, for a caller whose access is `own`: refuses what is outside its part. */
  before?: (args: Record<string, any>, ctx: Context) => void;
  /** Cuts the resolver's answer to the caller's part. */
  after?: (value: any, parent: any, args: Record<string, any>, ctx: Context) => unknown;
}

const stateArg = (what: string, pick: (args: Record<string, any>) => string | null | undefined) => (args: Record<string, any>, ctx: Context) => {
  const asked = pick(args);
  if (asked && asked !== ctx.actor!.stateCode) throw notFoundForState(what, asked);
};

const funded = (ctx: Context, p: ProjectRow) => isFunder(ctx.actor!, audienceOf(p, []));
const onlyFunders = (empty: unknown) => (value: unknown, p: ProjectRow, _a: unknown, ctx: Context) =>
  ctx.actor!.role !== 'DONOR' || funded(ctx, p) ? value : empty;

/** What `own` does, field by field (domain/access/policy.ts OWN_MEANS says it in words). */
export const OWN_RULES: Readonly<Record<string, OwnRule>> = {
  'Query.needPool': { before: stateArg('needs', (a) => a.filter?.state) },
  'Query.presumedNeeds': { before: stateArg('presumed needs', (a) => a.state) },
  'Query.duplicateNeeds': { before: stateArg('needs', (a) => a.state) },
  'Project.needs': {
    // R14: a donor never sees a need marked confidential.
    after: (needs: { state_code: string; confidential?: boolean }[], _p, _a, ctx) => needs.filter((n) => maySeeStatePart(ctx.actor!, n.state_code) && !(ctx.actor!.role === 'DONOR' && n.confidential)),
  },
  'Project.followUpNeeds': {
    after: (needs: { state_code: string; confidential?: boolean }[], _p, _a, ctx) => needs.filter((n) => maySeeStatePart(ctx.actor!, n.state_code) && !(ctx.actor!.role === 'DONOR' && n.confidential)),
  },
  'Project.endorsements': {
    after: (list: { state: string }[], _p, _a, ctx) => list.filter((e) => maySeeStatePart(ctx.actor!, e.state)),
  },
  'Project.visitConsents': {
    after: (list: { state: string }[], _p, _a, ctx) => list.filter((c) => maySeeStatePart(ctx.actor!, c.state)),
  },
  'Project.panel': { after: onlyFunders([]) },
  'Project.informationRequests': {
    after: async (list: ProjectState['informationRequests'], p: ProjectRow, _a, ctx) => {
      const states = await ctx.loaders.projectStates.load(p.id);
      if (states.length <= 1) return list;
      return list.map((r) => (r.answeredByState === ctx.actor!.stateCode ? r : { ...r, answer: undefined, answeredAt: undefined }));
    },
  },
  'Project.history': { after: (entries: ProjectEventRow[], p: ProjectRow, _a, ctx) => historyForCaller(ctx, p.id, entries, p) },
  'Project.outcomeAssessment': {
    after: async (a: Assessment | null, p: ProjectRow, _a, ctx) => {
      if (!a) return a;
      if (ctx.actor!.role === 'DONOR') return funded(ctx, p) ? a : null;
      const states = await ctx.loaders.projectStates.load(p.id);
      return states.length <= 1 ? a : outcomeForState(a, ctx.actor!.stateCode!, needStatesOf(p));
    },
  },
  'Project.pledges': {
    after: (list: ProjectState['pledges'], _p, _a, ctx) => list.filter((x) => x.donor === ctx.actor!.organisation),
  },
  'Project.activities': { after: onlyFunders([]) },
  'Project.progressReports': { after: onlyFunders([]) },
  'Project.enactment': { after: onlyFunders(null) },
  'Project.evaluator': { after: onlyFunders(null) },
  // PrioritySnapshot.ranking (a connection) answers another State's ranking as an empty page itself.
};

/** Root fields whose result union carries ForbiddenError: a refused role gets it typed. */
const typedForbidden = new Set<string>();

export function refusalIsTyped(typeName: string, fieldName: string): boolean {
  return typedForbidden.has(`${typeName}.${fieldName}`);
}

const ROOTS = new Set(['Query', 'Mutation', 'Subscription']);

export class PolicyPlugin<Types extends SchemaTypes> extends BasePlugin<Types> {
  override onOutputFieldConfig(fieldConfig: PothosOutputFieldConfig<Types>): PothosOutputFieldConfig<Types> {
    const key = `${fieldConfig.parentType}.${fieldConfig.name}`;
    const options = fieldConfig.pothosOptions as Record<string, any>;
    const errorTypes: unknown[] = options.errors?.types ?? [];
    if (errorTypes.some((t) => (t as { name?: string }).name === 'ForbiddenError')) typedForbidden.add(key);
    const hidden =
      ROOTS.has(fieldConfig.parentType) ? undefined
      : fieldConfig.type.kind === 'List' ? () => []
      : fieldConfig.type.nullable ? () => null
      : undefined;
    return {
      ...fieldConfig,
      pothosOptions: {
        ...options,
        // Every field is checked against the table; a field without an entry is refused (fail closed).
        authScopes: { policy: key },
        ...(hidden ? { unauthorizedResolver: hidden } : {}),
      },
    } as unknown as PothosOutputFieldConfig<Types>;
  }

  override wrapResolve(resolver: GraphQLFieldResolver<unknown, Types['Context'], object>, fieldConfig: PothosOutputFieldConfig<Types>) {
    const rule = OWN_RULES[`${fieldConfig.parentType}.${fieldConfig.name}`];
    if (!rule) return resolver;
    const [typeName, fieldName] = [fieldConfig.parentType, fieldConfig.name];
    return async (parent: unknown, args: Record<string, any>, context: Types['Context'], info: any) => {
      const ctx = context as unknown as Context;
      const own = ctx.actor !== null && accessOf(ctx.actor.role, typeName, fieldName) === 'own';
      if (own) rule.before?.(args, ctx);
      const value = await resolver(parent, args, context, info);
      return own && rule.after ? rule.after(value, parent, args, ctx) : value;
    };
  }
}

/** Why a role is refused an operation: the roles the table lets at it, and the caller's. */
export function refusalMessage(actor: Actor, typeName: string, fieldName: string): string {
  const row = rowOf(typeName, fieldName);
  const roles = row ? (Object.keys(row) as Role[]).filter((r) => row[r] !== 'no') : [];
  return roles.length ? `${fieldName} is for ${roles.join(' or ')}; the caller is ${actor.role}` : `${fieldName} has no entry in the access policy, so it is for no one`;
}

/** Does the table let this caller at `Type.field` (`yes` or `own`)? */
export function policyAllows(actor: Actor | null, key: string): boolean {
  if (!actor) return false;
  const [typeName, fieldName] = key.split('.') as [string, string];
  if (!rowOf(typeName, fieldName)) return false;
  return accessOf(actor.role, typeName, fieldName) !== 'no';
}

declare global {
  export namespace PothosSchemaTypes {
    export interface Plugins<Types extends SchemaTypes> {
      palermoPolicy: PolicyPlugin<Types>;
    }
  }
}

SchemaBuilder.registerPlugin('palermoPolicy', PolicyPlugin);
