import { builder } from '../builder.js';
import { ActorRef } from './project.js';

builder.queryFields((t) => ({
  me: t.field({ type: ActorRef, description: 'The authenticated caller.', resolve: (_root, _args, ctx) => ctx.actor! }),
}));
