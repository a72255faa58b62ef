// experts(filter, first, after): the roster a page at a time, for those the policy lets read it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caller } from './support/actions.js';
import { startStack, type Stack } from './support/stack.js';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack?.stop());

const EXPERTS = `query($filter: ExpertFilter, $first: Int, $after: String) { experts(filter: $filter, first: $first, after: $after) { __typename
  ... on QueryExpertsSuccess { data { totalCount pageInfo { hasNextPage endCursor } edges { node { id nationality status } } } }
  ... on ValidationError { issues { field message } } ... on Error { code message } } }`;

describe('the roster as a cursor connection', () => {
  it('pages the roster without overlap, filters by status, nationality and field, and keeps each reader to its part', async () => {
    const mng = await caller(stack, { subject: 'fp-MNG', role: 'STATE_FOCAL_POINT', stateCode: 'MNG' });
    const stamp = Math.random().toString(36).slice(2, 8);
    const ids: string[] = [];
    for (const [i, nationality] of (['PER', 'PER', 'ECU'] as const).entries()) {
      const { body } = await stack.gql('mutation($input: NominateExpertInput!) { nominateExpert(input: $input) { ... on Expert { id } ... on Error { message } } }', { input: {
        name: `Listed expert ${i} ${stamp} (invented)`, nationality, nominatingState: 'MNG', institution: 'Invented institute',
        profile: { fields: [i === 2 ? 'DATA.CRIME_STATISTICS' : 'INTL_COOPERATION.MLA'], languages: [{ language: 'es', level: 'C1' }] },
      } }, mng.token);
      ids.push(body.data.nominateExpert.id);
    }
    const pm = await caller(stack, { subject: 'pm-experts', role: 'PROGRAMME_MANAGER' });
    const list = async (who: { token: string }, variables: Record<string, unknown>) => (await stack.gql(EXPERTS, variables, who.token)).body.data.experts;

    // Two pages of two over the manager's whole roster: no expert twice, and the count of all.
    const first = await list(pm, { first: 2 });
    expect(first.data.edges).toHaveLength(2);
    expect(first.data.pageInfo.hasNextPage).toBe(true);
    const second = await list(pm, { first: 2, after: first.data.pageInfo.endCursor });
    const seen = [...first.data.edges, ...second.data.edges].map((e: { node: { id: string } }) => e.node.id);
    expect(new Set(seen).size).toBe(seen.length);
    expect(first.data.totalCount).toBeGreaterThanOrEqual(3);

    // Filters: nominated Peruvians in MLA; the field's group matches its fields.
    const peru = await list(pm, { filter: { nationality: 'PER', statuses: ['NOMINATED'], field: 'INTL_COOPERATION' }, first: 100 });
    const peruIds = peru.data.edges.map((e: { node: { id: string } }) => e.node.id);
    expect(peruIds).toEqual(expect.arrayContaining(ids.slice(0, 2)));
    expect(peruIds).not.toContain(ids[2]);
    expect(peru.data.edges.every((e: { node: { nationality: string; status: string } }) => e.node.nationality === 'PER' && e.node.status === 'NOMINATED')).toBe(true);

    // A focal point reads the experts its State nominated, and no other; a donor is refused.
    const own = await list(mng, { first: 100 });
    expect(own.data.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual(expect.arrayContaining(ids));
    const ken = await caller(stack, { subject: 'fp-KEN', role: 'STATE_FOCAL_POINT', stateCode: 'KEN' });
    expect((await list(ken, { first: 100 })).data.edges.map((e: { node: { id: string } }) => e.node.id)).not.toContain(ids[0]);
    const donor = await caller(stack, { subject: 'donor-experts', role: 'DONOR', organisation: 'Invented Fund (experts list)' });
    expect((await list(donor, {})).__typename).toBe('ForbiddenError');

    // Bad page or filter: a ValidationError naming the field.
    expect((await list(pm, { first: 101 })).issues[0].field).toBe('first');
    expect((await list(pm, { after: 'not-a-cursor!' })).issues[0].field).toBe('after');
    expect((await list(pm, { filter: { field: 'NO_SUCH_FIELD' } })).issues).toEqual([{ field: 'filter.field', message: 'unknown field of expertise "NO_SUCH_FIELD"' }]);
  });
});
