// What a lifecycle run carries into the next when it continues as new: long texts no rule decides on
// are left behind (the read model keeps them), and every decision comes out the same.
import { describe, expect, it } from 'vitest';
import { availableProjectActions } from '../domain/lifecycle/available-actions.js';
import { carriedProjectState, newProjectState, type ProjectState } from '../domain/project-state.js';
import { ROLES, type Actor } from '../domain/roles.js';
import { STAGES } from '../domain/stages.js';

const recorded = { by: 'pm-1', at: '2026-03-01T10:00:00.000Z' };
const narrative = 'The witness protection unit met its caseload targets in all four regional courts. '.repeat(90);

function reportedOnFor(stage: ProjectState['stage']): ProjectState {
  const state = newProjectState({ projectId: 'P-KEN-1', title: 'Witness protection mentoring', stateCode: 'KEN', needs: [] });
  return {
    ...state,
    stage,
    assessments: [{ findings: narrative, ...recorded } as ProjectState['assessments'][number]],
    informationRequests: [
      { question: 'How many protected witnesses testified in 2025?', answer: narrative, answeredAt: recorded.at, ...recorded },
      { question: 'Which courts have video links?', ...recorded },
    ],
    progressReports: Array.from({ length: 24 }, (_, i) => ({ period: `2025-${i + 1}`, narrative, ...recorded })),
  };
}

describe('carriedProjectState', () => {
  const full = reportedOnFor('IN_DELIVERY');
  const carried = carriedProjectState(full);

  it('leaves the narratives, findings and earlier questions behind, and keeps what the timers and rules count', () => {
    expect(JSON.stringify(carried).length).toBeLessThan(JSON.stringify(full).length / 20);
    expect(carried.progressReports.map((r) => r.period)).toEqual(full.progressReports.map((r) => r.period));
    expect(carried.progressReports.every((r) => r.narrative === '' && r.by === 'pm-1')).toBe(true);
    expect(carried.assessments).toHaveLength(1);
    expect(carried.assessments[0]!.findings).toBe('');
    // The reminder quotes the open question: the last request stays whole.
    expect(carried.informationRequests.at(-1)).toEqual(full.informationRequests.at(-1));
    expect(carried.informationRequests[0]).toMatchObject({ question: '', answer: '', answeredAt: recorded.at });
    expect(carried.stage).toBe(full.stage);
    expect(carried.needs).toBe(full.needs);
  });

  it('does not change the full state it is given', () => {
    expect(full.progressReports[0]!.narrative).toBe(narrative);
    expect(full.informationRequests[0]!.answer).toBe(narrative);
  });

  const actors: Actor[] = ROLES.map((role) => ({ subject: `${role}-1`, role, ...(role === 'STATE_FOCAL_POINT' ? { stateCode: 'KEN' } : {}) }));
  it.each(STAGES.map((stage) => [stage]))('decides every action for every role the same in %s', (stage) => {
    const before = reportedOnFor(stage);
    for (const actor of actors) expect(availableProjectActions(actor, carriedProjectState(before))).toEqual(availableProjectActions(actor, before));
  });
});
