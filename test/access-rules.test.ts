// The pure rules behind the access policy: the earmark rule, a State's part of a regional project, and
// the table's own consistency with the lifecycle's transition table.
import { describe, expect, it } from 'vitest';
import { accessOf, POLICY, rowOf } from '../domain/access/policy.js';
import { earmarkRefusal } from '../domain/earmark.js';
import { maySeeStatePart, ROLES, type Actor } from '../domain/roles.js';
import { TRANSITIONS, type TransitionName } from '../domain/transitions.js';
import { entryForState, outcomeForState } from '../api/policy.js';

describe('earmarkRefusal (a pledge earmarked to a priority area must fit the project)', () => {
  it.each([
    ['no earmark', undefined, ['PA-E'], null],
    ['an area of the project', 'PA-E', ['PA-E'], null],
    ['one of several areas', 'PA-A', ['PA-B', 'PA-A', 'PA-A'], null],
    ['an area the project has not', 'PA-B', ['PA-E'], 'the earmark PA-B does not fit this project, whose needs are in PA-E; earmark to one of these or pledge unearmarked'],
    ['several areas, none the earmark', 'PA-C', ['PA-E', 'PA-A'], 'the earmark PA-C does not fit this project, whose needs are in PA-A, PA-E; earmark to one of these or pledge unearmarked'],
    ['a project without needs', 'PA-A', [], 'the earmark PA-A does not fit this project, which has no needs in any priority area; pledge unearmarked'],
  ])('%s', (_what, earmark, areas, expected) => {
    expect(earmarkRefusal(earmark, areas)).toBe(expected);
  });
});

describe("a State's part of a regional project", () => {
  const blz: Actor = { subject: 'fp', role: 'STATE_FOCAL_POINT', stateCode: 'BLZ' };
  const pm: Actor = { subject: 'pm', role: 'PROGRAMME_MANAGER' };
  it.each([
    [blz, 'BLZ', true], [blz, 'GTM', false], [blz, null, true], [blz, undefined, true], [pm, 'GTM', true],
  ] as const)('%o sees the part of %s: %s', (actor, state, expected) => {
    expect(maySeeStatePart(actor, state)).toBe(expected);
  });

  const assessment = {
    by: 'ev', at: '2026-01-01', criteria: [], indicatorValues: [{ indicator: 'x', actual: 1 }], coProviders: ['OAS'], narrative: 'both States',
    needVerdicts: [{ needId: 'n-blz', verdict: 'MET' as const }, { needId: 'n-gtm', verdict: 'UNMET' as const }],
    recommendations: [{ state: 'BLZ' }, { state: 'GTM' }, {}] as never[],
  };
  const needStates = new Map([['n-blz', 'BLZ'], ['n-gtm', 'GTM']]);
  it('keeps the shared parts of the outcome assessment and the State\'s own, and withholds the narrative', () => {
    const seen = outcomeForState(assessment as never, 'BLZ', needStates);
    expect(seen.needVerdicts).toEqual([{ needId: 'n-blz', verdict: 'MET' }]);
    expect(seen.recommendations).toEqual([{ state: 'BLZ' }, {}]);
    expect(seen.narrative).toBeNull();
    expect(seen.indicatorValues).toEqual(assessment.indicatorValues);
  });
  it.each([
    ['another State\'s endorsement', { action: 'endorsePlan', actor_state: 'GTM', summary: { comment: 'GTM' } }, { withheld: "another beneficiary State's part" }],
    ['its own endorsement', { action: 'endorsePlan', actor_state: 'BLZ', summary: { comment: 'BLZ' } }, { comment: 'BLZ' }],
    ['a manager\'s transition', { action: 'setPlan', actor_state: null, summary: { modality: 'REGIONAL' } }, { modality: 'REGIONAL' }],
  ])('history: %s', (_what, entry, summary) => {
    expect(entryForState(entry as never, 'BLZ', needStates).summary).toEqual(summary);
  });
});

describe('the policy table', () => {
  it('gives every role an answer on every entry', () => {
    for (const [type, fields] of Object.entries(POLICY)) {
      for (const [field, row] of Object.entries(fields)) expect(Object.keys(row).sort(), `${type}.${field}`).toEqual([...ROLES].sort());
    }
  });
  it('lets at each lifecycle action exactly the roles of the transition table', () => {
    for (const name of Object.keys(TRANSITIONS) as TransitionName[]) {
      const roles: readonly string[] = TRANSITIONS[name].roles;
      for (const role of ROLES) expect(accessOf(role, 'Mutation', name) !== 'no', `${name} for ${role}`).toBe(roles.includes(role));
    }
  });
  it('refuses a field it has no entry for, and lets result wrappers follow their operation', () => {
    expect(rowOf('Project', 'secretNewField')).toBeUndefined();
    expect(accessOf('PROGRAMME_MANAGER', 'Project', 'secretNewField')).toBe('no');
    expect(rowOf('QueryProjectsSuccess', 'data')).toBe(POLICY.Query!.projects);
  });
});
