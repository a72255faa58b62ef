// The API end to end over HTTP, on the real Temporal server and PostgreSQL.
import { WorkflowNotFoundError } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectIdFor } from '../api/lifecycle.js';
import type { FileRequestInput } from '../domain/inputs.js';
import type { Actor } from '../domain/roles.js';
import { FILE_REQUEST, PROJECT, PROJECTS, START_ASSESSMENT, gabonReportingRequest, hondurasImpunityRequest } from './support/requests.js';
import { startStack, type Stack } from './support/stack.js';

const gabonFocalPoint: Actor = { subject: 'fp-gab', role: 'STATE_FOCAL_POINT', stateCode: 'GAB' };
const kenyaFocalPoint: Actor = { subject: 'fp-ken', role: 'STATE_FOCAL_POINT', stateCode: 'KEN' };
const hondurasFocalPoint: Actor = { subject: 'fp-hnd', role: 'STATE_FOCAL_POINT', stateCode: 'HND' };
const manager: Actor = { subject: 'pm-1', role: 'PROGRAMME_MANAGER' };

let stack: Stack;
let gabon: string;
let kenya: string;
let honduras: string;
let pm: string;

beforeAll(async () => {
  stack = await startStack();
  [gabon, kenya, honduras, pm] = await Promise.all([
    stack.token(gabonFocalPoint),
    stack.token(kenyaFocalPoint),
    stack.token(hondurasFocalPoint),
    stack.token(manager),
  ]);
});
afterAll(() => stack?.stop());

async function file(input: FileRequestInput, token = gabon) {
  const { body } = await stack.gql(FILE_REQUEST, { input }, token);
  expect(body.errors).toBeUndefined();
  return body.data.fileRequest;
}

/** Proof that a refused filing wrote nothing: no workflow, no row. */
async function expectNothingWritten(input: FileRequestInput) {
  const id = projectIdFor(input.state, input.idempotencyKey);
  await expect(stack.client.workflow.getHandle(id).describe()).rejects.toBeInstanceOf(WorkflowNotFoundError);
  const rows = await stack.db.selectFrom('projects').select('id').where('idempotency_key', '=', input.idempotencyKey).execute();
  expect(rows).toEqual([]);
  const events = await stack.db.selectFrom('project_events').select('seq').where('project_id', '=', id).execute();
  expect(events).toEqual([]);
}

describe('authentication', () => {
  it('refuses a call without a token as UNAUTHENTICATED', async () => {
    const { body } = await stack.gql('{ me { subject } }');
    expect(body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(body.errors?.[0]?.message).toMatch(/Bearer/);
  });
  it('refuses a token signed with another secret', async () => {
    const { signToken } = await import('../api/auth.js');
    const forged = await signToken('not-the-secret', manager);
    const { status, body } = await stack.gql('{ me { subject } }', {}, forged);
    expect(status).toBe(401);
    expect(body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(body.errors?.[0]?.message).toMatch(/signature/);
  });
  it('refuses an expired token', async () => {
    const expired = await stack.token(manager, '-1m');
    const { body } = await stack.gql('{ me { subject } }', {}, expired);
    expect(body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(body.errors?.[0]?.message).toMatch(/expired/);
  });
  it('names the caller of a good token', async () => {
    const { body } = await stack.gql('{ me { subject role state } }', {}, gabon);
    expect(body.data.me).toEqual({ subject: 'fp-gab', role: 'STATE_FOCAL_POINT', state: 'GAB' });
  });
});

describe('fileRequest', () => {
  it('files a request into a workflow and reads it back SUBMITTED with its filing in the history', async () => {
    const input = gabonReportingRequest();
    const result = await file(input);
    expect(result.__typename).toBe('FiledRequest');
    expect(result.created).toBe(true);
    const project = result.project;
    expect(project).toMatchObject({ id: projectIdFor('GAB', input.idempotencyKey), stage: 'SUBMITTED', iatiActivityStatus: 1, states: ['GAB'] });
    expect(project.needs).toEqual([
      {
        id: `${project.id}/need-1`,
        priorityArea: 'PA-A',
        priorityActivity: '(d)',
        instrument: 'UNTOC',
        article: '32',
        formsOfAssistance: ['REPORTING_SUPPORT'],
        urgency: 'MEDIUM',
        description: input.needs[0]!.description,
        source: 'FORMAL_REQUEST',
      },
    ]);
    expect(project.history).toEqual([
      { seq: 1, action: 'fileRequest', fromStage: null, toStage: 'SUBMITTED', actor: { subject: 'fp-gab', role: 'STATE_FOCAL_POINT', state: 'GAB' } },
    ]);
    const description = await stack.client.workflow.getHandle(project.id).describe();
    expect(description.status.name).toBe('RUNNING');
    expect(description.searchAttributes.PalermoStage).toEqual(['SUBMITTED']);
  });

  it('returns the same project for the same idempotency key and starts nothing new', async () => {
    const input = gabonReportingRequest();
    const first = await file(input);
    const again = await file(input);
    expect(again.created).toBe(false);
    expect(again.project.id).toBe(first.project.id);
    expect(again.project.history).toHaveLength(1);
    const runs = await stack.db.selectFrom('projects').select('id').where('idempotency_key', '=', input.idempotencyKey).execute();
    expect(runs).toHaveLength(1);
  });

  it('returns the same project for the same idempotency key after its workflow has ended, and starts no second run', async () => {
    const input = gabonReportingRequest();
    const first = await file(input);
    await stack.client.workflow.getHandle(first.project.id).terminate('test: the project\'s workflow has ended');
    const again = await file(input);
    expect(again).toMatchObject({ created: false, project: { id: first.project.id, history: [{ seq: 1, action: 'fileRequest' }] } });
    const runs: string[] = [];
    for await (const run of stack.client.workflow.list({ query: `WorkflowId = '${first.project.id}'` })) runs.push(run.runId);
    expect(runs).toHaveLength(1);
  });

  const badInputs: [string, (i: FileRequestInput) => void, string, RegExp][] = [
    ['an unknown State', (i) => { i.state = 'XYZ'; }, 'input.state', /unknown State "XYZ"/],
    ['an unknown priority area', (i) => { i.needs[0]!.priorityArea = 'PA-Z'; }, 'input.needs.0.priorityArea', /unknown priority area "PA-Z"/],
    ['an unknown priority activity', (i) => { i.needs[0]!.priorityActivity = '(z)'; }, 'input.needs.0.priorityActivity', /unknown priority activity "\(z\)"/],
    ['an empty description', (i) => { i.needs[0]!.description = '   '; }, 'input.needs.0.description', /must not be empty/],
    ['an unknown form of assistance', (i) => { i.needs[0]!.formsOfAssistance = ['BRIBERY']; }, 'input.needs.0.formsOfAssistance.0', /unknown form of assistance/],
    ['no needs', (i) => { i.needs = []; }, 'input.needs', /at least one need/],
    ['another State than the caller\'s', (i) => { i.state = 'KEN'; }, 'input.state', /may file only for GAB/],
  ];
  it.each(badInputs)('refuses %s, naming the field, and writes nothing', async (_name, spoil, field, reason) => {
    const input = gabonReportingRequest();
    spoil(input);
    const result = await file(input);
    expect(result.__typename).toBe('ValidationError');
    expect(result.code).toBe('VALIDATION_FAILED');
    expect(result.issues).toContainEqual({ field, message: expect.stringMatching(reason) });
    await expectNothingWritten(input);
  });

  it('refuses a programme manager filing, as FORBIDDEN, and writes nothing', async () => {
    const input = gabonReportingRequest();
    const result = await file(input, pm);
    expect(result).toMatchObject({ __typename: 'ForbiddenError', code: 'FORBIDDEN' });
    await expectNothingWritten(input);
  });
});

describe('reading projects', () => {
  it('answers another State\'s project to a focal point as not found, worded like an unknown id, and lists never leak it', async () => {
    const gabonProject = (await file(gabonReportingRequest())).project;
    const { body } = await stack.gql(PROJECT, { id: gabonProject.id }, kenya);
    expect(body.data.project).toEqual({ __typename: 'NotFoundError', code: 'NOT_FOUND', message: `project ${gabonProject.id} not found` });
    const unknown = await stack.gql(PROJECT, { id: 'project-GAB-no-such-key' }, kenya);
    expect(unknown.body.data.project).toEqual({ __typename: 'NotFoundError', code: 'NOT_FOUND', message: 'project project-GAB-no-such-key not found' });

    const kenyaList = await stack.gql(PROJECTS, {}, kenya);
    expect(kenyaList.body.data.projects.data.edges.map((e: { node: unknown }) => e.node).map((p: { id: string }) => p.id)).not.toContain(gabonProject.id);
    const kenyaAsksForGabon = await stack.gql(PROJECTS, { filter: { state: 'GAB' } }, kenya);
    expect(kenyaAsksForGabon.body.data.projects.data.edges).toEqual([]);

    const gabonList = await stack.gql(PROJECTS, { filter: { state: 'GAB' } }, gabon);
    const gabonStates = gabonList.body.data.projects.data.edges.map((e: { node: unknown }) => e.node).map((p: { states: string[] }) => p.states);
    expect(gabonStates.length).toBeGreaterThan(0);
    expect(gabonStates.every((s: string[]) => s.includes('GAB'))).toBe(true);
  });

  it('filters by stage, State and priority area for a manager', async () => {
    const hnd = (await file(hondurasImpunityRequest(), honduras)).project;
    const { body } = await stack.gql(PROJECTS, { filter: { stage: 'SUBMITTED', state: 'HND', priorityArea: 'PA-B' } }, pm);
    expect(body.data.projects.data.edges.map((e: { node: unknown }) => e.node).map((p: { id: string }) => p.id)).toContain(hnd.id);
    const none = await stack.gql(PROJECTS, { filter: { state: 'HND', priorityArea: 'PA-E' } }, pm);
    expect(none.body.data.projects.data.edges.map((e: { node: unknown }) => e.node).map((p: { id: string }) => p.id)).not.toContain(hnd.id);
  });

  it('names the field of a bad filter', async () => {
    // A stage is a Stage enum: GraphQL refuses an unknown one before the resolver, naming the variable's path.
    const stage = await stack.gql(PROJECTS, { filter: { stage: 'DONE' } }, pm);
    expect(stage.body.errors?.[0]?.message).toMatch(/^Variable "\$filter" got invalid value "DONE" at "filter\.stage"; Value "DONE" does not exist in "Stage" enum/);
    const { body } = await stack.gql(PROJECTS, { filter: { state: 'ZZZ' } }, pm);
    expect(body.data.projects).toMatchObject({ __typename: 'ValidationError', issues: [{ field: 'filter.state', message: 'unknown State "ZZZ"' }] });
  });

  it('reports an unknown project as NOT_FOUND', async () => {
    const { body } = await stack.gql(PROJECT, { id: 'project-GAB-no-such-key' }, pm);
    expect(body.data.project).toMatchObject({ __typename: 'NotFoundError', code: 'NOT_FOUND' });
  });
});

describe('startAssessment', () => {
  it('moves SUBMITTED to UNDER_ASSESSMENT through a Temporal Update, with two history rows', async () => {
    const hnd = (await file(hondurasImpunityRequest(), honduras)).project;
    const { body } = await stack.gql(START_ASSESSMENT, { input: { projectId: hnd.id, note: 'Exploratory mission 11-14 Dec 2011' } }, pm);
    expect(body.data.startAssessment).toMatchObject({ __typename: 'Project', stage: 'UNDER_ASSESSMENT', iatiActivityStatus: 1 });
    expect(body.data.startAssessment.history).toEqual([
      expect.objectContaining({ seq: 1, action: 'fileRequest', fromStage: null, toStage: 'SUBMITTED' }),
      { seq: 2, action: 'startAssessment', fromStage: 'SUBMITTED', toStage: 'UNDER_ASSESSMENT', actor: { subject: 'pm-1', role: 'PROGRAMME_MANAGER' }, summary: { note: 'Exploratory mission 11-14 Dec 2011' } },
    ]);
    const read = await stack.gql(PROJECT, { id: hnd.id }, honduras);
    expect(read.body.data.project.stage).toBe('UNDER_ASSESSMENT');
    // Temporal's visibility learns the stage once the burst (filing, then this within seconds) is over.
    await expect
      .poll(async () => (await stack.client.workflow.getHandle(hnd.id).describe()).searchAttributes.PalermoStage, { timeout: 20_000, interval: 500 })
      .toEqual(['UNDER_ASSESSMENT']);
  });

  it('refuses a focal point by the access policy, naming the role, and changes nothing', async () => {
    const hnd = (await file(hondurasImpunityRequest(), honduras)).project;
    const { body } = await stack.gql(START_ASSESSMENT, { input: { projectId: hnd.id } }, honduras);
    expect(body.data.startAssessment).toMatchObject({ __typename: 'ForbiddenError', code: 'FORBIDDEN' });
    expect(body.data.startAssessment.message).toBe('startAssessment is for PROGRAMME_MANAGER; the caller is STATE_FOCAL_POINT');
    const read = await stack.gql(PROJECT, { id: hnd.id }, pm);
    expect(read.body.data.project).toMatchObject({ stage: 'SUBMITTED', history: [expect.objectContaining({ seq: 1 })] });
  });

  it('refuses a second assessment as WRONG_STAGE', async () => {
    const hnd = (await file(hondurasImpunityRequest(), honduras)).project;
    await stack.gql(START_ASSESSMENT, { input: { projectId: hnd.id } }, pm);
    const { body } = await stack.gql(START_ASSESSMENT, { input: { projectId: hnd.id } }, pm);
    expect(body.data.startAssessment).toMatchObject({ __typename: 'TransitionRefusedError', refusal: 'WRONG_STAGE' });
    expect(body.data.startAssessment.message).toMatch(/needs stage SUBMITTED; the project is UNDER_ASSESSMENT/);
  });

  it('applies a retry with the same idempotency key once', async () => {
    const hnd = (await file(hondurasImpunityRequest(), honduras)).project;
    const input = { projectId: hnd.id, idempotencyKey: 'assess-once-0001' };
    const first = await stack.gql(START_ASSESSMENT, { input }, pm);
    const retry = await stack.gql(START_ASSESSMENT, { input }, pm);
    expect(first.body.data.startAssessment.stage).toBe('UNDER_ASSESSMENT');
    expect(retry.body.data.startAssessment).toMatchObject({ __typename: 'Project', stage: 'UNDER_ASSESSMENT' });
    expect(retry.body.data.startAssessment.history).toHaveLength(2);
  });

  it('refuses an empty note, naming the field', async () => {
    const hnd = (await file(hondurasImpunityRequest(), honduras)).project;
    const { body } = await stack.gql(START_ASSESSMENT, { input: { projectId: hnd.id, note: '' } }, pm);
    expect(body.data.startAssessment).toMatchObject({ __typename: 'ValidationError', issues: [{ field: 'input.note', message: 'must not be empty' }] });
  });
});
