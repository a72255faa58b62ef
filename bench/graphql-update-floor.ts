// bench:lifecycle's fourth floor: what any GraphQL API in front of a Temporal Update costs, with none of
// palermo's own work. One mutation on a bare graphql-yoga: it verifies the bearer token (palermo's
// verifier), reads one row (where the real API reads the project for its scope check), sends the bare
// Update to the trivial workflow, and writes one row (where the real API writes the read model). So a
// lifecycle transition is compared with the same number of HTTP requests, token checks, SQL statements
// and Updates, on the same servers in the same run.
import { createServer } from 'node:http';
import type { Client } from '@temporalio/client';
import { createSchema, createYoga } from 'graphql-yoga';
import { sql, type Kysely } from 'kysely';
import { hs256Verifier } from '../api/auth.js';
import type { DB } from '../db/schema.js';
import { bumpUpdate } from './trivial-workflow.js';

export interface GraphqlUpdateFloor {
  url: string;
  /** The row the mutation reads and writes for one workflow: created with the workflow, as a filing would. */
  addCounter(workflowId: string): Promise<void>;
  close(): void;
}

export async function startGraphqlUpdateFloor(db: Kysely<DB>, client: Client, secret: string): Promise<GraphqlUpdateFloor> {
  await sql`create table if not exists bench_update_floor (workflow_id text primary key, count integer not null, updated_at timestamptz not null)`.execute(db);
  const verify = hs256Verifier(secret);
  const yoga = createYoga({
    schema: createSchema({
      typeDefs: 'type Query { ok: Boolean } type Mutation { bump(workflowId: ID!): Int! }',
      resolvers: {
        Mutation: {
          bump: async (_: unknown, { workflowId }: { workflowId: string }, ctx: { request: Request }) => {
            await verify((ctx.request.headers.get('authorization') ?? '').replace(/^Bearer /, ''));
            const read = await sql<{ count: number }>`select count from bench_update_floor where workflow_id = ${workflowId}`.execute(db);
            if (!read.rows[0]) throw new Error(`no counter for ${workflowId}`);
            const count = await client.workflow.getHandle(workflowId).executeUpdate(bumpUpdate, { args: [1] });
            await sql`update bench_update_floor set count = ${count}, updated_at = now() where workflow_id = ${workflowId}`.execute(db);
            return count;
          },
        },
      },
    }),
    logging: 'warn',
  });
  const server = createServer(yoga);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as { port: number }).port}/graphql`,
    addCounter: async (workflowId) => void (await sql`insert into bench_update_floor (workflow_id, count, updated_at) values (${workflowId}, 0, now())`.execute(db)),
    close: () => server.close(),
  };
}
