// Table tests of the proposed evaluation panel (domain/matching/panel.ts): the peer-review model of
// 003 para 55, a peer from the reviewed State's region and one from outside, all independent.
import { describe, expect, it } from 'vitest';
import { STATES } from '../domain/code-lists/index.js';
import { proposePanel } from '../domain/matching/panel.js';
import type { RosterExpert } from '../domain/matching/types.js';

const regions = new Map<string, readonly string[]>(STATES.map((s) => [s.code, s.regions]));
const regionsOf = (s: string) => regions.get(s) ?? [];
const expert = (id: string, nationality: string, over: Partial<RosterExpert> = {}): RosterExpert => ({
  id, name: id, nationality, status: 'ACTIVE', pastOutcomes: [], workload: 0,
  profile: { fields: ['REPORTING.REPORTING_OBLIGATIONS'], instruments: [], languages: [{ language: 'fr', level: 'C1' }], regions: [], states: [], availability: [], conflicts: { states: [], projects: [], organisations: [] }, capacity: 1 },
  ...over,
});
const project = (states: string[], deliveredBy: string[] = []) => ({ projectId: 'p-1', beneficiaryStates: states, deliveredBy, regionsOf });

describe('proposePanel', () => {
  it.each<[string, RosterExpert[], string[], string[], [string, string][]]>([
    ['one State: a regional peer and an outside peer', [expert('civ', 'CIV'), expert('fra', 'FRA')], ['SEN'], ['civ', 'fra'], []],
    ['a national of the reviewed State is never picked', [expert('sen', 'SEN'), expert('civ', 'CIV'), expert('fra', 'FRA')], ['SEN'], ['civ', 'fra'], []],
    ['who delivered the project is not independent', [expert('civ', 'CIV'), expert('mli', 'MLI'), expert('fra', 'FRA')], ['SEN'], ['mli', 'fra'], []],
    ['a suspended expert is not picked', [expert('civ', 'CIV', { status: 'SUSPENDED' }), expert('fra', 'FRA')], ['SEN'], ['fra'], [['SEN', 'REGIONAL_PEER']]],
    ['two peers of one country are not two peer countries', [expert('fra-1', 'FRA'), expert('fra-2', 'FRA'), expert('civ', 'CIV')], ['SEN'], ['civ', 'fra-1'], []],
    ['a language the State works in comes first', [expert('prt', 'PRT', { profile: { ...expert('x', 'PRT').profile, languages: [{ language: 'pt', level: 'C2' }] } }), expert('fra', 'FRA'), expert('civ', 'CIV')], ['SEN'], ['civ', 'fra'], []],
    ['nobody from the region: the slot is unfilled, with the reason', [expert('fra', 'FRA')], ['SEN'], ['fra'], [['SEN', 'REGIONAL_PEER']]],
    ['two States of one region share their peers', [expert('civ', 'CIV'), expert('fra', 'FRA')], ['MLI', 'SEN'], ['civ', 'fra'], []],
  ])('%s', (_name, roster, states, expected, unfilled) => {
    const delivered = roster.some((e) => e.id === 'civ') && _name.startsWith('who delivered') ? ['civ'] : [];
    const proposal = proposePanel(roster, project(states, delivered));
    expect(proposal.members.map((m) => m.expertId)).toEqual(expected);
    expect(proposal.unfilled.map((u) => [u.state, u.slot])).toEqual(unfilled);
    expect(proposal.lead).toBe(expected[0] ?? null);
    expect(proposal.members.every((m) => m.reason.includes('003 para 55'))).toBe(true);
  });

  it('says for whom each member is a peer', () => {
    const proposal = proposePanel([expert('civ', 'CIV'), expert('fra', 'FRA')], project(['MLI', 'SEN']));
    expect(proposal.members.map((m) => m.serves)).toEqual([
      [{ state: 'MLI', slot: 'REGIONAL_PEER' }, { state: 'SEN', slot: 'REGIONAL_PEER' }],
      [{ state: 'MLI', slot: 'OUTSIDE_PEER' }, { state: 'SEN', slot: 'OUTSIDE_PEER' }],
    ]);
    expect(proposal.unfilled).toEqual([]);
  });
});
