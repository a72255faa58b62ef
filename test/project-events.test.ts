// Pure: how each event changes a project (the workflow and the projection activity share it), and
// which PostgreSQL errors are data errors that a retry would only repeat.
import { describe, expect, it } from 'vitest';
import { isDeterministicPgError } from '../activities/project-events.js';
import { adoptedNeeds, applyProjectEvent, type ProjectEvent, type ProjectFiling } from '../domain/project-events.js';

const filing: ProjectFiling = {
  projectId: 'p-1', title: 'Reporting help', stateCode: 'GAB',
  needs: [{ id: 'p-1/need-1', stateCode: 'GAB', source: 'FORMAL_REQUEST', priorityArea: 'PA-A', priorityActivity: '(d)', instrument: 'UNTOC', formsOfAssistance: ['REPORTING_SUPPORT'], urgency: 'MEDIUM', description: 'Checklist' }],
};
const pm = { subject: 'pm', role: 'PROGRAMME_MANAGER' } as const;
const at = '2026-11-25T10:00:00.000Z';
const event = (e: Partial<ProjectEvent>): ProjectEvent => ({ seq: 2, kind: 'TRANSITION', action: 'startAssessment', actor: pm, at, fromStage: 'SUBMITTED', toStage: 'UNDER_ASSESSMENT', summary: {}, ...e });
const filed = applyProjectEvent(null, event({ seq: 1, kind: 'FILED', action: 'fileRequest', fromStage: null, toStage: 'SUBMITTED' }), filing);

describe('applyProjectEvent', () => {
  it.each([
    ['a filing makes the project', filed, { projectId: 'p-1', stage: 'SUBMITTED', stateCodes: ['GAB'], needs: filing.needs }],
    ['a transition moves the stage', applyProjectEvent(filed, event({})), { stage: 'UNDER_ASSESSMENT' }],
    ['a recording applies its accepted payload', applyProjectEvent({ ...filed, stage: 'UNDER_ASSESSMENT' }, event({ kind: 'RECORDED', action: 'requestInformation', fromStage: 'UNDER_ASSESSMENT', toStage: 'AWAITING_INFORMATION', summary: { question: 'Who reports?' } })), { stage: 'AWAITING_INFORMATION', informationRequests: [{ question: 'Who reports?', by: 'pm', at }] }],
    ['an escalation is kept for the manager', applyProjectEvent(filed, event({ kind: 'ESCALATION', action: 'PROJECTION_FAILED', actor: { subject: 'palermo', role: 'SYSTEM' }, fromStage: 'SUBMITTED', toStage: 'SUBMITTED', summary: { message: 'refused' } })), { escalations: [{ kind: 'PROJECTION_FAILED', at, message: 'refused' }] }],
    ['a reminder changes nothing but the stage it names', applyProjectEvent(filed, event({ kind: 'REMINDER', action: 'funding', fromStage: 'SUBMITTED', toStage: 'SUBMITTED', summary: { message: 'due' } })), { stage: 'SUBMITTED', escalations: [] }],
    ['an absorbed merge takes needs and States once, and asks for new endorsements', applyProjectEvent({ ...filed, endorsements: { GAB: { by: 'fp', at } } }, event({ kind: 'ABSORBED', action: 'absorbMergedProject', fromStage: 'SUBMITTED', toStage: 'SUBMITTED', summary: { fromProjectId: 'p-2', stateCodes: ['CMR'], needs: [{ ...filing.needs[0]!, id: 'p-2/need-1', stateCode: 'CMR' }, filing.needs[0]] } })), { stateCodes: ['CMR', 'GAB'], mergedFrom: ['p-2'], endorsements: {}, needs: [filing.needs[0], { ...filing.needs[0]!, id: 'p-2/need-1', stateCode: 'CMR' }] }],
  ])('%s', (_name, state, expected) => {
    expect(state).toMatchObject(expected);
  });

  it('does not change the state it is given', () => {
    const before = JSON.stringify(filed);
    applyProjectEvent(filed, event({}));
    expect(JSON.stringify(filed)).toBe(before);
  });

  it('refuses an event without a project, and a filing without its facts', () => {
    expect(() => applyProjectEvent(null, event({}))).toThrow(/no project/);
    expect(() => applyProjectEvent(null, event({ kind: 'FILED' }))).toThrow(/needs its filing/);
  });
});

describe('adoptedNeeds', () => {
  const recommendation = { priorityArea: 'PA-A', priorityActivity: '(d)', instrument: 'UNTOC', formsOfAssistance: ['TRAINING_NATIONAL'], urgency: 'HIGH', description: 'Train the unit' };
  const assessed = { ...filed, stateCodes: ['CMR', 'GAB'], outcomeAssessment: { recommendations: [recommendation, { ...recommendation, state: 'CMR' }] } } as never;
  it.each([
    [[], []],
    [[0], [{ id: 'p-1/follow-up-1', stateCode: 'CMR', source: 'EVALUATION_FOLLOW_UP', originProjectId: 'p-1' }]],
    [[1], [{ id: 'p-1/follow-up-2', stateCode: 'CMR' }]],
    [[5], []],
  ])('adopting %j gives %j', (indexes, expected) => {
    expect(adoptedNeeds(assessed, indexes)).toMatchObject(expected);
  });
});

describe('isDeterministicPgError', () => {
  it.each([
    ['22P05', true], // untranslatable character (a NUL in jsonb)
    ['22003', true], // numeric value out of range
    ['23505', true], // unique violation
    ['23514', true], // check violation
    ['08006', false], // connection failure: retry
    ['ECONNREFUSED', false], // PostgreSQL down (a Node error code): retry
    ['57P01', false], // admin shutdown: retry
    ['40001', false], // serialization failure: retry
    [undefined, false],
  ])('SQLSTATE %s -> %s', (code, expected) => {
    expect(isDeterministicPgError(Object.assign(new Error('pg'), code === undefined ? {} : { code }))).toBe(expected);
  });
});
