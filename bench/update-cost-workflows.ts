// bench:update-costs' workflows: the same counter as the bare floor, plus what a lifecycle transition may
// add in its task: an upsert of search attributes, a timer started (and cancelled by the next Update), or
// a child workflow started, signalled and ended (what a project's evaluation child costs), or a patch first
// used (its marker, and the SDK's TemporalChangeVersion upsert).
import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';
import { ParentClosePolicy, condition, type ChildWorkflowHandle, defineSignal, getExternalWorkflowHandle, patched, setHandler, startChild, upsertSearchAttributes, workflowInfo } from '@temporalio/workflow';
import { bumpUpdate, finishUpdate } from './trivial-workflow.js';

// palermo's own keys, which the dev server registers (scripts/embedded/temporal-dev-server.ts).
const STAGE = defineSearchAttributeKey('PalermoStage', SearchAttributeType.KEYWORD);
const STATES = defineSearchAttributeKey('PalermoStates', SearchAttributeType.KEYWORD_LIST);

function counter({ upsert, timer }: { upsert: boolean; timer: boolean }) {
  return async (): Promise<number> => {
    let count = 0;
    let done = false;
    setHandler(bumpUpdate, (by) => {
      count += by;
      if (upsert) upsertSearchAttributes([{ key: STAGE, value: `STAGE_${count}` }, { key: STATES, value: ['GAB'] }]);
      return count;
    });
    setHandler(finishUpdate, () => void (done = true));
    for (let seen = count; !done; seen = count) {
      // A timer per Update, cancelled by the next one (as the backstop's was before its quiet period).
      if (timer) await condition(() => done || count !== seen, 5_000);
      else await condition(() => done);
    }
    return count;
  };
}

export const counterUpserting = counter({ upsert: true, timer: false });
export const counterWithTimer = counter({ upsert: false, timer: true });
export const counterUpsertingWithTimer = counter({ upsert: true, timer: true });
export { trivialCounter } from './trivial-workflow.js';

const submittedSignal = defineSignal('submitted');

/** The evaluation child's shape: a reminder's timer that the project's signal cuts short, then the end. */
export async function childAwaitingSignal(): Promise<void> {
  let submitted = false;
  setHandler(submittedSignal, () => void (submitted = true));
  await condition(() => submitted, 60_000);
}

/**
 * The counter whose 8th Update starts a child and whose 9th signals it, as a project's startEvaluation and
 * submitOutcomeAssessment do (the 8th and 9th of its ten transitions): the child's cost spread over ten Updates.
 */
export async function counterWithChild(): Promise<number> {
  let count = 0;
  let done = false;
  let child = null as ChildWorkflowHandle<typeof childAwaitingSignal> | null;
  setHandler(bumpUpdate, async (by) => {
    count += by;
    if (count === 8) child = await startChild(childAwaitingSignal, { workflowId: `${workflowInfo().workflowId}/child`, parentClosePolicy: ParentClosePolicy.ABANDON });
    if (count === 9 && child) await getExternalWorkflowHandle(child.workflowId).signal(submittedSignal);
    return count;
  });
  setHandler(finishUpdate, () => void (done = true));
  await condition(() => done);
  // The child's end is an event of this workflow: completing while it arrives fails the task, and with it
  // the finishing Update ("unexpected workflow task failure"). Waiting for it first leaves nothing to race.
  await child?.result();
  return count;
}

/** The counter whose first three Updates each use a patch for the first time, as a projectLifecycle run used three. */
export async function counterPatched(): Promise<number> {
  let count = 0;
  let done = false;
  setHandler(bumpUpdate, (by) => {
    count += by;
    if (count <= 3) patched(`bench-change-${count}`);
    return count;
  });
  setHandler(finishUpdate, () => void (done = true));
  await condition(() => done);
  return count;
}
