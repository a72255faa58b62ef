// `npm run bench:policy [-- --needs 10000 --runs 5]`: what the access policy costs. Every field of the
// graph carries a scope-auth scope from the policy table; this runs the same needPool query (every open
// need with its explained priority) as a programme manager against the schema as served and against
// the same schema built with scope-auth off, and prints the median times and their ratio. Real
// PostgreSQL; the query runs in-process through graphql's execute, without HTTP.
import { parseArgs } from 'node:util';
import { graphql, type GraphQLSchema } from 'graphql';
import { builder } from '../api/builder.js';
import { createLoaders } from '../api/loaders.js';
import { schema } from '../api/schema/index.js';
import type { Context } from '../api/context.js';
import { startBenchServers } from './servers.js';
import { insertSyntheticNeeds } from './synthetic-needs.js';

const { values } = parseArgs({ options: { needs: { type: 'string', default: '10000' }, runs: { type: 'string', default: '5' } } });
const size = Number(values.needs);
const runs = Number(values.runs);

const servers = await startBenchServers('bench-policy');
const { db, client } = servers;
// The whole pool, read a page of 100 at a time (needPool is a cursor connection).
const QUERY = `query($after: String) { needPool(first: 100, after: $after) { __typename ... on QueryNeedPoolSuccess { data {
  pageInfo { hasNextPage endCursor } edges { node {
  id poolRank state priorityArea priorityActivity urgency source description projectId projectStage verdict stateRank
  priority { score parts { name points reason } } } } } } } }`;

try {
  await insertSyntheticNeeds(db, size);
  const unguarded = builder.toSchema({ disableScopeAuth: true });
  const context = (): Context => ({
    actor: { subject: 'bench-manager', role: 'PROGRAMME_MANAGER' },
    deps: { db, temporal: client, jwtSecret: 'bench-policy-secret-at-least-32-bytes' },
    loaders: createLoaders(db),
  });
  async function time(s: GraphQLSchema): Promise<number> {
    const started = performance.now();
    let rows = 0;
    let after: string | null = null;
    do {
      const result = await graphql({ schema: s, source: QUERY, variableValues: { after }, contextValue: context() });
      if (result.errors) throw new Error(`needPool answered errors ${JSON.stringify(result.errors)}`);
      const page = (result.data?.needPool as { data: { edges: unknown[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } }).data;
      rows += page.edges.length;
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    const ms = performance.now() - started;
    if (rows !== size) throw new Error(`needPool answered ${rows} rows, not ${size}`);
    return ms;
  }
  const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  await time(schema); // warm up both
  await time(unguarded);
  const guarded: number[] = [];
  const open: number[] = [];
  for (let r = 0; r < runs; r++) {
    guarded.push(await time(schema));
    open.push(await time(unguarded));
  }
  const fields = size * (13 + 1 + 4 * 3);
  console.log(`bench:policy: needPool of ${size} needs in pages of 100 (about ${fields} resolved fields) as a programme manager, median of ${runs} runs`);
  console.log(`  with the access policy  ${median(guarded).toFixed(0)} ms`);
  console.log(`  scope-auth off          ${median(open).toFixed(0)} ms`);
  console.log(`  ratio                   ${(median(guarded) / median(open)).toFixed(2)}x`);
} finally {
  await servers.stop();
}
