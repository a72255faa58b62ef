// experts(filter, first, after): the roster as a cursor connection for those who read it (the access
// policy's Query.experts row): the manager and the Conference all of it, a focal point the experts its
// State nominated (as Query.expert), an expert, evaluator or donor nothing.
import { z } from 'zod';
import { codeOf, uniqueList } from '../../domain/boundary.js';
import { STATES } from '../../domain/code-lists/index.js';
import { EXPERTISE_FIELDS } from '../../domain/expertise.js';
import { EXPERT_STATUSES } from '../../domain/matching/types.js';
import { countExperts, pageExperts, type ExpertFilter } from '../../db/queries/roster-pages.js';
import { builder } from '../builder.js';
import { ForbiddenError, ValidationError } from '../errors.js';
import { parseInput } from '../parse.js';
import { ExpertStatusEnum } from './enums.js';
import { connectionOf, pageArgs, pageOf, pageRequest } from './pagination.js';
import { ExpertRef } from './roster.js';

const expertFilter = z
  .object({
    statuses: uniqueList(z.enum(EXPERT_STATUSES), { what: 'status', max: EXPERT_STATUSES.length }).optional(),
    nationality: codeOf(STATES, 'State').optional(),
    field: codeOf(EXPERTISE_FIELDS, 'field of expertise').optional(),
  })
  .strict();

const ExpertFilterInput = builder.inputType('ExpertFilter', {
  fields: (t) => ({
    statuses: t.field({ type: [ExpertStatusEnum], required: false, description: 'Any of these statuses (all when absent)' }),
    nationality: t.string({ required: false, description: 'ISO 3166 alpha-3 (codeLists.states)' }),
    field: t.string({ required: false, description: 'A code of the taxonomy of fields of expertise: experts who list it or a field under it' }),
  }),
});

const ExpertConnection = connectionOf('Expert', ExpertRef, { totalCount: true });

builder.queryFields((t) => ({
  experts: t.field({
    type: ExpertConnection,
    description: "The roster, a page at a time in id order: all of it for the manager and the Conference, the experts its State nominated for a focal point.",
    args: { filter: t.arg({ type: ExpertFilterInput, required: false }), ...pageArgs(t) },
    errors: { types: [ValidationError, ForbiddenError] },
    resolve: async (_r, args, ctx) => {
      const parsed = parseInput(expertFilter, Object.fromEntries(Object.entries(args.filter ?? {}).filter(([, v]) => v != null)), 'filter');
      const page = pageRequest(args, ['string']);
      const actor = ctx.actor!;
      const f: ExpertFilter = { ...parsed };
      if (actor.role === 'STATE_FOCAL_POINT') f.nominatingState = actor.stateCode ?? '';
      else if (actor.role !== 'PROGRAMME_MANAGER' && actor.role !== 'CONFERENCE_ADMIN') throw new ForbiddenError(`experts is not for ${actor.role}`);
      const rows = await pageExperts(ctx.deps.db, f, (page.after?.[0] as string | undefined) ?? null, page.first + 1);
      return pageOf(rows, page, (r) => [r.id], (r) => r, () => countExperts(ctx.deps.db, f));
    },
  }),
}));
