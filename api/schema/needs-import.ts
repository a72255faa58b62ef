// Bulk import of questionnaire and checklist responses: start it, then follow its progress.
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import { importRequest } from '../../domain/needs-import.js';
import { importProgressQuery, TASK_QUEUE, type ImportProgress } from '../../workflows/definitions.js';
import { builder } from '../builder.js';
import { ForbiddenError, NotFoundError, ValidationError } from '../errors.js';
import { parseInput } from '../parse.js';

type ImportView = ImportProgress & { id: string };

const RowErrorRef = builder.objectRef<{ line: number; field: string; message: string }>('ImportRowError').implement({
  description: 'A row that was not imported: its line (0 for the file as a whole), field and reason.',
  fields: (t) => ({ line: t.exposeInt('line'), field: t.exposeString('field'), message: t.exposeString('message') }),
});

const NeedsImportRef = builder.objectRef<ImportView>('NeedsImport').implement({
  fields: (t) => ({
    id: t.exposeID('id'),
    status: t.exposeString('status', { description: 'RUNNING or COMPLETED' }),
    totalRows: t.exposeInt('totalRows'),
    processedRows: t.exposeInt('processedRows'),
    imported: t.exposeInt('imported', { description: 'New needs written by this import' }),
    alreadyPresent: t.exposeInt('alreadyPresent', { description: 'Good rows whose need an earlier import already holds' }),
    errors: t.field({ type: [RowErrorRef], resolve: (i) => i.errors }),
  }),
});

const ImportNeedsInput = builder.inputType('ImportNeedsInput', {
  fields: (t) => ({
    format: t.string({ required: true, description: 'CSV (header: state,priorityArea,priorityActivity,instrument,article,formsOfAssistance,urgency,description,stateRank) or JSON (array of rows)' }),
    source: t.string({ required: true, description: 'QUESTIONNAIRE_RESPONSE or CHECKLIST_RESPONSE' }),
    cycle: t.string({ required: true, description: 'The reporting cycle, e.g. "2008"' }),
    content: t.string({ required: true }),
    importKey: t.string({ required: true, description: 'The same key returns the same import' }),
  }),
});

// Who imports and reads imports is the access policy's (domain/access/policy.ts).

builder.mutationFields((t) => ({
  importNeeds: t.field({
    type: NeedsImportRef,
    description: 'Start a bulk import (a Temporal workflow); follow it with needsImport(id).',
    args: { input: t.arg({ type: ImportNeedsInput, required: true }) },
    errors: { types: [ValidationError, ForbiddenError], directResult: true },
    resolve: async (_r, args, ctx) => {
      const { importKey, ...request } = parseInput(importRequest, args.input);
      const workflowId = `needs-import-${importKey}`;
      try {
        await ctx.deps.temporal.workflow.start('needsImport', {
          workflowId,
          taskQueue: ctx.deps.lifecycle?.taskQueue ?? TASK_QUEUE,
          args: [{ ...request, startedBy: ctx.actor!.subject }],
          workflowIdReusePolicy: 'REJECT_DUPLICATE',
        });
      } catch (err) {
        if (!(err instanceof WorkflowExecutionAlreadyStartedError)) throw err;
      }
      const progress = await ctx.deps.temporal.workflow.getHandle(workflowId).query(importProgressQuery);
      return { id: workflowId, ...progress };
    },
  }),
}));

builder.queryFields((t) => ({
  needsImport: t.field({
    type: NeedsImportRef,
    args: { id: t.arg.id({ required: true }) },
    errors: { types: [NotFoundError, ForbiddenError], directResult: true },
    resolve: async (_r, args, ctx) => {
      const row = await ctx.deps.db.selectFrom('need_imports').selectAll().where('id', '=', String(args.id)).executeTakeFirst();
      if (!row) throw new NotFoundError(`import ${args.id} not found`);
      return {
        id: row.id, status: row.status, totalRows: row.total_rows, processedRows: row.processed_rows,
        imported: row.imported, alreadyPresent: row.already_present, errors: row.errors,
      };
    },
  }),
}));
