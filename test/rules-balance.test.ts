// R12 (geographical balance of expert groups, 000 para 46) over the API: the team proposal fills a
// project's slots with at most `maxPerRegion` experts of one home region, even when one region holds
// the best-scoring experts; the greedy choice beside it is bound by the same limit.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { homeRegionOf } from '../domain/matching/exclusions.js';
import { caller, fileAs, type Caller } from './support/actions.js';
import { gabonReportingRequest } from './support/requests.js';
import { startStack, type Stack } from './support/stack.js';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack?.stop());

const PROPOSE = `query($input: ProposeTeamInput!) { proposeTeam(input: $input) { __typename
  ... on TeamProposal { optimal { unfilled members { slot expertId score } } greedy { unfilled members { slot expertId } } }
  ... on Error { code message } ... on ValidationError { issues { field message } } } }`;

describe('R12: geographical balance of an expert group', () => {
  it('proposes at most maxPerRegion experts of one home region, the best-scoring region included', async () => {
    // A window of our own, years ahead: only the experts nominated here are available in it.
    const year = 2900 + Math.floor(Math.random() * 90);
    const window = { from: `${year}-03-01`, to: `${year}-03-15` };
    const fra = await caller(stack, { subject: 'fp-FRA', role: 'STATE_FOCAL_POINT', stateCode: 'FRA' });
    const nominate = async (label: string, nationality: string, articles: string[]) => {
      const { body } = await stack.gql(
        'mutation($input: NominateExpertInput!) { nominateExpert(input: $input) { __typename ... on Expert { id } ... on Error { message } } }',
        { input: { name: `${label} (invented)`, nationality, nominatingState: 'FRA', institution: 'Invented institute', profile: {
          fields: ['REPORTING.REPORTING_OBLIGATIONS'], instruments: [{ instrument: 'UNTOC', articles }],
          languages: [{ language: 'fr', level: 'C2' }], availability: [{ from: `${year}-01-01`, to: `${year}-12-31` }], capacity: 1,
        } } },
        fra.token,
      );
      const id = body.data?.nominateExpert?.id as string | undefined;
      if (!id) throw new Error(`nominateExpert: ${JSON.stringify(body)}`);
      await stack.gql('mutation { acceptNomination { __typename } }', {}, await stack.token({ subject: id, role: 'EXPERT' }));
      return { id, nationality };
    };
    // Three specialists of article 32 from one region, and one less specialised expert from another (none from
    // the beneficiary's region, whose knowledge would score).
    const experts = [
      await nominate('Reporting specialist one', 'FRA', ['32']),
      await nominate('Reporting specialist two', 'BEL', ['32']),
      await nominate('Reporting specialist three', 'CHE', ['32']),
      await nominate('Reporting generalist', 'BRA', []),
    ];
    const regionOf = new Map(experts.map((e) => [e.id, homeRegionOf(e.nationality)]));
    expect(new Set(experts.slice(0, 3).map((e) => regionOf.get(e.id))).size, 'the three specialists share a home region').toBe(1);
    expect(regionOf.get(experts[3]!.id)).not.toBe(regionOf.get(experts[0]!.id));

    const pm: Caller = await caller(stack, { subject: 'pm-balance', role: 'PROGRAMME_MANAGER' });
    const gab = await caller(stack, { subject: 'fp-GAB', role: 'STATE_FOCAL_POINT', stateCode: 'GAB' });
    const request = gabonReportingRequest();
    const need = request.needs[0]!;
    const { id: projectId, needs } = await fileAs(stack, gab, { ...request, needs: [need, { ...need, description: `${need.description} Second group.` }, { ...need, description: `${need.description} Third group.` }] });
    expect(needs).toHaveLength(3);

    const propose = async (maxPerRegion: number) => {
      const { body } = await stack.gql(PROPOSE, { input: { projectId, windowFrom: window.from, windowTo: window.to, maxPerRegion } }, pm.token);
      expect(body.data.proposeTeam.__typename, JSON.stringify(body)).toBe('TeamProposal');
      return body.data.proposeTeam as { optimal: { unfilled: string[]; members: { expertId: string }[] }; greedy: { unfilled: string[]; members: { expertId: string }[] } };
    };
    const perRegion = (members: { expertId: string }[]) => {
      const counts = new Map<string, number>();
      for (const m of members) counts.set(regionOf.get(m.expertId) ?? 'OTHER', (counts.get(regionOf.get(m.expertId) ?? 'OTHER') ?? 0) + 1);
      return Math.max(...counts.values());
    };

    // Without a binding limit the three specialists of one region take the three slots.
    const open = await propose(3);
    expect(open.optimal.members.map((m) => m.expertId).sort()).toEqual(experts.slice(0, 3).map((e) => e.id).sort());
    expect(perRegion(open.optimal.members)).toBe(3);

    // With at most one per region: one specialist, the generalist of another region, and a slot left unfilled.
    const balanced = await propose(1);
    expect(perRegion(balanced.optimal.members)).toBe(1);
    expect(balanced.optimal.members).toHaveLength(2);
    expect(balanced.optimal.members.map((m) => m.expertId)).toContain(experts[3]!.id);
    expect(balanced.optimal.unfilled).toHaveLength(1);
    expect(perRegion(balanced.greedy.members)).toBeLessThanOrEqual(1);
  });
});
