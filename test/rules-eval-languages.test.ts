// Languages as ISO 639-1 codes with CEFR levels, any language (the maintained iso-639-1 list), over the
// API on the real servers: profiles keep Farsi, Albanian or Yoruba; matching's language part uses them,
// with the State's working languages or the languages the manager names for the work.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caller, fileAs, type Caller } from './support/actions.js';
import { freshKey, startStack, type Stack } from './support/stack.js';

let stack: Stack;
let pm: Caller;
let fra: Caller;
beforeAll(async () => {
  stack = await startStack();
  pm = await caller(stack, { subject: 'pm-languages', role: 'PROGRAMME_MANAGER' });
  fra = await caller(stack, { subject: 'fp-FRA', role: 'STATE_FOCAL_POINT', stateCode: 'FRA' });
});
afterAll(() => stack?.stop());

const NOMINATE = `mutation($input: NominateExpertInput!) { nominateExpert(input: $input) { __typename ... on Expert { id profile { languages { language level } } } ... on ValidationError { issues { field message } } ... on Error { code message } } }`;
const MATCH = `query($needId: ID, $options: MatchOptionsInput) { matchExperts(needId: $needId, options: $options) { __typename
  ... on QueryMatchExpertsSuccess { data { workingLanguages ranked { expertId parts { name points reason } } excluded { expertId rules { rule reason } } } }
  ... on ValidationError { issues { field message } } ... on Error { code message } } }`;

describe('languages, any ISO 639-1 code', () => {
  it('profiles keep any language with its CEFR level; matching uses them; unknown codes are refused with the field', async () => {
    const year = 2100 + Math.floor(Math.random() * 800);
    const window = { from: `${year}-05-01`, to: `${year}-05-10` };
    const nominate = async (name: string, languages: { language: string; level: string }[]) => {
      const { body } = await stack.gql(NOMINATE, { input: { name: `${name} (invented)`, nationality: 'FRA', nominatingState: 'FRA', institution: 'Invented institute', profile: {
        fields: ['INTL_COOPERATION.MLA'], instruments: [{ instrument: 'UNTOC', articles: ['18'] }], languages, availability: [{ from: `${year}-01-01`, to: `${year}-12-31` }],
      } } }, fra.token);
      const expert = body.data.nominateExpert;
      if (expert.__typename !== 'Expert') return expert;
      await stack.gql('mutation { acceptNomination { __typename } }', {}, await stack.token({ subject: expert.id, role: 'EXPERT' }));
      return expert;
    };
    // Farsi, Albanian and Yoruba: none of the nine the roster took before.
    const farsi = await nominate('Farsi-speaking MLA expert', [{ language: 'fa', level: 'C2' }, { language: 'sq', level: 'B2' }]);
    expect(farsi.profile.languages).toEqual([{ language: 'fa', level: 'C2' }, { language: 'sq', level: 'B2' }]);
    const yoruba = await nominate('Yoruba-speaking MLA expert', [{ language: 'yo', level: 'NATIVE' }, { language: 'en', level: 'A2' }]);
    expect(yoruba.__typename).toBe('Expert');
    const bad = await nominate('Bad language', [{ language: 'xx', level: 'C1' }, { language: 'fa', level: 'B1' }]);
    expect(bad.issues).toEqual([{ field: 'input.profile.languages.0.language', message: 'unknown language "xx"' }]);
    // The level is an enum (LanguageLevel): an unknown one is refused by GraphQL before any resolver, naming its path.
    const badLevel = await stack.gql(NOMINATE, { input: { name: 'Bad level (invented)', nationality: 'FRA', nominatingState: 'FRA', institution: 'Invented institute', profile: {
      fields: ['INTL_COOPERATION.MLA'], languages: [{ language: 'fa', level: 'D1' }], availability: [],
    } } }, fra.token);
    expect(badLevel.body.data).toBeUndefined();
    expect(badLevel.body.errors?.[0]?.message).toMatch(/at "input.profile.languages\[0\].level"; Value "D1" does not exist in "LanguageLevel" enum/);

    // Iran (a signatory, 002 para 14) works in Farsi: the Farsi speaker ranks with the language part; the Yoruba speaker is excluded.
    const irn = await caller(stack, { subject: 'fp-IRN', role: 'STATE_FOCAL_POINT', stateCode: 'IRN' });
    const { needs } = await fileAs(stack, irn, { state: 'IRN', title: 'Mutual legal assistance (invented)', idempotencyKey: freshKey('irn-mla'), needs: [
      { priorityArea: 'PA-C', priorityActivity: '(f)(i)', instrument: 'UNTOC', article: '18', formsOfAssistance: ['TRAINING_NATIONAL'], urgency: 'MEDIUM', description: 'Train the central authority on MLA requests' },
    ] });
    const options = { windowFrom: window.from, windowTo: window.to, limit: 500, excludedLimit: 10000 };
    const inFarsi = (await stack.gql(MATCH, { needId: needs[0]!.id, options }, pm.token)).body.data.matchExperts.data[0];
    expect(inFarsi.workingLanguages).toEqual(['fa']);
    const ranked = inFarsi.ranked.find((r: { expertId: string }) => r.expertId === farsi.id);
    expect(ranked.parts.find((p: { name: string }) => p.name === 'LANGUAGE')).toMatchObject({ reason: 'fa at C2' });
    expect(inFarsi.excluded.find((e: { expertId: string }) => e.expertId === yoruba.id).rules).toEqual([{ rule: 'NO_SHARED_LANGUAGE', reason: 'speaks none of fa (working languages of IRN) at B1 or better' }]);

    // The manager names the language of the work (any ISO 639-1 code): now the Yoruba speaker ranks and the Farsi one is out.
    const inYoruba = (await stack.gql(MATCH, { needId: needs[0]!.id, options: { ...options, languages: ['yo'] } }, pm.token)).body.data.matchExperts.data[0];
    expect(inYoruba.workingLanguages).toEqual(['yo']);
    expect(inYoruba.ranked.find((r: { expertId: string }) => r.expertId === yoruba.id).parts.find((p: { name: string }) => p.name === 'LANGUAGE')).toMatchObject({ reason: 'yo at NATIVE' });
    expect(inYoruba.excluded.find((e: { expertId: string }) => e.expertId === farsi.id).rules).toEqual([{ rule: 'NO_SHARED_LANGUAGE', reason: 'speaks none of yo (the languages the work is done in) at B1 or better' }]);
    const unknown = await stack.gql(MATCH, { needId: needs[0]!.id, options: { ...options, languages: ['zz'] } }, pm.token);
    expect(unknown.body.data.matchExperts.issues).toEqual([{ field: 'options.languages.0', message: 'unknown language "zz"' }]);
  });
});
