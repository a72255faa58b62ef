// The baseline for bench:lifecycle: a workflow that does nothing but accept an Update.
import { condition, defineUpdate, setHandler } from '@temporalio/workflow';

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
