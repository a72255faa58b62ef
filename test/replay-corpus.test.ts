// Replays the committed corpus of real histories (test/replay-corpus/, recorded by `npm run
// replay:record` from a released build) against today's workflow code: a change that would make an
// open project's history replay differently fails here. A deliberately incompatible variant of the
// workflow shows the test can fail.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { History } from '@temporalio/common/lib/proto-utils.js';
import { historyFromJSON } from '@temporalio/common/lib/proto-utils.js';
import { DeterminismViolationError } from '@temporalio/workflow';
import { bundleWorkflowCode, DefaultLogger, Runtime, Worker, type ReplayResult } from '@temporalio/worker';
import { describe, expect, it } from 'vitest';
import { TRANSITIONS } from '../domain/transitions.js';
import { patchIds } from './support/projection-history.js';
import { workflowBundle } from './support/stack.js';

const CORPUS = fileURLToPath(new URL('./replay-corpus/', import.meta.url));
const INCOMPATIBLE = fileURLToPath(new URL('./fixtures/incompatible-workflows.ts', import.meta.url));

Runtime.install({ logger: new DefaultLogger('ERROR') }); // the incompatible replay logs every violation

const files = readdirSync(CORPUS).filter((f) => f.endsWith('.json')).sort();
const corpus: { file: string; workflowId: string; history: History }[] = files.map((file) => {
  const recorded = JSON.parse(readFileSync(`${CORPUS}${file}`, 'utf8')) as { workflowId: string; history: unknown };
  return { file, workflowId: recorded.workflowId, history: historyFromJSON(recorded.history) };
});

async function replayAll(bundle: Awaited<ReturnType<typeof workflowBundle>>): Promise<ReplayResult[]> {
  const results: ReplayResult[] = [];
  for await (const result of Worker.runReplayHistories({ workflowBundle: bundle }, corpus)) results.push(result);
  return results;
}

describe('the replay corpus', () => {
  it('covers every action, timers, escalations, the evaluation child, a merge and a continue-as-new', () => {
    const events = corpus.flatMap((c) => c.history.events ?? []);
    const updates = new Set(events.map((e) => e.workflowExecutionUpdateAcceptedEventAttributes?.acceptedRequest?.input?.name).filter(Boolean));
    for (const action of Object.keys(TRANSITIONS)) expect(updates, action).toContain(action);
    expect(updates).toContain('absorbMergedProject');
    expect(events.some((e) => e.timerFiredEventAttributes)).toBe(true);
    expect(events.some((e) => e.childWorkflowExecutionStartedEventAttributes)).toBe(true);
    expect(events.some((e) => e.workflowExecutionContinuedAsNewEventAttributes)).toBe(true);
    expect(events.some((e) => e.activityTaskFailedEventAttributes)).toBe(true); // a refused projection
    const types = new Set(corpus.map((c) => c.history.events?.[0]?.workflowExecutionStartedEventAttributes?.workflowType?.name));
    expect([...types].sort()).toEqual(['projectEvaluation', 'projectLifecycle', 'projectLifecycleV2', 'projectLifecycleV3', 'reprioritisation']);
  });

  it('holds a re-prioritisation run from before its pages ran in lanes and one from after', () => {
    const patches = (c: (typeof corpus)[number]) => patchIds(c.history.events ?? []);
    const runs = corpus.filter((c) => c.history.events?.[0]?.workflowExecutionStartedEventAttributes?.workflowType?.name === 'reprioritisation');
    expect(runs.map((c) => [c.file, patches(c)])).toEqual([
      ['reprioritisation-v1.json', ['reprioritisation-in-pages']],
      ['reprioritisation.json', ['reprioritisation-in-pages', 'reprioritisation-lanes']],
    ]);
  });

  it('replays every history against this build without nondeterminism', async () => {
    const results = await replayAll(await workflowBundle());
    expect(results).toHaveLength(corpus.length);
    expect(results.filter((r) => r.error).map((r) => `${r.workflowId}: ${r.error}`)).toEqual([]);
  });

  it('fails on a deliberately incompatible release', async () => {
    const incompatible = await bundleWorkflowCode({ workflowsPath: INCOMPATIBLE, logger: { log() {}, trace() {}, debug() {}, info() {}, warn() {}, error: console.error } });
    const results = await replayAll(incompatible);
    const lifecycles = corpus.filter((c) => ['projectLifecycle', 'projectLifecycleV2', 'projectLifecycleV3'].includes(c.history.events?.[0]?.workflowExecutionStartedEventAttributes?.workflowType?.name ?? '') && !c.history.events![0]!.workflowExecutionStartedEventAttributes!.continuedExecutionRunId);
    expect(lifecycles.length).toBeGreaterThan(0);
    for (const history of lifecycles) {
      const result = results.find((r) => r.workflowId === history.workflowId && r.runId === history.history.events![0]!.workflowExecutionStartedEventAttributes!.originalExecutionRunId);
      expect(result?.error, history.file).toBeInstanceOf(DeterminismViolationError);
    }
  });
});
