// The Conference's weights by priority area AND by instrument, versioned by decision and day, over the
// API on the real servers: the pool and the re-prioritisation use the set in force, and a snapshot
// names it. Weights are invented for the test (the seeds give no numbers, domain.md 10).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caller, fileAs, type Caller } from './support/actions.js';
import { freshKey, startStack, type Stack } from './support/stack.js';

let stack: Stack;
let pm: Caller;
let admin: Caller;
beforeAll(async () => {
  stack = await startStack();
  pm = await caller(stack, { subject: 'pm-weights', role: 'PROGRAMME_MANAGER' });
  admin = await caller(stack, { subject: 'cop-secretary-5', role: 'CONFERENCE_ADMIN' });
});
afterAll(async () => {
  // Leave neutral weights in force for the test files that run after this one.
  await stack?.gql(SET, { input: { decision: 'neutral (test cleanup)', decidedOn: today(), weights: [{ priorityArea: 'PA-E', weight: 1 }] } }, admin.token);
  await stack?.stop();
});

const today = () => new Date().toISOString().slice(0, 10);
const SET = `mutation($input: SetPriorityWeightsInput!) { setPriorityWeights(input: $input) { __typename
  ... on PriorityWeightSet { id decision decidedOn inForce weights { priorityArea weight } instrumentWeights { instrument weight } }
  ... on Error { code message } ... on ValidationError { issues { field message } } } }`;
const POOL = `query($filter: NeedPoolFilter, $first: Int = 100) { needPool(filter: $filter, first: $first) { __typename
  ... on QueryNeedPoolSuccess { data { edges { node { id priority { score parts { name points reason } } } } } } ... on Error { code message } } }`;

describe('weights by priority area and by instrument, versioned by decision', () => {
  it('a decision stressing the Smuggling of Migrants Protocol raises SOM needs in every area; a later-dated one waits for its day; a snapshot names the set it used', async () => {
    // Senegal asked for a review of its SOM law (003 para 22): one need under SOM, one under TIP, same area.
    const sen = await caller(stack, { subject: 'fp-SEN', role: 'STATE_FOCAL_POINT', stateCode: 'SEN' });
    const { needs } = await fileAs(stack, sen, {
      state: 'SEN', title: 'Protocols: legislative review', idempotencyKey: freshKey('sen-protocols'),
      needs: [
        { priorityArea: 'PA-E', priorityActivity: '(e)', instrument: 'SOM', article: '6', formsOfAssistance: ['LEG_REVIEW'], urgency: 'MEDIUM', description: 'Review the smuggling of migrants law (003 para 22)' },
        { priorityArea: 'PA-E', priorityActivity: '(e)', instrument: 'TIP', article: '5', formsOfAssistance: ['LEG_REVIEW'], urgency: 'MEDIUM', description: 'Review the trafficking in persons law' },
      ],
    });
    const som = needs[0]!.id;
    const tip = needs[1]!.id;

    const set = await stack.gql(SET, { input: { decision: 'resolution 5/6', decidedOn: today(), weights: [{ priorityArea: 'PA-E', weight: 1.5 }], instrumentWeights: [{ instrument: 'SOM', weight: 2 }, { instrument: 'FA', weight: 2 }] } }, admin.token);
    expect(set.body.data.setPriorityWeights).toMatchObject({
      __typename: 'PriorityWeightSet', decision: 'resolution 5/6', decidedOn: today(), inForce: true,
      weights: [{ priorityArea: 'PA-E', weight: 1.5 }], instrumentWeights: [{ instrument: 'FA', weight: 2 }, { instrument: 'SOM', weight: 2 }],
    });
    const inForceId = set.body.data.setPriorityWeights.id;

    // Recorded after it but decided earlier (2008), and another decided in the future: neither is in force.
    const older = await stack.gql(SET, { input: { decision: 'decision 4/3', decidedOn: '2008-10-17', instrumentWeights: [{ instrument: 'SOM', weight: 0 }] } }, admin.token);
    expect(older.body.data.setPriorityWeights).toMatchObject({ decision: 'decision 4/3', inForce: false, weights: [] });
    const future = await stack.gql(SET, { input: { decision: 'decision 99/1 (invented)', decidedOn: '2099-10-19', instrumentWeights: [{ instrument: 'SOM', weight: 0 }] } }, admin.token);
    expect(future.body.data.setPriorityWeights).toMatchObject({ decision: 'decision 99/1 (invented)', inForce: false });

    const list = await stack.gql('{ priorityWeights { id decision decidedOn inForce } }', {}, sen.token);
    const sets = list.body.data.priorityWeights as { id: number; decision: string; decidedOn: string; inForce: boolean }[];
    expect(sets.filter((s) => s.inForce).map((s) => s.id)).toEqual([inForceId]);
    expect(sets[0]).toMatchObject({ decision: 'decision 99/1 (invented)', decidedOn: '2099-10-19' }); // the latest decision first
    expect(sets.map((s) => s.decidedOn)).toEqual([...sets.map((s) => s.decidedOn)].sort().reverse());

    const pool = await stack.gql(POOL, { filter: { state: 'SEN' } }, pm.token);
    const byId = new Map((pool.body.data.needPool.data.edges.map((e: { node: unknown }) => e.node) as { id: string; priority: { score: number; parts: { name: string; points: number; reason: string }[] } }[]).map((n) => [n.id, n.priority]));
    expect(byId.get(som)!.parts.slice(0, 2)).toEqual([
      { name: 'CONFERENCE_WEIGHT', points: 45, reason: 'the Conference weighs PA-E at 1.5' },
      { name: 'INSTRUMENT_WEIGHT', points: 15, reason: 'the Conference weighs SOM at 2' },
    ]);
    expect(byId.get(tip)!.parts.map((p) => p.name)).not.toContain('INSTRUMENT_WEIGHT');
    expect(byId.get(som)!.score - byId.get(tip)!.score).toBe(15);

    const run = await stack.gql('mutation { reprioritiseNow { __typename ... on PrioritySnapshot { id weightSetId weightSet { id decision decidedOn } ranking(first: 100, state: "SEN") { edges { node { needId rank score } } } } ... on Error { code message } } }', {}, pm.token);
    const snapshot = run.body.data.reprioritiseNow;
    expect(snapshot).toMatchObject({ __typename: 'PrioritySnapshot', weightSetId: inForceId, weightSet: { id: inForceId, decision: 'resolution 5/6', decidedOn: today() } });
    const ranked = (snapshot.ranking.edges as { node: { needId: string; rank: number } }[]).map((e) => e.node);
    expect(ranked.find((e) => e.needId === som)!.rank).toBeLessThan(ranked.find((e) => e.needId === tip)!.rank);
  });

  it('refuses an unknown instrument, a weight out of range and an empty set, naming the field, and records nothing', async () => {
    const before = (await stack.gql('{ priorityWeights { id } }', {}, admin.token)).body.data.priorityWeights.length;
    const bad = await stack.gql(SET, { input: { decision: 'decision 6/1', decidedOn: today(), instrumentWeights: [{ instrument: 'XYZ', weight: 1 }, { instrument: 'FA', weight: 4 }] } }, admin.token);
    expect(bad.body.data.setPriorityWeights.issues).toEqual([
      { field: 'input.instrumentWeights.0.instrument', message: 'unknown instrument "XYZ"' },
      { field: 'input.instrumentWeights.1.weight', message: 'must be 0-3' },
    ]);
    const empty = await stack.gql(SET, { input: { decision: 'decision 6/2', decidedOn: today() } }, admin.token);
    expect(empty.body.data.setPriorityWeights.issues).toEqual([{ field: 'input.weights', message: 'weigh at least one priority area or instrument' }]);
    const twice = await stack.gql(SET, { input: { decision: 'decision 6/3', decidedOn: today(), instrumentWeights: [{ instrument: 'FA', weight: 1 }, { instrument: 'FA', weight: 2 }] } }, admin.token);
    expect(twice.body.data.setPriorityWeights.__typename).toBe('ValidationError');
    const byManager = await stack.gql(SET, { input: { decision: 'decision 6/4', decidedOn: today(), instrumentWeights: [{ instrument: 'FA', weight: 2 }] } }, pm.token);
    expect(byManager.body.data.setPriorityWeights.__typename).toBe('ForbiddenError');
    expect((await stack.gql('{ priorityWeights { id } }', {}, admin.token)).body.data.priorityWeights.length).toBe(before);
  });
});
