// `npm start`: the embedded default. Starts a Temporal dev server and PostgreSQL (state kept under
// .data/), migrates, seeds code lists and a demo portfolio, then runs the worker and the API as child
// processes. With TEMPORAL_ADDRESS and DATABASE_URL set, nothing embedded starts. Ctrl-C stops it all.
import { spawn, type ChildProcess } from 'node:child_process';
import { join, resolve } from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { DEV_JWT_SECRET, signToken } from '../api/auth.js';
import { startConfigProblems } from '../api/config.js';
import { timingsFromEnv } from '../api/timings.js';
import { createDb } from '../db/connection.js';
import { migrateToLatest } from '../db/migrate.js';
import { seedCodeLists } from '../db/seed-code-lists.js';
import type { Actor } from '../domain/roles.js';
import { seedDemoPortfolio } from './demo-portfolio.js';
import { seedDemoRoster } from './demo-roster.js';
import { seedDemoContacts } from './demo-contacts.js';
import { startMailCatcher } from './embedded/mail-catcher.js';
import { portInUse } from './embedded/free-port.js';
import { startEmbeddedPostgres } from './embedded/postgres.js';
import { startTemporalDevServer, stopChild } from './embedded/temporal-dev-server.js';
import { ensureWebBuild } from './web-build.js';
import { ensureWorkflowBundle } from '../worker/workflow-bundle.js';

const root = resolve(import.meta.dirname, '..');
const dataDir = resolve(process.env.PALERMO_DATA_DIR ?? resolve(root, '.data'));
const apiPort = Number(process.env.PORT ?? 4000);
// From the process's own start (module loading included), not from when this module began to run.
const started = performance.timeOrigin;
// Where start-up time goes, printed with the ready line: [phase, seconds since start].
const phases: [string, number][] = [];
const phase = (name: string) => void phases.push([name, (Date.now() - started) / 1000]);
const stops: (() => Promise<void>)[] = [];
let stopping = false;

async function stopAll(code: number) {
  if (stopping) return;
  stopping = true;
  console.log('\npalermo: stopping…');
  for (const stop of stops.reverse()) await stop().catch((err) => console.error(String(err)));
  process.exit(code);
}
// We own shutdown: stop the children first, then the servers, then exit.
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => void stopAll(0));

/** Started from scripts/start.mjs, the children run precompiled too (scripts/node-build.mjs); else under tsx. */
const nodeBuild = process.env.PALERMO_NODE_BUILD_DIR;

function runChild(name: string, script: string, entry: string, env: NodeJS.ProcessEnv): ChildProcess {
  const args = nodeBuild ? ['--enable-source-maps', join(nodeBuild, `${entry}.js`)] : ['--import', 'tsx', script];
  const child = spawn(process.execPath, args, { cwd: root, env, stdio: ['ignore', 'inherit', 'inherit'] });
  child.once('exit', (code, signal) => {
    if (!stopping) {
      console.error(`palermo: the ${name} exited (${code ?? signal}); stopping everything`);
      void stopAll(1);
    }
  });
  stops.push(() => stopChild(child));
  return child;
}

async function waitForHttp(url: string, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await fetch(url).then((r) => r.ok, () => false)) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms`);
}

// webpack runs only when the workflow sources changed since the last build, beside the servers' start.
// The worker package (and every activity) is loaded here only when webpack must run: the worker child loads them itself.
const workflowBundle = ensureWorkflowBundle(async () => (await import('../worker/create-worker.js')).bundleWorkflows()).then(
  (what) => (phase('workflow bundle checked'), { what }),
  (err: unknown) => ({ err }),
);

async function main() {
  // A half-configured environment must not fall back to the embedded default (and its dev secret).
  const { embedded, problems } = startConfigProblems(process.env, DEV_JWT_SECRET);
  if (problems.length > 0) {
    throw new Error(`not starting, the configuration is incomplete:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
  let temporalAddress = process.env.TEMPORAL_ADDRESS;
  let databaseUrl = process.env.DATABASE_URL;
  if (embedded) {
    const temporalPort = Number(process.env.PALERMO_TEMPORAL_PORT ?? 7233);
    const pgPort = Number(process.env.PALERMO_PG_PORT ?? 54329);
    for (const [what, port] of [['Temporal', temporalPort], ['PostgreSQL', pgPort], ['API', apiPort]] as const) {
      if (await portInUse(port)) throw new Error(`port ${port} for ${what} is already in use (another palermo running?)`);
    }
    console.log(`palermo: starting Temporal dev server and PostgreSQL (state in ${dataDir})`);
    const [temporal, postgres] = await Promise.all([
      startTemporalDevServer({ port: temporalPort, dbFile: resolve(dataDir, 'temporal', 'temporal.db'), logFile: resolve(dataDir, 'temporal', 'server.log') }),
      startEmbeddedPostgres({ dataDir: resolve(dataDir, 'postgres'), port: pgPort, database: 'palermo' }),
    ]);
    stops.push(() => temporal.stop(), () => postgres.stop());
    temporalAddress = temporal.address;
    databaseUrl = postgres.url;
  }
  // With OpenID Connect configured the provider issues every token; otherwise HS256 (the dev secret when embedded).
  const oidc = Boolean(process.env.PALERMO_OIDC_ISSUER);
  const jwtSecret = oidc ? undefined : (process.env.PALERMO_JWT_SECRET ?? DEV_JWT_SECRET);

  const db = createDb(databaseUrl!, 2);
  stops.push(() => db.destroy());
  phase('Temporal and PostgreSQL up');
  const built = await workflowBundle;
  if ('err' in built) throw built.err;
  console.log(`palermo: workflow bundle ${built.what}`);
  await migrateToLatest(db);
  phase('migrated');
  // The embedded default is for trying palermo out: GraphiQL, introspection and the web app's demo
  // sign-in on unless set otherwise.
  const devTools = embedded ? { PALERMO_GRAPHIQL: 'true', PALERMO_INTROSPECTION: 'true', PALERMO_DEMO_SIGN_IN: 'true' } : {};
  // Mail: the embedded default catches it locally (GET /mail shows it); a deployment sets PALERMO_SMTP_URL.
  const mailEnv: Record<string, string> = {};
  if (embedded && !process.env.PALERMO_SMTP_URL) {
    const catcher = await startMailCatcher(db, Number(process.env.PALERMO_SMTP_PORT ?? 2525));
    stops.push(() => catcher.stop());
    Object.assign(mailEnv, { PALERMO_SMTP_URL: catcher.url, PALERMO_MAIL_PAGE_OPEN: 'true', PALERMO_MAIL_INTERVAL: '5 seconds', PALERMO_PUBLIC_URL: `http://127.0.0.1:${apiPort}` });
  }
  const env = { PALERMO_LOG_LEVEL: 'WARN', ...devTools, ...mailEnv, ...process.env, TEMPORAL_ADDRESS: temporalAddress, DATABASE_URL: databaseUrl, ...(jwtSecret ? { PALERMO_JWT_SECRET: jwtSecret } : {}), PORT: String(apiPort) };
  runChild('worker', 'worker/main.ts', 'worker-main', env);
  runChild('API', 'api/main.ts', 'api-main', env);
  phase('children started');
  // The children load while the code lists are brought up to date and the web build is checked; nothing
  // is announced, and no demo data is seeded, before all three are done.
  const [, webBuilt] = await Promise.all([
    seedCodeLists(db).then(() => phase('code lists seeded')),
    ensureWebBuild().then((built) => (phase('web build checked'), built)),
    waitForHttp(`http://127.0.0.1:${apiPort}/health`, 60_000).then(() => phase('API answers')),
  ]);
  if (webBuilt) console.log('palermo: web app built (its sources were newer than web/dist)');

  const connection = await Connection.connect({ address: temporalAddress! });
  stops.push(() => connection.close());
  if (embedded && process.env.PALERMO_DEMO_DATA !== 'false') {
    const ids = await seedDemoPortfolio(new Client({ connection }), { timings: timingsFromEnv(process.env.PALERMO_TIMINGS) });
    const experts = await seedDemoRoster(db);
    await seedDemoContacts(db);
    phase('demo data seeded (worker polling)');
    console.log(`palermo: demo portfolio ready (${ids.length} projects from the seed documents, at the stages of scenarios S1, S4, S5, S8, S13; ${experts} demo roster experts added)`);
  }

  const tokens: [string, Actor][] = [
    ['State focal point (Gabon)', { subject: 'focal-point-GAB', role: 'STATE_FOCAL_POINT', stateCode: 'GAB' }],
    ['State focal point (Kenya)', { subject: 'focal-point-KEN', role: 'STATE_FOCAL_POINT', stateCode: 'KEN' }],
    ['Programme manager', { subject: 'programme-manager', role: 'PROGRAMME_MANAGER' }],
    ['Evaluator', { subject: 'evaluator', role: 'EVALUATOR' }],
    ['Expert', { subject: 'expert', role: 'EXPERT' }],
    ['Donor (European Union)', { subject: 'donor', role: 'DONOR', organisation: 'European Union' }],
    ['Conference administrator', { subject: 'conference-admin', role: 'CONFERENCE_ADMIN' }],
  ];
  console.log(`palermo: start-up phases (s since start): ${phases.map(([name, at]) => `${name} ${at.toFixed(1)}`).join(', ')}`);
  console.log(`\npalermo is ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  console.log(`  Web app             http://127.0.0.1:${apiPort}/${embedded ? ' (demo sign-in)' : ''}`);
  const graphiql = ['true', '1'].includes(env.PALERMO_GRAPHIQL?.trim().toLowerCase() ?? '');
  console.log(`  GraphQL${graphiql ? ' + GraphiQL' : '           '}  http://127.0.0.1:${apiPort}/graphql`);
  if (mailEnv.PALERMO_SMTP_URL) console.log(`  Caught mail         http://127.0.0.1:${apiPort}/mail (SMTP ${mailEnv.PALERMO_SMTP_URL})`);
  console.log(`  IATI activities     http://127.0.0.1:${apiPort}/iati/activities.xml (with a bearer token)`);
  console.log(`  Temporal            ${temporalAddress}${embedded ? ` (UI off; state in ${dataDir}/temporal)` : ''}`);
  console.log(`  PostgreSQL          ${databaseUrl!.replace(/:[^:@/]+@/, ':***@')}`);
  if (jwtSecret) {
    console.log('\nDemo tokens (Authorization: Bearer <token>, valid 12 h):');
    for (const [label, actor] of tokens) console.log(`  ${label.padEnd(27)} ${await signToken(jwtSecret, actor)}`);
  } else {
    console.log(`\nTokens come from your OpenID Connect provider (${process.env.PALERMO_OIDC_ISSUER}).`);
  }
  console.log('\nCtrl-C stops everything.');
}

main().catch((err) => {
  console.error(`palermo: ${err instanceof Error ? err.message : String(err)}`);
  void stopAll(1);
});
