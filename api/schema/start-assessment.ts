import { idempotencyKey, startAssessmentInput } from '../../domain/inputs.js';
import { findProject } from '../../db/queries/projects.js';
import { startAssessmentUpdate } from '../../workflows/definitions.js';
import { builder } from '../builder.js';
import { ForbiddenError, NotFoundError, TransitionRefusedError, ValidationError } from '../errors.js';
import { applyTransition } from '../lifecycle.js';
import { parseInput } from '../parse.js';
import { loadVisibleProject, ProjectRef } from './project.js';

const StartAssessmentInput = builder.inputType('StartAssessmentInput', {
  fields: (t) => ({
    projectId: t.id({ required: true }),
    note: t.string({ required: false }),
    idempotencyKey: t.string({ required: false, description: 'A retry with the same key is applied once' }),
  }),
});

builder.mutationFields((t) => ({
  startAssessment: t.field({
    type: ProjectRef,
    description: 'A programme manager moves a project from SUBMITTED to UNDER_ASSESSMENT.',
    args: { input: t.arg({ type: StartAssessmentInput, required: true }) },
    errors: { types: [ValidationError, ForbiddenError, NotFoundError, TransitionRefusedError], directResult: true },
    resolve: async (_root, { input }, ctx) => {
      const projectId = String(input.projectId);
      const payload = parseInput(startAssessmentInput, { note: input.note ?? undefined });
      const key = input.idempotencyKey == null ? undefined : parseInput(idempotencyKey, input.idempotencyKey, 'input.idempotencyKey');
      await loadVisibleProject(ctx, projectId);
      await applyTransition(ctx.deps.temporal, projectId, startAssessmentUpdate, { actor: ctx.actor!, payload }, key);
      const project = await findProject(ctx.deps.db, projectId);
      if (!project) throw new NotFoundError(`project ${projectId} not found`);
      return project;
    },
  }),
}));
