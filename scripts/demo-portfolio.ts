// A small demo portfolio drawn from the seed documents (../shared/domain.md cites each fact).
// Filed through the same lifecycle path as the API, with fixed idempotency keys: a restart adds nothing.
import type { Client } from '@temporalio/client';
import { TransitionRefusedError } from '../api/errors.js';
import { applyTransition, fileRequest, type LifecycleOptions } from '../api/lifecycle.js';
import type { FileRequestInput } from '../domain/inputs.js';
import { fileRequestInput } from '../domain/inputs.js';
import type { Actor } from '../domain/roles.js';
import type { TransitionName } from '../domain/transitions.js';
import { actionUpdate } from '../workflows/definitions.js';

export const DEMO_MANAGER: Actor = { subject: 'demo-programme-manager', role: 'PROGRAMME_MANAGER' };

export const DEMO_REQUESTS: FileRequestInput[] = [
  {
    // S1: Gabon is among the States needing help to meet reporting obligations (000 fn 5, para 9).
    state: 'GAB',
    title: 'Help to meet reporting obligations under the Convention',
    idempotencyKey: 'demo-gabon-reporting',
    needs: [
      {
        priorityArea: 'PA-A',
        priorityActivity: '(d)',
        instrument: 'UNTOC',
        article: '32',
        formsOfAssistance: ['REPORTING_SUPPORT'],
        urgency: 'MEDIUM',
        description: 'Build the capacity of the officials who answer the questionnaires and the self-assessment checklist, and help prepare the implementation report (000 fn 5; 002 para 2(d)).',
      },
    ],
  },
  {
    // S5: Kenya's witness-protection request could not be met for lack of resources (001 para 26).
    state: 'KEN',
    title: 'Witness protection programme',
    idempotencyKey: 'demo-kenya-witness-protection',
    needs: [
      {
        priorityArea: 'PA-B',
        priorityActivity: '(g)',
        instrument: 'UNTOC',
        formsOfAssistance: ['MENTORING', 'LEG_DRAFTING'],
        urgency: 'HIGH',
        description: 'Establish a national witness-protection programme; requested in 2007 and not met for lack of resources (001 para 26).',
      },
    ],
  },
  {
    // S13: Honduras asked the UN for help against organized crime and impunity (004 paras 12-13).
    state: 'HND',
    title: 'Organized crime and impunity: assessment of needs',
    idempotencyKey: 'demo-honduras-impunity',
    needs: [
      {
        priorityArea: 'PA-B',
        priorityActivity: '(e)',
        instrument: 'UNTOC',
        formsOfAssistance: ['NEEDS_ASSESSMENT', 'ADVISORY_MISSION'],
        urgency: 'HIGH',
        description: 'Assess the response to organized crime and impunity, with exploratory and technical missions with DPA, OHCHR and UNDP (004 paras 12-13).',
      },
    ],
  },
  {
    // S4: Bolivia's firearms law review, ratification and new law still ahead (000 para 67; 004 paras 52-54).
    state: 'BOL',
    title: 'Firearms Protocol: review of the firearms law',
    idempotencyKey: 'demo-bolivia-firearms',
    needs: [
      {
        priorityArea: 'PA-E',
        priorityActivity: '(e)',
        instrument: 'FA',
        article: '5',
        formsOfAssistance: ['LEG_REVIEW', 'LEG_DRAFTING'],
        urgency: 'MEDIUM',
        description: 'Review the firearms law against the Firearms Protocol (marking, record-keeping, transfer controls), using the Firearms Model Law (004 paras 52(d), 54).',
      },
    ],
  },
  {
    // S8: Chad appears in the reporting, legislative, training and equipment lists (000 fn 5, paras 25, 31, fn 16).
    state: 'TCD',
    title: 'Integrated support: reporting, legislation, training and equipment',
    idempotencyKey: 'demo-chad-integrated',
    needs: [
      {
        priorityArea: 'PA-A',
        priorityActivity: '(d)',
        instrument: 'UNTOC',
        formsOfAssistance: ['REPORTING_SUPPORT'],
        urgency: 'MEDIUM',
        description: 'Help to meet reporting obligations (000 fn 5).',
      },
      {
        priorityArea: 'PA-B',
        priorityActivity: '(e)',
        instrument: 'UNTOC',
        formsOfAssistance: ['LEG_REVIEW', 'LEG_DRAFTING'],
        urgency: 'HIGH',
        description: 'Assess national laws and draft new ones (000 para 25).',
      },
      {
        priorityArea: 'PA-B',
        priorityActivity: '(b)',
        instrument: 'UNTOC',
        formsOfAssistance: ['TRAINING_NATIONAL'],
        urgency: 'MEDIUM',
        description: 'Train investigators, judges and prosecutors (000 para 31).',
      },
      {
        priorityArea: 'PA-C',
        priorityActivity: '(f)(i)',
        instrument: 'UNTOC',
        formsOfAssistance: ['EQUIPMENT'],
        urgency: 'LOW',
        description: 'Basic equipment and telecommunications for the central authority (000 fn 16).',
      },
    ],
  },
];

export function demoFocalPoint(stateCode: string): Actor {
  return { subject: `demo-focal-point-${stateCode}`, role: 'STATE_FOCAL_POINT', stateCode };
}

type DemoStep = [name: TransitionName, actor: Actor, payload: Record<string, unknown>];

/** Where each demo project is taken after filing, following the scenarios of domain.md section 8. */
const DEMO_STEPS: Record<string, DemoStep[]> = {
  // S13: Honduras under assessment after an exploratory mission.
  'demo-honduras-impunity': [
    ['startAssessment', DEMO_MANAGER, { note: 'Request to the UN of 2010 (004 para 12)' }],
    ['recordAssessment', DEMO_MANAGER, { type: 'EXPLORATORY_MISSION', startDate: '2011-12-11', endDate: '2011-12-14', partners: [], findings: 'Exploratory mission (004 para 13).' }],
  ],
  // S4: Bolivia planning its firearms law review after a desk review.
  'demo-bolivia-firearms': [
    ['startAssessment', DEMO_MANAGER, {}],
    ['recordAssessment', DEMO_MANAGER, { type: 'DESK_REVIEW', startDate: '2008-03-01', endDate: '2008-03-20', partners: [], findings: 'Review of the firearms law with advice and initial support (000 para 67).' }],
    ['startPlanning', DEMO_MANAGER, {}],
  ],
  // S5: Kenya's witness-protection project waiting for money.
  'demo-kenya-witness-protection': [
    ['startAssessment', DEMO_MANAGER, {}],
    ['startPlanning', DEMO_MANAGER, {}],
    ['setPlan', DEMO_MANAGER, {
      objectives: ['A national witness-protection programme in operation'],
      outputs: [{ title: 'Mentor placed in the Office of the Attorney General (004 para 35)', indicators: [{ name: 'mentor months', unit: 'months', baseline: 0, target: 24 }] }],
      outcomes: [{ title: 'Witnesses protected in organized-crime cases', indicators: [{ name: 'witnesses admitted', unit: 'people', baseline: 0, target: 30 }] }],
      formsOfAssistance: ['MENTORING'], modality: 'NATIONAL', budget: { amount: '250000', currency: 'USD' }, // amount invented: no seed gives money figures
    }],
    ['endorsePlan', demoFocalPoint('KEN'), { comment: 'Endorsed (demo)' }],
    ['seekFunding', DEMO_MANAGER, {}],
  ],
};

/** Files the demo requests and takes them to their scenario's stage. Returns the project ids. */
export async function seedDemoPortfolio(client: Client, options: LifecycleOptions = {}): Promise<string[]> {
  const ids: string[] = [];
  for (const request of DEMO_REQUESTS) {
    const input = fileRequestInput.parse(request);
    const { projectId } = await fileRequest(client, demoFocalPoint(input.state), input, options);
    ids.push(projectId);
    // Fixed update ids: Temporal applies each step once, however often npm start runs.
    for (const [i, [name, actor, payload]] of (DEMO_STEPS[input.idempotencyKey] ?? []).entries()) {
      try {
        await applyTransition(client, projectId, actionUpdate(name), { actor, payload }, `demo-step-${i}`);
      } catch (err) {
        // A project someone already moved on (through the API) keeps its own course.
        if (err instanceof TransitionRefusedError && err.refusal === 'WRONG_STAGE') break;
        throw err;
      }
    }
  }
  return ids;
}
