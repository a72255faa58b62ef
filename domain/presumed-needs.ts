// R8: parties that gave no information in either reporting cycle may be presumed to need help with
// reporting (000 fn 5). palermo generates such needs with their own source; the State confirms (R1).
import type { NeedInput } from './inputs.js';

export const PRESUMED_SOURCE = 'PRESUMED_NON_REPORTING';

export function presumedNeedId(stateCode: string): string {
  return `presumed:${stateCode}`;
}

export function presumedReportingNeed(stateCode: string): NeedInput & { id: string; stateCode: string; source: string } {
  return {
    id: presumedNeedId(stateCode),
    stateCode,
    source: PRESUMED_SOURCE,
    priorityArea: 'PA-A',
    priorityActivity: '(d)',
    instrument: 'UNTOC',
    article: '32',
    formsOfAssistance: ['REPORTING_SUPPORT'],
    urgency: 'MEDIUM',
    description: 'Presumed need for help with reporting: no questionnaire or checklist response in any imported cycle (000 fn 5, R8). Awaits the State\'s confirmation.',
  };
}

/** States that reported in no imported cycle; none while no cycle has been imported at all. */
export function nonReportingStates(allStates: readonly string[], reportedByCycle: ReadonlyMap<string, ReadonlySet<string>>): string[] {
  if (reportedByCycle.size === 0) return [];
  const reported = new Set([...reportedByCycle.values()].flatMap((s) => [...s]));
  return allStates.filter((s) => !reported.has(s));
}

/** R1: a need may go into a project unless it is a presumed need its State has not confirmed. */
export function needMayEnterProject(need: { source: string; confirmedAt: string | null; projectId: string | null; stateCode: string }): string | null {
  if (need.projectId) return `already in project ${need.projectId}`;
  if (need.source === PRESUMED_SOURCE && !need.confirmedAt) return `a presumed need awaits the confirmation of ${need.stateCode}'s focal point (R1)`;
  return null;
}

export interface RegionReporting {
  region: string;
  states: number;
  reported: number;
  rate: number;
  /** At or below 50%, as the Working Group noted for some regions (002 para 23). */
  flagged: boolean;
}

export function regionReportingRates(regions: ReadonlyMap<string, readonly string[]>, reported: ReadonlySet<string>): RegionReporting[] {
  return [...regions].map(([region, states]) => {
    const count = states.filter((s) => reported.has(s)).length;
    const rate = states.length ? count / states.length : 0;
    return { region, states: states.length, reported: count, rate: Math.round(rate * 1000) / 1000, flagged: rate <= 0.5 };
  });
}
