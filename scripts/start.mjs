// `npm start`: runs scripts/start.ts from the precompiled server code (scripts/node-build.mjs), building
// it first when a source changed (about a second of esbuild), so neither this process nor the API and
// worker children compile TypeScript at start-up. PALERMO_NODE_BUILD=false runs everything under tsx.
import { join } from 'node:path';
import { buildNode, NODE_BUILD_DIR, staleness } from './node-build.mjs';

if (process.env.PALERMO_NODE_BUILD === 'false') {
  const { register } = await import('tsx/esm/api');
  register();
  await import('./start.ts');
} else {
  const why = staleness();
  if (why !== null) {
    const started = performance.now();
    await buildNode();
    console.log(`palermo: server code built in ${((performance.now() - started) / 1000).toFixed(1)} s (${why})`);
  }
  process.env.PALERMO_NODE_BUILD_DIR = NODE_BUILD_DIR;
  await import(join(NODE_BUILD_DIR, 'start.js'));
}
