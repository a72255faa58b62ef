// The rules of issue 15 in the web app, in a real browser (Debian's Chromium via playwright-core) on the
// real stack: the manager starts the evaluation with the proposed panel, sees the rule warnings and is
// refused a visit until the State consents; the focal point consents; the evaluator names outcome types
// per need verdict; the Conference administrator sets weights by instrument under a dated decision.
// axe-core runs on every page visited; what the user saw is then read back over the API.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { caller, fileAs, must } from './support/actions.js';
import { visited } from './support/browser.js';
import { KENYA_WITNESS_PROTECTION_PLAN } from './support/requests.js';
import { DEMO_MANAGER, demoFocalPoint, useWebStack } from './support/web-stack.js';

const web = useWebStack({ demoRoster: true });

const KEN = demoFocalPoint('KEN');

describe('the rules of issue 15 in the browser', () => {
  it('panel, rule warnings, visit refused until the State consents, consent, outcome types per verdict', async () => {
    const stamp = Date.now();
    const kenya = await caller(web.stack, KEN);
    const manager = await caller(web.stack, DEMO_MANAGER);
    const project = await fileAs(web.stack, kenya, {
      state: 'KEN',
      title: `Witness protection ${stamp}`,
      idempotencyKey: `web-rules-${randomUUID()}`,
      needs: [{ priorityArea: 'PA-B', priorityActivity: '(g)', instrument: 'UNTOC', formsOfAssistance: ['MENTORING'], urgency: 'HIGH' as const, description: 'Establish a national witness-protection programme (001 para 26).' }],
    });
    await must(web.stack, manager, 'startAssessment', project.id);
    await must(web.stack, manager, 'startPlanning', project.id);
    await must(web.stack, manager, 'setPlan', project.id, KENYA_WITNESS_PROTECTION_PLAN);
    await must(web.stack, kenya, 'endorsePlan', project.id);
    await must(web.stack, manager, 'seekFunding', project.id);
    await must(web.stack, manager, 'pledge', project.id, { donor: 'Invented donor (demo)', amount: '80000', currency: 'USD', kind: 'CASH' });
    await must(web.stack, manager, 'startDelivery', project.id);
    await must(web.stack, manager, 'recordEnactment', project.id, { law: 'Witness Protection Act (invented)', enactedOn: '2027-04-10' });

    // 1. The manager: the proposed panel with the reason for each pick, the lead and members chosen.
    const page = await web.browser.newPage();
    await web.signIn(page, 'programme-manager');
    await page.goto(`${web.base}/projects/${encodeURIComponent(project.id)}`);
    await page.getByRole('heading', { name: `Witness protection ${stamp}` }).waitFor();
    await page.getByRole('heading', { name: 'Rules of the programme' }).waitFor();
    await page.getByRole('heading', { name: 'Rule warnings' }).waitFor();
    const evaluation = page.getByRole('form', { name: 'Start the evaluation' });
    const proposal = evaluation.getByTestId('panel-proposal');
    await proposal.getByRole('listitem').first().waitFor();
    // Each pick says whom it serves and why.
    expect(await proposal.getByRole('listitem').first().textContent()).toMatch(/peer .*KEN.*: .+/);
    await evaluation.getByRole('radio', { name: 'Claire Dubois-Martin (invented) — independent' }).check();
    // The proposal's other members are chosen by default; the manager may change them.
    const members = await evaluation.getByRole('group', { name: 'Other members of the panel' }).getByRole('checkbox', { checked: true }).evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
    await visited(page, 'rules-01-panel');
    await evaluation.getByRole('button', { name: 'Start the evaluation' }).click();
    await page.getByText('Under evaluation', { exact: true }).first().waitFor();

    // A visit before Kenya consented: refused with the rule, nothing recorded.
    const visit = page.getByRole('form', { name: 'Record an evaluation visit' });
    await visit.getByLabel('Start date').fill('2027-06-01');
    await visit.getByLabel('End date').fill('2027-06-03');
    await visit.getByLabel('Purpose of the visit').fill('Interviews with the witness-protection unit');
    await visit.getByRole('button', { name: 'Record an evaluation visit' }).click();
    await visit.getByText(/VISIT_BY_CONSENT/).waitFor();
    await page.getByText('No beneficiary State has consented to visits yet.').waitFor();
    await visited(page, 'rules-02-visit-refused');

    // 2. Kenya's focal point consents, with a note.
    const fp = await web.browser.newPage();
    await web.signIn(fp, 'focal-point-KEN');
    await fp.goto(`${web.base}/projects/${encodeURIComponent(project.id)}`);
    const consent = fp.getByRole('form', { name: 'Consent to evaluation visits' });
    await consent.getByLabel('Conditions or contacts for the visit (optional)').fill('Contact the Ministry of Justice a week ahead.');
    await consent.getByRole('button', { name: 'Consent to evaluation visits' }).click();
    await fp.getByTestId('visit-consents').getByText(/KEN consented on .*Contact the Ministry of Justice a week ahead\./).waitFor();
    await visited(fp, 'rules-03-consented');

    // The visit is now recorded.
    await page.reload();
    await page.getByTestId('visit-consents').getByText(/KEN consented on/).waitFor();
    const again = page.getByRole('form', { name: 'Record an evaluation visit' });
    await again.getByLabel('Start date').fill('2027-06-01');
    await again.getByLabel('End date').fill('2027-06-03');
    await again.getByLabel('Purpose of the visit').fill('Interviews with the witness-protection unit');
    await again.getByRole('button', { name: 'Record an evaluation visit' }).click();
    await page.getByTestId('evaluation-visits').getByText(/KEN, .*: Interviews with the witness-protection unit/).waitFor();

    // 3. The evaluator: outcome types per verdict, none offered for an unmet need.
    const ev = await web.browser.newPage();
    await web.signIn(ev, 'evaluator');
    await ev.goto(`${web.base}/projects/${encodeURIComponent(project.id)}/assessment`);
    await ev.getByRole('heading', { name: `Outcome assessment: Witness protection ${stamp}` }).waitFor();
    for (const select of await ev.getByLabel(/^Rating: /).all()) await select.selectOption('5');
    for (const box of await ev.getByLabel(/^Rationale: /).all()) await box.fill('Observed during the visit.');
    await ev.getByLabel(/Actual value of “officers trained”/).fill('18');
    await ev.getByLabel(/Actual value of “protected witnesses”/).fill('4');
    const verdict = ev.getByLabel(/^Verdict on need 1/);
    await verdict.selectOption('UNMET');
    await ev.getByText('An unmet need has no outcome.').waitFor();
    expect(await ev.getByRole('group', { name: 'Types of outcome reached by need 1' }).count()).toBe(0);
    await verdict.selectOption('PARTLY_MET');
    const types = ev.getByRole('group', { name: 'Types of outcome reached by need 1' });
    await types.getByLabel('Legislation adopted or in force').check();
    await types.getByLabel('Officials trained').check();
    await ev.getByLabel('Narrative').fill('Officers trained; the law is in force; few witnesses admitted yet.');
    await visited(ev, 'rules-04-outcome-types');
    await ev.getByRole('button', { name: 'Submit the outcome assessment' }).click();
    await ev.waitForURL(`${web.base}/projects/${encodeURIComponent(project.id)}`);

    // What the users saw is what was recorded.
    const read = await web.stack.gql(
      `query($id: ID!) { project(id: $id) { ... on Project { stage evaluator panel visitConsents { state note } evaluationVisits { state startDate endDate purpose } outcomeAssessment { needVerdicts { verdict outcomeTypes } } } } }`,
      { id: project.id },
      await web.stack.token(DEMO_MANAGER),
    );
    const p = read.body.data.project;
    expect(p.evaluator).toBe('expert-demo-fra-reporting');
    // The lead first, then the members ticked (in the roster's order, not necessarily the page's).
    expect(p.panel[0]).toBe('expert-demo-fra-reporting');
    expect([...p.panel.slice(1)].sort()).toEqual([...members].sort());
    expect(p.visitConsents).toEqual([{ state: 'KEN', note: 'Contact the Ministry of Justice a week ahead.' }]);
    expect(p.evaluationVisits).toEqual([{ state: 'KEN', startDate: '2027-06-01', endDate: '2027-06-03', purpose: 'Interviews with the witness-protection unit' }]);
    expect(p.outcomeAssessment.needVerdicts).toEqual([{ verdict: 'PARTLY_MET', outcomeTypes: ['LAW_ADOPTED', 'OFFICIALS_TRAINED'] }]);
  });

  it('4. the Conference administrator sets weights by instrument under a dated decision', async () => {
    const page = await web.browser.newPage();
    await web.signIn(page, 'conference-admin');
    await page.getByRole('link', { name: 'Priority weights' }).click();
    await page.getByRole('heading', { name: 'What these weights would change' }).waitFor();
    const decision = `decision 15/${Date.now() % 1000}`;
    await page.getByLabel('Decision', { exact: true }).fill(decision);
    await page.getByLabel('Decided on').fill('2026-10-20');
    for (const area of ['PA-A', 'PA-B', 'PA-C', 'PA-D', 'PA-E']) await page.getByLabel(`Weight of ${area}`).fill('1');
    await page.getByLabel('Weight of TIP (optional)').fill('2');
    await visited(page, 'rules-05-weights');
    await page.getByRole('button', { name: 'Set these weights' }).click();
    await page.getByText(`Weights set under decision ${decision}.`).waitFor();
    await page.getByRole('row', { name: new RegExp(decision.replace('/', '\\/')) }).getByText('TIP 2').waitFor();
    const read = await web.stack.gql('{ priorityWeights { decision decidedOn inForce instrumentWeights { instrument weight } } }', {}, await web.stack.token(DEMO_MANAGER));
    const set = read.body.data.priorityWeights.find((s: { decision: string }) => s.decision === decision);
    expect(set).toMatchObject({ decidedOn: '2026-10-20', instrumentWeights: [{ instrument: 'TIP', weight: 2 }] });
  });
});
