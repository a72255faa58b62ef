// Re-prioritisation in pages on the real servers: the workflow reads the pool one keyset page per
// activity (its history shows the pages), in one lane or several at once, and the snapshot it records
// ranks every open need exactly as ranking the whole pool at once does; the lanes' pages read every need
// exactly once; recording the snapshot again changes nothing.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createNeedsPoolActivities } from '../activities/needs-pool.js';
import { createReprioritisationPageActivities } from '../activities/reprioritisation-pages.js';
import { loadNeedsPage, recordSnapshotFromRanking } from '../db/queries/priority-pages.js';
import { startStack, type Stack } from './support/stack.js';

let stack: Stack;

/** A snapshot's entries by rank, each with its explanation (inline, or named by key: migration 0170). */
const entries = (snapshotId: number) =>
  stack.db
    .selectFrom('priority_snapshot_entries as e')
    .leftJoin('priority_snapshot_explanations as x', (join) => join.onRef('x.snapshot_id', '=', 'e.snapshot_id').onRef('x.parts_key', '=', 'e.parts_key'))
    .select(['e.need_id', 'e.rank', 'e.score', sql<unknown[]>`coalesce(e.parts, x.parts)`.as('parts')])
    .where('e.snapshot_id', '=', snapshotId)
    .orderBy('e.rank')
    .execute();
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
    const handle = await stack.client.workflow.start('reprioritisation', { workflowId, taskQueue: stack.taskQueue, args: [{ trigger: 'ON_DEMAND', pageSize: 10, lanes: 1 }] });
    const result = (await handle.result()) as { snapshotId: number; openNeeds: number };

    const history = await handle.fetchHistory();
    const scheduled = history.events!.flatMap((e) => (e.activityTaskScheduledEventAttributes ? [e.activityTaskScheduledEventAttributes.activityType!.name] : []));
    expect(scheduled.filter((n) => n === 'prioritiseNeedsPage')).toHaveLength(Math.floor(Number(count) / 10) + 1);
    expect(scheduled).not.toContain('recomputePriorities');
    expect(scheduled.filter((n) => n === 'planReprioritisationLanes')).toHaveLength(1);

    // The same pool ranked in one pass, at the same clock, by the previous single activity.
    const taken = await stack.db.selectFrom('priority_snapshots').select(['taken_at', 'open_needs']).where('id', '=', result.snapshotId).executeTakeFirstOrThrow();
    const whole = await createNeedsPoolActivities(stack.db).recomputePriorities({ workflowId: `${workflowId}-whole`, trigger: 'ON_DEMAND', at: new Date(taken.taken_at).toISOString() });
    const paged = await entries(result.snapshotId);
    expect(paged.length).toBe(whole.openNeeds);
    expect(result.openNeeds).toBe(whole.openNeeds);
    expect(paged.filter((e) => e.need_id.startsWith(`pages-${tag}`))).toHaveLength(23);
    expect(paged).toEqual(await entries(whole.snapshotId));
    // Each explanation written once for the snapshot, the entries naming theirs.
    const inline = await stack.db.selectFrom('priority_snapshot_entries').select((eb) => eb.fn.countAll<string>().as('n')).where('snapshot_id', '=', result.snapshotId).where('parts', 'is not', null).executeTakeFirstOrThrow();
    expect(Number(inline.n)).toBe(0);
    const explanations = await stack.db.selectFrom('priority_snapshot_explanations').select((eb) => eb.fn.countAll<string>().as('n')).where('snapshot_id', '=', result.snapshotId).executeTakeFirstOrThrow();
    expect(Number(explanations.n)).toBe(new Set(paged.map((e) => JSON.stringify(e.parts))).size);

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

  it('runs its pages in lanes at once: every need read in exactly one page, the same snapshot as one lane and as the whole pool', async () => {
    const tag = randomUUID().slice(0, 8);
    // 31 needs written between, before and after those already there, so lanes cut among old and new ids alike.
    await stack.db.insertInto('needs').values(Array.from({ length: 31 }, (_, i) => ({
      id: `${['a', 'pages-', 'zz'][i % 3]}lanes-${tag}-${String(i).padStart(2, '0')}`, project_id: null, position: 0, state_code: ['GAB', 'KEN', 'HND'][i % 3]!, source: 'QUESTIONNAIRE_RESPONSE',
      priority_area: ['PA-A', 'PA-B', 'PA-C'][i % 3]!, priority_activity: '(d)', instrument: 'UNTOC', article: null, forms_of_assistance: ['TRAINING_NATIONAL'],
      urgency: ['LOW', 'MEDIUM', 'CRITICAL'][Math.floor(i / 3) % 3]!, description: `Synthetic need ${i} (invented)`, created_at: new Date(Date.UTC(2019, 5, 1 + Math.floor(i / 4))),
    }))).execute();
    // Identified to the microsecond (a page reads the time as text, truncated to the millisecond as a Date is).
    await sql`update needs set created_at = created_at + (interval '1 microsecond' * (123456 + length(id) * 7919 % 1000)) where id like ${`%lanes-${tag}-%`}`.execute(stack.db);
    const all = (await stack.db.selectFrom('needs').select('id').execute()).map((r) => r.id);
    const acts = createReprioritisationPageActivities(stack.db);

    // The lanes' pages, as the workflow walks them, read every need exactly once.
    for (const lanes of [1, 2, 3, 8]) {
      const cut = await acts.planReprioritisationLanes({ lanes });
      expect(cut).toHaveLength(lanes);
      const read: string[] = [];
      for (const lane of cut) {
        for (let after: string | null = null; ; ) {
          const { rows } = await loadNeedsPage(stack.db, { after, lane }, 7);
          read.push(...rows.map((r) => r.id));
          if (rows.length < 7) break;
          after = rows[rows.length - 1]!.id;
        }
      }
      expect(read.length, `${lanes} lanes`).toBe(all.length);
      expect(new Set(read)).toEqual(new Set(all));
    }

    // The workflow in two lanes (the default): its pages ran in both, and its snapshot is the whole pool's at its clock.
    const workflowId = `reprioritisation-lanes-${tag}`;
    const handle = await stack.client.workflow.start('reprioritisation', { workflowId, taskQueue: stack.taskQueue, args: [{ trigger: 'ON_DEMAND', pageSize: 10 }] });
    const result = (await handle.result()) as { snapshotId: number; openNeeds: number };
    const history = await handle.fetchHistory();
    const pages = history.events!.flatMap((e) => (e.activityTaskScheduledEventAttributes?.activityType?.name === 'prioritiseNeedsPage' ? [e.activityTaskScheduledEventAttributes] : []));
    const lanesUsed = new Set(pages.map((a) => JSON.stringify((JSON.parse(Buffer.from(a.input!.payloads![0]!.data!).toString()) as { lane: unknown }).lane)));
    expect(lanesUsed.size).toBe(2);
    const taken = await stack.db.selectFrom('priority_snapshots').select('taken_at').where('id', '=', result.snapshotId).executeTakeFirstOrThrow();
    const at = new Date(taken.taken_at).toISOString();
    const whole = await createNeedsPoolActivities(stack.db).recomputePriorities({ workflowId: `${workflowId}-whole`, trigger: 'ON_DEMAND', at });
    const inLanes = await entries(result.snapshotId);
    expect(inLanes.filter((e) => e.need_id.includes(`lanes-${tag}`))).toHaveLength(31);
    expect(inLanes).toEqual(await entries(whole.snapshotId));

    // One lane and three, in process at one clock after every need changed: the same snapshot.
    await stack.db.updateTable('needs').set({ urgency: 'HIGH' }).where('id', 'like', `%lanes-${tag}-%`).execute();
    const snapshotIn = async (lanes: number) => {
      const run = { workflowId: `${workflowId}-in-${lanes}`, trigger: 'ON_DEMAND', at };
      const prepared = await acts.prepareReprioritisation(run);
      if ('done' in prepared) throw new Error('a new run found a snapshot');
      await Promise.all((await acts.planReprioritisationLanes({ lanes })).map(async (lane) => {
        for (let after: string | null = null; ; ) {
          const page = await acts.prioritiseNeedsPage({ run, weights: prepared.inputs.weights, instrumentWeights: {}, after, limit: 10, lane });
          after = page.last;
          if (page.last === null || page.read < 10) return;
        }
      }));
      return entries((await acts.recordReprioritisation({ run, inputs: prepared.inputs })).snapshotId);
    };
    // Row versions of the ranking: a page that finds a priority unchanged does not write its row again.
    const versions = async () => (await sql<{ need_id: string; xmin: string; identified_ok: boolean }>`
      select r.need_id, r.xmin::text as xmin, r.identified_at = date_trunc('milliseconds', n.created_at) as identified_ok
      from need_ranking r join needs n on n.id = r.need_id where r.need_id like ${`%lanes-${tag}-%`} order by r.need_id`.execute(stack.db)).rows;
    const inThree = await snapshotIn(3);
    const written = await versions();
    expect(written.filter((v) => v.identified_ok)).toHaveLength(31);
    expect(inThree).toEqual(await snapshotIn(1));
    expect(await versions()).toEqual(written);
    expect(inThree.find((e) => e.need_id === `alanes-${tag}-00`)?.score).not.toBe(inLanes.find((e) => e.need_id === `alanes-${tag}-00`)?.score);
  });

  it('refuses a lane count out of range before writing anything, naming the field', async () => {
    const before = await stack.db.selectFrom('priority_snapshots').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    for (const lanes of [0, 9, 1.5]) {
      const run = stack.client.workflow.execute('reprioritisation', { workflowId: `reprioritisation-bad-lanes-${randomUUID()}`, taskQueue: stack.taskQueue, args: [{ trigger: 'ON_DEMAND', lanes }] });
      await expect(run).rejects.toMatchObject({ cause: { type: 'VALIDATION_FAILED', message: expect.stringMatching(/^lanes: must be/) } });
    }
    await expect(createReprioritisationPageActivities(stack.db).planReprioritisationLanes({ lanes: 0 })).rejects.toMatchObject({ type: 'VALIDATION_FAILED' });
    expect(await stack.db.selectFrom('priority_snapshots').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).toEqual(before);
  });

  it('takes the snapshot from the ranking the pages wrote, with the needs written after their page and the weights in force at its end', async () => {
    const tag = randomUUID().slice(0, 8);
    const ids = ['a', 'b', 'c'].map((k) => `pages-late-${tag}-${k}`);
    await stack.db.insertInto('needs').values(ids.map((id, i) => ({
      id, project_id: null, position: 0, state_code: 'KEN', source: 'QUESTIONNAIRE_RESPONSE', priority_area: 'PA-A', priority_activity: '(d)', instrument: 'UNTOC',
      article: null, forms_of_assistance: ['TRAINING_NATIONAL'], urgency: 'LOW', description: `Synthetic need ${i} (invented)`, created_at: new Date(Date.UTC(2021, 0, 1 + i)),
    }))).execute();
    const acts = createReprioritisationPageActivities(stack.db);
    const whole = async (at: string) => {
      const r = await createNeedsPoolActivities(stack.db).recomputePriorities({ workflowId: `pages-late-whole-${randomUUID()}`, trigger: 'ON_DEMAND', at });
      return entries(r.snapshotId);
    };
    const allPages = async (run: { workflowId: string; trigger: string; at: string }, weights: Record<string, number>) => {
      for (let after: string | null = null; ; ) {
        const page: { last: string | null; read: number } = await acts.prioritiseNeedsPage({ run, weights, instrumentWeights: {}, after, limit: 50 });
        after = page.last;
        if (page.last === null || page.read < 50) return;
      }
    };

    // Every page done, then one need raised and one withdrawn before the last step: the snapshot has them as they now stand.
    const run = { workflowId: `pages-late-${tag}`, trigger: 'ON_DEMAND', at: new Date().toISOString() };
    const prepared = await acts.prepareReprioritisation(run);
    if ('done' in prepared) throw new Error('a new run found a snapshot');
    await allPages(run, prepared.inputs.weights);
    await stack.db.updateTable('needs').set({ urgency: 'HIGH' }).where('id', '=', ids[0]!).execute();
    await stack.db.updateTable('needs').set({ withdrawn_at: new Date(), withdrawn_reason: 'invented: withdrawn during the run' }).where('id', '=', ids[1]!).execute();
    const result = await acts.recordReprioritisation({ run, inputs: prepared.inputs });
    const recorded = await entries(result.snapshotId);
    expect(recorded).toEqual(await whole(run.at));
    expect(recorded.map((e) => e.need_id)).not.toContain(ids[1]);
    const raised = recorded.find((e) => e.need_id === ids[0])!;
    expect(raised.rank).toBeLessThan(recorded.find((e) => e.need_id === ids[2])!.rank);
    expect(result.openNeeds).toBe(recorded.length);

    // Pages run with weights no longer in force write nothing; the last step ranks every need with the weights
    // in force and names them, not the run's.
    const inForce = (await acts.prepareReprioritisation({ workflowId: `pages-probe-${tag}`, trigger: 'ON_DEMAND', at: new Date().toISOString() })) as { inputs: { weightSetId: number | null; weights: Record<string, number> } };
    const stale = { workflowId: `pages-stale-weights-${tag}`, trigger: 'ON_DEMAND', at: new Date().toISOString() };
    const notInForce = { ...inForce.inputs.weights, 'PA-A': 3 };
    const before = await stack.db.selectFrom('need_ranking').select(['need_id', 'computed_at']).where('need_id', '=', ids[2]!).executeTakeFirstOrThrow();
    await allPages(stale, notInForce);
    expect(await stack.db.selectFrom('need_ranking').select(['need_id', 'computed_at']).where('need_id', '=', ids[2]!).executeTakeFirstOrThrow()).toEqual(before);
    const moved = await acts.recordReprioritisation({ run: stale, inputs: { weightSetId: -1, weights: notInForce, instrumentWeights: {}, regionsFlagged: [], presumedGenerated: 0 } });
    expect(moved.weightSetId).toBe(inForce.inputs.weightSetId);
    expect(await entries(moved.snapshotId)).toEqual(await whole(stale.at));

    // A retried last step (its first attempt marked every need, then timed out) does not mark them all again:
    // a need changed behind the triggers' back keeps its ranking, where a first attempt ranks it again.
    const score = async () => (await stack.db.selectFrom('need_ranking').select('score').where('need_id', '=', ids[2]!).executeTakeFirstOrThrow()).score;
    const lowScore = await score();
    await sql`ALTER TABLE needs DISABLE TRIGGER need_ranking_need_changed`.execute(stack.db);
    try {
      await stack.db.updateTable('needs').set({ urgency: 'CRITICAL' }).where('id', '=', ids[2]!).execute();
    } finally {
      await sql`ALTER TABLE needs ENABLE TRIGGER need_ranking_need_changed`.execute(stack.db);
    }
    const snapshotOf = (workflowId: string, mayRankAllAgain: boolean) =>
      recordSnapshotFromRanking(stack.db, { workflowId, trigger: 'ON_DEMAND', takenAt: new Date().toISOString(), weightSetId: -1, regionsFlagged: [], presumedGenerated: 0 }, { mayRankAllAgain });
    const retried = await snapshotOf(`pages-retried-${tag}`, false);
    expect(retried.weightSetId).toBe(inForce.inputs.weightSetId);
    expect(await score()).toBe(lowScore);
    await snapshotOf(`pages-first-attempt-${tag}`, true);
    expect(Number(await score())).toBe(Number(lowScore) + 35);
  });
});
