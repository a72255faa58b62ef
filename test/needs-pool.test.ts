// The needs pool on the real servers: Conference weights, explained priorities, a State's ranking, and
// re-prioritisation runs whose snapshots show an evaluation's unmet need rising.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refreshStaleRanking } from '../db/queries/need-ranking.js';
import { ensureReprioritisationSchedule, REPRIORITISATION_SCHEDULE_ID } from '../worker/schedules.js';
import { caller, dacRatings, fileAs, must, rosterEvaluator, type Caller } from './support/actions.js';
import { freshKey, startStack, type Stack } from './support/stack.js';

let stack: Stack;
let pm: Caller;
let admin: Caller;
beforeAll(async () => {
  stack = await startStack();
  pm = await caller(stack, { subject: 'pm-pool', role: 'PROGRAMME_MANAGER' });
  admin = await caller(stack, { subject: 'cop-secretary', role: 'CONFERENCE_ADMIN' });
});
afterAll(() => stack?.stop());

const SET_WEIGHTS = `mutation($input: SetPriorityWeightsInput!) {
  setPriorityWeights(input: $input) {
    __typename ... on PriorityWeightSet { id decision setBy weights { priorityArea weight } } ... on Error { code message } ... on ValidationError { issues { field message } } } }`;
// first as a variable: graphql-armor multiplies a literal first by the cost of a node (a page of 100 needs with
// their explained priority would cost 10,700 against the 5,000 budget); the resolver caps it at 100 either way.
const POOL = `query($filter: NeedPoolFilter, $first: Int = 100) { needPool(filter: $filter, first: $first) { __typename
  ... on QueryNeedPoolSuccess { data { edges { node { id rank: poolRank state priorityArea verdict stateRank priority { score parts { name points reason } } } } } }
  ... on Error { code message } } }`;
const REPRIORITISE = `mutation { reprioritiseNow { __typename ... on PrioritySnapshot { id trigger openNeeds ranking(first: 100, state: "GAB") { edges { node { needId rank previousRank rankChange score } } pageInfo { hasNextPage endCursor } } } ... on Error { code message } } }`;

const today = () => new Date().toISOString().slice(0, 10);

const reportingNeed = (state: string, description: string) => ({
  state, title: 'Help to meet reporting obligations', idempotencyKey: freshKey(`pool-${state}`),
  needs: [{ priorityArea: 'PA-D', priorityActivity: '(d)', instrument: 'UNTOC', formsOfAssistance: ['DATA_SYSTEMS'], urgency: 'LOW' as const, description }],
});

describe('Conference weights', () => {
  it('are set by the Conference administrator, versioned by decision, and refused to others or when malformed', async () => {
    const { body } = await stack.gql(SET_WEIGHTS, { input: { decision: 'decision 3/4', decidedOn: today(), weights: [{ priorityArea: 'PA-A', weight: 1.5 }, { priorityArea: 'PA-D', weight: 1 }] } }, admin.token);
    expect(body.data.setPriorityWeights).toMatchObject({ __typename: 'PriorityWeightSet', decision: 'decision 3/4', setBy: 'cop-secretary', weights: [{ priorityArea: 'PA-A', weight: 1.5 }, { priorityArea: 'PA-D', weight: 1 }] });
    const byManager = await stack.gql(SET_WEIGHTS, { input: { decision: 'x', decidedOn: today(), weights: [{ priorityArea: 'PA-A', weight: 2 }] } }, pm.token);
    expect(byManager.body.data.setPriorityWeights).toMatchObject({ __typename: 'ForbiddenError' });
    const bad = await stack.gql(SET_WEIGHTS, { input: { decision: 'resolution 5/6', decidedOn: today(), weights: [{ priorityArea: 'PA-Z', weight: 1 }, { priorityArea: 'PA-B', weight: 9 }] } }, admin.token);
    expect(bad.body.data.setPriorityWeights.issues).toEqual([
      { field: 'input.weights.0.priorityArea', message: 'unknown priority area "PA-Z"' },
      { field: 'input.weights.1.weight', message: 'must be 0-3' },
    ]);
    const history = await stack.gql('{ priorityWeights { decision inForce } }', {}, pm.token);
    expect(history.body.data.priorityWeights.find((w: { inForce: boolean }) => w.inForce)).toEqual({ decision: 'decision 3/4', inForce: true });

    // New weights mark every need stale, and the test database holds every earlier test file's needs: they
    // are re-ranked here, with no request deadline, rather than by the next test's pool read (in a fresh-clone
    // CI run, where this file came late, that read used up the API's 30 s request deadline).
    const started = performance.now();
    const ranked = await refreshStaleRanking(stack.db);
    console.log(`needs-pool: the new weights had ${ranked} needs re-ranked in ${Math.round(performance.now() - started)} ms`);
  });
});

describe('the pool', () => {
  it('explains each open need\'s priority and shows a focal point only its own State\'s needs', async () => {
    const ner = await caller(stack, { subject: 'fp-NER', role: 'STATE_FOCAL_POINT', stateCode: 'NER' });
    const { needs } = await fileAs(stack, ner, reportingNeed('NER', 'Crime statistics capacity (000 para 51).'));
    const { body } = await stack.gql(POOL, { filter: { state: 'NER' } }, pm.token);
    const need = body.data.needPool.data.edges.map((e: { node: unknown }) => e.node).find((n: { id: string }) => n.id === needs[0]!.id);
    expect(need.priority.parts.map((p: { name: string }) => p.name)).toEqual(['CONFERENCE_WEIGHT', 'URGENCY', 'TIME_WAITING', 'COULD_NOT_REPORT']);
    expect(need.priority.parts[3]).toEqual({ name: 'COULD_NOT_REPORT', points: 10, reason: 'its State is among those that could not report (000 fn 5)' });

    const mine = await stack.gql(POOL, {}, ner.token);
    expect(new Set(mine.body.data.needPool.data.edges.map((e: { node: unknown }) => e.node).map((n: { state: string }) => n.state))).toEqual(new Set(['NER']));
    // Asking for another State's needs is a clear NotFoundError, never silently its own.
    const kenya = await stack.gql(POOL, { filter: { state: 'KEN' } }, ner.token);
    expect(kenya.body.data.needPool).toEqual({ __typename: 'NotFoundError', code: 'NOT_FOUND', message: 'no needs for State KEN' });

    const ranked = await stack.gql(`mutation($state: String!, $ids: [ID!]!) { rankNeeds(input: { state: $state, needIds: $ids }) { __typename ... on MutationRankNeedsSuccess { data { id stateRank priority { parts { name points } } } } ... on Error { code message } } }`, { state: 'NER', ids: [needs[0]!.id] }, ner.token);
    const rankedNeed = ranked.body.data.rankNeeds.data.find((n: { id: string }) => n.id === needs[0]!.id);
    expect(rankedNeed.stateRank).toBe(1);
    expect(rankedNeed.priority.parts).toContainEqual({ name: 'STATE_RANKING', points: 10 });
    const notHers = await stack.gql(`mutation($state: String!, $ids: [ID!]!) { rankNeeds(input: { state: $state, needIds: $ids }) { __typename ... on Error { code message } } }`, { state: 'KEN', ids: [needs[0]!.id] }, ner.token);
    expect(notHers.body.data.rankNeeds).toEqual({ __typename: 'NotFoundError', code: 'NOT_FOUND', message: 'no needs for State KEN' });
  });
});

describe('re-prioritisation', () => {
  it('runs on a daily Temporal Schedule', async () => {
    await ensureReprioritisationSchedule(stack.client, { taskQueue: stack.taskQueue });
    await ensureReprioritisationSchedule(stack.client, { taskQueue: stack.taskQueue }); // idempotent
    const schedule = await stack.client.schedule.getHandle(REPRIORITISATION_SCHEDULE_ID).describe();
    expect(schedule.action).toMatchObject({ type: 'startWorkflow', workflowType: 'reprioritisation' });
    expect(schedule.spec.calendars?.length ?? 0).toBeGreaterThan(0);
  });

  it('raises a need that an evaluation found unmet, as the next run\'s snapshot shows', async () => {
    const gab = await caller(stack, { subject: 'fp-GAB', role: 'STATE_FOCAL_POINT', stateCode: 'GAB' });
    const earlier = await fileAs(stack, gab, reportingNeed('GAB', 'Case-management system for the prosecution (earlier request).'));
    const later = await fileAs(stack, gab, reportingNeed('GAB', 'Crime statistics for the Ministry of Justice (later request).'));
    // The ranking is a connection: its GAB pages are followed to the end (other test files sharing the
    // database may have filed more than a page of GAB needs before this one runs).
    type RankingPage = { edges: { node: { needId: string; rank: number; rankChange: number | null } }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
    const flat = async (s: { id: number; ranking: RankingPage }) => {
      const ranking = s.ranking.edges.map((e) => e.node);
      for (let page = s.ranking; page.pageInfo.hasNextPage; ) {
        const next = await stack.gql(`query($after: String) { prioritySnapshots(first: 1) { ... on QueryPrioritySnapshotsSuccess { data { edges { node { id
          ranking(first: 100, after: $after, state: "GAB") { edges { node { needId rank previousRank rankChange score } } pageInfo { hasNextPage endCursor } } } } } } } }`, { after: page.pageInfo.endCursor }, pm.token);
        const node = next.body.data.prioritySnapshots.data.edges[0].node;
        expect(node.id).toBe(s.id); // still the newest snapshot: the one just recorded
        page = node.ranking;
        ranking.push(...page.edges.map((e) => e.node));
      }
      return { ...s, ranking };
    };
    const first = await flat((await stack.gql(REPRIORITISE, {}, pm.token)).body.data.reprioritiseNow);
    expect(first).toMatchObject({ __typename: 'PrioritySnapshot', trigger: 'ON_DEMAND' });
    const rankIn = (snapshot: { ranking: { needId: string; rank: number }[] }, id: string) => snapshot.ranking.find((e) => e.needId === id)?.rank;
    expect(rankIn(first, earlier.needs[0]!.id)).toBeLessThan(rankIn(first, later.needs[0]!.id)!); // equal scores: longer wait first

    // The later need's project is delivered and evaluated; the evaluator finds the need unmet.
    const id = later.id;
    await must(stack, pm, 'startAssessment', id);
    await must(stack, pm, 'startPlanning', id);
    await must(stack, pm, 'setPlan', id, {
      objectives: ['Crime statistics produced'], outputs: [],
      outcomes: [{ title: 'Statistics published', indicators: [{ name: 'reports published', unit: 'reports', baseline: 0, target: 1 }] }],
      formsOfAssistance: ['DATA_SYSTEMS'], modality: 'NATIONAL', budget: { amount: '20000', currency: 'USD' },
    });
    await must(stack, gab, 'endorsePlan', id);
    await must(stack, pm, 'seekFunding', id);
    await must(stack, pm, 'pledge', id, { donor: 'Invented donor (demo)', amount: '20000', currency: 'USD', kind: 'CASH' });
    await must(stack, pm, 'startDelivery', id);
    const evaluator = await rosterEvaluator(stack, 'Evaluator of the statistics project');
    await must(stack, pm, 'startEvaluation', id, { evaluator: evaluator.actor.subject });
    await must(stack, evaluator, 'submitOutcomeAssessment', id, {
      criteria: dacRatings(2), indicatorValues: [{ indicator: 'reports published', actual: 0 }],
      needVerdicts: [{ needId: later.needs[0]!.id, verdict: 'UNMET' }], narrative: 'No statistics were published; the need remains.',
    });
    await must(stack, pm, 'close', id);

    const second = await flat((await stack.gql(REPRIORITISE, {}, pm.token)).body.data.reprioritiseNow);
    const raised = second.ranking.find((e) => e.needId === later.needs[0]!.id)!;
    expect(rankIn(second, later.needs[0]!.id)).toBeLessThan(rankIn(second, earlier.needs[0]!.id)!);
    expect(raised.rankChange).toBeGreaterThan(0);
    const { body } = await stack.gql(POOL, { filter: { state: 'GAB' } }, pm.token);
    const explained = body.data.needPool.data.edges.map((e: { node: unknown }) => e.node).find((n: { id: string }) => n.id === later.needs[0]!.id);
    expect(explained).toMatchObject({ verdict: 'UNMET' });
    expect(explained.priority.parts).toContainEqual({ name: 'FOUND_UNMET', points: 15, reason: 'an evaluation found it unmet' });
  });

  it('pages the snapshots newest first and each ranking by rank, and refuses a bad first or after naming it', async () => {
    for (let i = 0; i < 2; i++) expect((await stack.gql(REPRIORITISE, {}, pm.token)).body.data.reprioritiseNow.__typename).toBe('PrioritySnapshot');
    const PAGE = `query($first: Int, $after: String, $rankFirst: Int, $rankAfter: String) { prioritySnapshots(first: $first, after: $after) { __typename
      ... on QueryPrioritySnapshotsSuccess { data { totalCount pageInfo { hasNextPage endCursor } edges { node { id openNeeds ranking(first: $rankFirst, after: $rankAfter) { totalCount pageInfo { hasNextPage endCursor } edges { node { rank } } } } } } }
      ... on ValidationError { issues { field } } } }`;
    const one = (await stack.gql(PAGE, { first: 1, rankFirst: 1 }, pm.token)).body.data.prioritySnapshots.data;
    expect(one.totalCount).toBeGreaterThanOrEqual(2);
    expect(one.pageInfo.hasNextPage).toBe(true);
    const two = (await stack.gql(PAGE, { first: 1, after: one.pageInfo.endCursor, rankFirst: 1 }, pm.token)).body.data.prioritySnapshots.data;
    expect(two.edges[0].node.id).toBeLessThan(one.edges[0].node.id); // newest first, no overlap

    // The newest run's ranking, one rank at a time, then the rest: ranks follow on without a gap.
    const newest = one.edges[0].node;
    expect(newest.ranking.totalCount).toBe(newest.openNeeds);
    expect(newest.ranking.edges.map((e: { node: { rank: number } }) => e.node.rank)).toEqual([1]);
    const rest = (await stack.gql(PAGE, { first: 1, rankFirst: 2, rankAfter: newest.ranking.pageInfo.endCursor }, pm.token)).body.data.prioritySnapshots.data.edges[0].node.ranking;
    expect(rest.edges.map((e: { node: { rank: number } }) => e.node.rank)).toEqual([2, 3].slice(0, Math.min(2, newest.openNeeds - 1)));

    const tooMany = await stack.gql(PAGE, { first: 101 }, pm.token);
    expect(tooMany.body.data.prioritySnapshots).toEqual({ __typename: 'ValidationError', issues: [{ field: 'first' }] });
    const badCursor = await stack.gql(PAGE, { after: 'not-a-cursor!' }, pm.token);
    expect(badCursor.body.data.prioritySnapshots).toEqual({ __typename: 'ValidationError', issues: [{ field: 'after' }] });
  });

  it('is refused to a focal point', async () => {
    const gab = await caller(stack, { subject: 'fp-GAB', role: 'STATE_FOCAL_POINT', stateCode: 'GAB' });
    expect((await stack.gql(REPRIORITISE, {}, gab.token)).body.data.reprioritiseNow).toMatchObject({ __typename: 'ForbiddenError' });
  });
});
