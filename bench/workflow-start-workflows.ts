// bench:workflow-start's workflow bundle: palermo's workflows beside one that returns at once, so each
// workflow started evaluates the modules a project's workflow evaluates (unless they are shared).
export * from '../workflows/index.js';
export { returnAtOnce } from './trivial-workflow.js';
