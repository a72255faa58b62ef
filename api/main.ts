// `npm run api`: one API process. Run several behind a load balancer; it never runs workflows.
import { Client, Connection } from '@temporalio/client';
import { createDb } from '../db/connection.js';
import { startApiServer } from './server.js';
import { timingsFromEnv } from './timings.js';

const { TEMPORAL_ADDRESS, DATABASE_URL, PALERMO_JWT_SECRET } = process.env;
if (!TEMPORAL_ADDRESS || !DATABASE_URL || !PALERMO_JWT_SECRET) {
  console.error('palermo api: set TEMPORAL_ADDRESS, DATABASE_URL and PALERMO_JWT_SECRET (or use `npm start` for the embedded default)');
  process.exit(1);
}

const connection = await Connection.connect({ address: TEMPORAL_ADDRESS });
const temporal = new Client({ connection, namespace: process.env.TEMPORAL_NAMESPACE ?? 'default' });
const db = createDb(DATABASE_URL);
const timings = timingsFromEnv(process.env.PALERMO_TIMINGS);
const { server, url } = await startApiServer({ db, temporal, jwtSecret: PALERMO_JWT_SECRET, lifecycle: { timings } }, Number(process.env.PORT ?? 4000), process.env.HOST ?? '127.0.0.1');
console.log(`palermo api: ${url}`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    server.close();
    void Promise.all([db.destroy(), connection.close()]).finally(() => process.exit(0));
  });
}
