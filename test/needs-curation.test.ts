// Curating the pool on the real servers: presumed needs generated and blocked until confirmed (R8, R1),
// duplicates flagged and merged (R3), and needs grouped into one project (S8).
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findDuplicates } from '../domain/duplicates.js';
import { needMayEnterProject, nonReportingStates, regionReportingRates } from '../domain/presumed-needs.js';
import { caller, type Caller } from './support/actions.js';
import { startStack, type Stack } from './support/stack.js';

describe('pure curation rules', () => {
  it('presumes a reporting need only for States absent from every imported cycle', () => {
    expect(nonReportingStates(['GAB', 'TCD', 'TON'], new Map())).toEqual([]);
    expect(nonReportingStates(['GAB', 'TCD', 'TON'], new Map([['2008', new Set(['TCD'])], ['2010', new Set(['GAB'])]]))).toEqual(['TON']);
  });
  it('keeps an unconfirmed presumed need out of projects (R1)', () => {
    expect(needMayEnterProject({ source: 'PRESUMED_NON_REPORTING', confirmedAt: null, projectId: null, stateCode: 'TON' })).toBe("a presumed need awaits the confirmation of TON's focal point (R1)");
    expect(needMayEnterProject({ source: 'PRESUMED_NON_REPORTING', confirmedAt: '2012-01-01', projectId: null, stateCode: 'TON' })).toBeNull();
    expect(needMayEnterProject({ source: 'FORMAL_REQUEST', confirmedAt: null, projectId: 'p1', stateCode: 'GAB' })).toBe('already in project p1');
  });
  it('flags regions reporting at or below 50%', () => {
    const rates = regionReportingRates(new Map([['CARIBBEAN', ['JAM', 'HTI', 'DOM', 'TTO']], ['CAUCASUS', ['ARM', 'AZE', 'GEO']]]), new Set(['JAM', 'HTI', 'ARM', 'AZE']));
    expect(rates).toEqual([
      { region: 'CARIBBEAN', states: 4, reported: 2, rate: 0.5, flagged: true },
      { region: 'CAUCASUS', states: 3, reported: 2, rate: 0.667, flagged: false },
    ]);
  });
  it('groups needs with the same area, activity and instrument, or like descriptions, per State', () => {
    const n = (id: string, stateCode: string, priorityActivity: string, description: string) => ({ id, stateCode, priorityArea: 'PA-B', priorityActivity, instrument: 'UNTOC', description });
    expect(findDuplicates([
      n('a', 'TCD', '(e)', 'Assess laws and draft new ones'),
      n('b', 'TCD', '(e)', 'Legislative drafting'),
      n('c', 'TCD', '(b)', 'Train investigators, judges and prosecutors in Chad'),
      n('d', 'TCD', '(a)', 'Train the investigators, judges and prosecutors of Chad'),
      n('e', 'GAB', '(b)', 'Train investigators, judges and prosecutors in Chad'),
    ])).toEqual([
      { needIds: ['a', 'b'], reason: 'TCD asks for PA-B (e) under UNTOC 2 times' },
      { needIds: ['c', 'd'], reason: 'TCD: descriptions 86% alike' },
    ]);
  });
});

describe('the pool on the real servers', () => {
  let stack: Stack;
  let pm: Caller;
  let ton: Caller;
  beforeAll(async () => {
    stack = await startStack();
    pm = await caller(stack, { subject: 'pm-curation', role: 'PROGRAMME_MANAGER' });
    ton = await caller(stack, { subject: 'fp-TON', role: 'STATE_FOCAL_POINT', stateCode: 'TON' });
  });
  afterAll(() => stack?.stop());

  const importCsv = async (lines: string[]) => {
    const { body } = await stack.gql(`mutation($input: ImportNeedsInput!) { importNeeds(input: $input) { __typename ... on NeedsImport { id } } }`, {
      input: { format: 'CSV', source: 'QUESTIONNAIRE_RESPONSE', cycle: `curation-${randomUUID().slice(0, 8)}`, content: ['state,priorityArea,priorityActivity,instrument,article,formsOfAssistance,urgency,description', ...lines].join('\n'), importKey: `cur-${randomUUID()}` },
    }, pm.token);
    const id = body.data.importNeeds.id;
    await expect.poll(async () => (await stack.gql('query($id: ID!) { needsImport(id: $id) { ... on NeedsImport { status } } }', { id }, pm.token)).body.data.needsImport.status, { timeout: 30_000 }).toBe('COMPLETED');
  };

  it('generates a presumed need for a party that never reported, blocks it until its State confirms, then groups it into a project', async () => {
    await importCsv(['TCD,PA-A,(d),UNTOC,32,REPORTING_SUPPORT,MEDIUM,Help with the questionnaire (000 fn 5)']);
    const run = await stack.gql('mutation { reprioritiseNow { __typename ... on PrioritySnapshot { presumedGenerated regionsFlagged { region rate } } } }', {}, pm.token);
    // Which regions fall at or below 50% depends on every import the run has seen; the rule is tested above.
    expect(run.body.data.reprioritiseNow.regionsFlagged.every((r: { rate: number }) => r.rate <= 0.5)).toBe(true);

    const presumed = await stack.gql('{ presumedNeeds { ... on QueryPresumedNeedsSuccess { data { edges { node { id state source } } } } } }', {}, ton.token);
    expect(presumed.body.data.presumedNeeds.data.edges.map((e: { node: unknown }) => e.node)).toEqual([{ id: 'presumed:TON', state: 'TON', source: 'PRESUMED_NON_REPORTING' }]);
    const pool = await stack.gql('{ needPool(filter: { state: "TON" }) { ... on QueryNeedPoolSuccess { data { edges { node { id } } } } } }', {}, pm.token);
    expect(pool.body.data.needPool.data.edges).toEqual([]); // shown apart, not ranked, until confirmed

    const GROUP = 'mutation($ids: [ID!]!, $key: String!) { groupNeedsIntoProject(input: { needIds: $ids, title: "Reporting support for Tonga", idempotencyKey: $key }) { __typename ... on Project { id stage states needs { id source } } ... on ValidationError { issues { field message } } ... on Error { code message } } }';
    const blocked = await stack.gql(GROUP, { ids: ['presumed:TON'], key: `ton-${randomUUID()}` }, pm.token);
    expect(blocked.body.data.groupNeedsIntoProject.issues).toEqual([{ field: 'input.needIds.0', message: "presumed:TON: a presumed need awaits the confirmation of TON's focal point (R1)" }]);

    const gab = await caller(stack, { subject: 'fp-GAB', role: 'STATE_FOCAL_POINT', stateCode: 'GAB' });
    expect((await stack.gql('mutation { confirmPresumedNeed(input: { needId: "presumed:TON" }) { __typename } }', {}, gab.token)).body.data.confirmPresumedNeed.__typename).toBe('NotFoundError');
    const confirmed = await stack.gql('mutation { confirmPresumedNeed(input: { needId: "presumed:TON" }) { __typename ... on Need { confirmedAt } } }', {}, ton.token);
    expect(confirmed.body.data.confirmPresumedNeed.confirmedAt).toEqual(expect.any(String));
    const ranked = await stack.gql('{ needPool(filter: { state: "TON" }) { ... on QueryNeedPoolSuccess { data { edges { node { id priority { parts { name } } } } } } } }', {}, pm.token);
    expect(ranked.body.data.needPool.data.edges.map((e: { node: unknown }) => e.node).map((n: { id: string }) => n.id)).toEqual(['presumed:TON']);

    const grouped = await stack.gql(GROUP, { ids: ['presumed:TON'], key: `ton-${randomUUID()}` }, pm.token);
    expect(grouped.body.data.groupNeedsIntoProject).toMatchObject({ __typename: 'Project', stage: 'SUBMITTED', states: ['TON'], needs: [{ id: 'presumed:TON', source: 'PRESUMED_NON_REPORTING' }] });
    // The history is a connection in event order: two pages of two, the second after the first's endCursor.
    const HISTORY_PAGE = 'query($after: String) { needHistory(id: "presumed:TON", first: 2, after: $after) { ... on QueryNeedHistorySuccess { data { totalCount pageInfo { hasNextPage endCursor } edges { node { action actorSubject } } } } } }';
    const one = (await stack.gql(HISTORY_PAGE, {}, ton.token)).body.data.needHistory.data;
    expect(one).toMatchObject({ totalCount: 4, pageInfo: { hasNextPage: true } });
    const two = (await stack.gql(HISTORY_PAGE, { after: one.pageInfo.endCursor }, ton.token)).body.data.needHistory.data;
    expect(two.pageInfo.hasNextPage).toBe(false);
    const entries = [...one.edges, ...two.edges].map((e: { node: { action: string; actorSubject: string } }) => e.node);
    expect(entries.map((e) => e.action)).toEqual(['PRESUMED', 'CONFIRMED', 'project:fileRequest', 'GROUPED_INTO_PROJECT']);
    expect(entries[1]!.actorSubject).toBe('fp-TON');
  });

  it('flags duplicates of one State and merges them into a survivor that keeps the pool place', async () => {
    await importCsv([
      'VUT,PA-B,(e),UNTOC,5,LEG_REVIEW,HIGH,Review the anti-money-laundering law (004 para 19)',
      'VUT,PA-B,(e),UNTOC,6,LEG_DRAFTING,MEDIUM,Draft amendments to the anti-money-laundering law (004 para 19)',
    ]);
    const groups = (await stack.gql('{ duplicateNeeds(state: "VUT") { ... on QueryDuplicateNeedsSuccess { data { needIds reason } } } }', {}, pm.token)).body.data.duplicateNeeds.data;
    expect(groups).toHaveLength(1);
    expect(groups[0].reason).toBe('VUT asks for PA-B (e) under UNTOC 2 times');
    const [survivor, duplicate] = groups[0].needIds;
    const merged = await stack.gql('mutation($s: ID!, $d: [ID!]!) { mergeNeeds(input: { survivorId: $s, duplicateIds: $d }) { __typename ... on MutationMergeNeedsSuccess { data { id mergedInto } } ... on ValidationError { issues { field message } } } }', { s: survivor, d: [duplicate] }, pm.token);
    expect(merged.body.data.mergeNeeds.data).toEqual([{ id: duplicate, mergedInto: survivor }]);
    const pool = await stack.gql('{ needPool(filter: { state: "VUT" }) { ... on QueryNeedPoolSuccess { data { edges { node { id } } } } } }', {}, pm.token);
    expect(pool.body.data.needPool.data.edges.map((e: { node: unknown }) => e.node).map((n: { id: string }) => n.id)).toEqual([survivor]);
    expect((await stack.gql('{ duplicateNeeds(state: "VUT") { ... on QueryDuplicateNeedsSuccess { data { needIds } } } }', {}, pm.token)).body.data.duplicateNeeds.data).toEqual([]);
    const history = await stack.gql('query($id: ID!) { needHistory(id: $id) { ... on QueryNeedHistorySuccess { data { edges { node { action detail } } } } } }', { id: duplicate }, pm.token);
    const entries = history.body.data.needHistory.data.edges.map((e: { node: { action: string; detail: unknown } }) => e.node);
    expect(entries.map((e: { action: string }) => e.action)).toEqual(['IMPORTED', 'MERGED_INTO']);
    expect(entries[1].detail).toEqual({ survivorId: survivor });
    const self = await stack.gql('mutation($s: ID!, $d: [ID!]!) { mergeNeeds(input: { survivorId: $s, duplicateIds: $d }) { __typename ... on ValidationError { issues { field message } } } }', { s: survivor, d: [survivor] }, pm.token);
    expect(self.body.data.mergeNeeds.issues).toEqual([{ field: 'input.duplicateIds.0', message: `${survivor} is the survivor` }]);
  });
});
