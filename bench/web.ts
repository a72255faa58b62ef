// `npm run bench:web`: the web app's initial JavaScript size (gzip) and the time to a usable first
// page in Chromium on localhost. Serves the built app from a real API (Temporal dev server and
// PostgreSQL started here in a temporary folder, no worker needed for the sign-in page) and loads
// it cold N times (default 10): from navigation start to the sign-in buttons being clickable.
import { mkdtempSync, readFileSync, rmSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { Client, Connection } from '@temporalio/client';
import { chromium } from 'playwright-core';
import { signToken } from '../api/auth.js';
import { startApiServer } from '../api/server.js';
import { createDb } from '../db/connection.js';
import { migrateToLatest } from '../db/migrate.js';
import { seedCodeLists } from '../db/seed-code-lists.js';
import { freePort } from '../scripts/embedded/free-port.js';
import { startEmbeddedPostgres } from '../scripts/embedded/postgres.js';
import { startTemporalDevServer } from '../scripts/embedded/temporal-dev-server.js';
import { ensureWebBuild, WEB_DIST } from '../scripts/web-build.js';
import { chromiumPath } from '../test/support/browser.js';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '10' } } });
const runs = Number(values.runs);

await ensureWebBuild();
// The initial download: index.html's own script and CSS, and the modules it preloads (not the lazy pages).
const html = readFileSync(join(WEB_DIST, 'index.html'), 'utf8');
const initial = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]!);
let jsRaw = 0;
let jsGzip = 0;
let cssGzip = 0;
for (const file of initial) {
  const bytes = readFileSync(join(WEB_DIST, file));
  if (file.endsWith('.js')) {
    jsRaw += bytes.length;
    jsGzip += gzipSync(bytes, { level: 9 }).length;
  } else cssGzip += gzipSync(bytes, { level: 9 }).length;
}

const root = mkdtempSync(join(tmpdir(), 'palermo-bench-web-'));
chmodSync(root, 0o755);
const [temporal, postgres] = await Promise.all([
  startTemporalDevServer({ port: await freePort(), dbFile: join(root, 'temporal.db'), logFile: join(root, 'temporal.log') }),
  startEmbeddedPostgres({ dataDir: join(root, 'pg'), port: await freePort(), database: 'palermo_bench' }),
]);
const db = createDb(postgres.url, 2);
await migrateToLatest(db);
await seedCodeLists(db);
const connection = await Connection.connect({ address: temporal.address });
process.env.PALERMO_DEMO_SIGN_IN = 'true';
const { server, url } = await startApiServer({ db, temporal: new Client({ connection }), jwtSecret: 'bench-web-secret-at-least-32-bytes-long' }, 0);
const base = url.replace(/\/graphql$/, '');

const browser = await chromium.launch({ executablePath: chromiumPath(), args: ['--no-sandbox'] });
const managerToken = await signToken('bench-web-secret-at-least-32-bytes-long', { subject: 'bench-manager', role: 'PROGRAMME_MANAGER' });

/** Cold loads (fresh context: no cache) from navigation start until `ready` resolves; ms per run. */
async function coldLoads(path: string, ready: (page: import('playwright-core').Page) => Promise<unknown>, token?: string) {
  const times: number[] = [];
  for (let i = 0; i < runs + 1; i++) {
    const context = await browser.newContext();
    if (token) await context.addInitScript((t) => sessionStorage.setItem('palermo.session', t), token);
    const page = await context.newPage();
    await page.goto(`${base}${path}`, { waitUntil: 'commit' });
    await ready(page);
    const ms = await page.evaluate(() => performance.now());
    if (i > 0) times.push(ms); // the first run warms Chromium itself, not the page
    await context.close();
  }
  times.sort((a, b) => a - b);
  const q = (x: number) => times[Math.min(times.length - 1, Math.floor(x * times.length))]!;
  return `median ${q(0.5).toFixed(0)} ms, p95 ${q(0.95).toFixed(0)} ms (median ${(q(0.5) / 1500).toFixed(2)}x the 1500 ms goal)`;
}

const signInPage = await coldLoads('/', (page) => page.locator('button[data-identity="programme-manager"]').waitFor({ state: 'visible' }));
// A signed-in manager's first page: the inbox, lazy page chunk and its GraphQL answer included.
const inboxPage = await coldLoads('/inbox', (page) => page.getByText('(0)').first().waitFor({ state: 'visible' }), managerToken);
await browser.close();

console.log(`initial JavaScript: ${(jsRaw / 1024).toFixed(1)} KiB raw, ${(jsGzip / 1024).toFixed(1)} KiB gzip (${initial.filter((f) => f.endsWith('.js')).length} files); CSS ${(cssGzip / 1024).toFixed(1)} KiB gzip`);
console.log(`time to a usable page in Chromium on localhost, cold, ${runs} runs each:`);
console.log(`  sign-in page (demo identities clickable):        ${signInPage}`);
console.log(`  manager's inbox (signed in, data shown):         ${inboxPage}`);

await new Promise<void>((done) => server.close(() => done()));
await connection.close();
await db.destroy();
await Promise.allSettled([temporal.stop(), postgres.stop()]);
rmSync(root, { recursive: true, force: true });
process.exit(0);
