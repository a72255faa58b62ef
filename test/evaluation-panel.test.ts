// Table tests of the proposed evaluation panel (domain/matching/panel.ts): the peer-review model of
// 003 para 55, a peer from the reviewed State's region and one from outside, all independent.
import { describe, expect, it } from 'vitest';
import { STATES } from '../domain/code-lists/index.js';
import { proposePanel } from '../domain/matching/panel.js';
import type { RosterExpert } from '../domain/matching/types.js';
import { visitMayHappen } from '../domain/lifecycle-rules.js';
import { applyProjectEvent } from '../domain/project-events.js';
import { panelOf } from '../domain/project-state.js';
import { projectEventNotices } from '../domain/notifications/audiences.js';

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

// A project whose state was stored (in the read model, or carried over a continue-as-new) before panels
// and consent existed has no `panel`, `visitConsents` or `evaluationVisits`: its open evaluation goes on.
describe('an evaluation started before panels', () => {
  const filing = {
    projectId: 'p-old', title: 'Reporting help', stateCode: 'GAB',
    needs: [{ id: 'p-old/need-1', stateCode: 'GAB', source: 'FORMAL_REQUEST', priorityArea: 'PA-A', priorityActivity: '(d)', instrument: 'UNTOC', formsOfAssistance: ['REPORTING_SUPPORT'], urgency: 'MEDIUM' as const, description: 'Checklist' }],
  };
  const at = '2026-11-25T10:00:00.000Z';
  const filed = applyProjectEvent(null, { seq: 1, kind: 'FILED', action: 'fileRequest', actor: { subject: 'fp', role: 'STATE_FOCAL_POINT', stateCode: 'GAB' }, at, fromStage: null, toStage: 'SUBMITTED', summary: {} }, filing);
  const { panel: _p, visitConsents: _c, evaluationVisits: _v, ...old } = { ...filed, stage: 'UNDER_EVALUATION' as const, evaluator: 'expert-old' };
  const fp = { subject: 'fp-GAB', role: 'STATE_FOCAL_POINT' as const, stateCode: 'GAB' };
  const lead = { subject: 'expert-old', role: 'EVALUATOR' as const };

  it('keeps its lone evaluator as the panel, takes a consent and then a visit', () => {
    expect(panelOf(old)).toEqual(['expert-old']);
    expect(visitMayHappen(old, 'GAB', lead)).toMatch(/VISIT_BY_CONSENT/);
    const consented = applyProjectEvent(old, { seq: 9, kind: 'RECORDED', action: 'consentToVisit', actor: fp, at, fromStage: 'UNDER_EVALUATION', toStage: 'UNDER_EVALUATION', summary: {} });
    expect(consented.visitConsents).toEqual({ GAB: { by: 'fp-GAB', at } });
    expect(visitMayHappen(consented, 'GAB', lead)).toBeNull();
    expect(visitMayHappen(consented, 'GAB', { subject: 'someone-else', role: 'EVALUATOR' })).toBe('only members of the evaluation panel (expert-old) record its visits');
    const visited = applyProjectEvent(consented, { seq: 10, kind: 'RECORDED', action: 'recordEvaluationVisit', actor: lead, at, fromStage: 'UNDER_EVALUATION', toStage: 'UNDER_EVALUATION', summary: { state: 'GAB', startDate: '2026-12-01', endDate: '2026-12-02', purpose: 'Validate' } });
    expect(visited.evaluationVisits).toEqual([{ state: 'GAB', startDate: '2026-12-01', endDate: '2026-12-02', purpose: 'Validate', by: 'expert-old', at }]);
  });

  it('an old startEvaluation event (no panel in its payload) sets a lone evaluator', () => {
    const started = applyProjectEvent({ ...old, stage: 'IN_DELIVERY' }, { seq: 8, kind: 'TRANSITION', action: 'startEvaluation', actor: { subject: 'pm', role: 'PROGRAMME_MANAGER' }, at, fromStage: 'IN_DELIVERY', toStage: 'UNDER_EVALUATION', summary: { evaluator: 'expert-old' } });
    expect(panelOf(started)).toEqual(['expert-old']);
    expect(started.panel).toEqual([]);
  });
});

describe('the panel is told of its assignment', () => {
  it('every member, the lead first', () => {
    const notices = projectEventNotices({ kind: 'TRANSITION', action: 'startEvaluation', summary: { evaluator: 'expert-lead', panel: ['expert-civ'] } } as never, {});
    expect(notices).toEqual([{ topic: 'EVALUATION_ASSIGNED', audiences: [{ kind: 'PERSON', subject: 'expert-lead' }, { kind: 'PERSON', subject: 'expert-civ' }], params: {} }]);
  });
});
