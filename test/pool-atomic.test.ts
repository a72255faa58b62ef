// Pool and roster operations that hold under concurrency, on the real servers: ten calls fired at once
// over GraphQL (Promise.all), then the database read back. One grouping gets the need, one merge
// applies, one confirmation, one acceptance and one suspension are recorded.
import { randomUUID } from 'node:crypto';
import { WorkflowNotFoundError } from '@temporalio/client';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { groupingRefusals, keyReusedIssue, mergeIssues, repeatedIdIssues, type PoolNeedState } from '../domain/pool-rules.js';
import { caller, type Caller } from './support/actions.js';
import { startStack, type Stack } from './support/stack.js';

const need = (over: Partial<PoolNeedState> = {}): PoolNeedState => ({
  id: 'n1', stateCode: 'KEN', source: 'QUESTIONNAIRE_RESPONSE', confirmedAt: null, projectId: null, claimedFor: null, mergedInto: null, ...over,
});

describe('pure pool rules', () => {
  it('names every repeated id with where it first appeared', () => {
    expect(repeatedIdIssues(['a', 'b', 'a', 'a'], 'needIds')).toEqual([
      { field: 'needIds.2', message: 'lists a again (first at needIds.0)' },
      { field: 'needIds.3', message: 'lists a again (first at needIds.0)' },
    ]);
    expect(repeatedIdIssues(['a', 'b'], 'needIds')).toEqual([]);
  });

  it.each([
    ['a free need', need(), []],
    ['a need claimed for this very project (a retry)', need({ claimedFor: 'p1' }), []],
    ['a need claimed for another project', need({ claimedFor: 'p2' }), [{ kind: 'IN_PROJECT', needId: 'n1', index: 0, projectId: 'p2' }]],
    ['a need the read model puts in another project', need({ projectId: 'p3' }), [{ kind: 'IN_PROJECT', needId: 'n1', index: 0, projectId: 'p3' }]],
    ['a merged need', need({ mergedInto: 'n0' }), [{ kind: 'MERGED', needId: 'n1', index: 0, mergedInto: 'n0' }]],
    ['an unconfirmed presumed need', need({ source: 'PRESUMED_NON_REPORTING' }), [{ kind: 'AWAITS_CONFIRMATION', needId: 'n1', index: 0, stateCode: 'KEN' }]],
    ['a confirmed presumed need', need({ source: 'PRESUMED_NON_REPORTING', confirmedAt: '2026-01-01T00:00:00.000Z' }), []],
  ])('grouping into p1: %s', (_what, n, refusals) => {
    expect(groupingRefusals([n], 'p1')).toEqual(refusals);
  });

  it.each([
    ['a free duplicate of the same State', need({ id: 'd' }), []],
    ['the survivor itself', need({ id: 's' }), [{ field: 'duplicateIds.0', message: 's is the survivor' }]],
    ['a need of another State', need({ id: 'd', stateCode: 'GAB' }), [{ field: 'duplicateIds.0', message: 'd is a need of GAB, not KEN' }]],
    ['a need claimed for a project', need({ id: 'd', claimedFor: 'p1' }), [{ field: 'duplicateIds.0', message: 'd is already in project p1' }]],
    ['a need already merged', need({ id: 'd', mergedInto: 'x' }), [{ field: 'duplicateIds.0', message: 'd was merged into x' }]],
  ])('merging into s: %s', (_what, d, issues) => {
    expect(mergeIssues(need({ id: 's' }), [d])).toEqual(issues);
  });

  it.each([
    ['a fresh key', [], ['a', 'b'], null],
    ['a retry with the same needs in another order', ['a', 'b'], ['b', 'a'], null],
    ['the key with fewer needs', ['a', 'b'], ['a'], 'was already used to group other needs (a, b)'],
    ['the key with other needs', ['a'], ['c'], 'was already used to group other needs (a)'],
  ])('a grouping key reused: %s', (_what, claimed, needIds, issue) => {
    expect(keyReusedIssue(claimed, needIds)).toBe(issue);
  });

  it('refuses a survivor that was itself merged away', () => {
    expect(mergeIssues(need({ id: 's', mergedInto: 'd' }), [need({ id: 'd' })])).toEqual([{ field: 'survivorId', message: 's was itself merged into d' }]);
  });
});

describe('ten calls at once on the real servers', () => {
  let stack: Stack;
  let pm: Caller;
  beforeAll(async () => {
    stack = await startStack();
    pm = await caller(stack, { subject: 'pm-atomic', role: 'PROGRAMME_MANAGER' });
  });
  afterAll(() => stack?.stop());

  /** Imports the rows (Kenya, an invented cycle) and returns their need ids in file order. */
  async function poolNeeds(rows: string[]): Promise<string[]> {
    const cycle = `atomic-${randomUUID().slice(0, 8)}`;
    const { body } = await stack.gql('mutation($input: ImportNeedsInput!) { importNeeds(input: $input) { ... on NeedsImport { id } } }', {
      input: { format: 'CSV', source: 'QUESTIONNAIRE_RESPONSE', cycle, content: ['state,priorityArea,priorityActivity,instrument,article,formsOfAssistance,urgency,description', ...rows].join('\n'), importKey: `atomic-${randomUUID()}` },
    }, pm.token);
    const id = body.data.importNeeds.id;
    await expect.poll(async () => (await stack.gql('query($id: ID!) { needsImport(id: $id) { ... on NeedsImport { status } } }', { id }, pm.token)).body.data.needsImport.status, { timeout: 30_000 }).toBe('COMPLETED');
    return (await stack.db.selectFrom('needs').select('id').where('cycle', '=', cycle).orderBy('position').execute()).map((n) => n.id);
  }

  const eventCount = async (needId: string, action: string) =>
    Number((await stack.db.selectFrom('need_events').select((eb) => eb.fn.countAll<string>().as('n')).where('need_id', '=', needId).where('action', '=', action).executeTakeFirstOrThrow()).n);

  const GROUP = `mutation($ids: [ID!]!, $key: String!) { groupNeedsIntoProject(input: { needIds: $ids, title: "Kenya: reporting and training", idempotencyKey: $key }) {
    __typename ... on Project { id needs { id } } ... on TransitionRefusedError { refusal message } ... on ValidationError { issues { field message } } ... on Error { code message } } }`;

  it('ten concurrent groupings of one need put it in exactly one project; nine are refused and start nothing', async () => {
    const [needId] = await poolNeeds(['KEN,PA-A,(d),UNTOC,32,REPORTING_SUPPORT,MEDIUM,Help to answer the questionnaire (invented test data)']);
    const keys = Array.from({ length: 10 }, (_, i) => `ken-group-${i}-${randomUUID()}`);
    const answers = await Promise.all(keys.map(async (key) => (await stack.gql(GROUP, { ids: [needId], key }, pm.token)).body.data.groupNeedsIntoProject));

    const won = answers.filter((a) => a.__typename === 'Project');
    expect(won).toHaveLength(1);
    const projectId = won[0].id as string;
    expect(won[0].needs).toEqual([{ id: needId }]);
    const lost = answers.filter((a) => a.__typename !== 'Project');
    expect(lost).toHaveLength(9);
    for (const a of lost) expect(a).toEqual({ __typename: 'TransitionRefusedError', code: 'TRANSITION_REFUSED', refusal: 'NEED_ALREADY_IN_PROJECT', message: `${needId}: already in project ${projectId}` });

    expect(await stack.db.selectFrom('need_claims').select(['need_id', 'project_id']).where('need_id', '=', needId!).execute()).toEqual([{ need_id: needId, project_id: projectId }]);
    expect((await stack.db.selectFrom('needs').select('project_id').where('id', '=', needId!).executeTakeFirstOrThrow()).project_id).toBe(projectId);
    const projects = await stack.db.selectFrom('projects').select('id').where('idempotency_key', 'in', keys).execute();
    expect(projects).toEqual([{ id: projectId }]);
    expect(await eventCount(needId!, 'GROUPED_INTO_PROJECT')).toBe(1);
    // The losers started no workflow at all.
    for (const key of keys.filter((k) => projectId !== `project-pool-${k}`)) {
      await expect(stack.client.workflow.getHandle(`project-pool-${key}`).describe()).rejects.toBeInstanceOf(WorkflowNotFoundError);
    }
    // The winner's retry (same key) is the same project; the same key with another need is refused and claims nothing.
    const winnerKey = projectId.replace(/^project-pool-/, '');
    const retry = (await stack.gql(GROUP, { ids: [needId], key: winnerKey }, pm.token)).body.data.groupNeedsIntoProject;
    expect(retry).toMatchObject({ __typename: 'Project', id: projectId, needs: [{ id: needId }] });
    const [other] = await poolNeeds(['KEN,PA-A,(a),UNTOC,,TRAINING_NATIONAL,LOW,Another need (invented test data)']);
    const reused = (await stack.gql(GROUP, { ids: [other], key: winnerKey }, pm.token)).body.data.groupNeedsIntoProject;
    // The key's claim (api/idempotency.ts) sees another payload before any need is looked at.
    expect(reused).toMatchObject({ __typename: 'IdempotencyKeyReusedError', code: 'IDEMPOTENCY_KEY_REUSED' });
    expect(await stack.db.selectFrom('need_claims').select('need_id').where('need_id', '=', other!).execute()).toEqual([]);
  });

  it('refuses a grouping that lists a need twice, naming the field, and changes nothing', async () => {
    const [a, b] = await poolNeeds([
      'KEN,PA-B,(b),UNTOC,,TRAINING_NATIONAL,HIGH,Train investigators (invented test data)',
      'KEN,PA-B,(e),UNTOC,,LEG_REVIEW,MEDIUM,Review the law (invented test data)',
    ]);
    const key = `ken-twice-${randomUUID()}`;
    const answer = (await stack.gql(GROUP, { ids: [a, b, a], key }, pm.token)).body.data.groupNeedsIntoProject;
    // The one id-list boundary (domain/boundary.ts) names the repeated need and where it was first.
    expect(answer).toMatchObject({ __typename: 'ValidationError', code: 'VALIDATION_FAILED', issues: [{ field: 'input.needIds.2', message: expect.stringMatching(/^lists need ".+" twice \(also at 0\)$/) }] });
    expect(answer.issues).toHaveLength(1);
    expect(await stack.db.selectFrom('need_claims').select('need_id').where('need_id', 'in', [a!, b!]).execute()).toEqual([]);
    expect(await stack.db.selectFrom('projects').select('id').where('idempotency_key', '=', key).execute()).toEqual([]);
    await expect(stack.client.workflow.getHandle(`project-pool-${key}`).describe()).rejects.toBeInstanceOf(WorkflowNotFoundError);
  });

  const MERGE = `mutation($s: ID!, $d: [ID!]!) { mergeNeeds(input: { survivorId: $s, duplicateIds: $d }) { __typename
    ... on MutationMergeNeedsSuccess { data { id mergedInto } } ... on ValidationError { issues { field message } } } }`;

  it('ten concurrent merges of one duplicate apply once; two needs merged into each other at once apply one way', async () => {
    const [survivor, duplicate, x, y] = await poolNeeds([
      'KEN,PA-C,(a),UNTOC,,EQUIPMENT,LOW,Radios for the coast guard (invented test data)',
      'KEN,PA-C,(b),UNTOC,,EQUIPMENT,LOW,Radios for coast guard units (invented test data)',
      'KEN,PA-C,(c),UNTOC,,EQUIPMENT,LOW,Forensic kits (invented test data)',
      'KEN,PA-C,(d),UNTOC,,EQUIPMENT,LOW,Forensic laboratory kits (invented test data)',
    ]);
    const answers = await Promise.all(Array.from({ length: 10 }, async () => (await stack.gql(MERGE, { s: survivor, d: [duplicate] }, pm.token)).body.data.mergeNeeds));
    expect(answers.filter((a) => a.__typename === 'MutationMergeNeedsSuccess')).toEqual([{ __typename: 'MutationMergeNeedsSuccess', data: [{ id: duplicate, mergedInto: survivor }] }]);
    for (const a of answers.filter((a) => a.__typename !== 'MutationMergeNeedsSuccess')) {
      expect(a).toEqual({ __typename: 'ValidationError', issues: [{ field: 'input.duplicateIds.0', message: `${duplicate} was merged into ${survivor}` }] });
    }
    expect(await eventCount(duplicate!, 'MERGED_INTO')).toBe(1);
    expect(await eventCount(survivor!, 'ABSORBED_DUPLICATE')).toBe(1);

    const crossed = await Promise.all([
      stack.gql(MERGE, { s: x, d: [y] }, pm.token),
      stack.gql(MERGE, { s: y, d: [x] }, pm.token),
    ]);
    expect(crossed.map((c) => c.body.data.mergeNeeds.__typename).sort()).toEqual(['MutationMergeNeedsSuccess', 'ValidationError']);
    const rows = await stack.db.selectFrom('needs').select(['id', 'merged_into']).where('id', 'in', [x!, y!]).execute();
    expect(rows.filter((r) => r.merged_into !== null)).toHaveLength(1); // never a cycle
    expect(await stack.gql(MERGE, { s: survivor, d: [x, x] }, pm.token).then((r) => r.body.data.mergeNeeds)).toMatchObject({ __typename: 'ValidationError', issues: [{ field: 'input.duplicateIds.1', message: expect.stringMatching(/^lists need ".+" twice \(also at 0\)$/) }] });
  });

  it('ten concurrent confirmations of a presumed need record one CONFIRMED event and all answer the confirmed need', async () => {
    // A presumed need of its own (R8 generates them only for States that never reported).
    const needId = `presumed-test:${randomUUID()}`;
    await stack.db.insertInto('needs').values({
      id: needId, project_id: null, position: 0, state_code: 'KEN', source: 'PRESUMED_NON_REPORTING', priority_area: 'PA-A', priority_activity: '(d)',
      instrument: 'UNTOC', article: '32', forms_of_assistance: ['REPORTING_SUPPORT'], urgency: 'MEDIUM', description: 'Presumed reporting need (invented test data)',
    }).execute();
    const ken = await caller(stack, { subject: 'fp-KEN-atomic', role: 'STATE_FOCAL_POINT', stateCode: 'KEN' });
    const answers = await Promise.all(Array.from({ length: 10 }, async () =>
      (await stack.gql('mutation($id: ID!) { confirmPresumedNeed(input: { needId: $id }) { __typename ... on Need { id confirmedAt } } }', { id: needId }, ken.token)).body.data.confirmPresumedNeed));
    const confirmedAt = (await stack.db.selectFrom('needs').select('confirmed_at').where('id', '=', needId).executeTakeFirstOrThrow()).confirmed_at!;
    for (const a of answers) expect(a).toEqual({ __typename: 'Need', id: needId, confirmedAt: new Date(confirmedAt).toISOString() });
    expect(await eventCount(needId, 'CONFIRMED')).toBe(1);
  });

  const EXPERT = '__typename ... on Expert { id status } ... on TransitionRefusedError { refusal message } ... on Error { code message }';

  async function nominated(label: string): Promise<string> {
    const fp = await caller(stack, { subject: 'fp-KEN-roster', role: 'STATE_FOCAL_POINT', stateCode: 'KEN' });
    const { body } = await stack.gql(`mutation($input: NominateExpertInput!) { nominateExpert(input: $input) { __typename ... on Expert { id status } ... on Error { code message } } }`, {
      input: { name: `${label} (invented)`, nationality: 'KEN', nominatingState: 'KEN', institution: 'Office of the Director of Public Prosecutions (invented unit)', profile: { fields: ['REPORTING.REPORTING_OBLIGATIONS'], languages: [{ language: 'en', level: 'C2' }] } },
    }, fp.token);
    expect(body.data.nominateExpert).toMatchObject({ __typename: 'Expert', status: 'NOMINATED' });
    return body.data.nominateExpert.id;
  }

  const historyCount = async (expertId: string, action: string) =>
    Number((await stack.db.selectFrom('expert_history').select(sql<string>`count(*)`.as('n')).where('expert_id', '=', expertId).where('action', '=', action).executeTakeFirstOrThrow()).n);

  it('ten concurrent acceptances write one ACCEPT and all answer the active expert', async () => {
    const id = await nominated('Concurrent acceptor');
    const token = await stack.token({ subject: id, role: 'EXPERT' });
    const answers = await Promise.all(Array.from({ length: 10 }, async () => (await stack.gql(`mutation { acceptNomination { ${EXPERT} } }`, {}, token)).body.data.acceptNomination));
    for (const a of answers) expect(a).toEqual({ __typename: 'Expert', id, status: 'ACTIVE' });
    expect(await historyCount(id, 'ACCEPT')).toBe(1);
  });

  it('ten concurrent suspensions (then reinstatements, then retirements) write one history row each; nine are refused', async () => {
    const id = await nominated('Concurrent suspension');
    await stack.gql('mutation { acceptNomination { __typename } }', {}, await stack.token({ subject: id, role: 'EXPERT' }));
    for (const [mutation, action, status, before] of [['suspendExpert', 'SUSPEND', 'SUSPENDED', 'ACTIVE'], ['reinstateExpert', 'REINSTATE', 'ACTIVE', 'SUSPENDED'], ['retireExpert', 'RETIRE', 'RETIRED', 'ACTIVE']] as const) {
      const answers = await Promise.all(Array.from({ length: 10 }, async (_, i) =>
        (await stack.gql(`mutation($id: ID!, $reason: String!) { ${mutation}(input: { expertId: $id, reason: $reason }) { ${EXPERT} } }`, { id, reason: `decision ${i} of ten` }, pm.token)).body.data[mutation]));
      expect(answers.filter((a) => a.__typename === 'Expert')).toEqual([{ __typename: 'Expert', id, status }]);
      const refused = answers.filter((a) => a.__typename !== 'Expert');
      expect(refused).toHaveLength(9);
      for (const a of refused) expect(a).toMatchObject({ __typename: 'TransitionRefusedError', refusal: 'WRONG_STATUS', message: expect.stringMatching(new RegExp(`^expert ${id} is ${status}; ${action} needs`)) });
      expect(await historyCount(id, action)).toBe(1);
      const row = (await stack.db.selectFrom('expert_history').select('details').where('expert_id', '=', id).where('action', '=', action).executeTakeFirstOrThrow()).details;
      expect(row).toMatchObject({ from: before, to: status, reason: expect.stringMatching(/^decision \d of ten$/) });
    }
  });
});
