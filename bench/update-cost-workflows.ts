// bench:update-costs' workflows: the same counter as the bare floor, plus what a lifecycle transition may
// add in its task: an upsert of search attributes, a timer started (and cancelled by the next Update).
import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';
import { condition, setHandler, upsertSearchAttributes } from '@temporalio/workflow';
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
