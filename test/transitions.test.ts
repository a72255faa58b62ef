import { describe, expect, it } from 'vitest';
import type { Actor } from '../domain/roles.js';
import { maySeeProject } from '../domain/roles.js';
import { iatiActivityStatus, isFinalStage, STAGES, type Stage } from '../domain/stages.js';
import { decideTransition, TRANSITIONS } from '../domain/transitions.js';

const manager: Actor = { subject: 'pm', role: 'PROGRAMME_MANAGER' };
const gabon: Actor = { subject: 'fp', role: 'STATE_FOCAL_POINT', stateCode: 'GAB' };
const kenya: Actor = { subject: 'fp', role: 'STATE_FOCAL_POINT', stateCode: 'KEN' };
const evaluator: Actor = { subject: 'ev', role: 'EVALUATOR' };

describe('decideTransition', () => {
  it.each<[string, Actor, Stage, string[], ReturnType<typeof decideTransition>]>([
    ['manager starts assessment of a submitted request', manager, 'SUBMITTED', ['GAB'], { allowed: true, from: 'SUBMITTED', to: 'UNDER_ASSESSMENT' }],
    ['focal point may not start assessment', gabon, 'SUBMITTED', ['GAB'], { allowed: false, refusal: 'ROLE_NOT_ALLOWED', reason: 'startAssessment is for PROGRAMME_MANAGER; the caller is STATE_FOCAL_POINT' }],
    ['evaluator may not start assessment', evaluator, 'SUBMITTED', ['GAB'], { allowed: false, refusal: 'ROLE_NOT_ALLOWED', reason: 'startAssessment is for PROGRAMME_MANAGER; the caller is EVALUATOR' }],
    ['assessment cannot start twice', manager, 'UNDER_ASSESSMENT', ['GAB'], { allowed: false, refusal: 'WRONG_STAGE', reason: 'startAssessment needs stage SUBMITTED; the project is UNDER_ASSESSMENT' }],
    ['an ended project says so', manager, 'CANCELLED', ['GAB'], { allowed: false, refusal: 'WRONG_STAGE', reason: 'startAssessment needs stage SUBMITTED; the project has ended CANCELLED' }],
  ])('%s', (_name, actor, stage, stateCodes, expected) => {
    expect(decideTransition('startAssessment', actor, { stage, stateCodes })).toEqual(expected);
  });

  it('lets only a beneficiary State answer a request for information', () => {
    const ctx = { stage: 'AWAITING_INFORMATION' as const, stateCodes: ['GAB'] };
    expect(decideTransition('provideInformation', gabon, ctx)).toEqual({ allowed: true, from: 'AWAITING_INFORMATION', to: 'UNDER_ASSESSMENT' });
    expect(decideTransition('provideInformation', kenya, ctx)).toMatchObject({ allowed: false, refusal: 'OUT_OF_SCOPE' });
  });

  it('allows cancellation from every open stage and from no final one', () => {
    for (const stage of STAGES) {
      const decision = decideTransition('cancel', manager, { stage, stateCodes: ['GAB'] });
      expect(decision.allowed, stage).toBe(!isFinalStage(stage));
    }
  });

  it('never leads out of a final stage', () => {
    for (const rule of Object.values(TRANSITIONS)) {
      for (const from of rule.from) expect(isFinalStage(from), `${from} -> ${rule.to}`).toBe(false);
    }
  });
});

describe('iatiActivityStatus', () => {
  it.each<[Stage, number]>([
    ['SUBMITTED', 1], ['UNDER_ASSESSMENT', 1], ['AWAITING_INFORMATION', 1], ['PLANNING', 1], ['AWAITING_FUNDING', 1],
    ['IN_DELIVERY', 2], ['UNDER_EVALUATION', 3], ['REPRIORITISATION', 3], ['CLOSED', 4],
    ['DECLINED', 5], ['MERGED', 5], ['CANCELLED', 5], ['SUSPENDED', 6],
  ])('%s is IATI status %i', (stage, status) => {
    expect(iatiActivityStatus(stage)).toBe(status);
  });
});

describe('maySeeProject', () => {
  it('shows a focal point only its own State\'s projects', () => {
    expect(maySeeProject(gabon, { stateCodes: ['GAB'] })).toBe(true);
    expect(maySeeProject(gabon, { stateCodes: ['CMR', 'GAB', 'TCD'] })).toBe(true);
    expect(maySeeProject(kenya, { stateCodes: ['GAB'] })).toBe(false);
  });
  it('shows managers everything', () => {
    expect(maySeeProject(manager, { stateCodes: ['GAB'] })).toBe(true);
  });
  it('shows an evaluator only the projects assigned to it, a donor those it funds', () => {
    expect(maySeeProject(evaluator, { stateCodes: ['SLE'], evaluator: 'ev' })).toBe(true);
    expect(maySeeProject(evaluator, { stateCodes: ['SLE'], evaluator: 'someone-else' })).toBe(false);
  });
  const donor: Actor = { subject: 'eu-officer', role: 'DONOR', organisation: 'European Union' };
  it.each([
    ['a project its organisation pledged to', { stateCodes: ['KEN'], funders: ['European Union'], stage: 'IN_DELIVERY' }, donor, true],
    ['a project open for funding', { stateCodes: ['KEN'], funders: [], stage: 'AWAITING_FUNDING' }, donor, true],
    ['a project another organisation funds', { stateCodes: ['KEN'], funders: ['World Bank'], stage: 'IN_DELIVERY' }, donor, false],
    ['a project still in planning', { stateCodes: ['KEN'], funders: [], stage: 'PLANNING' }, donor, false],
    ['anything, without an organisation', { stateCodes: ['KEN'], funders: [], stage: 'AWAITING_FUNDING' }, { subject: 'x', role: 'DONOR' } as Actor, false],
  ])('a donor sees %s: %s', (_what, audience, who, expected) => {
    expect(maySeeProject(who, audience)).toBe(expected);
  });
});
