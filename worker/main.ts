// `npm run worker`: one worker process. Run several for more throughput; it never serves HTTP.
import { DefaultLogger, NativeConnection, Runtime, type LogLevel } from '@temporalio/worker';
import { workerConfigProblems } from '../api/config.js';
import { createDb } from '../db/connection.js';
import { Client, Connection } from '@temporalio/client';
import { createProjectWorker } from './create-worker.js';
import { ensureReprioritisationSchedule } from './schedules.js';
import { ensureMailDispatchSchedule } from './mail-schedule.js';
import { loadPrebuiltWorkflowBundle } from './workflow-bundle.js';

const problems = workerConfigProblems(process.env);
if (problems.length > 0) {
  console.error(`palermo worker: not starting:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  process.exit(1);
}
const address = process.env.TEMPORAL_ADDRESS!;
const databaseUrl = process.env.DATABASE_URL!;

Runtime.install({ logger: new DefaultLogger((process.env.PALERMO_LOG_LEVEL ?? 'INFO') as LogLevel) });
const connection = await NativeConnection.connect({ address });
const db = createDb(databaseUrl);
const creating = performance.now();
const prebuilt = loadPrebuiltWorkflowBundle();
const worker = await createProjectWorker({ connection, namespace: process.env.TEMPORAL_NAMESPACE, db, taskQueue: process.env.PALERMO_TASK_QUEUE, workflowBundle: prebuilt.bundle });
console.log(`palermo worker: created in ${Math.round(performance.now() - creating)} ms, workflow code ${prebuilt.bundle ? `prebuilt (${prebuilt.path})` : `bundled at start: ${prebuilt.why}`}`);
const clientConnection = await Connection.connect({ address });
await ensureReprioritisationSchedule(new Client({ connection: clientConnection, namespace: process.env.TEMPORAL_NAMESPACE ?? 'default' }), {
  taskQueue: worker.options.taskQueue,
  cron: process.env.PALERMO_REPRIORITISATION_CRON,
});
// Mail goes out only where a relay is configured; otherwise notices wait in the outbox.
if (process.env.PALERMO_SMTP_URL) await ensureMailDispatchSchedule(new Client({ connection: clientConnection, namespace: process.env.TEMPORAL_NAMESPACE ?? 'default' }), { taskQueue: worker.options.taskQueue, every: process.env.PALERMO_MAIL_INTERVAL });
await clientConnection.close();
console.log(`palermo worker: polling task queue ${worker.options.taskQueue} on ${address}`);
try {
  await worker.run(); // shuts down gracefully on SIGINT/SIGTERM
} finally {
  await db.destroy();
  await connection.close();
}
