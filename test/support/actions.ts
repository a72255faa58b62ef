// Drives lifecycle actions over GraphQL, as a client would.
import type { Actor } from '../../domain/roles.js';
import type { TransitionName } from '../../domain/transitions.js';
import { FILE_REQUEST } from './requests.js';
import type { Stack } from './stack.js';
import type { FileRequestInput } from '../../domain/inputs.js';

export const PROJECT_FIELDS = /* GraphQL */ `
  id stage iatiActivityStatus states
  needs { id state priorityArea source }
  assessments { type startDate endDate partners findings by }
  informationRequests { question answer }
  plan { modality formsOfAssistance budget { amount currency } outcomes { title indicators { name unit baseline target } } }
  endorsements { state by }
  budget { amount currency } pledgedAmount fundingGap
  pledges { donor amount currency kind earmarkPriorityArea }
  activities { title participants }
  enactment { law enactedOn }
  evaluator
  outcomeAssessment { criteria { criterion rating rationale } indicatorValues { indicator actual } needVerdicts { needId verdict } narrative coProviders }
  mergedInto mergedFrom
  escalations { kind message }
  reasons { action reason }
  history { seq kind action fromStage toStage actor { subject role state } }
`;

export interface ActionResult {
  __typename: string;
  code?: string;
  message?: string;
  refusal?: string;
  issues?: { field: string; message: string }[];
  [field: string]: any;
}

export function actionMutation(name: TransitionName): string {
  const inputType = `${name[0]!.toUpperCase()}${name.slice(1)}Input`;
  return /* GraphQL */ `
    mutation Act($input: ${inputType}!) {
      ${name}(input: $input) {
        __typename
        ... on Project { ${PROJECT_FIELDS} }
        ... on Error { code message }
        ... on TransitionRefusedError { refusal }
        ... on ValidationError { issues { field message } }
      }
    }`;
}

/** A caller with a token, acting over HTTP. */
export interface Caller {
  actor: Actor;
  token: string;
}

export async function caller(stack: Stack, actor: Actor): Promise<Caller> {
  return { actor, token: await stack.token(actor) };
}

export async function act(stack: Stack, who: Caller, name: TransitionName, projectId: string, payload: Record<string, unknown> = {}): Promise<ActionResult> {
  const { body } = await stack.gql(actionMutation(name), { input: { projectId, ...payload } }, who.token);
  if (body.errors) throw new Error(`${name}: ${JSON.stringify(body.errors)}`);
  return body.data[name] as ActionResult;
}

/** Like act, but the action must succeed: returns the project. */
export async function must(stack: Stack, who: Caller, name: TransitionName, projectId: string, payload: Record<string, unknown> = {}) {
  const result = await act(stack, who, name, projectId, payload);
  if (result.__typename !== 'Project') throw new Error(`${name} refused: ${JSON.stringify(result)}`);
  return result;
}

export async function fileAs(stack: Stack, who: Caller, input: FileRequestInput) {
  const { body } = await stack.gql(FILE_REQUEST, { input }, who.token);
  if (body.errors || body.data.fileRequest.__typename !== 'FiledRequest') throw new Error(`fileRequest: ${JSON.stringify(body)}`);
  return body.data.fileRequest.project as { id: string; needs: { id: string }[] };
}

export async function readProject(stack: Stack, who: Caller, id: string) {
  const { body } = await stack.gql(`query($id: ID!) { project(id: $id) { __typename ... on Project { ${PROJECT_FIELDS} } ... on Error { code message } } }`, { id }, who.token);
  return body.data.project as ActionResult;
}

/** Six DAC criteria, each rated, as an evaluator would (R11: with rationale). */
export function dacRatings(rating: number | null = 5) {
  return ['RELEVANCE', 'COHERENCE', 'EFFECTIVENESS', 'EFFICIENCY', 'IMPACT', 'SUSTAINABILITY'].map((criterion) => ({
    criterion,
    rating,
    rationale: `${criterion.toLowerCase()} judged against the plan and the evidence gathered`,
  }));
}

/**
 * An evaluator from the roster: nominated by a focal point, accepted, and acting with the EVALUATOR
 * role under its expert id. Portuguese by default, so independent of the scenarios' beneficiaries.
 */
export async function rosterEvaluator(stack: Stack, label: string, nationality = 'PRT'): Promise<Caller> {
  const nominating = await caller(stack, { subject: 'fp-FRA', role: 'STATE_FOCAL_POINT', stateCode: 'FRA' });
  const { body } = await stack.gql(
    'mutation($input: NominateExpertInput!) { nominateExpert(input: $input) { __typename ... on Expert { id } ... on Error { message } } }',
    { input: { name: `${label} (invented)`, nationality, nominatingState: 'FRA', institution: 'Inspection générale de la justice (invented unit)', profile: { fields: ['REPORTING.REPORTING_OBLIGATIONS'], instruments: [{ instrument: 'UNTOC', articles: [] }], languages: [{ language: 'fr', level: 'C2' }, { language: 'en', level: 'C1' }] } } },
    nominating.token,
  );
  const id = body.data?.nominateExpert?.id as string | undefined;
  if (!id) throw new Error(`nominateExpert: ${JSON.stringify(body)}`);
  await stack.gql('mutation { acceptNomination { __typename } }', {}, await stack.token({ subject: id, role: 'EXPERT' }));
  return caller(stack, { subject: id, role: 'EVALUATOR' });
}
