// The portfolio bench:api reads: one project filed with its needs and moved to PLANNING through the real
// write paths (GraphQL, the lifecycle workflow, the read-model projection), then cloned in bulk by SQL
// (ids, titles and the copies of its events and States), so the read model holds rows exactly as the
// projection writes them, without 40,000 workflow runs.
import { randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema.js';

export async function gql(url: string, query: string, variables: unknown, token?: string) {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify({ query, variables }) });
  return (await response.json()) as { data?: Record<string, { __typename: string } & Record<string, unknown>>; errors?: unknown };
}

/** The template project, through the real write paths (filed by a GAB focal point, moved on by a manager); returns its id. */
export async function fileTemplate(apiUrl: string, tokens: { focalPoint: string; manager: string }, needsPerProject: number): Promise<string> {
  const needs = Array.from({ length: needsPerProject }, (_, i) => ({
    priorityArea: ['PA-A', 'PA-B', 'PA-C'][i % 3], priorityActivity: '(d)', instrument: 'UNTOC', formsOfAssistance: ['REPORTING_SUPPORT'],
    urgency: ['LOW', 'MEDIUM', 'HIGH'][i % 3], description: `Bench need ${i + 1}: help to complete the self-assessment checklist (000 fn 5).`,
  }));
  const filed = await gql(apiUrl, 'mutation($input: FileRequestInput!) { fileRequest(input: $input) { __typename ... on FiledRequest { project { id } } ... on Error { message } } }',
    { input: { state: 'GAB', title: 'Bench template project', idempotencyKey: `bench-api-${randomUUID()}`, needs } }, tokens.focalPoint);
  const result = filed.data?.fileRequest as { __typename: string; project?: { id: string } } | undefined;
  if (!result?.project) throw new Error(`filing the template failed: ${JSON.stringify(filed)}`);
  for (const step of ['startAssessment', 'startPlanning']) {
    const moved = await gql(apiUrl, `mutation($input: ${step[0]!.toUpperCase()}${step.slice(1)}Input!) { ${step}(input: $input) { __typename ... on Error { message } } }`, { input: { projectId: result.project.id } }, tokens.manager);
    if (moved.data?.[step]?.__typename !== 'Project') throw new Error(`${step} on the template failed: ${JSON.stringify(moved)}`);
  }
  return result.project.id;
}

/** Clones the template's rows (every column, as the projection wrote them) into `n` more projects, in batches; returns every id, the template's first. */
export async function cloneTemplate(db: Kysely<DB>, template: string, n: number): Promise<string[]> {
  const ids: string[] = [template];
  for (let from = 1; from <= n; from += 1000) {
    const to = Math.min(n, from + 999);
    await db.transaction().execute(async (trx) => {
      const clone = (table: string, patch: string, where: string) =>
        sql.raw(`insert into ${table} select (jsonb_populate_record(null::${table}, to_jsonb(t) || ${patch})).*
                 from ${table} t, generate_series(${from}, ${to}) g where ${where}`).execute(trx);
      const newId = `t.id || '-clone-' || g`;
      const quoted = `'${template.replaceAll("'", "''")}'`;
      await clone('projects', `jsonb_build_object('id', ${newId}, 'title', 'Bench project ' || g, 'idempotency_key', t.idempotency_key || '-' || g,
        'details', replace(t.details::text, ${quoted}, ${newId})::jsonb)`, `t.id = ${quoted}`);
      await clone('project_states', `jsonb_build_object('project_id', t.project_id || '-clone-' || g)`, `t.project_id = ${quoted}`);
      await clone('needs', `jsonb_build_object('id', replace(t.id, ${quoted}, ${quoted} || '-clone-' || g), 'project_id', t.project_id || '-clone-' || g)`, `t.project_id = ${quoted}`);
      await clone('project_events', `jsonb_build_object('project_id', t.project_id || '-clone-' || g)`, `t.project_id = ${quoted}`);
    });
    for (let g = from; g <= to; g++) ids.push(`${template}-clone-${g}`);
  }
  // As autovacuum would soon after a bulk load: statistics, and the visibility map that index-only scans read.
  await sql`vacuum analyze`.execute(db);
  return ids;
}
