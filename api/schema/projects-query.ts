import { z } from 'zod';
import { PRIORITY_AREAS, STATES } from '../../domain/code-lists/index.js';
import { STAGES } from '../../domain/stages.js';
import { countProjects, pageProjects, type ProjectFilter } from '../../db/queries/projects.js';
import { PROJECT_ORDERS } from '../../domain/list-orders.js';
import { StageEnum } from './enums.js';
import { builder } from '../builder.js';
import { ForbiddenError, NotFoundError, ValidationError } from '../errors.js';
import { parseInput } from '../parse.js';
import { connectionOf, pageArgs, pageOf, pageRequest } from './pagination.js';
import { needsDetails, ProjectRef, readVisibleProject, selectedFieldNames, type ProjectNode } from './project.js';

const ProjectOrderEnum = builder.enumType('ProjectOrder', { values: PROJECT_ORDERS });
const ProjectConnection = connectionOf('Project', ProjectRef, { totalCount: true });

const ProjectFilterInput = builder.inputType('ProjectFilter', {
  fields: (t) => ({
    stage: t.field({ type: StageEnum, required: false }),
    state: t.string({ required: false, description: 'ISO 3166 alpha-3' }),
    priorityArea: t.string({ required: false, description: 'A code of codeLists.priorityAreas (PA-A .. PA-E)' }),
  }),
});

const projectFilter = z
  .object({
    stage: z.enum(STAGES, { error: (i) => `unknown stage "${String(i.input)}"` }).nullish(),
    state: z.string().refine((v) => STATES.some((s) => s.code === v), { error: (i) => `unknown State "${String(i.input)}"` }).nullish(),
    priorityArea: z.string().refine((v) => PRIORITY_AREAS.some((p) => p.code === v), { error: (i) => `unknown priority area "${String(i.input)}"` }).nullish(),
  })
  .nullish();

builder.queryFields((t) => ({
  project: t.field({
    type: ProjectRef,
    args: { id: t.arg.id({ required: true }) },
    errors: { types: [NotFoundError, ForbiddenError], directResult: true },
    description: 'A project; one outside the caller\'s scope is NotFoundError, like one that does not exist.',
    resolve: async (_root, { id }, ctx, info) => {
      const asked = selectedFieldNames(info);
      return (await readVisibleProject(ctx, String(id), { needs: asked.has('needs'), events: asked.has('history') ? 'all' : undefined })).project;
    },
  }),
  projects: t.field({
    type: ProjectConnection,
    description: 'Projects the caller may see, a page at a time: a focal point its State\'s, a donor those open for funding and those it pledged to, an evaluator those assigned to it.',
    args: {
      filter: t.arg({ type: ProjectFilterInput, required: false }),
      orderBy: t.arg({ type: ProjectOrderEnum, required: false, description: 'FILED_AT_DESC unless given' }),
      ...pageArgs(t),
    },
    errors: { types: [ValidationError, ForbiddenError] },
    resolve: async (_root, args, ctx, info) => {
      const filter = parseInput(projectFilter, args.filter, 'filter') ?? {};
      const order = args.orderBy ?? 'FILED_AT_DESC';
      const page = pageRequest(args, ['string', 'string']);
      const actor = ctx.actor!;
      // The same scopes as project(id) (domain/roles.ts maySeeProject), applied in the query so a list never leaks.
      let scoped: ProjectFilter;
      if (actor.role === 'STATE_FOCAL_POINT') scoped = { ...filter, visibleToState: actor.stateCode };
      else if (actor.role === 'DONOR') scoped = { ...filter, visibleToDonor: actor.organisation ?? '' };
      else if (actor.role === 'EVALUATOR') scoped = { ...filter, visibleToEvaluator: actor.subject };
      else if (actor.role === 'PROGRAMME_MANAGER' || actor.role === 'CONFERENCE_ADMIN') scoped = filter;
      else throw new ForbiddenError(`projects is not for ${actor.role}`);
      // A list of titles and stages reads no details (several KB of JSON per project) at all.
      const details = needsDetails(selectedFieldNames(info, ['data', 'edges', 'node']));
      const rows = await pageProjects(ctx.deps.db, scoped, order, page.after as [string, string] | null, page.first + 1, { details });
      // Each row came with its States: the nodes' `states` and scope checks read them without another statement.
      // (Set on the row itself: a list row parses its details lazily, through a getter a copy would lose.)
      for (const r of rows) ctx.loaders.projectStates.prime(r.project.id, r.states);
      return pageOf(rows, page, (r) => [r.sort_key, r.project.id], (r): ProjectNode => Object.assign(r.project, { statesRead: r.states }), () => countProjects(ctx.deps.db, scoped));
    },
  }),
}));
