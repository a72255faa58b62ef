// The floors for bench:lifecycle: a workflow that does nothing but accept an Update (the bare floor),
// and one whose Update awaits one no-op activity before it answers (the floor of "update + one
// projection round trip", which is what a lifecycle transition does).
import { condition, defineUpdate, proxyActivities, proxyLocalActivities, setHandler } from '@temporalio/workflow';

export const bumpUpdate = defineUpdate<number, [number]>('bump');
export const finishUpdate = defineUpdate<void>('finish');

export async function trivialCounter(): Promise<number> {
  let count = 0;
  let done = false;
  setHandler(bumpUpdate, (by) => (count += by), { validator: (by) => void (by > 0 || (() => { throw new Error('by must be positive'); })()) });
  setHandler(finishUpdate, () => void (done = true));
  await condition(() => done);
  return count;
}

/** The activities of the second floor: they do nothing, so what is measured is the round trip. */
export const floorActivities = {
  async noop(): Promise<void> {},
};

const { noop } = proxyActivities<typeof floorActivities>({ startToCloseTimeout: '30 seconds' });
const { noop: noopLocally } = proxyLocalActivities<typeof floorActivities>({ startToCloseTimeout: '30 seconds' });

/** An Update that awaits one no-op activity: as a task for the server's queue, or (`local`) in the worker. */
function counterAwaiting(awaitOne: () => Promise<void>) {
  return async (): Promise<number> => {
    let count = 0;
    let done = false;
    setHandler(bumpUpdate, async (by) => {
      count += by;
      await awaitOne();
      return count;
    }, { validator: (by) => void (by > 0 || (() => { throw new Error('by must be positive'); })()) });
    setHandler(finishUpdate, async () => {
      await awaitOne();
      done = true;
    });
    await condition(() => done);
    return count;
  };
}

export const counterWithActivity = counterAwaiting(() => noop());
/** The floor of a transition projected by a local activity: one workflow task, one marker. */
export const counterWithLocalActivity = counterAwaiting(() => noopLocally());

/** A workflow that returns at once: bench:workflow-start's floor for what starting any workflow costs. */
export async function returnAtOnce(): Promise<number> {
  return 1;
}
