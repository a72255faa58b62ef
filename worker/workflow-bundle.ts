// The prebuilt workflow bundle: `npm run build:workflows` runs webpack once (bundleWorkflowCode) and
// writes the code, its source map and a hash of what went into it under .build/; a worker that finds a
// bundle whose hash matches today's sources starts from it instead of bundling again (seconds of
// webpack on 2 cores at every start). A missing or stale bundle is ignored: the worker bundles as before.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import type { WorkflowBundleWithSourceMap } from '@temporalio/worker';

const ROOT = resolve(import.meta.dirname, '..');
export const BUNDLE_DIR = resolve(process.env.PALERMO_BUILD_DIR ?? join(ROOT, '.build'));
const CODE = join(BUNDLE_DIR, 'workflow-bundle.js');
const MAP = join(BUNDLE_DIR, 'workflow-bundle.js.map');
const MANIFEST = join(BUNDLE_DIR, 'workflow-bundle.json');

// Workflow code imports only workflows/, domain/ and packages at run time (type-only imports of
// activities/ vanish in the bundle); the lockfile stands for the packages' versions, create-worker.ts
// for the bundle's options (the modules shared between workflows).
const SOURCE_DIRS = ['workflows', 'domain'];
const SOURCE_FILES = ['package-lock.json', 'worker/create-worker.ts'];

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? filesUnder(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []))
    .sort();
}

/** A hash of every file the bundle is built from (paths and contents). */
export function workflowSourcesHash(): string {
  const hash = createHash('sha256');
  const files = [...SOURCE_DIRS.flatMap((d) => filesUnder(join(ROOT, d))), ...SOURCE_FILES.map((f) => join(ROOT, f)).filter(existsSync)];
  for (const file of files) hash.update(relative(ROOT, file)).update('\0').update(readFileSync(file)).update('\0');
  return hash.digest('hex');
}

export function writeWorkflowBundle(bundle: WorkflowBundleWithSourceMap, sourcesHash: string): string {
  mkdirSync(BUNDLE_DIR, { recursive: true });
  writeFileSync(CODE, bundle.code);
  writeFileSync(MAP, bundle.sourceMap);
  // The manifest is written last: a bundle interrupted half-way has none and is never used.
  writeFileSync(MANIFEST, JSON.stringify({ sourcesHash, builtAt: new Date().toISOString(), bytes: bundle.code.length }, null, 2));
  return CODE;
}

export type PrebuiltBundle = { bundle: WorkflowBundleWithSourceMap; path: string } | { bundle: undefined; why: string };

/** The prebuilt bundle if it is there and built from today's sources; otherwise why not. */
export function loadPrebuiltWorkflowBundle(): PrebuiltBundle {
  if (process.env.PALERMO_PREBUILT_WORKFLOWS === 'false') return { bundle: undefined, why: 'PALERMO_PREBUILT_WORKFLOWS=false' };
  if (!existsSync(MANIFEST) || !existsSync(CODE) || !existsSync(MAP)) return { bundle: undefined, why: `no prebuilt bundle in ${BUNDLE_DIR} (npm run build:workflows)` };
  let recorded: string | undefined;
  try {
    recorded = (JSON.parse(readFileSync(MANIFEST, 'utf8')) as { sourcesHash?: string }).sourcesHash;
  } catch {
    return { bundle: undefined, why: `unreadable ${MANIFEST}` };
  }
  if (recorded !== workflowSourcesHash()) return { bundle: undefined, why: 'the prebuilt bundle is older than the workflow sources (npm run build:workflows)' };
  return { bundle: { code: readFileSync(CODE, 'utf8'), sourceMap: readFileSync(MAP, 'utf8') }, path: CODE };
}

/**
 * Builds the bundle unless an up-to-date one is there (npm start calls it while the servers start, so
 * the first start pays webpack once, beside them, and later starts not at all). Returns what it did.
 */
export async function ensureWorkflowBundle(bundle: () => Promise<WorkflowBundleWithSourceMap>): Promise<string> {
  if (process.env.PALERMO_PREBUILT_WORKFLOWS === 'false') return 'not used (PALERMO_PREBUILT_WORKFLOWS=false: the worker bundles at start)';
  const prebuilt = loadPrebuiltWorkflowBundle();
  if (prebuilt.bundle) return 'up to date';
  const sourcesHash = workflowSourcesHash();
  writeWorkflowBundle(await bundle(), sourcesHash);
  return `rebuilt (${prebuilt.why})`;
}
