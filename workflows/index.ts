// Entry point the worker bundles: every workflow type palermo runs.
export { projectLifecycle, projectLifecycleV2, projectLifecycleV3 } from './project-lifecycle.js';
export { projectEvaluation } from './project-evaluation.js';
export { reprioritisation } from './reprioritisation.js';
export { needsImport } from './needs-import.js';
export { expertInvitation } from './expert-invitation.js';
export { mailDispatch } from './mail-dispatch.js';
