import { builder } from '../builder.js';
import { ForbiddenError, NotFoundError } from '../errors.js';
import { historyForCaller } from '../policy.js';
import { HistoryEntryRef, loadVisibleProject } from './project.js';

builder.queryFields((t) => ({
  projectTimeline: t.field({
    type: [HistoryEntryRef],
    description: 'Every event of a project, in order: actor, time, stage change, payload summary; reminders and escalations too. A project outside the caller\'s scope is NotFoundError.',
    args: { id: t.arg.id({ required: true }) },
    errors: { types: [NotFoundError, ForbiddenError] },
    resolve: async (_root, { id }, ctx) => {
      const project = await loadVisibleProject(ctx, String(id));
      // A focal point of a regional project reads its own State's and the shared parts (access policy).
      return historyForCaller(ctx, project.id, await ctx.loaders.projectHistory.load(project.id), project);
    },
  }),
}));
