// `npm run bench:import [-- --rows 50000]`: times bulk imports end to end on real servers, as a client
// sees them: importNeeds over HTTP (the file stored in PostgreSQL), the needsImport workflow reading and
// writing it in batches, polling needsImport(id) until COMPLETED. Prints time, rows/s and the size of
// the workflow's history, for a file of only bad rows and a file of only good rows.
import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import { parseArgs } from 'node:util';
import { signToken } from '../api/auth.js';
import { startApiServer } from '../api/server.js';
import { STATES } from '../domain/code-lists/index.js';
import { createProjectWorker } from '../worker/create-worker.js';
import { startBenchServers } from './servers.js';

const { values } = parseArgs({ options: { rows: { type: 'string', default: '50000' } } });
const rows = Number(values.rows);
const SECRET = 'bench-import-secret-at-least-32-bytes';

const servers = await startBenchServers('bench-import');
const { db, client, native } = servers;
const taskQueue = `bench-${randomUUID()}`;
const worker = await createProjectWorker({ connection: native, db, taskQueue });
const running = worker.run();
const { server, url } = await startApiServer({ db, temporal: client, jwtSecret: SECRET, lifecycle: { taskQueue } }, 0);
const token = await signToken(SECRET, { subject: 'bench-pm', role: 'PROGRAMME_MANAGER' });

async function gql(query: string, variables: Record<string, unknown>) {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query, variables }) });
  return ((await response.json()) as { data: any }).data;
}

async function timeImport(label: string, lines: string[]) {
  const content = ['state,priorityArea,priorityActivity,instrument,article,formsOfAssistance,urgency,description', ...lines].join('\n');
  const started = performance.now();
  const { importNeeds } = await gql('mutation($input: ImportNeedsInput!) { importNeeds(input: $input) { __typename ... on NeedsImport { id } } }', {
    input: { format: 'CSV', source: 'QUESTIONNAIRE_RESPONSE', cycle: `bench-${randomUUID().slice(0, 8)}`, content, importKey: `bench-${randomUUID()}` },
  });
  let done: { status: string; imported: number; errorCount: number };
  for (;;) {
    done = (await gql('query($id: ID!) { needsImport(id: $id) { ... on NeedsImport { status imported errorCount } } }', { id: importNeeds.id })).needsImport;
    if (done.status === 'COMPLETED') break;
    await new Promise((r) => setTimeout(r, 100));
  }
  const seconds = (performance.now() - started) / 1000;
  const history = await client.workflow.getHandle(importNeeds.id).fetchHistory();
  console.log(
    `${label.padEnd(10)} ${String(lines.length).padStart(7)} rows, ${(content.length / 1e6).toFixed(2)} MB: ${seconds.toFixed(2)} s (${Math.round(lines.length / seconds)} rows/s); ` +
      `imported ${done.imported}, errors ${done.errorCount}; workflow history ${history.events?.length} events, ${JSON.stringify(history).length} bytes`,
  );
}

try {
  console.log('bench:import: importNeeds -> COMPLETED over HTTP on real servers (invented rows)');
  await timeImport('bad rows', Array.from({ length: rows }, (_, i) => `Atlantis,PA-A,(d),UNTOC,,REPORTING_SUPPORT,LOW,No such State ${i}`));
  // Good rows, each a distinct need (the article number makes the natural key unique).
  await timeImport('good rows', Array.from({ length: rows }, (_, i) => `${STATES[i % STATES.length]!.code},PA-B,(b),UNTOC,${i + 1},TRAINING_NATIONAL,MEDIUM,Synthetic response ${i}`));
} finally {
  await new Promise<void>((resolve) => (server as Server).close(() => resolve()));
  worker.shutdown();
  await running;
  await servers.stop();
}
