// `npm run bench:priorities [-- --sizes 10000,100000]`: times a re-prioritisation run (the Temporal
// workflow and its activity, on real servers) over pools of open needs and prints time and memory.
import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import { PRIORITY_ACTIVITIES, PRIORITY_AREAS, STATES, URGENCIES } from '../domain/code-lists/index.js';
import { createProjectWorker } from '../worker/create-worker.js';
import { startBenchServers } from './servers.js';

const { values } = parseArgs({ options: { sizes: { type: 'string', default: '10000,100000' } } });
const sizes = values.sizes.split(',').map(Number);

const servers = await startBenchServers('bench-priorities');
const { db, client, native } = servers;
const taskQueue = `bench-${randomUUID()}`;
const worker = await createProjectWorker({ connection: native, db, taskQueue });
const running = worker.run();
const pick = <T>(list: readonly T[], i: number) => list[i % list.length]!;

try {
  let inserted = 0;
  console.log('bench:priorities: re-prioritisation workflow over synthetic open needs (invented rows drawn from the code lists)');
  for (const size of sizes) {
    // Grow the pool to `size` open needs (no project yet, like questionnaire needs), in batches.
    for (; inserted < size; inserted += 5000) {
      const batch = Array.from({ length: Math.min(5000, size - inserted) }, (_, k) => {
        const i = inserted + k;
        return {
          id: `bench-need-${i}`, project_id: null, position: 0, state_code: pick(STATES, i).code, source: 'QUESTIONNAIRE_RESPONSE',
          priority_area: pick(PRIORITY_AREAS, i).code, priority_activity: pick(PRIORITY_ACTIVITIES, i * 7).code, instrument: 'UNTOC', article: null,
          forms_of_assistance: ['TRAINING_NATIONAL'], urgency: pick(URGENCIES, i * 3).code, description: `Synthetic need ${i}`,
          created_at: new Date(Date.UTC(2007, 0, 1) + (i % 2000) * 86_400_000),
        };
      });
      await db.insertInto('needs').values(batch).execute();
    }
    inserted = size;
    const rssBefore = process.memoryUsage().rss;
    const started = performance.now();
    const result = (await client.workflow.execute('reprioritisation', { workflowId: `bench-reprioritisation-${size}-${randomUUID()}`, taskQueue, args: [{ trigger: 'ON_DEMAND' }] })) as { openNeeds: number };
    const seconds = (performance.now() - started) / 1000;
    const rss = process.memoryUsage().rss;
    console.log(`${String(size).padStart(7)} open needs: ${seconds.toFixed(2)} s (${Math.round(result.openNeeds / seconds)} needs/s), RSS ${(rss / 2 ** 20).toFixed(0)} MiB (+${((rss - rssBefore) / 2 ** 20).toFixed(0)} MiB during the run)`);
  }
} finally {
  worker.shutdown();
  await running;
  await servers.stop();
}
