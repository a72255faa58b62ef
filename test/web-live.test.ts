// The live project page in a real browser (Debian's Chromium via playwright-core) on the real stack: the
// page is open, someone else changes the project through the API, and the page shows the new stage, the
// new timeline line and the new actions without a reload. The actions come from Project.availableActions:
// "Seek funding" stays disabled, with R1's reason, until the plan is endorsed.
import { describe, expect, it } from 'vitest';
import { caller, fileAs, must } from './support/actions.js';
import { screenshot, seriousViolations } from './support/browser.js';
import { gabonReportingRequest } from './support/requests.js';
import { DEMO_MANAGER, demoFocalPoint, useWebStack } from './support/web-stack.js';

const web = useWebStack();

const GAB = demoFocalPoint('GAB');
const PLAN = {
  objectives: ['Reports submitted on time'], outputs: [],
  outcomes: [{ title: 'Gabon answers the review questionnaires', indicators: [{ name: 'questionnaires answered', unit: 'questionnaires', baseline: 0, target: 2 }] }],
  formsOfAssistance: ['REPORTING_SUPPORT'], modality: 'NATIONAL', budget: { amount: '80000', currency: 'USD' },
};

describe('the live project page', () => {
  it("shows a stage change made elsewhere without a reload, and the actions' reasons from the API", async () => {
    const manager = await caller(web.stack, DEMO_MANAGER);
    const gabon = await caller(web.stack, GAB);
    const request = gabonReportingRequest();
    request.title = `Reporting help, live ${Date.now()}`;
    const { id } = await fileAs(web.stack, gabon, request);

    const page = await web.browser.newPage();
    await web.signIn(page, 'programme-manager');
    await page.goto(`${web.base}/projects/${encodeURIComponent(id)}`);
    await page.getByRole('heading', { name: request.title }).waitFor();
    await page.getByText('Submitted', { exact: true }).first().waitFor();
    const navigations: string[] = [];
    page.on('framenavigated', (frame) => {
      if (frame === page.mainFrame()) navigations.push(frame.url());
    });

    // Another manager (here: over the API) starts the assessment: the open page follows, no reload.
    await must(web.stack, manager, 'startAssessment', id);
    await page.getByText('Under assessment', { exact: true }).first().waitFor({ timeout: 20_000 });
    // The stage shows from one request and the actions from another asked after it: wait for the actions too
    // (Start planning was there before, disabled for the stage).
    await page.getByRole('button', { name: 'Start planning' }).waitFor();
    await page.locator('button[data-action="startPlanning"]:not([aria-disabled])').waitFor({ timeout: 20_000 });
    await screenshot(page, 'live-01-assessment-started-elsewhere');

    await must(web.stack, manager, 'startPlanning', id);
    await must(web.stack, manager, 'setPlan', id, PLAN);
    // R1: the plan is not endorsed, so "Seek funding" is disabled and says why (it was enabled before).
    await page.getByText('the plan is not endorsed by the focal point of GAB (R1)').waitFor({ timeout: 20_000 });
    expect(await page.locator('button[data-action="seekFunding"]').getAttribute('aria-disabled')).toBe('true');
    await page.getByText('Planning', { exact: true }).first().waitFor();
    await page.getByText('Gabon answers the review questionnaires').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'live-02-seek-funding-waits-for-endorsement');

    // The focal point endorses in its own session; the manager's page enables "Seek funding".
    await must(web.stack, gabon, 'endorsePlan', id);
    await page.locator('button[data-action="seekFunding"]:not([aria-disabled])').waitFor({ timeout: 20_000 });
    await page.getByText(/GAB/).first().waitFor();
    expect(navigations).toEqual([]);
    await page.close();
  }, 240_000);
});
