// The roster over GraphQL on the real servers: nomination, each exclusion rule, the explained score,
// the optimal team beating the greedy one, and evaluator independence. Expert names are invented.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ROSTER, seedDemoRoster } from '../scripts/demo-roster.js';
import { caller, fileAs, type Caller } from './support/actions.js';
import { gabonReportingRequest } from './support/requests.js';
import { freshKey, startStack, type Stack } from './support/stack.js';

let stack: Stack;
let pm: Caller;
let fra: Caller;
beforeAll(async () => {
  stack = await startStack();
  pm = await caller(stack, { subject: 'pm-roster', role: 'PROGRAMME_MANAGER' });
  // France is among the States nominating the advisory group of experts (000 fn 18).
  fra = await caller(stack, { subject: 'fp-FRA', role: 'STATE_FOCAL_POINT', stateCode: 'FRA' });
});
afterAll(() => stack?.stop());

const EXPERT = 'id name nationality nominatingState institution status profile { fields languages { language level } capacity conflicts { states } } history { action by role }';
const NOMINATE = `mutation($input: NominateExpertInput!) { nominateExpert(input: $input) { __typename ... on Expert { ${EXPERT} } ... on Error { code message } ... on ValidationError { issues { field message } } } }`;
const ACCEPT = `mutation { acceptNomination { __typename ... on Expert { ${EXPERT} } ... on Error { code message } } }`;
const MATCH = `query($needId: ID, $projectId: ID, $options: MatchOptionsInput) { matchExperts(needId: $needId, projectId: $projectId, options: $options) { __typename
  ... on QueryMatchExpertsSuccess { data { needId fields workingLanguages eligible ranked { rank expertId score parts { name points reason } } excluded { expertId rules { rule reason } } } }
  ... on Error { code message } ... on ValidationError { issues { field message } } } }`;

/** A unique far-future delivery window: only this test's experts declare it, so the shared roster does not interfere. */
function uniqueWindow() {
  const year = 2100 + Math.floor(Math.random() * 800);
  return { from: `${year}-03-01`, to: `${year}-03-10`, whole: { from: `${year}-01-01`, to: `${year}-12-31` } };
}

const profile = (over: Record<string, unknown> = {}) => ({
  fields: ['REPORTING.REPORTING_OBLIGATIONS'], instruments: [{ instrument: 'UNTOC', articles: ['32'] }],
  languages: [{ language: 'fr', level: 'C2' }], ...over,
});

async function activeExpert(name: string, prof: Record<string, unknown>, nationality = 'FRA'): Promise<{ id: string; token: string }> {
  const { body } = await stack.gql(NOMINATE, { input: { name: `${name} (invented)`, nationality, nominatingState: 'FRA', institution: 'Ministère de la Justice (invented unit)', profile: prof } }, fra.token);
  const id = body.data.nominateExpert.id as string;
  if (typeof id !== 'string') throw new Error(`nominateExpert did not nominate: ${JSON.stringify(body)}`);
  const token = await stack.token({ subject: id, role: 'EXPERT' });
  const accepted = await stack.gql(ACCEPT, {}, token);
  expect(accepted.body.data.acceptNomination.status).toBe('ACTIVE');
  return { id, token };
}

describe('nomination', () => {
  it('a focal point nominates an expert of any nationality; the expert accepts and keeps the profile; the manager suspends and retires; history is kept', async () => {
    const { body } = await stack.gql(NOMINATE, { input: { name: 'Aminata Diallo (invented)', nationality: 'SEN', nominatingState: 'FRA', institution: 'École nationale de la magistrature', profile: profile({ conflicts: { states: ['SEN'] } }) } }, fra.token);
    const nominated = body.data.nominateExpert;
    expect(nominated).toMatchObject({ __typename: 'Expert', nationality: 'SEN', nominatingState: 'FRA', status: 'NOMINATED', profile: { capacity: 1, conflicts: { states: ['SEN'] } } });

    const me = await stack.token({ subject: nominated.id, role: 'EXPERT' });
    expect((await stack.gql(ACCEPT, {}, me)).body.data.acceptNomination.status).toBe('ACTIVE');
    // Accepting again (a client's retry) gets the same answer and records nothing more.
    expect((await stack.gql(ACCEPT, {}, me)).body.data.acceptNomination).toMatchObject({ __typename: 'Expert', status: 'ACTIVE' });

    const UPDATE = `mutation($p: ExpertProfileInput!) { updateExpertProfile(input: { profile: $p }) { __typename ... on Expert { profile { fields languages { language level } } } ... on ValidationError { issues { field message } } } }`;
    const updated = await stack.gql(UPDATE, { p: profile({ fields: ['REPORTING.REPORTING_OBLIGATIONS', 'DATA.CRIME_STATISTICS'], languages: [{ language: 'fr', level: 'NATIVE' }, { language: 'en', level: 'B2' }] }) }, me);
    expect(updated.body.data.updateExpertProfile.profile.fields).toEqual(['REPORTING.REPORTING_OBLIGATIONS', 'DATA.CRIME_STATISTICS']);

    const DECIDE = (m: string) => `mutation($id: ID!) { ${m}(input: { expertId: $id, reason: "invented reason for the test" }) { __typename ... on Expert { status } ... on Error { code message } } }`;
    expect((await stack.gql(DECIDE('suspendExpert'), { id: nominated.id }, fra.token)).body.data.suspendExpert.__typename).toBe('ForbiddenError');
    expect((await stack.gql(DECIDE('suspendExpert'), { id: nominated.id }, pm.token)).body.data.suspendExpert.status).toBe('SUSPENDED');
    expect((await stack.gql(DECIDE('retireExpert'), { id: nominated.id }, pm.token)).body.data.retireExpert.status).toBe('RETIRED');

    const read = await stack.gql(`query($id: ID!) { expert(id: $id) { __typename ... on Expert { ${EXPERT} } } }`, { id: nominated.id }, pm.token);
    expect(read.body.data.expert.history).toEqual([
      { action: 'NOMINATE', by: 'fp-FRA', role: 'STATE_FOCAL_POINT' },
      { action: 'ACCEPT', by: nominated.id, role: 'EXPERT' },
      { action: 'UPDATE_PROFILE', by: nominated.id, role: 'EXPERT' },
      { action: 'SUSPEND', by: 'pm-roster', role: 'PROGRAMME_MANAGER' },
      { action: 'RETIRE', by: 'pm-roster', role: 'PROGRAMME_MANAGER' },
    ]);
  });

  it('refuses bad input with the field and the reason, writes nothing, and keeps a focal point to its own State', async () => {
    const name = `Bad Input ${randomUUID()} (invented)`;
    const bad = await stack.gql(NOMINATE, { input: { name, nationality: 'XXX', nominatingState: 'FRA', institution: 'x', profile: profile({ fields: ['INTL_COOPERATION.TELEPATHY'], languages: [{ language: 'fr', level: 'C1' }], availability: [{ from: '2027-05-01', to: '2027-04-01' }] }) } }, fra.token);
    expect(bad.body.data.nominateExpert.issues).toEqual([
      { field: 'input.nationality', message: 'unknown State "XXX"' },
      { field: 'input.profile.fields.0', message: 'unknown field of expertise "INTL_COOPERATION.TELEPATHY"' },
      { field: 'input.profile.availability.0.to', message: 'ends before it starts' },
    ]);
    // A level outside the LanguageLevel enum, or a date that is no calendar day, is refused by GraphQL before
    // the resolver, naming the field's path.
    const level = await stack.gql(NOMINATE, { input: { name, nationality: 'FRA', nominatingState: 'FRA', institution: 'x', profile: profile({ languages: [{ language: 'fr', level: 'D1' }] }) } }, fra.token);
    expect(level.body.errors?.[0]?.message).toMatch(/^Variable "\$input" got invalid value "D1" at "input\.profile\.languages\[0\]\.level"; Value "D1" does not exist in "LanguageLevel" enum/);
    const day = await stack.gql(NOMINATE, { input: { name, nationality: 'FRA', nominatingState: 'FRA', institution: 'x', profile: profile({ availability: [{ from: '2027-02-01', to: '2027-02-31' }] }) } }, fra.token);
    expect(day.body.errors?.[0]?.message).toMatch(/^Variable "\$input" got invalid value "2027-02-31" at "input\.profile\.availability\[0\]\.to"; Value is not a valid LocalDate: 2027-02-31/);
    const other = await stack.gql(NOMINATE, { input: { name, nationality: 'KEN', nominatingState: 'KEN', institution: 'Office of the Attorney General', profile: profile() } }, fra.token);
    expect(other.body.data.nominateExpert).toMatchObject({ __typename: 'ForbiddenError' });
    const written = await stack.db.selectFrom('experts').select('id').where('name', '=', name).execute();
    expect(written).toEqual([]);
  });
});

describe('matching a need', () => {
  it('ranks with named score parts and says which hard rule excluded whom', async () => {
    const gab = await caller(stack, { subject: 'fp-GAB', role: 'STATE_FOCAL_POINT', stateCode: 'GAB' });
    const project = await fileAs(stack, gab, gabonReportingRequest());
    const needId = project.needs[0]!.id;
    const w = uniqueWindow();
    const available = [w.whole];
    const best = await activeExpert('Best Fit', profile({ availability: available, states: ['GAB'] }));
    const second = await activeExpert('Second', profile({ availability: available, fields: ['REPORTING'], languages: [{ language: 'fr', level: 'B2' }] }));
    const english = await activeExpert('English Only', profile({ availability: available, languages: [{ language: 'en', level: 'NATIVE' }, { language: 'fr', level: 'A2' }] }));
    const busy = await activeExpert('Unavailable', profile({ availability: [{ from: w.from, to: w.from }] }));
    const conflicted = await activeExpert('Conflicted', profile({ availability: available, conflicts: { states: ['GAB'] } }));
    const suspended = await activeExpert('Suspended', profile({ availability: available }));
    await stack.gql(`mutation($id: ID!) { suspendExpert(input: { expertId: $id, reason: "invented" }) { __typename } }`, { id: suspended.id }, pm.token);

    const { body } = await stack.gql(MATCH, { needId, options: { windowFrom: w.from, windowTo: w.to, limit: 500, excludedLimit: 10000 } }, pm.token);
    const match = body.data.matchExperts.data[0];
    expect(match).toMatchObject({ needId, workingLanguages: ['fr'], fields: ['REPORTING.REPORTING_OBLIGATIONS', 'REPORTING.SELF_ASSESSMENT', 'REPORTING'] });
    const mine = match.ranked.filter((r: { expertId: string }) => [best.id, second.id].includes(r.expertId));
    expect(mine.map((r: { expertId: string }) => r.expertId)).toEqual([best.id, second.id]);
    expect(mine[0].parts).toEqual([
      { name: 'FIELD', points: 40, reason: 'expert in REPORTING.REPORTING_OBLIGATIONS' },
      { name: 'INSTRUMENT', points: 20, reason: 'knows UNTOC article 32' },
      { name: 'LANGUAGE', points: 13, reason: 'fr at C2' },
      { name: 'REGION', points: 10, reason: 'has worked in GAB' },
      { name: 'PAST_OUTCOMES', points: 5, reason: 'no past delivery yet: neutral' },
      { name: 'WORKLOAD', points: 0, reason: 'no current assignment' },
    ]);
    expect(mine[0].score).toBe(88);
    const rulesOf = (id: string) => match.excluded.find((x: { expertId: string }) => x.expertId === id)?.rules.map((r: { rule: string }) => r.rule);
    expect(rulesOf(english.id)).toEqual(['NO_SHARED_LANGUAGE']);
    expect(rulesOf(busy.id)).toEqual(['UNAVAILABLE']);
    expect(rulesOf(conflicted.id)).toEqual(['CONFLICT_OF_INTEREST']);
    expect(rulesOf(suspended.id)).toEqual(['SUSPENDED']);

    const bad = await stack.gql(MATCH, { needId, options: { windowFrom: w.to, windowTo: w.from } }, pm.token);
    expect(bad.body.data.matchExperts.issues).toEqual([{ field: 'options.windowTo', message: 'ends before it starts' }]);
  });
});

describe('team assignment', () => {
  it('the optimal team beats the greedy choice where greedy is wrong', async () => {
    const gab = await caller(stack, { subject: 'fp-GAB', role: 'STATE_FOCAL_POINT', stateCode: 'GAB' });
    const request = gabonReportingRequest();
    request.needs.push({ priorityArea: 'PA-C', priorityActivity: '(f)(i)', instrument: 'UNTOC', formsOfAssistance: ['REPORTING_SUPPORT'], urgency: 'MEDIUM', description: 'Set up a central authority for mutual legal assistance (002 para 2(f)(i)).' });
    const project = await fileAs(stack, gab, request);
    const w = uniqueWindow();
    // A answers both needs and is slightly better at reporting; B only at reporting. Greedy gives the
    // reporting slot to A and leaves the central-authority slot to B, who has no field for it.
    const a = await activeExpert('Versatile A', profile({ availability: [w.whole], fields: ['REPORTING.REPORTING_OBLIGATIONS', 'INTL_COOPERATION.CENTRAL_AUTHORITY'], languages: [{ language: 'fr', level: 'NATIVE' }] }));
    const b = await activeExpert('Specialist B', profile({ availability: [w.whole], languages: [{ language: 'fr', level: 'C1' }] }));
    const TEAM = `query($input: ProposeTeamInput!) { proposeTeam(input: $input) { __typename
      ... on TeamProposal { optimal { total members { needId expertId score } unfilled } greedy { total members { needId expertId score } unfilled } } ... on Error { code message } } }`;
    const { body } = await stack.gql(TEAM, { input: { projectId: project.id, windowFrom: w.from, windowTo: w.to } }, pm.token);
    const { optimal, greedy } = body.data.proposeTeam;
    const [reporting, centralAuthority] = project.needs.map((n) => n.id);
    expect(greedy.members.map((m: { needId: string; expertId: string }) => [m.needId, m.expertId])).toEqual([[reporting, a.id], [centralAuthority, b.id]]);
    expect(optimal.members.map((m: { needId: string; expertId: string }) => [m.needId, m.expertId])).toEqual([[reporting, b.id], [centralAuthority, a.id]]);
    expect(optimal.total).toBeGreaterThan(greedy.total);
    expect(optimal.unfilled).toEqual([]);
  });
});

describe('evaluators', () => {
  it('must be independent: not a national of a beneficiary State, not among those who delivered, no declared conflict', async () => {
    const ken = await caller(stack, { subject: 'fp-KEN', role: 'STATE_FOCAL_POINT', stateCode: 'KEN' });
    const project = await fileAs(stack, ken, {
      state: 'KEN', title: 'Witness protection mentor (004 para 35)', idempotencyKey: freshKey('ken'),
      needs: [{ priorityArea: 'PA-B', priorityActivity: '(g)', instrument: 'UNTOC', formsOfAssistance: ['REPORTING_SUPPORT'], urgency: 'HIGH', description: 'Witness-protection programme advice (001 para 26; 004 para 35).' }],
    });
    const en = profile({ fields: ['PROTECTION.WITNESS_PROTECTION'], languages: [{ language: 'en', level: 'C2' }] });
    const national = await activeExpert('Kenyan National', en, 'KEN');
    const deliverer = await activeExpert('Mentor Who Delivered', en);
    const conflicted = await activeExpert('Declared Conflict', { ...en, conflicts: { projects: [project.id] } });
    const outsider = await activeExpert('Outside Evaluator', en, 'NOR');
    const delivered = await stack.gql(`mutation($e: ID!, $p: ID!) { recordExpertDelivery(input: { expertId: $e, projectId: $p, rating: 3 }) { __typename } }`, { e: deliverer.id, p: project.id }, pm.token);
    expect(delivered.body.data.recordExpertDelivery.__typename).toBe('Expert');

    const { body } = await stack.gql(`query($id: ID!) { evaluatorCandidates(projectId: $id) { __typename ... on QueryEvaluatorCandidatesSuccess { data { expertId independent breaches { rule reason } } } ... on Error { code message } } }`, { id: project.id }, pm.token);
    const verdict = (id: string) => body.data.evaluatorCandidates.data.find((c: { expertId: string }) => c.expertId === id);
    expect(verdict(national.id).breaches.map((b: { rule: string }) => b.rule)).toEqual(['NATIONAL_OF_BENEFICIARY']);
    expect(verdict(deliverer.id).breaches.map((b: { rule: string }) => b.rule)).toEqual(['DELIVERED_THE_PROJECT']);
    expect(verdict(conflicted.id).breaches.map((b: { rule: string }) => b.rule)).toEqual(['DECLARED_CONFLICT']);
    expect(verdict(outsider.id)).toEqual({ expertId: outsider.id, independent: true, breaches: [] });
  });
});

describe('demo roster', () => {
  it('seeds the seed documents\' experts through the roster\'s own schema and queries, once', async () => {
    await seedDemoRoster(stack.db);
    expect(await seedDemoRoster(stack.db)).toBe(0);
    const { body } = await stack.gql(`query($id: ID!) { expert(id: $id) { ... on Expert { name status institution history { action } } } }`, { id: 'expert-demo-ken-witness' }, pm.token);
    expect(body.data.expert).toEqual({ name: 'Grace Wanjiru Mwangi (invented)', status: 'ACTIVE', institution: 'Office of the Attorney General, witness-protection unit (004 para 35)', history: [{ action: 'NOMINATE' }, { action: 'ACCEPT' }] });
    const count = await stack.db.selectFrom('experts').select((eb) => eb.fn.countAll<number>().as('n')).where('id', 'in', DEMO_ROSTER.map((d) => d.id)).executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(DEMO_ROSTER.length);
  });
});
