import { z } from 'zod';
import { PRIORITY_AREAS, STATES } from '../../domain/code-lists/index.js';
import { STAGES } from '../../domain/stages.js';
import { listProjects } from '../../db/queries/projects.js';
import { StageEnum } from './enums.js';
import { builder } from '../builder.js';
import { ForbiddenError, NotFoundError, ValidationError } from '../errors.js';
import { parseInput } from '../parse.js';
import { loadVisibleProject, ProjectRef } from './project.js';

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
    resolve: (_root, { id }, ctx) => loadVisibleProject(ctx, String(id)),
  }),
  projects: t.field({
    type: [ProjectRef],
    description: 'Projects the caller may see: a focal point its State\'s, a donor those open for funding and those it pledged to, an evaluator those assigned to it.',
    args: { filter: t.arg({ type: ProjectFilterInput, required: false }) },
    errors: { types: [ValidationError, ForbiddenError] },
    resolve: async (_root, args, ctx) => {
      const filter = parseInput(projectFilter, args.filter, 'filter') ?? {};
      const actor = ctx.actor!;
      // The same scopes as project(id) (domain/roles.ts maySeeProject), applied in the query so a list never leaks.
      if (actor.role === 'STATE_FOCAL_POINT') return listProjects(ctx.deps.db, { ...filter, visibleToState: actor.stateCode });
      if (actor.role === 'DONOR') return listProjects(ctx.deps.db, { ...filter, visibleToDonor: actor.organisation ?? '' });
      if (actor.role === 'EVALUATOR') return listProjects(ctx.deps.db, { ...filter, visibleToEvaluator: actor.subject });
      if (actor.role !== 'PROGRAMME_MANAGER' && actor.role !== 'CONFERENCE_ADMIN') throw new ForbiddenError(`projects is not for ${actor.role}`);
      return listProjects(ctx.deps.db, filter);
    },
  }),
}));
