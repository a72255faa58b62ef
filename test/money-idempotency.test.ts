// Exact money, idempotency keys that hold, and the API's deadline on Temporal, over GraphQL on the real
// Temporal server and PostgreSQL (issue 9, items 6, 8 and 2).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sumAmounts } from '../domain/money.js';
import { act, actionMutation, caller, dacRatings, must, readProject, rosterEvaluator, type Caller } from './support/actions.js';
import { gabonReportingRequest } from './support/requests.js';
import { freshKey, startStack, type Stack } from './support/stack.js';

let stack: Stack;
let pm: Caller;
let gab: Caller;
beforeAll(async () => {
  stack = await startStack();
  pm = await caller(stack, { subject: 'pm-vienna', role: 'PROGRAMME_MANAGER' });
  gab = await caller(stack, { subject: 'fp-GAB', role: 'STATE_FOCAL_POINT', stateCode: 'GAB' });
});
afterAll(() => stack?.stop());

const FILE = /* GraphQL */ `
  mutation File($input: FileRequestInput!) {
    fileRequest(input: $input) {
      __typename
      ... on FiledRequest { created project { id stage title } }
      ... on Error { code message }
    }
  }`;

async function file(who: Caller, input: ReturnType<typeof gabonReportingRequest>) {
  const { body } = await stack.gql(FILE, { input }, who.token);
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data.fileRequest;
}

/** A Gabon project taken to AWAITING_FUNDING with the given budget. */
async function awaitingFunding(budget: { amount: string; currency: string }) {
  const { project } = await file(gab, gabonReportingRequest());
  const id = project.id as string;
  await must(stack, pm, 'startAssessment', id);
  await must(stack, pm, 'startPlanning', id);
  await must(stack, pm, 'setPlan', id, {
    objectives: ['Reports filed on time'], outputs: [],
    outcomes: [{ title: 'Checklists answered', indicators: [{ name: 'checklists answered', unit: 'checklists', baseline: 0, target: 1 }] }],
    formsOfAssistance: ['REPORTING_SUPPORT'], modality: 'NATIONAL', budget,
  });
  await must(stack, gab, 'endorsePlan', id);
  await must(stack, pm, 'seekFunding', id);
  return id;
}

describe('exact money', () => {
  it('lets delivery start when pledges of 100000.01 and 50000.03 cover a budget of 150000.04', async () => {
    const id = await awaitingFunding({ amount: '150000.04', currency: 'USD' });
    await must(stack, pm, 'pledge', id, { donor: 'Invented donor A (test)', amount: '100000.01', currency: 'USD', kind: 'CASH' });
    const second = await must(stack, pm, 'pledge', id, { donor: 'Invented donor B (test)', amount: '50000.03', currency: 'USD', kind: 'CASH' });
    expect(second).toMatchObject({ budget: { amount: '150000.04', currency: 'USD' }, pledgedAmount: '150000.04', fundingGap: '0.00' });
    expect(second.pledges.map((p: { amount: string }) => p.amount)).toEqual(['100000.01', '50000.03']);
    const delivering = await must(stack, pm, 'startDelivery', id);
    expect(delivering.stage).toBe('IN_DELIVERY');
    // PostgreSQL holds the same exact figures (numeric, read back as strings).
    const row = await stack.db.selectFrom('projects').select(['budget_amount', 'pledged_amount']).where('id', '=', id).executeTakeFirstOrThrow();
    expect([row.budget_amount, row.pledged_amount]).toEqual(['150000.040', '150000.040']);
  });

  it('names the amount field of a malformed or too precise amount, and refuses a float', async () => {
    const id = await awaitingFunding({ amount: '1000', currency: 'USD' });
    const tooPrecise = await act(stack, pm, 'pledge', id, { donor: 'd', amount: '10.001', currency: 'USD', kind: 'CASH' });
    expect(tooPrecise).toMatchObject({ __typename: 'ValidationError', issues: [{ field: 'input.amount', message: 'USD has 2 decimals; 10.001 has more' }] });
    const exponent = await act(stack, pm, 'pledge', id, { donor: 'd', amount: '1e3', currency: 'USD', kind: 'CASH' });
    expect(exponent.issues).toEqual([{ field: 'input.amount', message: 'must be a decimal number such as 150000.04 (digits, one optional ".", no exponent)' }]);
    const currency = await act(stack, pm, 'pledge', id, { donor: 'd', amount: '10', currency: 'ZZZ', kind: 'CASH' });
    expect(currency.issues).toEqual([{ field: 'input.currency', message: 'unknown currency "ZZZ"; must be an ISO 4217 code such as USD or EUR' }]);
    const { body } = await stack.gql(actionMutation('pledge'), { input: { projectId: id, donor: 'd', amount: 10.5, currency: 'USD', kind: 'CASH' } }, pm.token);
    expect(body.errors?.[0]?.message).toMatch(/Decimal must be a string/);
    expect((await readProject(stack, pm, id)).pledges).toEqual([]);
  });

  it('reports budgets and pledges that add up exactly to the projects\' own figures', async () => {
    // Projects serving several needs share their budget out in whole cents (fundingCells), so nothing is lost.
    const id = await awaitingFunding({ amount: '100.00', currency: 'USD' });
    await must(stack, pm, 'pledge', id, { donor: 'Invented donor C (test)', amount: '0.10', currency: 'USD', kind: 'CASH' });
    await must(stack, pm, 'pledge', id, { donor: 'Invented donor D (test)', amount: '0.20', currency: 'USD', kind: 'CASH' });
    const { body } = await stack.gql('{ fundingGapReport { __typename ... on FundingGapReport { byAreaActivity { priorityArea priorityActivity currency projects budget pledged gap } } } }', {}, pm.token);
    const cells = body.data.fundingGapReport.byAreaActivity as { currency: string; budget: string; pledged: string }[];
    const projects = await stack.db.selectFrom('projects').select(['budget_amount', 'pledged_amount', 'budget_currency'])
      .where('budget_amount', 'is not', null).where('stage', 'not in', ['DECLINED', 'MERGED', 'CANCELLED'])
      .where((eb) => eb.exists(eb.selectFrom('needs').select('needs.id').whereRef('needs.project_id', '=', 'projects.id'))).execute();
    const usd = projects.filter((p) => p.budget_currency === 'USD');
    expect(sumAmounts(cells.filter((c) => c.currency === 'USD').map((c) => c.budget), 'USD')).toBe(sumAmounts(usd.map((p) => p.budget_amount!), 'USD'));
    expect(sumAmounts(cells.filter((c) => c.currency === 'USD').map((c) => c.pledged), 'USD')).toBe(sumAmounts(usd.map((p) => p.pledged_amount), 'USD'));
    expect((await readProject(stack, pm, id))).toMatchObject({ pledgedAmount: '0.30', fundingGap: '99.70' });
  });
});

describe('idempotency keys', () => {
  it('answers a filed request again for the same payload, and refuses the key with another payload', async () => {
    const request = gabonReportingRequest();
    const first = await file(gab, request);
    expect(first).toMatchObject({ __typename: 'FiledRequest', created: true });
    expect(await file(gab, request)).toMatchObject({ __typename: 'FiledRequest', created: false, project: { id: first.project.id } });
    const reused = await file(gab, { ...request, title: 'Another request under the same key' });
    expect(reused).toMatchObject({ __typename: 'IdempotencyKeyReusedError', code: 'IDEMPOTENCY_KEY_REUSED' });
    expect((await readProject(stack, pm, first.project.id)).history).toHaveLength(1);
  });

  it('answers a retried close as the first one did, after the project ended; another payload is refused', async () => {
    const id = await awaitingFunding({ amount: '500', currency: 'USD' });
    await must(stack, pm, 'pledge', id, { donor: 'Invented donor E (test)', amount: '500', currency: 'USD', kind: 'CASH' });
    await must(stack, pm, 'startDelivery', id);
    const evaluator = await rosterEvaluator(stack, 'Evaluator of the idempotency test');
    await must(stack, pm, 'startEvaluation', id, { evaluator: evaluator.actor.subject });
    const project = await readProject(stack, pm, id);
    await must(stack, evaluator, 'submitOutcomeAssessment', id, {
      criteria: dacRatings(4), indicatorValues: [{ indicator: 'checklists answered', actual: 1 }],
      needVerdicts: project.needs.map((n: { id: string }) => ({ needId: n.id, verdict: 'MET' })), narrative: 'The checklist was answered on time.',
    });
    const key = freshKey('close');
    const closed = await must(stack, pm, 'close', id, { idempotencyKey: key, note: 'Done' });
    expect(closed.stage).toBe('CLOSED');
    const retried = await act(stack, pm, 'close', id, { idempotencyKey: key, note: 'Done' });
    expect(retried).toMatchObject({ __typename: 'Project', id, stage: 'CLOSED' });
    expect(retried.history.filter((h: { action: string }) => h.action === 'close')).toHaveLength(1);
    const other = await act(stack, pm, 'close', id, { idempotencyKey: key, note: 'A different note' });
    expect(other).toMatchObject({ __typename: 'IdempotencyKeyReusedError', code: 'IDEMPOTENCY_KEY_REUSED' });
    // Without a key, a second close is still a refused transition: the project has ended.
    expect(await act(stack, pm, 'close', id, {})).toMatchObject({ __typename: 'TransitionRefusedError', refusal: 'WRONG_STAGE' });
  });

  it('applies one of ten concurrent calls with one key: the same payload answers alike, another is refused', async () => {
    const id = await awaitingFunding({ amount: '700', currency: 'USD' });
    await must(stack, pm, 'pledge', id, { donor: 'Invented donor F (test)', amount: '700', currency: 'USD', kind: 'CASH' });
    await must(stack, pm, 'startDelivery', id);
    const key = freshKey('progress');
    const payload = (i: number) => ({ idempotencyKey: key, period: 'Q1 2027', narrative: i % 2 === 0 ? 'Workshop held' : 'A different narrative' });
    const results = await Promise.all(Array.from({ length: 10 }, (_, i) => act(stack, pm, 'reportProgress', id, payload(i))));
    const byType = results.map((r) => r.__typename);
    // Which payload claimed the key first is a race; exactly one of the two did.
    const winners = results.filter((r) => r.__typename === 'Project');
    const losers = results.filter((r) => r.__typename === 'IdempotencyKeyReusedError');
    expect(winners.length + losers.length, JSON.stringify(byType)).toBe(10);
    expect([winners.length, losers.length].sort()).toEqual([5, 5]);
    const after = await readProject(stack, pm, id);
    expect(after.history.filter((h: { action: string }) => h.action === 'reportProgress')).toHaveLength(1);
  });

  it('answers a repeated invitation with its chain, and refuses the key for another slot', async () => {
    const { project } = await file(gab, gabonReportingRequest());
    const needId = (await readProject(stack, pm, project.id)).needs[0].id as string;
    const fra = await stack.token({ subject: 'fp-FRA', role: 'STATE_FOCAL_POINT', stateCode: 'FRA' });
    const nominated = await stack.gql('mutation($input: NominateExpertInput!) { nominateExpert(input: $input) { ... on Expert { id } } }', {
      input: { name: 'Trainer of the idempotency test (invented)', nationality: 'FRA', nominatingState: 'FRA', institution: 'Ministère de la Justice (invented unit)', profile: { fields: ['REPORTING.REPORTING_OBLIGATIONS'], languages: [{ language: 'fr', level: 'C1' }] } },
    }, fra);
    const expertId = nominated.body.data.nominateExpert.id as string;
    await stack.gql('mutation { acceptNomination { __typename } }', {}, await stack.token({ subject: expertId, role: 'EXPERT' }));
    const INVITE = 'mutation($input: InviteExpertsInput!) { inviteExperts(input: $input) { __typename ... on Invitation { id candidates } ... on Error { code message } } }';
    const input = { needId, slot: 'reporting trainer', candidates: [expertId], reminderSeconds: 600, deadlineSeconds: 1200, idempotencyKey: freshKey('invite') };
    const first = (await stack.gql(INVITE, { input }, pm.token)).body.data.inviteExperts;
    expect(first).toMatchObject({ __typename: 'Invitation', candidates: [expertId] });
    expect((await stack.gql(INVITE, { input }, pm.token)).body.data.inviteExperts).toEqual(first);
    expect((await stack.gql(INVITE, { input: { ...input, slot: 'another slot' } }, pm.token)).body.data.inviteExperts).toMatchObject({ __typename: 'IdempotencyKeyReusedError', code: 'IDEMPOTENCY_KEY_REUSED' });
  });

  it('refuses one need twice in a grouping and a duplicated recommendation index, naming the field', async () => {
    const { body } = await stack.gql(
      'mutation($ids: [ID!]!, $key: String!) { groupNeedsIntoProject(input: { needIds: $ids, title: "Twice", idempotencyKey: $key }) { __typename ... on ValidationError { issues { field message } } } }',
      { ids: ['need-x', 'need-x'], key: freshKey('group') }, pm.token,
    );
    expect(body.data.groupNeedsIntoProject).toEqual({ __typename: 'ValidationError', issues: [{ field: 'input.needIds.1', message: 'lists need "need-x" twice (also at 0)' }] });
  });
});

describe('the API\'s deadline on Temporal', () => {
  let slow: Stack;
  beforeAll(async () => {
    slow = await startStack({ temporalDeadlineMs: 2000 });
  });
  afterAll(() => slow?.stop());

  it('answers TEMPORAL_TIMEOUT within the deadline when no worker serves the project, and a retry with the key applies once', async () => {
    const fp = await caller(slow, { subject: 'fp-GAB', role: 'STATE_FOCAL_POINT', stateCode: 'GAB' });
    const manager = await caller(slow, { subject: 'pm-vienna', role: 'PROGRAMME_MANAGER' });
    const { body } = await slow.gql(FILE, { input: gabonReportingRequest() }, fp.token);
    const id = body.data.fileRequest.project.id as string;
    await slow.stopWorkers();

    const key = freshKey('start');
    const started = Date.now();
    const result = await act(slow, manager, 'startAssessment', id, { idempotencyKey: key });
    const took = Date.now() - started;
    expect(result).toMatchObject({ __typename: 'UnavailableError', code: 'TEMPORAL_TIMEOUT' });
    expect(result.message).toMatch(/retry with the same idempotency key/);
    expect(took).toBeLessThan(2000 + 1500);

    // Filing waits on Temporal too.
    const filing = Date.now();
    const { body: filed } = await slow.gql(FILE, { input: gabonReportingRequest() }, fp.token);
    expect(filed.data.fileRequest).toMatchObject({ __typename: 'UnavailableError', code: 'TEMPORAL_TIMEOUT' });
    expect(Date.now() - filing).toBeLessThan(2000 + 1500);

    await slow.startWorker();
    // A client retries with the same key while the answer is TEMPORAL_TIMEOUT (a fresh worker's first
    // workflow task can take longer than this stack's 2 s deadline); the action still applies once.
    let retried = await act(slow, manager, 'startAssessment', id, { idempotencyKey: key });
    for (let i = 0; i < 10 && retried.__typename === 'UnavailableError'; i++) retried = await act(slow, manager, 'startAssessment', id, { idempotencyKey: key });
    expect(retried.__typename, JSON.stringify(retried)).toBe('Project');
    expect(retried.stage).toBe('UNDER_ASSESSMENT');
    expect(retried.history.filter((h: { action: string }) => h.action === 'startAssessment')).toHaveLength(1);
  });
});
