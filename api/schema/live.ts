// The live project page (issue 12 "Live"): projectChanged(id) streams a project's changes over SSE (Yoga
// serves subscriptions as text/event-stream). Fed by this process's LISTEN on PostgreSQL
// (api/live/project-changes.ts), so a change made through any API process arrives. The caller must see the
// project (the access policy's Subscription.projectChanged and Query.project's own rule): otherwise NOT_FOUND,
// never an event; it is checked again at every change, so a caller who stops seeing it (a donor once funding
// closes) gets NOT_FOUND and the stream ends.
import { createGraphQLError } from 'graphql-yoga';
import type { ProjectRow } from '../../db/queries/projects.js';
import { builder } from '../builder.js';
import type { Context } from '../context.js';
import { NotFoundError } from '../errors.js';
import type { ChangeStream, ProjectChange } from '../live/project-changes.js';
import { loadVisibleProject, ProjectRef } from './project.js';

type Change = ProjectChange & { project: ProjectRow };

const ProjectChangeRef = builder.objectRef<Change>('ProjectChange').implement({
  description: 'A project after one of its changes: its stage and the seq of its last event, and the project as it now is.',
  fields: (t) => ({
    projectId: t.exposeID('projectId'),
    stage: t.exposeString('stage'),
    seq: t.exposeInt('seq', { description: 'The seq of the last event in the read model' }),
    project: t.field({ type: ProjectRef, resolve: (c) => c.project }),
  }),
});

/** The project if the caller still sees it; a GraphQL NOT_FOUND error otherwise (a subscription has no result union). */
async function visible(ctx: Context, id: string): Promise<ProjectRow> {
  try {
    return await loadVisibleProject(ctx, id);
  } catch (err) {
    if (err instanceof NotFoundError) throw createGraphQLError(`NOT_FOUND: ${err.message}`, { extensions: { code: 'NOT_FOUND' } });
    throw err;
  }
}

/** Each change re-reads the project: the request's loaders would otherwise answer from their first read. */
function freshLoaders(ctx: Context) {
  for (const loader of Object.values(ctx.loaders)) (loader as { clearAll?: () => void }).clearAll?.();
}

/**
 * The stream of one subscription. Its return() (the client went away) closes the change stream at once:
 * an async generator waiting for the next change would otherwise run its cleanup only at that change.
 */
function changesOf(ctx: Context, id: string): AsyncIterableIterator<Change> {
  let changes: ChangeStream | null = null;
  let ended = false;
  const generator = (async function* (): AsyncGenerator<Change> {
    const feed = ctx.deps.projectChanges;
    if (!feed) throw createGraphQLError('UNAVAILABLE: live updates are not configured in this API process', { extensions: { code: 'UNAVAILABLE' } });
    const first = await visible(ctx, id);
    if (ended) return;
    // Subscribed before the first answer, so a change between the two is not lost.
    changes = feed.subscribe(first.id);
    try {
      let seq = first.last_event_seq;
      yield { projectId: first.id, stage: first.stage, seq, project: first };
      for await (const change of changes) {
        if (change.seq < seq) continue; // an older notification overtaken by a newer read
        freshLoaders(ctx);
        const project = await visible(ctx, id);
        seq = project.last_event_seq;
        yield { projectId: project.id, stage: project.stage, seq, project };
      }
    } finally {
      changes.close();
    }
  })();
  const stop = () => {
    ended = true;
    changes?.close();
  };
  return {
    next: () => generator.next(),
    return: (value?: unknown) => {
      stop();
      return generator.return(value as never);
    },
    throw: (err?: unknown) => {
      stop();
      return generator.throw(err);
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}

builder.subscriptionType({ authScopes: { authenticated: true } });

builder.subscriptionField('projectChanged', (t) =>
  t.field({
    type: ProjectChangeRef,
    description: 'The project as it is now, then after each change (stage, timeline, actions), for as long as the caller may see it.',
    args: { id: t.arg.id({ required: true }) },
    subscribe: (_root, args, ctx) => changesOf(ctx, String(args.id)),
    resolve: (change: Change) => change,
  }),
);
