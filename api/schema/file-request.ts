import { fileRequestInput } from '../../domain/inputs.js';
import { findProject } from '../../db/queries/projects.js';
import { builder } from '../builder.js';
import { ForbiddenError, IdempotencyKeyReusedError, UnavailableError, ValidationError } from '../errors.js';
import { callerOf, idempotent } from '../idempotency.js';
import { apiLifecycleOptions, fileRequest } from '../lifecycle.js';
import { parseInput } from '../parse.js';
import { ProjectRef } from './project.js';
import { UrgencyEnum } from './enums.js';

export const NeedInput = builder.inputType('NeedInput', {
  fields: (t) => ({
    priorityArea: t.string({ required: true, description: 'A code of codeLists.priorityAreas (PA-A .. PA-E)' }),
    priorityActivity: t.string({ required: true, description: 'A code of codeLists.priorityActivities ((a) .. (h) of the 2009 recommendations)' }),
    instrument: t.string({ required: true, description: 'A code of codeLists.instruments (UNTOC, TIP, SOM, FA, UNCAC or 1988)' }),
    article: t.string({ required: false }),
    formsOfAssistance: t.stringList({ required: true, description: 'Codes of codeLists.formsOfAssistance' }),
    urgency: t.field({ type: UrgencyEnum, required: true }),
    description: t.string({ required: true }),
    fieldOfExpertise: t.string({ required: false, description: 'A code of the expertise taxonomy (codeLists / domain/expertise.ts); inferred from the article when absent' }),
    confidential: t.boolean({ required: false, description: 'R14: hidden from donors' }),
  }),
});

const FileRequestInput = builder.inputType('FileRequestInput', {
  fields: (t) => ({
    state: t.string({ required: true, description: 'The requesting State (ISO 3166 alpha-3); must be the caller\'s own' }),
    title: t.string({ required: true }),
    needs: t.field({ type: [NeedInput], required: true }),
    idempotencyKey: t.string({ required: true, description: 'Chosen by the client; filing again with it returns the same project' }),
  }),
});

const FiledRequestRef = builder.objectRef<{ project: Awaited<ReturnType<typeof findProject>> & {}; created: boolean }>('FiledRequest').implement({
  fields: (t) => ({
    project: t.field({ type: ProjectRef, resolve: (r) => r.project }),
    created: t.exposeBoolean('created', { description: 'false when this idempotency key had already filed the project' }),
  }),
});

builder.mutationFields((t) => ({
  fileRequest: t.field({
    type: FiledRequestRef,
    description: 'A State focal point files a request for assistance for its own State: one project in stage SUBMITTED.',
    args: { input: t.arg({ type: FileRequestInput, required: true }) },
    errors: { types: [ValidationError, ForbiddenError, IdempotencyKeyReusedError, UnavailableError], directResult: true },
    resolve: async (_root, args, ctx) => {
      const actor = ctx.actor!; // a focal point: the access policy refuses every other role
      const input = parseInput(fileRequestInput, args.input);
      if (input.state !== actor.stateCode) {
        throw new ValidationError([{ field: 'input.state', message: `a focal point of ${actor.stateCode} may file only for ${actor.stateCode}, not ${input.state}` }]);
      }
      const read = async (projectId: string, created: boolean) => {
        const project = await findProject(ctx.deps.db, projectId);
        if (!project) throw new Error(`project ${projectId} was filed but is missing from the read model`);
        return { project, created };
      };
      const { idempotencyKey: key, ...request } = input;
      // The same key with another request is refused; with the same request, the same project answers.
      return idempotent(
        ctx.deps.db,
        { scope: `fileRequest:${input.state}`, key, caller: callerOf(ctx), payload: request },
        async () => {
          const { projectId, created } = await fileRequest(ctx.deps.temporal, actor, input, apiLifecycleOptions(ctx.deps));
          return read(projectId, created);
        },
        (r) => ({ projectId: r.project.id }),
        (kept) => read(String(kept.projectId), false),
      );
    },
  }),
}));
