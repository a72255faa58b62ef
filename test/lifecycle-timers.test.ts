// Durable waiting: reminders and escalations are workflow timers, shortened here by configuration.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { act, caller, fileAs, must, readProject, rosterEvaluator, type ActionResult, type Caller } from './support/actions.js';
import { projectEndorsed } from './support/delivery.js';
import { freshKey, startStack, type Stack } from './support/stack.js';

let stack: Stack;
let pm: Caller;
beforeAll(async () => {
  stack = await startStack({
    timings: {
      informationReminder: '1s', informationDeadline: '2s',
      fundingReminder: '1s', fundingEscalation: '3s',
      progressReportInterval: '2s',
      evaluationReminder: '1s', evaluationDeadline: '2s',
    },
  });
  pm = await caller(stack, { subject: 'pm-timers', role: 'PROGRAMME_MANAGER' });
});
afterAll(() => stack?.stop());

const kinds = (project: ActionResult): string[] =>
  (project.history as { kind: string; action: string }[]).filter((h) => h.kind === 'REMINDER' || h.kind === 'ESCALATION').map((h) => `${h.kind}:${h.action}`);

describe('S5: a request stuck for lack of money, delivered later (Kenya)', () => {
  it('reminds, then escalates to the manager while uncovered, across a worker restart, then delivers once pledged', async () => {
    const { id } = await projectEndorsed(stack, pm, 'KEN', 'Witness protection: requested in 2007, not met for lack of resources (001 para 26)', 250000);
    await must(stack, pm, 'seekFunding', id);
    const uncovered = await act(stack, pm, 'startDelivery', id);
    expect(uncovered.message).toMatch(/not covered: 250000\.00 USD still to pledge/);

    // The worker dies while the project waits for money; a new one takes over the timers.
    await stack.stopWorkers();
    await new Promise((r) => setTimeout(r, 1_500)); // timers fire on the server while no worker runs
    await stack.startWorker();
    await expect.poll(async () => (await readProject(stack, pm, id)).escalations.map((e: { kind: string }) => e.kind), { timeout: 20_000, interval: 500 }).toContain('funding');
    const waiting = await readProject(stack, pm, id);
    expect(kinds(waiting)).toContain('REMINDER:funding');
    expect(kinds(waiting)).toContain('ESCALATION:funding');
    expect(waiting.stage).toBe('AWAITING_FUNDING');

    await must(stack, pm, 'pledge', id, { donor: 'Invented donor (demo)', amount: '150000', currency: 'USD', kind: 'CASH', earmarkPriorityArea: 'PA-B' });
    const descoped = await must(stack, pm, 'descopeBudget', id, { amount: '150000', reason: 'Mentor placement only; the unit set-up is deferred' });
    expect(descoped).toMatchObject({ budget: { amount: '150000.00', currency: 'USD' }, fundingGap: '0.00' });
    const delivering = await must(stack, pm, 'startDelivery', id, { note: 'Mentor attached to the Office of the Attorney General (004 para 35)' });
    expect(delivering).toMatchObject({ stage: 'IN_DELIVERY', iatiActivityStatus: 2 });
  });
});

describe('information requests', () => {
  it('reminds the State and escalates a lapsed request to the manager, staying AWAITING_INFORMATION', async () => {
    const fp = await caller(stack, { subject: 'fp-PRY', role: 'STATE_FOCAL_POINT', stateCode: 'PRY' });
    const { id } = await fileAs(stack, fp, {
      state: 'PRY', title: 'Witness protection', idempotencyKey: freshKey('pry'),
      needs: [{ priorityArea: 'PA-B', priorityActivity: '(g)', instrument: 'UNTOC', formsOfAssistance: ['LEG_DRAFTING'], urgency: 'MEDIUM', description: 'Witness protection (001 para 26).' }],
    });
    await must(stack, pm, 'startAssessment', id);
    await must(stack, pm, 'requestInformation', id, { question: 'Is a witness-protection bill before Congress?' });
    await expect.poll(async () => kinds(await readProject(stack, pm, id)), { timeout: 15_000, interval: 500 }).toEqual(['REMINDER:informationRequest', 'ESCALATION:informationRequest']);
    const lapsed = await readProject(stack, pm, id);
    expect(lapsed.stage).toBe('AWAITING_INFORMATION');
    expect(lapsed.escalations).toEqual([{ kind: 'informationRequest', message: expect.stringMatching(/lapsed without an answer/) }]);
    // A late answer still returns it to assessment.
    expect((await must(stack, fp, 'provideInformation', id, { answer: 'Yes, since 2012.' })).stage).toBe('UNDER_ASSESSMENT');
  });
});

describe('suspension', () => {
  it('pauses the progress-report reminder while suspended and keeps the history', async () => {
    const { id } = await projectEndorsed(stack, pm, 'GNB', 'Rule of law and drug trafficking (000 para 16)', 10000);
    await must(stack, pm, 'seekFunding', id);
    await must(stack, pm, 'pledge', id, { donor: 'Invented donor (demo)', amount: '10000', currency: 'USD', kind: 'CASH' });
    await must(stack, pm, 'startDelivery', id);
    const suspended = await must(stack, pm, 'suspend', id, { reason: 'Political events: work temporarily stopped (004 para 25(c))' });
    expect(suspended).toMatchObject({ stage: 'SUSPENDED', iatiActivityStatus: 6 });
    await new Promise((r) => setTimeout(r, 3_000)); // longer than the 2 s report interval
    expect(kinds(await readProject(stack, pm, id))).toEqual([]);
    await must(stack, pm, 'resume', id);
    await expect.poll(async () => kinds(await readProject(stack, pm, id)), { timeout: 15_000, interval: 500 }).toContain('REMINDER:progressReport');
    const resumed = await readProject(stack, pm, id);
    expect(resumed.history.filter((h: { kind: string }) => h.kind === 'TRANSITION').map((h: { toStage: string }) => h.toStage)).toEqual([
      'UNDER_ASSESSMENT', 'PLANNING', 'AWAITING_FUNDING', 'IN_DELIVERY', 'SUSPENDED', 'IN_DELIVERY',
    ]);
  });
});

describe('evaluation deadline', () => {
  it('reminds the evaluator from the evaluation child workflow and escalates a late assessment', async () => {
    const { id } = await projectEndorsed(stack, pm, 'SYC', 'Piracy prosecution support (004 para 16)', 5000);
    await must(stack, pm, 'seekFunding', id);
    await must(stack, pm, 'pledge', id, { donor: 'Invented donor (demo)', amount: '5000', currency: 'USD', kind: 'CASH' });
    await must(stack, pm, 'startDelivery', id);
    const late = await rosterEvaluator(stack, 'A late evaluator');
    await must(stack, pm, 'startEvaluation', id, { evaluator: late.actor.subject });
    await expect.poll(async () => (await readProject(stack, pm, id)).escalations.map((e: { kind: string }) => e.kind), { timeout: 15_000, interval: 500 }).toContain('evaluation');
    const child = await stack.client.workflow.getHandle(`${id}/evaluation`).describe();
    expect(child.status.name).toBe('RUNNING');
    expect(kinds(await readProject(stack, pm, id))).toEqual(expect.arrayContaining(['REMINDER:evaluation', 'ESCALATION:evaluation']));
  });
});
