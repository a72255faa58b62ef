import { countProjectEvents } from '../../db/queries/projects.js';
import { builder } from '../builder.js';
import { ForbiddenError, NotFoundError, ValidationError } from '../errors.js';
import { historyForCaller } from '../policy.js';
import { connectionOf, pageArgs, pageOf, pageRequest } from './pagination.js';
import { HistoryEntryRef, readVisibleProject } from './project.js';

const HistoryEntryConnection = connectionOf('HistoryEntry', HistoryEntryRef, { totalCount: true });

builder.queryFields((t) => ({
  projectTimeline: t.field({
    type: HistoryEntryConnection,
    description: 'Every event of a project, in order (seq), a page at a time: actor, time, stage change, payload summary; reminders and escalations too. A project outside the caller\'s scope is NotFoundError.',
    args: { id: t.arg.id({ required: true }), ...pageArgs(t) },
    errors: { types: [ValidationError, NotFoundError, ForbiddenError] },
    resolve: async (_root, args, ctx) => {
      const page = pageRequest(args, ['number']);
      // The project (who may see it) and the page of its events in one statement.
      const { project, events: rows = [] } = await readVisibleProject(ctx, String(args.id), { events: { limit: page.first + 1, afterSeq: (page.after?.[0] as number | undefined) ?? null } });
      // A focal point of a regional project reads its own State's and the shared parts (access policy).
      const visible = await historyForCaller(ctx, project.id, rows, project);
      return pageOf(visible, page, (e) => [Number(e.seq)], (e) => e, () => countProjectEvents(ctx.deps.db, project.id));
    },
  }),
}));
