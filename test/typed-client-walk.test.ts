// Issue 11's "done when": a client typed from schema.graphql walks a whole project through the real API.
// Every operation is a gql.tada document (the web app's `graphql`, web/src/graphql.ts), so `npx tsc --noEmit`
// checks each selection against the schema, each variable against VariablesOf (an enum value the schema does
// not have is a type error), and each answer is read through ResultOf. No `any`.
// Walk: file request -> assessment -> information -> planning -> plan -> endorsement -> funding -> pledge ->
// delivery -> progress -> enactment -> evaluation -> outcome assessment -> close.
import { print } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TadaDocumentNode } from 'gql.tada';
import type { Actor } from '../domain/roles.js';
import { graphql, type ResultOf, type VariablesOf } from '../web/src/graphql.js';
import { freshKey, startStack, type Stack } from './support/stack.js';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack?.stop());

/** Sends a typed operation; the variables must be the document's, and the answer is read as its result. */
async function send<R, V>(doc: TadaDocumentNode<R, V>, variables: V, token: string): Promise<R> {
  const { body } = await stack.gql<R>(print(doc), variables as Record<string, unknown>, token);
  if (body.errors?.length || body.data === undefined) throw new Error(`${JSON.stringify(body.errors)}`);
  return body.data;
}

/** The member of a result union the walk expects, typed as that member; any other answer fails with it. */
function member<T extends { __typename: string }, N extends T['__typename']>(value: T, name: N): Extract<T, { __typename: N }> {
  if (value.__typename !== name) throw new Error(`expected ${name}, got ${JSON.stringify(value)}`);
  return value as Extract<T, { __typename: N }>;
}

const PROJECT = graphql(`
  fragment WalkedProject on Project @_unmask {
    id stage iatiActivityStatus filedAt updatedAt
    needs { id urgency source formsOfAssistance }
    assessments { type startDate endDate }
    informationRequests { question answer answeredAt }
    plan { modality budget { amount currency } outcomes { title indicators { name baseline target } } }
    endorsements { state at }
    budget { amount currency } pledgedAmount fundingGap
    pledges { donor amount currency kind }
    activities { title startDate endDate participants }
    progressReports { period narrative }
    enactment { law enactedOn }
    evaluator
    outcomeAssessment { criteria { criterion rating } needVerdicts { needId verdict } }
    history { seq kind action fromStage toStage at actor { subject role } summary }
  }
`);

const ANSWER = `
  __typename
  ... on Project { ...WalkedProject }
  ... on Error { code message }
  ... on TransitionRefusedError { refusal }
  ... on ValidationError { issues { field message } }
`;

const FILE_REQUEST = graphql(`
  mutation WalkFile($input: FileRequestInput!) {
    fileRequest(input: $input) {
      __typename
      ... on FiledRequest { created project { ...WalkedProject } }
      ... on Error { code message }
      ... on ValidationError { issues { field message } }
    }
  }
`, [PROJECT]);
const START_ASSESSMENT = graphql(`mutation WalkStartAssessment($input: StartAssessmentInput!) { startAssessment(input: $input) { ${ANSWER} } }`, [PROJECT]);
const RECORD_ASSESSMENT = graphql(`mutation WalkRecordAssessment($input: RecordAssessmentInput!) { recordAssessment(input: $input) { ${ANSWER} } }`, [PROJECT]);
const REQUEST_INFORMATION = graphql(`mutation WalkRequestInformation($input: RequestInformationInput!) { requestInformation(input: $input) { ${ANSWER} } }`, [PROJECT]);
const PROVIDE_INFORMATION = graphql(`mutation WalkProvideInformation($input: ProvideInformationInput!) { provideInformation(input: $input) { ${ANSWER} } }`, [PROJECT]);
const START_PLANNING = graphql(`mutation WalkStartPlanning($input: StartPlanningInput!) { startPlanning(input: $input) { ${ANSWER} } }`, [PROJECT]);
const SET_PLAN = graphql(`mutation WalkSetPlan($input: SetPlanInput!) { setPlan(input: $input) { ${ANSWER} } }`, [PROJECT]);
const ENDORSE_PLAN = graphql(`mutation WalkEndorsePlan($input: EndorsePlanInput!) { endorsePlan(input: $input) { ${ANSWER} } }`, [PROJECT]);
const SEEK_FUNDING = graphql(`mutation WalkSeekFunding($input: SeekFundingInput!) { seekFunding(input: $input) { ${ANSWER} } }`, [PROJECT]);
const PLEDGE = graphql(`mutation WalkPledge($input: PledgeInput!) { pledge(input: $input) { ${ANSWER} } }`, [PROJECT]);
const START_DELIVERY = graphql(`mutation WalkStartDelivery($input: StartDeliveryInput!) { startDelivery(input: $input) { ${ANSWER} } }`, [PROJECT]);
const RECORD_ACTIVITY = graphql(`mutation WalkRecordActivity($input: RecordActivityInput!) { recordActivity(input: $input) { ${ANSWER} } }`, [PROJECT]);
const REPORT_PROGRESS = graphql(`mutation WalkReportProgress($input: ReportProgressInput!) { reportProgress(input: $input) { ${ANSWER} } }`, [PROJECT]);
const RECORD_ENACTMENT = graphql(`mutation WalkRecordEnactment($input: RecordEnactmentInput!) { recordEnactment(input: $input) { ${ANSWER} } }`, [PROJECT]);
const START_EVALUATION = graphql(`mutation WalkStartEvaluation($input: StartEvaluationInput!) { startEvaluation(input: $input) { ${ANSWER} } }`, [PROJECT]);
const SUBMIT_OUTCOME = graphql(`mutation WalkSubmitOutcome($input: SubmitOutcomeAssessmentInput!) { submitOutcomeAssessment(input: $input) { ${ANSWER} } }`, [PROJECT]);
const CLOSE = graphql(`mutation WalkClose($input: CloseInput!) { close(input: $input) { ${ANSWER} } }`, [PROJECT]);

const NOMINATE = graphql(`
  mutation WalkNominate($input: NominateExpertInput!) {
    nominateExpert(input: $input) { __typename ... on Expert { id status } ... on Error { code message } ... on ValidationError { issues { field message } } }
  }
`);
const ACCEPT = graphql(`mutation WalkAccept { acceptNomination { __typename ... on Expert { id status } ... on Error { code message } } }`);
const PROJECTS = graphql(`
  query WalkProjects($filter: ProjectFilter) {
    projects(filter: $filter, first: 100) { __typename ... on QueryProjectsSuccess { data { edges { node { id stage } } } } ... on Error { code message } }
  }
`);
const TIMELINE = graphql(`
  query WalkTimeline($id: ID!) {
    projectTimeline(id: $id, first: 50) { __typename ... on QueryProjectTimelineSuccess { data { pageInfo { hasNextPage } edges { node { seq kind action toStage } } } } ... on Error { code message } }
  }
`);

type Project = ResultOf<typeof PROJECT>;
type Stage = Project['stage'];

// The client's types are the schema's enums: a value the schema does not know is a type error, before any request.
// @ts-expect-error 'SOMETIMES' is not an Urgency
export const notAnUrgency: VariablesOf<typeof FILE_REQUEST>['input']['needs'][number]['urgency'] = 'SOMETIMES';
// @ts-expect-error 'LOAN' is not a PledgeKind
export const notAPledgeKind: VariablesOf<typeof PLEDGE>['input']['kind'] = 'LOAN';
// @ts-expect-error a stage the lifecycle does not have
export const notAStage: Stage = 'ARCHIVED';

describe('a typed client (gql.tada, generated from schema.graphql)', () => {
  it('walks a legislative project from the request to its close, every step typed', async () => {
    const pm = await stack.token({ subject: 'pm-typed-walk', role: 'PROGRAMME_MANAGER' });
    const bolActor: Actor = { subject: 'fp-BOL-typed', role: 'STATE_FOCAL_POINT', stateCode: 'BOL' };
    const bol = await stack.token(bolActor);
    const donor = await stack.donorToken('European Union (typed walk)');

    // File request (S4: Bolivia, Firearms Protocol law review).
    const filing: VariablesOf<typeof FILE_REQUEST> = {
      input: {
        state: 'BOL',
        title: 'Firearms law review (typed walk)',
        idempotencyKey: freshKey('typed-walk'),
        needs: [{
          priorityArea: 'PA-E', priorityActivity: '(e)', instrument: 'FA', article: '5', formsOfAssistance: ['LEG_REVIEW', 'LEG_DRAFTING'],
          urgency: 'HIGH', description: 'Review the firearms law: marking, record-keeping, transfer controls (004 para 52(d)).',
        }],
      },
    };
    const filed = member((await send(FILE_REQUEST, filing, bol)).fileRequest, 'FiledRequest');
    expect(filed.created).toBe(true);
    const id = filed.project.id;
    const need = filed.project.needs[0]!;
    expect(need).toMatchObject({ urgency: 'HIGH', source: 'FORMAL_REQUEST' });
    expect(filed.project.stage).toBe<Stage>('SUBMITTED');
    expect(filed.project.history[0]).toMatchObject({ kind: 'FILED', toStage: 'SUBMITTED', actor: { role: 'STATE_FOCAL_POINT' } });
    // A DateTime is an ISO 8601 instant at UTC.
    expect(filed.project.filedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/);

    // Assessment: a desk review of the law (R9: legislative help needs one before its plan).
    let project = member((await send(START_ASSESSMENT, { input: { projectId: id } }, pm)).startAssessment, 'Project');
    expect(project.stage).toBe<Stage>('UNDER_ASSESSMENT');
    const review: VariablesOf<typeof RECORD_ASSESSMENT> = {
      input: { projectId: id, type: 'DESK_REVIEW', startDate: '2026-03-02', endDate: '2026-03-20', partners: ['UNDP'], findings: 'The firearms law lacks marking and record-keeping provisions (004 para 52(d)).' },
    };
    project = member((await send(RECORD_ASSESSMENT, review, pm)).recordAssessment, 'Project');
    expect(project.assessments).toEqual([{ type: 'DESK_REVIEW', startDate: '2026-03-02', endDate: '2026-03-20' }]);

    // Information: asked of the State, answered by its focal point.
    project = member((await send(REQUEST_INFORMATION, { input: { projectId: id, question: 'Which ministry keeps the firearms register?' } }, pm)).requestInformation, 'Project');
    expect(project.stage).toBe<Stage>('AWAITING_INFORMATION');
    project = member((await send(PROVIDE_INFORMATION, { input: { projectId: id, answer: 'The Ministry of Government.' } }, bol)).provideInformation, 'Project');
    expect(project.stage).toBe<Stage>('UNDER_ASSESSMENT');
    expect(project.informationRequests[0]).toMatchObject({ answer: 'The Ministry of Government.', answeredAt: expect.stringMatching(/Z$/) });

    // Planning and the plan.
    project = member((await send(START_PLANNING, { input: { projectId: id } }, pm)).startPlanning, 'Project');
    expect(project.stage).toBe<Stage>('PLANNING');
    const plan: VariablesOf<typeof SET_PLAN> = {
      input: {
        projectId: id,
        objectives: ['A firearms law in line with the Firearms Protocol, enacted and in force'],
        outputs: [{ title: 'Draft law based on the Firearms Model Law (004 para 54)', indicators: [{ name: 'draft articles reviewed', unit: 'articles', baseline: 0, target: 40 }] }],
        outcomes: [{ title: 'Law enacted', indicators: [{ name: 'laws enacted', unit: 'laws', baseline: 0, target: 1 }] }],
        formsOfAssistance: ['LEG_REVIEW', 'LEG_DRAFTING'],
        modality: 'NATIONAL',
        budget: { amount: '120000.00', currency: 'USD' },
      },
    };
    project = member((await send(SET_PLAN, plan, pm)).setPlan, 'Project');
    expect(project.plan).toMatchObject({ modality: 'NATIONAL', budget: { amount: '120000.00', currency: 'USD' } });

    // Endorsement by the beneficiary State, then funding.
    project = member((await send(ENDORSE_PLAN, { input: { projectId: id, comment: 'Endorsed by the Ministry of Government' } }, bol)).endorsePlan, 'Project');
    expect(project.endorsements.map((e) => e.state)).toEqual(['BOL']);
    project = member((await send(SEEK_FUNDING, { input: { projectId: id } }, pm)).seekFunding, 'Project');
    expect(project.stage).toBe<Stage>('AWAITING_FUNDING');
    expect(project.fundingGap).toBe('120000.00');

    // Pledge: the donor pledges as its organisation, exact money.
    const pledge: VariablesOf<typeof PLEDGE> = { input: { projectId: id, donor: 'European Union (typed walk)', amount: '120000.00', currency: 'USD', kind: 'CASH', earmarkPriorityArea: 'PA-E' } };
    const pledged = member((await send(PLEDGE, pledge, donor)).pledge, 'Project');
    expect(pledged.pledges).toEqual([{ donor: 'European Union (typed walk)', amount: '120000.00', currency: 'USD', kind: 'CASH' }]);
    project = member((await send(START_DELIVERY, { input: { projectId: id } }, pm)).startDelivery, 'Project');
    expect(project).toMatchObject({ stage: 'IN_DELIVERY', pledgedAmount: '120000.00', fundingGap: '0.00', iatiActivityStatus: 2 });

    // Delivery, progress and enactment (R10: a legislative project leaves delivery once the law is enacted).
    const workshop: VariablesOf<typeof RECORD_ACTIVITY> = { input: { projectId: id, title: 'Drafting workshop on the firearms law', formOfAssistance: 'LEG_DRAFTING', startDate: '2026-09-07', endDate: '2026-09-09', participants: 18 } };
    project = member((await send(RECORD_ACTIVITY, workshop, pm)).recordActivity, 'Project');
    expect(project.activities).toEqual([{ title: 'Drafting workshop on the firearms law', startDate: '2026-09-07', endDate: '2026-09-09', participants: 18 }]);
    project = member((await send(REPORT_PROGRESS, { input: { projectId: id, period: '2026-Q3', narrative: 'The draft law was reviewed article by article with the Ministry.' } }, pm)).reportProgress, 'Project');
    expect(project.progressReports).toEqual([{ period: '2026-Q3', narrative: 'The draft law was reviewed article by article with the Ministry.' }]);
    project = member((await send(RECORD_ENACTMENT, { input: { projectId: id, law: 'Ley de control de armas de fuego', enactedOn: '2026-11-18' } }, pm)).recordEnactment, 'Project');
    expect(project.enactment).toEqual({ law: 'Ley de control de armas de fuego', enactedOn: '2026-11-18' });

    // Evaluation: an independent evaluator from the roster (nominated by France, Portuguese, accepted).
    const fra = await stack.token({ subject: 'fp-FRA-typed', role: 'STATE_FOCAL_POINT', stateCode: 'FRA' });
    const nomination: VariablesOf<typeof NOMINATE> = {
      input: {
        name: 'Typed-walk Evaluator (invented)', nationality: 'PRT', nominatingState: 'FRA', institution: 'Inspection générale de la justice (invented unit)',
        profile: { fields: ['REPORTING.REPORTING_OBLIGATIONS'], instruments: [{ instrument: 'FA', articles: [] }], languages: [{ language: 'es', level: 'C1' }, { language: 'en', level: 'NATIVE' }] },
      },
    };
    const nominated = member((await send(NOMINATE, nomination, fra)).nominateExpert, 'Expert');
    expect(nominated.status).toBe('NOMINATED');
    const accepted = member((await send(ACCEPT, {}, await stack.token({ subject: nominated.id, role: 'EXPERT' }))).acceptNomination, 'Expert');
    expect(accepted.status).toBe('ACTIVE');
    project = member((await send(START_EVALUATION, { input: { projectId: id, evaluator: nominated.id } }, pm)).startEvaluation, 'Project');
    expect(project).toMatchObject({ stage: 'UNDER_EVALUATION', evaluator: nominated.id });

    // Outcome assessment: six DAC criteria, every indicator's actual value, a verdict on every need.
    const evaluator = await stack.token({ subject: nominated.id, role: 'EVALUATOR' });
    const outcome: VariablesOf<typeof SUBMIT_OUTCOME> = {
      input: {
        projectId: id,
        criteria: (['RELEVANCE', 'COHERENCE', 'EFFECTIVENESS', 'EFFICIENCY', 'IMPACT', 'SUSTAINABILITY'] as const).map((criterion) => ({ criterion, rating: 5, rationale: `${criterion.toLowerCase()} judged against the plan` })),
        indicatorValues: [{ indicator: 'draft articles reviewed', actual: 42 }, { indicator: 'laws enacted', actual: 1 }],
        needVerdicts: [{ needId: need.id, verdict: 'MET' }],
        narrative: 'The law was enacted; the register is being set up.',
        coProviders: ['OAS'],
      },
    };
    project = member((await send(SUBMIT_OUTCOME, outcome, evaluator)).submitOutcomeAssessment, 'Project');
    expect(project.stage).toBe<Stage>('REPRIORITISATION');
    expect(project.outcomeAssessment?.needVerdicts).toEqual([{ needId: need.id, verdict: 'MET' }]);
    expect(project.outcomeAssessment?.criteria.map((c) => c.criterion)).toEqual(['RELEVANCE', 'COHERENCE', 'EFFECTIVENESS', 'EFFICIENCY', 'IMPACT', 'SUSTAINABILITY']);

    // Close.
    project = member((await send(CLOSE, { input: { projectId: id, note: 'Closed after the evaluation' } }, pm)).close, 'Project');
    expect(project).toMatchObject({ stage: 'CLOSED', iatiActivityStatus: 4 });

    // The history reads as typed values: stages are Stage, kinds ProjectEventKind, summaries JSON objects.
    const path = project.history.map((h) => `${h.kind}:${h.action}:${h.toStage}`);
    expect(path).toEqual([
      'FILED:fileRequest:SUBMITTED', 'TRANSITION:startAssessment:UNDER_ASSESSMENT', 'RECORDED:recordAssessment:UNDER_ASSESSMENT',
      'TRANSITION:requestInformation:AWAITING_INFORMATION', 'TRANSITION:provideInformation:UNDER_ASSESSMENT', 'TRANSITION:startPlanning:PLANNING',
      'RECORDED:setPlan:PLANNING', 'RECORDED:endorsePlan:PLANNING', 'TRANSITION:seekFunding:AWAITING_FUNDING', 'RECORDED:pledge:AWAITING_FUNDING',
      'TRANSITION:startDelivery:IN_DELIVERY', 'RECORDED:recordActivity:IN_DELIVERY', 'RECORDED:reportProgress:IN_DELIVERY', 'RECORDED:recordEnactment:IN_DELIVERY',
      'TRANSITION:startEvaluation:UNDER_EVALUATION', 'TRANSITION:submitOutcomeAssessment:REPRIORITISATION', 'TRANSITION:close:CLOSED',
    ]);
    const endorsement = project.history.find((h) => h.action === 'endorsePlan')!;
    expect(endorsement.summary).toEqual({ comment: 'Endorsed by the Ministry of Government' });

    const listed = member((await send(PROJECTS, { filter: { stage: 'CLOSED', state: 'BOL' } }, pm)).projects, 'QueryProjectsSuccess');
    expect(listed.data.edges.map((e) => e.node.id)).toContain(id);
    const timeline = member((await send(TIMELINE, { id }, bol)).projectTimeline, 'QueryProjectTimelineSuccess');
    expect(timeline.data.pageInfo.hasNextPage).toBe(false);
    expect(timeline.data.edges.at(-1)?.node).toMatchObject({ kind: 'TRANSITION', action: 'close', toStage: 'CLOSED' });
  });

  it('gets an impossible date or an unknown enum value refused before any resolver, naming the field', async () => {
    const pm = await stack.token({ subject: 'pm-typed-walk', role: 'PROGRAMME_MANAGER' });
    const bol = await stack.token({ subject: 'fp-BOL-typed', role: 'STATE_FOCAL_POINT', stateCode: 'BOL' });
    const filed = member((await send(FILE_REQUEST, {
      input: { state: 'BOL', title: 'Firearms register (typed walk)', idempotencyKey: freshKey('typed-refusals'), needs: [{ priorityArea: 'PA-E', priorityActivity: '(e)', instrument: 'FA', formsOfAssistance: ['LEG_REVIEW'], urgency: 'LOW', description: 'A firearms register.' }] },
    }, bol)).fileRequest, 'FiledRequest');
    const id = filed.project.id;
    member((await send(START_ASSESSMENT, { input: { projectId: id } }, pm)).startAssessment, 'Project');

    // A client not typed by the schema can still send these; GraphQL refuses them by the input's types.
    const raw = (variables: Record<string, unknown>) => stack.gql(print(RECORD_ASSESSMENT), variables, pm);
    const impossible = await raw({ input: { projectId: id, type: 'DESK_REVIEW', startDate: '2027-02-31', endDate: '2027-03-02', findings: 'x' } });
    expect(impossible.body.data).toBeUndefined();
    expect(impossible.body.errors?.[0]?.message).toBe('Variable "$input" got invalid value "2027-02-31" at "input.startDate"; Value is not a valid LocalDate: 2027-02-31');
    const unknown = await raw({ input: { projectId: id, type: 'FIELD_TRIP', startDate: '2027-02-28', endDate: '2027-03-02', findings: 'x' } });
    expect(unknown.body.errors?.[0]?.message).toMatch(/^Variable "\$input" got invalid value "FIELD_TRIP" at "input\.type"; Value "FIELD_TRIP" does not exist in "AssessmentType" enum/);

    // Nothing was recorded.
    const after = member((await send(START_PLANNING, { input: { projectId: id } }, pm)).startPlanning, 'Project');
    expect(after.assessments).toEqual([]);
  });
});
