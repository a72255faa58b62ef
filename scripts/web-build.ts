// Builds the web app (web/ -> web/dist) with Vite when the build is missing or older than its sources.
// Run by `npm install` (postinstall, after the Temporal CLI), by `npm start` and by the browser tests,
// so a fresh clone and an edited tree both serve the current app. `--force` always builds.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
export const WEB_DIST = resolve(root, 'web', 'dist');
const SOURCES = [resolve(root, 'web', 'src'), resolve(root, 'web', 'index.html'), resolve(root, 'web', 'vite.config.ts'), resolve(root, 'domain')];

function newestMtime(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((name) => newestMtime(join(path, name))));
}

export function webBuildIsCurrent(): boolean {
  const index = join(WEB_DIST, 'index.html');
  if (!existsSync(index)) return false;
  return statSync(index).mtimeMs >= Math.max(...SOURCES.filter(existsSync).map(newestMtime));
}

/** Builds when needed; returns whether it built. */
export async function ensureWebBuild(force = false): Promise<boolean> {
  if (!force && webBuildIsCurrent()) return false;
  const { build } = await import('vite');
  // Always the production build: under vitest NODE_ENV is 'test', and Vite would then bundle React's
  // development build (637 KB, served by npm start afterwards as if current).
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ configFile: resolve(root, 'web', 'vite.config.ts'), logLevel: 'warn', mode: 'production' });
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  }
  return true;
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  const built = await ensureWebBuild(process.argv.includes('--force'));
  console.log(built ? `palermo: web app built into ${WEB_DIST}` : 'palermo: web app build is current');
}
