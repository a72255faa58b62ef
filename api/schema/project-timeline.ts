import { builder } from '../builder.js';
import { ForbiddenError, NotFoundError } from '../errors.js';
import { HistoryEntryRef, loadVisibleProject } from './project.js';

builder.queryFields((t) => ({
  projectTimeline: t.field({
    type: [HistoryEntryRef],
    description: 'Every event of a project, in order: actor, time, stage change, payload summary; reminders and escalations too.',
    args: { id: t.arg.id({ required: true }) },
    errors: { types: [NotFoundError, ForbiddenError] },
    resolve: async (_root, { id }, ctx) => {
      const project = await loadVisibleProject(ctx, String(id));
      return ctx.loaders.projectHistory.load(project.id);
    },
  }),
}));
