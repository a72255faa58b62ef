// `npm run build:workflows`: bundles the workflow code once into .build/workflow-bundle.js (+ source
// map and the hash of its sources), so workers start without running webpack (worker/workflow-bundle.ts).
import { bundleWorkflows } from '../worker/create-worker.js';
import { workflowSourcesHash, writeWorkflowBundle } from '../worker/workflow-bundle.js';

const started = performance.now();
const sourcesHash = workflowSourcesHash();
const bundle = await bundleWorkflows();
const path = writeWorkflowBundle(bundle, sourcesHash);
console.log(`build:workflows: ${path} (${(bundle.code.length / 1024).toFixed(0)} KiB) in ${((performance.now() - started) / 1000).toFixed(1)} s`);
