// Bulk import of questionnaire and checklist responses: store the file, start the import, then follow
// its progress and page through its row errors. The file goes to PostgreSQL; the workflow gets its id.
import { createHash } from 'node:crypto';
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import type { Selectable } from 'kysely';
import { z } from 'zod';
import { importRequest, textDefect } from '../../domain/needs-import.js';
import type { DB } from '../../db/schema.js';
import { TASK_QUEUE } from '../../workflows/definitions.js';
import type { ImportStatus } from '../../domain/needs-import.js';
import { ImportFormatEnum, ImportSourceEnum, ImportStatusEnum } from './enums.js';
import { builder } from '../builder.js';
import type { Context } from '../context.js';
import { ForbiddenError, NotFoundError, UnavailableError, ValidationError } from '../errors.js';
import { temporalDeadlineMs, withTemporalDeadline } from '../temporal-deadline.js';
import { idOrNotFound, parseInput } from '../parse.js';

type ImportRow = Selectable<DB['need_imports']>;
type StoredRowError = Selectable<DB['need_import_errors']>;

export const MAX_ERROR_PAGE = 1000;

const RowErrorRef = builder.objectRef<StoredRowError>('ImportRowError').implement({
  description: 'A row that was not imported: its line (0 for the file as a whole), field and reason.',
  fields: (t) => ({
    cursor: t.id({ description: 'Pass as `after` to read the errors that follow this one', resolve: (e) => String(e.seq) }),
    line: t.exposeInt('line'),
    field: t.exposeString('field'),
    reason: t.exposeString('reason'),
    message: t.exposeString('reason', { deprecationReason: 'Use reason' }),
  }),
});

const RowErrorPageRef = builder.objectRef<{ items: StoredRowError[]; hasNextPage: boolean }>('ImportRowErrorPage').implement({
  description: 'One page of row errors, in line order.',
  fields: (t) => ({
    items: t.field({ type: [RowErrorRef], resolve: (p) => p.items }),
    endCursor: t.id({ nullable: true, resolve: (p) => (p.items.length ? String(p.items[p.items.length - 1]!.seq) : null) }),
    hasNextPage: t.exposeBoolean('hasNextPage'),
  }),
});

const pageArgs = z.object({
  first: z.number().int({ error: 'must be a whole number' }).min(0, { error: 'must be 0 or more' }).max(MAX_ERROR_PAGE, { error: `must be at most ${MAX_ERROR_PAGE}` }),
  after: z.string().regex(/^\d{1,9}$/, { error: 'must be a cursor from this list' }).transform(Number).nullable(),
});

const NeedsImportRef = builder.objectRef<ImportRow>('NeedsImport').implement({
  fields: (t) => ({
    id: t.exposeID('id'),
    status: t.field({ type: ImportStatusEnum, resolve: (i) => i.status as ImportStatus }),
    totalRows: t.exposeInt('total_rows', { description: 'Data rows in the file (0 until the file has been read)' }),
    processedRows: t.exposeInt('processed_rows'),
    imported: t.exposeInt('imported', { description: 'New needs written by this import' }),
    alreadyPresent: t.exposeInt('already_present', { description: 'Good rows whose need an earlier import already holds' }),
    errorCount: t.exposeInt('error_count', { description: 'How many row errors `errors` pages through' }),
    errors: t.field({
      type: RowErrorPageRef,
      description: `Row errors in line order, at most ${MAX_ERROR_PAGE} a page.`,
      args: { first: t.arg.int({ required: false, defaultValue: 100 }), after: t.arg.id({ required: false }) },
      errors: { types: [ValidationError], directResult: true },
      resolve: async (imp, args, ctx) => {
        const { first, after } = parseInput(pageArgs, { first: args.first ?? 100, after: args.after == null ? null : String(args.after) }, 'errors');
        let query = ctx.deps.db.selectFrom('need_import_errors').selectAll().where('import_id', '=', imp.id);
        if (after !== null) query = query.where('seq', '>', after);
        const rows = await query.orderBy('seq').limit(first + 1).execute();
        return { items: rows.slice(0, first), hasNextPage: rows.length > first };
      },
    }),
  }),
});

const ImportNeedsInput = builder.inputType('ImportNeedsInput', {
  fields: (t) => ({
    format: t.field({ type: ImportFormatEnum, required: true, description: 'CSV (header: state,priorityArea,priorityActivity,instrument,article,formsOfAssistance,urgency,description,stateRank; delimited by ",", ";" or tab) or JSON (array of rows)' }),
    source: t.field({ type: ImportSourceEnum, required: true }),
    cycle: t.string({ required: true, description: 'The reporting cycle, e.g. "2008"' }),
    content: t.string({ required: true }),
    importKey: t.string({ required: true, description: 'The same key with the same file returns the same import' }),
  }),
});

// Who imports and reads imports is the access policy's (domain/access/policy.ts).

const importById = (ctx: Context, id: string) => ctx.deps.db.selectFrom('need_imports').selectAll().where('id', '=', id).executeTakeFirst();

builder.mutationFields((t) => ({
  importNeeds: t.field({
    type: NeedsImportRef,
    description: 'Store the file and start its import (a Temporal workflow); follow it with needsImport(id).',
    args: { input: t.arg({ type: ImportNeedsInput, required: true }) },
    errors: { types: [ValidationError, ForbiddenError, UnavailableError], directResult: true },
    resolve: async (_r, args, ctx) => {
      const client = ctx.deps.temporal;
      const deadline = temporalDeadlineMs(ctx.deps.lifecycle?.temporalDeadlineMs);
      const { importKey, ...request } = parseInput(importRequest, args.input);
      const importId = `needs-import-${importKey}`;
      // No UTF-8 file holds a lone surrogate: only a broken client sends one, so the file is refused as a whole.
      const lone = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.exec(request.content);
      if (lone) throw new ValidationError([{ field: 'input.content', message: `line ${request.content.slice(0, lone.index).split('\n').length} holds a lone surrogate: the text is not valid Unicode` }]);
      const content = Buffer.from(request.content, 'utf8');
      const sha256 = createHash('sha256').update(content).update(`\n${request.format}\n${request.source}\n${request.cycle}`).digest('hex');
      // Stored before the workflow starts: a retry after a failed start finds the file and starts it.
      await ctx.deps.db.transaction().execute(async (trx) => {
        const header = await trx
          .insertInto('need_imports')
          .values({ id: importId, source: request.source, cycle: request.cycle, format: request.format, status: 'RUNNING', total_rows: 0, started_by: ctx.actor!.subject, started_at: new Date() })
          .onConflict((oc) => oc.column('id').doNothing())
          .returning('id')
          .executeTakeFirst();
        if (header) {
          await trx.insertInto('need_import_uploads').values({ import_id: importId, content, content_sha256: sha256 }).execute();
          return;
        }
        const earlier = await trx.selectFrom('need_import_uploads').select('content_sha256').where('import_id', '=', importId).executeTakeFirst();
        if (earlier && earlier.content_sha256 !== sha256) throw new ValidationError([{ field: 'input.importKey', message: 'was already used for a different file, source or cycle' }]);
      });
      try {
        await withTemporalDeadline(client, deadline, `starting import ${importId}`, () => client.workflow.start('needsImport', {
          workflowId: importId,
          taskQueue: ctx.deps.lifecycle?.taskQueue ?? TASK_QUEUE,
          args: [{ importId }],
          workflowIdReusePolicy: 'REJECT_DUPLICATE',
        }));
      } catch (err) {
        if (!(err instanceof WorkflowExecutionAlreadyStartedError)) throw err;
      }
      return (await importById(ctx, importId))!;
    },
  }),
}));

builder.queryFields((t) => ({
  needsImport: t.field({
    type: NeedsImportRef,
    args: { id: t.arg.id({ required: true }) },
    errors: { types: [NotFoundError, ForbiddenError], directResult: true },
    resolve: async (_r, args, ctx) => {
      const row = await importById(ctx, idOrNotFound(args.id, 'import'));
      if (!row) throw new NotFoundError(`import ${args.id} not found`);
      return row;
    },
  }),
}));
