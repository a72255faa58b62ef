// The precompiled server code: esbuild bundles our TypeScript (packages stay external, loaded from
// node_modules) into .build/node/{start,api-main,worker-main}.js, so `npm start` and its API and worker
// children run plain JavaScript instead of compiling hundreds of files through tsx's loader at every
// start. Written by postinstall and `npm run build:node`; `npm start` (scripts/start.mjs) rebuilds it
// when a file that went into it changed (the manifest lists every input with its hash) and otherwise
// starts from it. Plain JavaScript itself, so it runs before anything is compiled.
//
// import.meta.dirname / filename / url are replaced by the source file's own values, so the code keeps
// finding web/dist, .tools/ and workflows/ from where its source lies; the paths are absolute, so the
// manifest records the root and a moved checkout rebuilds.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const ROOT = resolve(import.meta.dirname, '..');
export const NODE_BUILD_DIR = join(ROOT, '.build', 'node');
const MANIFEST = join(NODE_BUILD_DIR, 'manifest.json');
export const ENTRIES = { start: 'scripts/start.ts', 'api-main': 'api/main.ts', 'worker-main': 'worker/main.ts' };

const sha = (buffer) => createHash('sha256').update(buffer).digest('hex');

/** Why the build is not current, or null when every input is as it was built from. */
export function staleness() {
  if (!existsSync(MANIFEST)) return 'no build yet';
  let manifest;
  try {
    manifest = JSON.parse(readFileSync(MANIFEST, 'utf8'));
  } catch {
    return 'unreadable manifest';
  }
  if (manifest.root !== ROOT) return `built in ${manifest.root}`;
  if (Object.keys(ENTRIES).some((name) => !existsSync(join(NODE_BUILD_DIR, `${name}.js`)))) return 'an entry is missing';
  for (const [file, hash] of Object.entries(manifest.inputs)) {
    const path = join(ROOT, file);
    if (!existsSync(path) || sha(readFileSync(path)) !== hash) return `${file} changed`;
  }
  return null;
}

/** Replaces import.meta.dirname, filename and url in our sources by the source file's own values. */
const sourceLocation = {
  name: 'source-location',
  setup(build) {
    build.onLoad({ filter: /\.ts$/ }, (args) => {
      if (args.path.includes(`${'/'}node_modules${'/'}`)) return undefined;
      const contents = readFileSync(args.path, 'utf8')
        .replaceAll('import.meta.dirname', JSON.stringify(dirname(args.path)))
        .replaceAll('import.meta.filename', JSON.stringify(args.path))
        .replaceAll('import.meta.url', JSON.stringify(pathToFileURL(args.path).href));
      return { contents, loader: 'ts' };
    });
  },
};

/** Builds all entries; returns the build folder. */
export async function buildNode() {
  const { build } = await import('esbuild');
  const staging = `${NODE_BUILD_DIR}.tmp-${process.pid}`;
  const result = await build({
    absWorkingDir: ROOT,
    entryPoints: Object.fromEntries(Object.entries(ENTRIES).map(([name, file]) => [name, join(ROOT, file)])),
    outdir: staging,
    bundle: true,
    packages: 'external',
    platform: 'node',
    format: 'esm',
    // Dynamic imports become chunks loaded when called, with their packages: start.js loads the worker package only to rebuild the bundle.
    splitting: true,
    target: 'node20',
    sourcemap: 'linked',
    metafile: true,
    logLevel: 'warning',
    plugins: [sourceLocation],
  });
  const inputs = {};
  for (const file of [...Object.keys(result.metafile.inputs), 'package-lock.json']) {
    const path = resolve(ROOT, file);
    if (existsSync(path)) inputs[relative(ROOT, path)] = sha(readFileSync(path));
  }
  // The manifest is written last, and the folder replaced in one rename: a half-written build is never used.
  writeFileSync(join(staging, 'manifest.json'), JSON.stringify({ root: ROOT, builtAt: new Date().toISOString(), inputs }, null, 2));
  mkdirSync(dirname(NODE_BUILD_DIR), { recursive: true });
  if (existsSync(NODE_BUILD_DIR)) renameSync(NODE_BUILD_DIR, `${NODE_BUILD_DIR}.old-${process.pid}`);
  renameSync(staging, NODE_BUILD_DIR);
  const { rmSync } = await import('node:fs');
  rmSync(`${NODE_BUILD_DIR}.old-${process.pid}`, { recursive: true, force: true });
  return NODE_BUILD_DIR;
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  const started = performance.now();
  const why = process.argv.includes('--force') ? 'forced' : staleness();
  if (why === null) console.log('palermo: server build is current');
  else {
    await buildNode();
    console.log(`palermo: server code built into ${NODE_BUILD_DIR} in ${((performance.now() - started) / 1000).toFixed(1)} s (${why})`);
  }
}
