// Re-prioritisation in pages on the real servers: the workflow reads the pool one keyset page per
// activity (its history shows the pages), and the snapshot it records ranks every open need exactly as
// ranking the whole pool at once does; recording the snapshot again changes nothing.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createNeedsPoolActivities } from '../activities/needs-pool.js';
import { createReprioritisationPageActivities } from '../activities/reprioritisation-pages.js';
import { startStack, type Stack } from './support/stack.js';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack?.stop());

describe('re-prioritisation in pages', () => {
  it('reads the pool a page per activity and records the same ranking as one pass over the whole pool', async () => {
    // 23 questionnaire needs (invented rows from the code lists); pairs share urgency and date, so scores and waits tie and the id decides.
    const tag = randomUUID().slice(0, 8);
    await stack.db.insertInto('needs').values(Array.from({ length: 23 }, (_, i) => ({
      id: `pages-${tag}-${String(i).padStart(2, '0')}`, project_id: null, position: 0, state_code: ['GAB', 'KEN', 'HND'][i % 3]!, source: 'QUESTIONNAIRE_RESPONSE',
      priority_area: ['PA-A', 'PA-B'][i % 2]!, priority_activity: '(d)', instrument: 'UNTOC', article: null, forms_of_assistance: ['TRAINING_NATIONAL'],
      urgency: ['LOW', 'HIGH'][Math.floor(i / 2) % 2]!, description: `Synthetic need ${i} (invented)`, created_at: new Date(Date.UTC(2020, 0, 1 + Math.floor(i / 2))),
    }))).execute();
    const { count } = await stack.db.selectFrom('needs').select((eb) => eb.fn.countAll<string>().as('count')).executeTakeFirstOrThrow();

    const workflowId = `reprioritisation-pages-${tag}`;
    const handle = await stack.client.workflow.start('reprioritisation', { workflowId, taskQueue: stack.taskQueue, args: [{ trigger: 'ON_DEMAND', pageSize: 10 }] });
    const result = (await handle.result()) as { snapshotId: number; openNeeds: number };

    const history = await handle.fetchHistory();
    const scheduled = history.events!.flatMap((e) => (e.activityTaskScheduledEventAttributes ? [e.activityTaskScheduledEventAttributes.activityType!.name] : []));
    expect(scheduled.filter((n) => n === 'prioritiseNeedsPage')).toHaveLength(Math.floor(Number(count) / 10) + 1);
    expect(scheduled).not.toContain('recomputePriorities');

    // The same pool ranked in one pass, at the same clock, by the previous single activity.
    const taken = await stack.db.selectFrom('priority_snapshots').select(['taken_at', 'open_needs']).where('id', '=', result.snapshotId).executeTakeFirstOrThrow();
    const whole = await createNeedsPoolActivities(stack.db).recomputePriorities({ workflowId: `${workflowId}-whole`, trigger: 'ON_DEMAND', at: new Date(taken.taken_at).toISOString() });
    const entries = (snapshotId: number) =>
      stack.db.selectFrom('priority_snapshot_entries').select(['need_id', 'rank', 'score', 'parts']).where('snapshot_id', '=', snapshotId).orderBy('rank').execute();
    const paged = await entries(result.snapshotId);
    expect(paged.length).toBe(whole.openNeeds);
    expect(result.openNeeds).toBe(whole.openNeeds);
    expect(paged.filter((e) => e.need_id.startsWith(`pages-${tag}`))).toHaveLength(23);
    expect(paged).toEqual(await entries(whole.snapshotId));

    // Recording again (a retried last activity) returns the same snapshot and leaves no staging rows.
    const again = await createReprioritisationPageActivities(stack.db).recordReprioritisation({
      run: { workflowId, trigger: 'ON_DEMAND', at: new Date(taken.taken_at).toISOString() },
      inputs: { weightSetId: null, weights: {}, regionsFlagged: [], presumedGenerated: 0 },
    });
    expect(again.snapshotId).toBe(result.snapshotId);
    expect(await entries(result.snapshotId)).toHaveLength(paged.length);
    const staged = await sql<{ n: string }>`select count(*) as n from priority_snapshot_staging where workflow_id = ${workflowId}`.execute(stack.db);
    expect(Number(staged.rows[0]!.n)).toBe(0);
  });
});
