// Issue 15, the needs half, walked over the API on the real servers: every need source produced by its
// operation and every need's origin both ways; a need's field of expertise (set or inferred) and matching
// by it; modality and R6; presumed needs withdrawn when their State reports (R8); R3, R7, R13, R14, R15.
// The pure tables behind them are tested first.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NEED_SOURCES } from '../domain/code-lists/need-sources.js';
import { STATES } from '../domain/code-lists/index.js';
import { presumedNeedId, presumedReportingNeed } from '../domain/presumed-needs.js';
import { insertPresumedNeeds } from '../db/queries/needs-pool.js';
import { ruleWarnings, type RuleProject } from '../domain/needs/delivery-rules.js';
import { ARTICLE_FIELDS, inferNeedField, needField } from '../domain/needs/need-fields.js';
import { needOrigin, parentProjectProblem, recordNeedInput, SOURCE_OPERATIONS } from '../domain/needs/origins.js';
import { isRatificationNeed } from '../domain/needs/ratification.js';
import { computePriority, RATIFICATION_POINTS } from '../domain/priority.js';
import { act, actionMutation, caller, dacRatings, fileAs, must, rosterEvaluator, type Caller } from './support/actions.js';
import { projectInDelivery } from './support/delivery.js';
import { freshKey, startStack, type Stack } from './support/stack.js';

const baseNeed = { priorityArea: 'PA-B', priorityActivity: '(e)', instrument: 'UNTOC', formsOfAssistance: ['LEG_DRAFTING'], urgency: 'MEDIUM', description: 'Legislative help.' };

describe('pure rules of need origins, fields and delivery', () => {
  it('names the operation that produces every need source code', () => {
    expect(NEED_SOURCES.map((s) => s.code).filter((c) => !SOURCE_OPERATIONS[c])).toEqual([]);
  });

  it('requires a parent project of event, workshop and assessment needs, and who raised the others', () => {
    const parse = (v: Record<string, unknown>) => recordNeedInput.safeParse({ ...baseNeed, state: 'KEN', idempotencyKey: 'key-0001', ...v });
    expect(parse({ source: 'WORKSHOP_FOLLOW_UP' }).error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['parentProjectId', 'a WORKSHOP_FOLLOW_UP need names the project it came from']]);
    expect(parse({ source: 'FIELD_OFFICE' }).error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['raisedBy', 'a FIELD_OFFICE need names who raised it']]);
    expect(parse({ source: 'FORMAL_REQUEST', raisedBy: 'x' }).success).toBe(false);
    expect(parse({ source: 'UNODC_OUTREACH', raisedBy: 'Mission to Nairobi' }).success).toBe(true);
  });

  it.each([
    ['TRAINING_EVENT', { stateCodes: ['KEN'], activities: [{ formOfAssistance: 'TRAINING_NATIONAL' }], assessments: [] }, 'KEN', null],
    ['WORKSHOP_FOLLOW_UP', { stateCodes: ['KEN'], activities: [{ formOfAssistance: 'TRAINING_NATIONAL' }], assessments: [] }, 'KEN', 'the parent project has no delivered workshop activity (WORKSHOP_REGIONAL, WORKSHOP_SUBREGIONAL, WORKSHOP_INTERREGIONAL, WORKSHOP_ROUTE, WORKSHOP_THEMATIC, EXPERT_GROUP)'],
    ['NEEDS_ASSESSMENT', { stateCodes: ['KEN'], activities: [], assessments: [{}] }, 'KEN', null],
    ['NEEDS_ASSESSMENT', { stateCodes: ['KEN'], activities: [], assessments: [] }, 'KEN', 'the parent project has no recorded assessment'],
    ['TRAINING_EVENT', { stateCodes: ['KEN'], activities: [{ formOfAssistance: 'TRAINING_NATIONAL' }], assessments: [] }, 'UGA', 'UGA is not a beneficiary of the parent project'],
  ] as const)('parent project for %s: %j -> %s', (source, parent, state, problem) => {
    expect(parentProjectProblem(source, parent, state)).toBe(problem);
  });

  it('tells a need its origin from its row', () => {
    const row = { origin_project_id: null, import_id: null, cycle: null, origin_detail: null };
    expect(needOrigin({ ...row, id: 'project-KEN-x/need-2', source: 'FORMAL_REQUEST' })).toMatchObject({ kind: 'REQUEST', projectId: 'project-KEN-x' });
    expect(needOrigin({ ...row, id: 'q:1', source: 'CHECKLIST_RESPONSE', import_id: 'imp-1', cycle: '2008' })).toMatchObject({ kind: 'IMPORT', importId: 'imp-1', cycle: '2008', projectId: null });
    expect(needOrigin({ ...row, id: 'p/follow-up-1', source: 'EVALUATION_FOLLOW_UP', origin_project_id: 'p' })).toMatchObject({ kind: 'EVALUATION', projectId: 'p' });
    expect(needOrigin({ ...row, id: 'recorded-1', source: 'FIELD_OFFICE', origin_detail: { raisedBy: 'UNODC Nairobi' } })).toMatchObject({ kind: 'RAISED', raisedBy: 'UNODC Nairobi' });
  });

  it.each(ARTICLE_FIELDS.map((r) => [r.instrument, r.article, r.field, r.source]))('infers %s art. %s -> %s (%s)', (instrument, article, field, source) => {
    expect(inferNeedField(instrument, article)).toEqual({ instrument, article, field, source });
  });
  it('infers nothing without an article or from an article the table lacks, and a set field wins', () => {
    expect(inferNeedField('UNTOC', null)).toBeNull();
    expect(inferNeedField('UNTOC', '32')).toBeNull();
    expect(needField({ instrument: 'UNTOC', article: '19', field_of_expertise: 'EMERGING_CRIMES.CYBERCRIME' })).toEqual({ field: 'EMERGING_CRIMES.CYBERCRIME', from: 'SET', source: null });
  });

  const project = (over: Partial<RuleProject>): RuleProject => ({
    stateCodes: ['KEN', 'UGA'],
    needs: [{ id: 'n1', stateCode: 'KEN', priorityActivity: '(e)', instrument: 'UNTOC', field: 'EMERGING_CRIMES.CYBERCRIME', formsOfAssistance: ['LEG_DRAFTING'] }],
    plan: null,
    overlaps: [],
    ...over,
  });
  const plan = (modality: string, extra: Record<string, unknown> = {}) => ({ modality, formsOfAssistance: ['LEG_DRAFTING'], ...extra });
  it.each([
    ['several States, no plan yet', project({}), ['R6']],
    ['a regional plan', project({ plan: plan('REGIONAL') }), ['R6']],
    ['along a route', project({ plan: plan('ROUTE') }), ['R6']],
    ['a national plan', project({ plan: plan('NATIONAL') }), []],
    ['one State, no plan', project({ stateCodes: ['KEN'] }), []],
    ['a thematic plan', project({ plan: plan('THEMATIC') }), []],
  ])('R6 regional delivery of cybercrime capacity: %s -> %j', (_label, p, rules) => {
    expect(ruleWarnings(p).map((w) => w.rule)).toEqual(rules);
  });
  it('R7 warns for a signatory non-party under activities for parties, until the plan records why; ratification help is open to all', () => {
    const ago = (activity: string) => project({ stateCodes: ['AGO'], needs: [{ id: 'a', stateCode: 'AGO', priorityActivity: activity, instrument: 'UNTOC', field: null, formsOfAssistance: ['LEG_DRAFTING'] }] });
    expect(ruleWarnings(ago('(e)'))).toEqual([{ rule: 'R7', needId: 'a', reason: 'AGO signed the Convention but is not a party (002 para 14); activity (e) is for non-parties only where appropriate (002 para 2): record the justification in the plan' }]);
    expect(ruleWarnings({ ...ago('(e)'), plan: plan('NATIONAL', { eligibilityJustification: 'Accession under way; help with the law it needs to accede' }) })).toEqual([]);
    expect(ruleWarnings(ago('(c)'))).toEqual([]);
    expect(ruleWarnings(ago('(d)'))).toEqual([]); // eligibility not stated (002 para 2(d))
  });
  it('R13 warns for a plan that trains without a sustainability measure; R3 for a need another project serves', () => {
    const training = project({ stateCodes: ['KEN'], plan: { modality: 'NATIONAL', formsOfAssistance: ['TRAINING_NATIONAL', 'LEG_DRAFTING'] } });
    expect(ruleWarnings(training).map((w) => [w.rule, w.reason])).toEqual([['R13', 'the plan trains people (TRAINING_NATIONAL) but states no sustainability measure (INSTITUTIONALISED_CURRICULUM, TRAIN_THE_TRAINERS, INSTITUTION_BUILDING, CONTINUITY_OF_TRAINING; 001 para 39, 003 para 32, 004 para 32)']]);
    expect(ruleWarnings({ ...training, plan: { ...training.plan!, sustainability: ['TRAIN_THE_TRAINERS'] } })).toEqual([]);
    expect(ruleWarnings(project({ stateCodes: ['KEN'], overlaps: [{ needId: 'n1', otherProjectId: 'p2', otherNeedId: 'p2/need-1' }] }))).toEqual([
      { rule: 'R3', needId: 'n1', reason: 'project p2 also serves this need (p2/need-1): coordinate, do not duplicate (002 para 37); the plan records no other provider or field office' },
    ]);
  });
  it('R14 warns for a confidential need until the plan records a vetted official', () => {
    const secret = project({ stateCodes: ['KEN'], needs: [{ id: 's', stateCode: 'KEN', priorityActivity: '(g)', instrument: 'UNTOC', field: null, formsOfAssistance: ['UNIT_SETUP'], confidential: true }] });
    expect(ruleWarnings(secret)).toEqual([{ rule: 'R14', needId: 's', reason: 'a confidential need, and the plan records no official vetted to handle sensitive information (001 paras 54(e), 56)' }]);
    expect(ruleWarnings({ ...secret, plan: { ...plan('NATIONAL'), vettedOfficials: [{ name: 'A. Officer', function: 'Head of the unit', vettedOn: '2012-01-05' }] } })).toEqual([]);
  });
  it('R15 puts help to ratify first with a named priority part', () => {
    expect(isRatificationNeed({ priority_activity: '(c)', forms_of_assistance: ['LEG_REVIEW'] })).toBe(true);
    expect(isRatificationNeed({ priority_activity: '(e)', forms_of_assistance: ['PRE_RATIFICATION'] })).toBe(true);
    expect(isRatificationNeed({ priority_activity: '(e)', forms_of_assistance: ['LEG_REVIEW'] })).toBe(false);
    const need = { priorityArea: 'PA-E', urgency: 'LOW' as const, identifiedAt: '2026-01-01T00:00:00Z', verdict: null, stateCouldNotReport: false, stateRank: null };
    const plain = computePriority(need, {}, new Date('2026-01-01T00:00:00Z'));
    const ratification = computePriority({ ...need, ratification: true }, {}, new Date('2026-01-01T00:00:00Z'));
    expect(ratification.score - plain.score).toBe(RATIFICATION_POINTS);
    expect(ratification.parts.at(-1)).toEqual({ name: 'RATIFICATION_FIRST', points: RATIFICATION_POINTS, reason: 'help to ratify: universal ratification comes first (R15, 003 para 3)' });
  });
});

const NEED_FIELDS = 'id state source confidential withdrawnAt withdrawnReason origin { kind source projectId importId cycle raisedBy } field { field from source }';
const RECORD = `mutation($input: RecordNeedInput!) { recordNeed(input: $input) { __typename ... on Need { ${NEED_FIELDS} } ... on ValidationError { issues { field message } } ... on Error { code message } } }`;
const NEED = `query($id: ID!) { need(id: $id) { __typename ... on Need { ${NEED_FIELDS} } ... on Error { code message } } }`;
const HISTORY = 'query($id: ID!) { needHistory(id: $id) { ... on QueryNeedHistorySuccess { data { edges { node { action actorRole detail } } } } ... on Error { code message } } }';
const WARNINGS = 'query($id: ID!) { project(id: $id) { ... on Project { id stage ruleWarnings { rule needId reason } plan { modality sustainability coordination { providers fieldOffices } eligibilityJustification } needs { id confidential } followUpNeeds { id source origin { kind projectId } } } ... on Error { code message } } }';

describe('needs, their origins and the rules over the API', () => {
  let stack: Stack;
  let pm: Caller;
  beforeAll(async () => {
    stack = await startStack();
    pm = await caller(stack, { subject: 'pm-rules-needs', role: 'PROGRAMME_MANAGER' });
  });
  afterAll(() => stack?.stop());

  const record = async (input: Record<string, unknown>, who: Caller = pm) => {
    const { body } = await stack.gql(RECORD, { input: { ...baseNeed, idempotencyKey: freshKey('rec'), ...input } }, who.token);
    if (body.errors) throw new Error(JSON.stringify(body.errors));
    return body.data.recordNeed;
  };
  const need = async (id: string, who: Caller = pm) => (await stack.gql(NEED, { id }, who.token)).body.data.need;
  const history = async (id: string) => ((await stack.gql(HISTORY, { id }, pm.token)).body.data.needHistory.data.edges as { node: { action: string; actorRole: string; detail: string } }[]).map((e) => e.node);
  const project = async (id: string, token = pm.token) => {
    const { body } = await stack.gql(WARNINGS, { id }, token);
    if (body.errors) throw new Error(JSON.stringify(body.errors));
    return body.data.project;
  };
  const group = async (needIds: string[], title: string) => {
    const { body } = await stack.gql('mutation($ids: [ID!]!, $title: String!, $key: String!) { groupNeedsIntoProject(input: { needIds: $ids, title: $title, idempotencyKey: $key }) { __typename ... on Project { id states ruleWarnings { rule needId reason } } ... on Error { code message } } }', { ids: needIds, title, key: freshKey('grp') }, pm.token);
    if (body.errors || body.data.groupNeedsIntoProject.__typename !== 'Project') throw new Error(JSON.stringify(body));
    return body.data.groupNeedsIntoProject as { id: string; states: string[]; ruleWarnings: { rule: string; needId: string | null; reason: string }[] };
  };

  it('produces every recordable source with what it requires, knows each need\'s origin both ways, and starts its history at birth', async () => {
    // A Kenyan project delivered with a national training and a regional workshop; another with a needs assessment.
    const delivered = await projectInDelivery(stack, pm, 'KEN', 'Witness protection mentoring (004 para 35)');
    await must(stack, pm, 'recordActivity', delivered.id, { title: 'National training of prosecutors', formOfAssistance: 'TRAINING_NATIONAL', startDate: '2012-03-01', endDate: '2012-03-03', participants: 25 });
    const fpKen = delivered.fp;
    const assessed = await fileAs(stack, fpKen, { state: 'KEN', title: 'Assessment of the witness-protection law', idempotencyKey: freshKey('ken-a'), needs: [{ ...baseNeed, priorityActivity: '(g)', description: 'Review the witness-protection law.' } as never] });
    await must(stack, pm, 'startAssessment', assessed.id);
    await must(stack, pm, 'recordAssessment', assessed.id, { type: 'NEEDS_ASSESSMENT', startDate: '2012-02-01', endDate: '2012-02-03', partners: [], findings: 'The unit lacks a relocation scheme.' });

    // What each source requires is checked, naming the field, and nothing is written.
    const noParent = await record({ state: 'KEN', source: 'WORKSHOP_FOLLOW_UP' });
    expect(noParent.issues).toEqual([{ field: 'input.parentProjectId', message: 'a WORKSHOP_FOLLOW_UP need names the project it came from' }]);
    const noWorkshop = await record({ state: 'KEN', source: 'WORKSHOP_FOLLOW_UP', parentProjectId: delivered.id });
    expect(noWorkshop.issues).toEqual([{ field: 'input.parentProjectId', message: expect.stringMatching(/^the parent project has no delivered workshop activity/) }]);
    const stranger = await record({ state: 'UGA', source: 'TRAINING_EVENT', parentProjectId: delivered.id });
    expect(stranger.issues).toEqual([{ field: 'input.parentProjectId', message: 'UGA is not a beneficiary of the parent project' }]);
    const noAssessment = await record({ state: 'KEN', source: 'NEEDS_ASSESSMENT', parentProjectId: delivered.id });
    expect(noAssessment.issues).toEqual([{ field: 'input.parentProjectId', message: 'the parent project has no recorded assessment' }]);
    expect((await record({ state: 'KEN', source: 'FIELD_OFFICE' })).issues).toEqual([{ field: 'input.raisedBy', message: 'a FIELD_OFFICE need names who raised it' }]);
    const asFocalPoint = await record({ state: 'KEN', source: 'FIELD_OFFICE', raisedBy: 'UNODC Nairobi' }, fpKen);
    expect(asFocalPoint.__typename).toBe('ForbiddenError');

    await must(stack, pm, 'recordActivity', delivered.id, { title: 'Regional workshop on witness protection, Nairobi', formOfAssistance: 'WORKSHOP_REGIONAL', startDate: '2012-04-10', endDate: '2012-04-12', participants: 40 });
    const made = {
      FIELD_OFFICE: await record({ state: 'KEN', source: 'FIELD_OFFICE', raisedBy: 'UNODC Regional Office for Eastern Africa, Nairobi' }),
      ADVISER_MENTOR: await record({ state: 'KEN', source: 'ADVISER_MENTOR', raisedBy: "Witness-protection mentor in the Attorney General's office (004 para 35)" }),
      UNODC_OUTREACH: await record({ state: 'KEN', source: 'UNODC_OUTREACH', raisedBy: 'Outreach mission on basic legislation (001 para 21)' }),
      TRAINING_EVENT: await record({ state: 'KEN', source: 'TRAINING_EVENT', parentProjectId: delivered.id, description: 'Prosecutors at the training asked for a handbook.' }),
      WORKSHOP_FOLLOW_UP: await record({ state: 'KEN', source: 'WORKSHOP_FOLLOW_UP', parentProjectId: delivered.id, description: 'Follow-up request after the Nairobi workshop (000 para 44).' }),
      NEEDS_ASSESSMENT: await record({ state: 'KEN', source: 'NEEDS_ASSESSMENT', parentProjectId: assessed.id, description: 'A relocation scheme for protected witnesses.' }),
    };
    for (const [source, n] of Object.entries(made)) {
      expect(n).toMatchObject({ __typename: 'Need', state: 'KEN', source, origin: { source } });
      const first = (await history(n.id))[0]!;
      expect(first).toMatchObject({ action: 'RECORDED', actorRole: 'PROGRAMME_MANAGER' });
      expect(first.detail).toMatchObject({ source });
    }
    expect(made.FIELD_OFFICE.origin).toEqual({ kind: 'RAISED', source: 'FIELD_OFFICE', projectId: null, importId: null, cycle: null, raisedBy: 'UNODC Regional Office for Eastern Africa, Nairobi' });
    expect(made.TRAINING_EVENT.origin).toMatchObject({ kind: 'EVENT', projectId: delivered.id });
    expect(made.WORKSHOP_FOLLOW_UP.origin).toMatchObject({ kind: 'EVENT', projectId: delivered.id });
    expect(made.NEEDS_ASSESSMENT.origin).toMatchObject({ kind: 'ASSESSMENT', projectId: assessed.id });

    // A retry with the same key answers the same need; the same key with another need is refused.
    const key = freshKey('retry');
    const once = await record({ state: 'KEN', source: 'UNODC_OUTREACH', raisedBy: 'Mission', idempotencyKey: key });
    expect(await record({ state: 'KEN', source: 'UNODC_OUTREACH', raisedBy: 'Mission', idempotencyKey: key })).toMatchObject({ __typename: 'Need', id: once.id });
    expect((await record({ state: 'KEN', source: 'UNODC_OUTREACH', raisedBy: 'Another mission', idempotencyKey: key })).__typename).toBe('IdempotencyKeyReusedError');

    // A recorded need is in the pool (paged through: other test files' Kenyan needs share the database and may rank above it).
    const kenyanPool: unknown[] = [];
    for (let after: string | null = null, more = true; more; ) {
      const page = await stack.gql('query($after: String) { needPool(filter: { state: "KEN" }, first: 100, after: $after) { ... on QueryNeedPoolSuccess { data { edges { node { id source } } pageInfo { hasNextPage endCursor } } } } }', { after }, pm.token);
      const { edges, pageInfo } = page.body.data.needPool.data as { edges: { node: unknown }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
      kenyanPool.push(...edges.map((e) => e.node));
      [after, more] = [pageInfo.endCursor, pageInfo.hasNextPage];
    }
    expect(kenyanPool).toEqual(expect.arrayContaining([{ id: made.FIELD_OFFICE.id, source: 'FIELD_OFFICE' }]));

    // The evaluation's adopted recommendation carries its parent project and a history from birth.
    const evaluator = await rosterEvaluator(stack, 'Evaluator for Kenya (rules-needs)');
    await must(stack, pm, 'startEvaluation', delivered.id, { evaluator: evaluator.actor.subject });
    await must(stack, evaluator, 'submitOutcomeAssessment', delivered.id, {
      criteria: dacRatings(5), indicatorValues: [{ indicator: 'witnesses admitted', actual: 12 }], needVerdicts: [{ needId: delivered.needs[0]!.id, verdict: 'PARTLY_MET' }],
      narrative: 'The mentor is in place; relocation is not yet possible.',
      recommendations: [{ priorityArea: 'PA-B', priorityActivity: '(g)', instrument: 'UNTOC', formsOfAssistance: ['TOT'], urgency: 'HIGH', description: 'Train the trainers of the witness-protection unit.' }],
    });
    await must(stack, pm, 'close', delivered.id, { adoptRecommendations: [0] });
    const parent = await project(delivered.id);
    const followUp = parent.followUpNeeds.find((n: { source: string }) => n.source === 'EVALUATION_FOLLOW_UP');
    expect(followUp.origin).toEqual({ kind: 'EVALUATION', projectId: delivered.id });
    expect((await history(followUp.id))[0]).toMatchObject({ action: 'FOLLOW_UP_OF' });
    expect((await history(followUp.id))[0]!.detail).toEqual({ projectId: delivered.id, recommendation: 1 });
    // Both ways: the parent lists the needs it gave rise to; the request's own need names its project.
    expect(parent.followUpNeeds.map((n: { id: string }) => n.id).sort()).toEqual([made.TRAINING_EVENT.id, made.WORKSHOP_FOLLOW_UP.id, followUp.id].sort());
    expect((await project(assessed.id)).followUpNeeds.map((n: { id: string }) => n.id)).toEqual([made.NEEDS_ASSESSMENT.id]);
    expect((await need(delivered.needs[0]!.id)).origin).toMatchObject({ kind: 'REQUEST', projectId: delivered.id });
    // Another State's focal point reaches none of it.
    const uga = await caller(stack, { subject: 'fp-UGA', role: 'STATE_FOCAL_POINT', stateCode: 'UGA' });
    expect((await need(made.FIELD_OFFICE.id, uga)).__typename).toBe('NotFoundError');
    expect((await need(made.FIELD_OFFICE.id, fpKen)).id).toBe(made.FIELD_OFFICE.id);
  });

  it('gives needs a field of expertise, set or inferred, and ranks the exact specialist above the generalists', async () => {
    const fra = await caller(stack, { subject: 'fp-FRA', role: 'STATE_FOCAL_POINT', stateCode: 'FRA' });
    const tag = randomUUID().slice(0, 6);
    const nominate = async (label: string, fields: string[]) => {
      const { body } = await stack.gql('mutation($input: NominateExpertInput!) { nominateExpert(input: $input) { __typename ... on Expert { id } ... on Error { message } } }', {
        input: { name: `${label} ${tag} (invented)`, nationality: 'FRA', nominatingState: 'FRA', institution: 'Invented institute', profile: { fields, instruments: [{ instrument: 'UNTOC', articles: [] }], languages: [{ language: 'en', level: 'C2' }], states: ['KEN'] } },
      }, fra.token);
      const id = body.data.nominateExpert.id as string;
      await stack.gql('mutation { acceptNomination { __typename } }', {}, await stack.token({ subject: id, role: 'EXPERT' }));
      return id;
    };
    const specialist = await nominate('Cybercrime specialist', ['EMERGING_CRIMES.CYBERCRIME']);
    const generalist = await nominate('Emerging-crimes generalist', ['EMERGING_CRIMES']);
    const drafter = await nominate('Legislative drafter', ['CRIMINALIZATION.LEGISLATIVE_DRAFTING']);

    // Set by the State when it files; changed by the manager; inferred from the article otherwise.
    const fpKen = await caller(stack, { subject: 'fp-KEN', role: 'STATE_FOCAL_POINT', stateCode: 'KEN' });
    const badField = await stack.gql('mutation($input: FileRequestInput!) { fileRequest(input: $input) { __typename ... on ValidationError { issues { field message } } } }', { input: { state: 'KEN', title: 'Cybercrime law', idempotencyKey: freshKey('cyb'), needs: [{ ...baseNeed, fieldOfExpertise: 'CYBER' }] } }, fpKen.token);
    expect(badField.body.data.fileRequest.issues).toEqual([{ field: 'input.needs.0.fieldOfExpertise', message: 'unknown field of expertise "CYBER"' }]);
    const filed = await fileAs(stack, fpKen, { state: 'KEN', title: 'Cybercrime law', idempotencyKey: freshKey('cyb'), needs: [{ ...baseNeed, description: 'A law on computer-related crime.', fieldOfExpertise: 'EMERGING_CRIMES.CYBERCRIME' } as never, { ...baseNeed, article: '19', description: 'Joint investigation teams.' } as never] });
    const [cyber, joint] = filed.needs;
    expect((await need(cyber!.id)).field).toEqual({ field: 'EMERGING_CRIMES.CYBERCRIME', from: 'SET', source: null });
    expect((await need(joint!.id)).field).toEqual({ field: 'INTL_COOPERATION.JOINT_INVESTIGATIONS', from: 'INFERRED', source: '000_c2f5e927b2c5c592.txt para 22' });

    const MATCH = 'query($id: ID!) { matchExperts(needId: $id, options: { limit: 500 }) { ... on QueryMatchExpertsSuccess { data { fields ranked { rank expertId score parts { name points reason } } } } ... on Error { message } } }';
    const ranks = async (id: string) => {
      const m = (await stack.gql(MATCH, { id }, pm.token)).body.data.matchExperts.data[0];
      const of = (e: string) => m.ranked.find((r: { expertId: string }) => r.expertId === e);
      return { fields: m.fields, specialist: of(specialist), generalist: of(generalist), drafter: of(drafter) };
    };
    const byField = await ranks(cyber!.id);
    expect(byField.fields).toEqual(['EMERGING_CRIMES.CYBERCRIME']);
    expect(byField.specialist.parts[0]).toEqual({ name: 'FIELD', points: 40, reason: 'expert in EMERGING_CRIMES.CYBERCRIME' });
    expect(byField.generalist.parts[0]).toEqual({ name: 'FIELD', points: 20, reason: 'EMERGING_CRIMES is in the same group as EMERGING_CRIMES.CYBERCRIME' });
    expect(byField.specialist.rank).toBeLessThan(byField.generalist.rank);
    expect(byField.generalist.rank).toBeLessThan(byField.drafter.rank);

    // The manager clears the field: activity (e)'s fields answer, and the drafter leads again.
    const cleared = await stack.gql('mutation($input: SetNeedFieldInput!) { setNeedField(input: $input) { __typename ... on Need { field { field from } } } }', { input: { needId: cyber!.id, field: null } }, pm.token);
    expect(cleared.body.data.setNeedField).toEqual({ __typename: 'Need', field: null });
    const byActivity = await ranks(cyber!.id);
    expect(byActivity.drafter.rank).toBeLessThan(byActivity.specialist.rank);
    // The State sets it back on its own need; another State cannot reach it; a bad code is refused by name.
    const uga = await caller(stack, { subject: 'fp-UGA', role: 'STATE_FOCAL_POINT', stateCode: 'UGA' });
    const SET = 'mutation($input: SetNeedFieldInput!) { setNeedField(input: $input) { __typename ... on Need { field { field from } } ... on ValidationError { issues { field message } } } }';
    expect((await stack.gql(SET, { input: { needId: cyber!.id, field: 'EMERGING_CRIMES.CYBERCRIME' } }, uga.token)).body.data.setNeedField.__typename).toBe('NotFoundError');
    expect((await stack.gql(SET, { input: { needId: cyber!.id, field: 'NOPE' } }, fpKen.token)).body.data.setNeedField.issues).toEqual([{ field: 'input.field', message: 'unknown field of expertise "NOPE"' }]);
    expect((await stack.gql(SET, { input: { needId: cyber!.id, field: 'EMERGING_CRIMES.CYBERCRIME' } }, fpKen.token)).body.data.setNeedField.field).toEqual({ field: 'EMERGING_CRIMES.CYBERCRIME', from: 'SET' });
    expect((await history(cyber!.id)).filter((h) => h.action === 'FIELD_SET').map((h) => h.actorRole)).toEqual(['PROGRAMME_MANAGER', 'STATE_FOCAL_POINT']);
  });

  it('R6: grouping cybercrime needs into a regional project warns with the rule and the reason; a national project beside it is allowed and does not', async () => {
    const cyber = { priorityArea: 'PA-B', priorityActivity: '(e)', instrument: 'UNTOC', formsOfAssistance: ['LEG_DRAFTING'], urgency: 'HIGH', fieldOfExpertise: 'EMERGING_CRIMES.CYBERCRIME', description: 'Capacity to counter cybercrime.' };
    const ken = await record({ ...cyber, state: 'KEN', source: 'FIELD_OFFICE', raisedBy: 'UNODC Nairobi' });
    const uga = await record({ ...cyber, state: 'UGA', source: 'FIELD_OFFICE', raisedBy: 'UNODC Nairobi' });
    const regional = await group([ken.id, uga.id], 'East African cybercrime programme');
    expect(regional.states).toEqual(['KEN', 'UGA']);
    const r6 = regional.ruleWarnings.filter((w) => w.rule === 'R6');
    expect(r6.map((w) => w.needId).sort()).toEqual([ken.id, uga.id].sort());
    expect(r6[0]!.reason).toMatch(/^regional delivery: capacity-building to counter cybercrime does not lend itself to a regional approach \(002_dd645cd7d5831d83.txt para 20\)/);

    // Kenya, in the regional project, still has its own national project for another need.
    const fpKen = await caller(stack, { subject: 'fp-KEN', role: 'STATE_FOCAL_POINT', stateCode: 'KEN' });
    const national = await fileAs(stack, fpKen, { state: 'KEN', title: 'National cybercrime unit', idempotencyKey: freshKey('ken-n'), needs: [{ ...cyber, priorityActivity: '(h)', formsOfAssistance: ['UNIT_SETUP'], description: 'A national cybercrime unit.' } as never] });
    await must(stack, pm, 'startAssessment', national.id);
    await must(stack, pm, 'startPlanning', national.id);
    const plan = { objectives: ['A cybercrime unit'], outputs: [], outcomes: [{ title: 'Cases investigated', indicators: [{ name: 'cases', unit: 'cases', baseline: 0, target: 10 }] }], formsOfAssistance: ['UNIT_SETUP'], budget: { amount: '1000', currency: 'USD' } };
    // Modality is an enum: an unknown one is refused by GraphQL before any resolver, naming the field.
    await expect(act(stack, pm, 'setPlan', national.id, { ...plan, modality: 'CONTINENTAL' })).rejects.toThrow(/at \\"input.modality\\"; Value \\"CONTINENTAL\\" does not exist in \\"Modality\\" enum/);
    const planned = await must(stack, pm, 'setPlan', national.id, { ...plan, modality: 'NATIONAL' });
    expect(planned.plan.modality).toBe('NATIONAL');
    expect((await project(national.id)).ruleWarnings.filter((w: { rule: string }) => w.rule === 'R6')).toEqual([]);
    // Along a route the caveat applies as regionally; thematically it does not.
    await must(stack, pm, 'setPlan', national.id, { ...plan, modality: 'ROUTE' });
    expect((await project(national.id)).ruleWarnings.map((w: { rule: string }) => w.rule)).toContain('R6');
    await must(stack, pm, 'setPlan', national.id, { ...plan, modality: 'THEMATIC' });
    expect((await project(national.id)).plan.modality).toBe('THEMATIC');
    expect((await project(national.id)).ruleWarnings.filter((w: { rule: string }) => w.rule === 'R6')).toEqual([]);
  });

  it('R8: a presumed reporting need is withdrawn with the reason when its State reports, by import or by the manager, and leaves the pool', async () => {
    const importCsv = async (lines: string[], source = 'CHECKLIST_RESPONSE') => {
      const cycle = `rules-needs-${randomUUID().slice(0, 8)}`;
      const { body } = await stack.gql('mutation($input: ImportNeedsInput!) { importNeeds(input: $input) { __typename ... on NeedsImport { id } } }', {
        input: { format: 'CSV', source, cycle, content: ['state,priorityArea,priorityActivity,instrument,article,formsOfAssistance,urgency,description', ...lines].join('\n'), importKey: freshKey('imp') },
      }, pm.token);
      const id = body.data.importNeeds.id as string;
      await expect.poll(async () => (await stack.gql('query($id: ID!) { needsImport(id: $id) { ... on NeedsImport { status } } }', { id }, pm.token)).body.data.needsImport.status, { timeout: 30_000 }).toBe('COMPLETED');
      return { id, cycle };
    };
    // Two open presumed reporting needs, as the re-prioritisation run writes them (R8). On a shared database
    // other files' imports may already have made every State a reporter (and withdrawn its presumed need),
    // so the fixture writes them: a new row for a State without one, else the State's row made open again.
    const rows = new Map((await stack.db.selectFrom('needs').select(['state_code', 'project_id']).where('source', '=', 'PRESUMED_NON_REPORTING').execute()).map((r) => [r.state_code, r.project_id]));
    const usable = STATES.map((x) => x.code).filter((c) => !['KEN', 'UGA', 'AGO', 'MNG', 'TON'].includes(c) && rows.get(c) == null);
    const [a, b] = [...usable.filter((c) => !rows.has(c)), ...usable.filter((c) => rows.has(c))];
    await insertPresumedNeeds(stack.db, [presumedReportingNeed(a!), presumedReportingNeed(b!)]);
    await stack.db.updateTable('needs').set({ withdrawn_at: null, withdrawn_reason: null, confirmed_at: null, confirmed_by: null }).where('id', 'in', [presumedNeedId(a!), presumedNeedId(b!)]).execute();
    // Each State's own list: on a shared database the whole list can run past a page.
    const presumedOf = async (state: string) => ((await stack.gql('query($s: String) { presumedNeeds(state: $s, first: 100) { ... on QueryPresumedNeedsSuccess { data { edges { node { id state } } } } } }', { s: state }, pm.token)).body.data.presumedNeeds.data.edges.map((e: { node: unknown }) => e.node) as { id: string; state: string }[]);
    const presumed = async () => [...(await presumedOf(a!)), ...(await presumedOf(b!))];
    const listed = (await presumed()).map((n) => n.id);
    expect(listed).toEqual(expect.arrayContaining([presumedNeedId(a!), presumedNeedId(b!)]));
    const first = { id: presumedNeedId(a!), state: a! };
    const second = { id: presumedNeedId(b!), state: b! };

    // The first State's questionnaire response is imported: its presumed need is withdrawn.
    const imported = await importCsv([`${first!.state},PA-B,(e),UNTOC,,LEG_REVIEW,LOW,Review of the law`], 'QUESTIONNAIRE_RESPONSE');
    const gone = await need(first!.id);
    expect(gone.withdrawnReason).toBe(`questionnaire response imported for cycle ${imported.cycle}`);
    expect(gone.withdrawnAt).toEqual(expect.any(String));
    const withdrawal = (await history(first!.id)).find((h) => h.action === 'WITHDRAWN')!;
    expect(withdrawal.detail).toEqual({ reason: `questionnaire response imported for cycle ${imported.cycle}`, importId: imported.id, cycle: imported.cycle });
    // The imported need knows its import and cycle.
    const importedNeed = (await stack.db.selectFrom('needs').select('id').where('import_id', '=', imported.id).executeTakeFirstOrThrow()).id;
    expect((await need(importedNeed)).origin).toEqual({ kind: 'IMPORT', source: 'QUESTIONNAIRE_RESPONSE', projectId: null, importId: imported.id, cycle: imported.cycle, raisedBy: null });

    // The manager records the second State's report received outside an import.
    const REPORT = 'mutation($input: RecordStateReportInput!) { recordStateReport(input: $input) { __typename ... on StateReport { state cycle withdrawn { id withdrawnReason } } ... on ValidationError { issues { field message } } ... on Error { code } } }';
    expect((await stack.gql(REPORT, { input: { state: 'XXX', cycle: '2010' } }, pm.token)).body.data.recordStateReport.issues).toEqual([{ field: 'input.state', message: 'unknown State "XXX"' }]);
    const fp = await caller(stack, { subject: `fp-${second!.state}`, role: 'STATE_FOCAL_POINT', stateCode: second!.state });
    expect((await stack.gql(REPORT, { input: { state: second!.state, cycle: '2010' } }, fp.token)).body.data.recordStateReport.__typename).toBe('ForbiddenError');
    const reported = await stack.gql(REPORT, { input: { state: second!.state, cycle: 'second cycle', note: 'Checklist returned on paper' } }, pm.token);
    expect(reported.body.data.recordStateReport).toEqual({ __typename: 'StateReport', state: second!.state, cycle: 'second cycle', withdrawn: [{ id: second!.id, withdrawnReason: `${second!.state} reported in cycle second cycle: Checklist returned on paper` }] });
    // Once: a second report withdraws nothing more.
    expect((await stack.gql(REPORT, { input: { state: second!.state, cycle: 'second cycle' } }, pm.token)).body.data.recordStateReport.withdrawn).toEqual([]);

    // Both have left the presumed list and, after a new run, the pool.
    await stack.gql('mutation { reprioritiseNow { __typename } }', {}, pm.token);
    const after = (await presumed()).map((n) => n.id);
    expect(after).not.toContain(first!.id);
    expect(after).not.toContain(second!.id);
    const pool = await stack.gql('query($s: String) { needPool(filter: { state: $s }, first: 100) { ... on QueryNeedPoolSuccess { data { edges { node { id } } } } } }', { s: second!.state }, pm.token);
    expect(pool.body.data.needPool.data.edges.map((e: { node: { id: string } }) => e.node.id)).not.toContain(second!.id);
    expect((await need(second!.id)).withdrawnReason).toMatch(/reported in cycle second cycle/);
  });

  it('R15: help to ratify ranks ahead of like needs, with a named priority part', async () => {
    const state = 'MNG';
    const like = { priorityArea: 'PA-E', instrument: 'SOM', formsOfAssistance: ['LEG_REVIEW'], urgency: 'LOW', state, source: 'UNODC_OUTREACH', raisedBy: 'Outreach on the Migrants Protocol (000 para 61)' };
    const ratify = await record({ ...like, priorityActivity: '(c)', description: 'Help to accede to the Migrants Protocol.' });
    const implement = await record({ ...like, priorityActivity: '(e)', description: 'Help to draft the migrant-smuggling offence.' });
    const pool = (await stack.gql('{ needPool(filter: { state: "MNG" }, first: 100) { ... on QueryNeedPoolSuccess { data { edges { node { id rank: poolRank priority { parts { name points reason } } } } } } } }', {}, pm.token)).body.data.needPool.data.edges.map((e: { node: unknown }) => e.node) as { id: string; rank: number; priority: { parts: { name: string }[] } }[];
    const r = pool.find((n) => n.id === ratify.id)!;
    const i = pool.find((n) => n.id === implement.id)!;
    expect(r.rank).toBeLessThan(i.rank);
    expect(r.priority.parts).toContainEqual({ name: 'RATIFICATION_FIRST', points: 60, reason: 'help to ratify: universal ratification comes first (R15, 003 para 3)' });
    expect(i.priority.parts.map((p) => p.name)).not.toContain('RATIFICATION_FIRST');
  });

  it('R7, R13, R14 and R3 on one project: eligibility justified in the plan, sustainability warned at seekFunding, a confidential need hidden from donors, duplication across projects shown', async () => {
    const fpAgo = await caller(stack, { subject: 'fp-AGO', role: 'STATE_FOCAL_POINT', stateCode: 'AGO' });
    const request = { state: 'AGO', title: 'Witness protection programme', needs: [
      { priorityArea: 'PA-B', priorityActivity: '(g)', instrument: 'UNTOC', formsOfAssistance: ['TRAINING_NATIONAL'], urgency: 'HIGH', description: 'Train the witness-protection unit.' },
      { priorityArea: 'PA-B', priorityActivity: '(c)', instrument: 'UNTOC', formsOfAssistance: ['PRE_RATIFICATION'], urgency: 'HIGH', description: 'What ratification requires.' },
    ] };
    const first = await fileAs(stack, fpAgo, { ...request, idempotencyKey: freshKey('ago-1') } as never);
    // R7: Angola signed but is not a party; (g) warns, ratification help (c) does not.
    const opened = await project(first.id);
    expect(opened.ruleWarnings.filter((w: { rule: string }) => w.rule === 'R7')).toEqual([{ rule: 'R7', needId: first.needs[0]!.id, reason: expect.stringMatching(/^AGO signed the Convention but is not a party \(002 para 14\); activity \(g\)/) }]);
    // R3: a second project for the same need shows the first.
    const second = await fileAs(stack, fpAgo, { ...request, idempotencyKey: freshKey('ago-2') } as never);
    const r3 = (await project(second.id)).ruleWarnings.filter((w: { rule: string; reason: string }) => w.rule === 'R3' && w.reason.includes(first.id));
    expect(r3.map((w: { needId: string }) => w.needId).sort()).toEqual(second.needs.map((n) => n.id).sort());

    await must(stack, pm, 'startAssessment', first.id);
    await must(stack, pm, 'recordAssessment', first.id, { type: 'DESK_REVIEW', startDate: '2012-01-10', endDate: '2012-01-12', partners: [], findings: 'The draft law lacks the relocation provisions of article 24.' });
    await must(stack, pm, 'startPlanning', first.id);
    const plan = {
      objectives: ['A witness-protection unit that trains its own staff'], outputs: [],
      outcomes: [{ title: 'Witnesses protected', indicators: [{ name: 'witnesses admitted', unit: 'people', baseline: 0, target: 20 }] }],
      formsOfAssistance: ['TRAINING_NATIONAL', 'PRE_RATIFICATION'], modality: 'NATIONAL', budget: { amount: '20000', currency: 'USD' },
      eligibilityJustification: 'Angola is preparing its instrument of ratification; the programme helps it meet article 24 first.',
      coordination: { providers: ['UNDP'], fieldOffices: ['UNODC Luanda'] },
      vettedOfficials: [{ name: 'Head of the witness-protection unit (invented)', function: 'Handles witness files', vettedOn: '2012-01-20' }],
    };
    const badMeasure = await stack.gql(actionMutation('setPlan'), { input: { projectId: first.id, ...plan, sustainability: ['GOOD_INTENTIONS'] } }, pm.token);
    expect(badMeasure.body.errors?.[0]?.message).toMatch(/GOOD_INTENTIONS/); // an unknown enum value never reaches the workflow
    await must(stack, pm, 'setPlan', first.id, plan);
    const planned = await project(first.id);
    expect(planned.plan).toMatchObject({ eligibilityJustification: plan.eligibilityJustification, coordination: { providers: ['UNDP'], fieldOffices: ['UNODC Luanda'] }, sustainability: [] });
    expect(planned.ruleWarnings.filter((w: { rule: string }) => w.rule === 'R7')).toEqual([]);
    expect(planned.ruleWarnings.filter((w: { rule: string; reason: string }) => w.rule === 'R3' && w.reason.includes(second.id))[0].reason).not.toMatch(/records no other provider/);
    await must(stack, fpAgo, 'endorsePlan', first.id);
    // R13: seeking funding for a plan that trains without a sustainability measure answers with the warning.
    const seeking = await stack.gql(`mutation($input: SeekFundingInput!) { seekFunding(input: $input) { __typename ... on Project { stage ruleWarnings { rule reason } } } }`, { input: { projectId: first.id } }, pm.token);
    expect(seeking.body.data.seekFunding.stage).toBe('AWAITING_FUNDING');
    expect(seeking.body.data.seekFunding.ruleWarnings.filter((w: { rule: string }) => w.rule === 'R13')).toEqual([{ rule: 'R13', reason: expect.stringMatching(/^the plan trains people \(TRAINING_NATIONAL\) but states no sustainability measure/) }]);

    // R14: Angola marks its training need confidential; a donor reading the project open for funding no longer sees it.
    const donor = await stack.donorToken('Invented Foundation (rules-needs)');
    const DONOR_VIEW = 'query($id: ID!) { project(id: $id) { ... on Project { needs { id } } ... on Error { code } } }';
    expect((await stack.gql(DONOR_VIEW, { id: first.id }, donor)).body.data.project.needs.map((n: { id: string }) => n.id)).toEqual(first.needs.map((n) => n.id));
    const CONF = 'mutation($input: SetNeedConfidentialInput!) { setNeedConfidential(input: $input) { __typename ... on Need { id confidential } } }';
    const uga = await caller(stack, { subject: 'fp-UGA', role: 'STATE_FOCAL_POINT', stateCode: 'UGA' });
    expect((await stack.gql(CONF, { input: { needId: first.needs[0]!.id, confidential: true } }, uga.token)).body.data.setNeedConfidential.__typename).toBe('NotFoundError');
    expect((await stack.gql(CONF, { input: { needId: first.needs[0]!.id, confidential: true } }, fpAgo.token)).body.data.setNeedConfidential).toEqual({ __typename: 'Need', id: first.needs[0]!.id, confidential: true });
    expect((await stack.gql(DONOR_VIEW, { id: first.id }, donor)).body.data.project.needs.map((n: { id: string }) => n.id)).toEqual([first.needs[1]!.id]);
    expect((await project(first.id)).needs).toEqual([{ id: first.needs[0]!.id, confidential: true }, { id: first.needs[1]!.id, confidential: false }]);
    expect((await stack.gql(DONOR_VIEW, { id: first.id }, fpAgo.token)).body.data.project.needs.map((n: { id: string }) => n.id)).toEqual(first.needs.map((n) => n.id));
    // Nor does the public IATI file carry its text.
    const iati = await fetch(`${stack.apiUrl.replace(/\/graphql$/, '')}/iati/activities/${first.id}.xml`, { headers: { authorization: `Bearer ${pm.token}` } });
    const xml = await iati.text();
    expect(iati.status).toBe(200);
    expect(xml).toContain('What ratification requires.');
    expect(xml).not.toContain('Train the witness-protection unit.');
    // The plan records the vetted officials, which donors do not see; without them a confidential need warns R14.
    const VETTED = 'query($id: ID!) { project(id: $id) { ... on Project { plan { vettedOfficials { name function vettedOn } } } } }';
    expect((await stack.gql(VETTED, { id: first.id }, pm.token)).body.data.project.plan.vettedOfficials).toEqual(plan.vettedOfficials);
    expect((await stack.gql(VETTED, { id: first.id }, donor)).body.data.project.plan.vettedOfficials).toEqual([]);
    expect((await project(first.id)).ruleWarnings.filter((w: { rule: string }) => w.rule === 'R14')).toEqual([]);
    await stack.gql(CONF, { input: { needId: second.needs[0]!.id, confidential: true } }, pm.token);
    expect((await project(second.id)).ruleWarnings.filter((w: { rule: string }) => w.rule === 'R14')).toEqual([{ rule: 'R14', needId: second.needs[0]!.id, reason: expect.stringMatching(/no official vetted/) }]);
    expect((await history(second.needs[0]!.id)).filter((h) => h.action === 'CONFIDENTIALITY_SET').map((h) => h.actorRole)).toEqual(['PROGRAMME_MANAGER']);
  });
});
