// The programme manager's remaining journeys in a real browser (Debian's Chromium via playwright-core)
// on the real stack: Temporal dev server, PostgreSQL, a worker and the API serving the built app.
// One test per journey group; axe-core runs on every page visited and each key page is saved as a
// screenshot under test-output/web/ (not committed). What the user saw is then read back over the API.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { caller, dacRatings, fileAs, must, readProject } from './support/actions.js';
import { screenshot, visited } from './support/browser.js';
import { KENYA_WITNESS_PROTECTION_PLAN } from './support/requests.js';
import { DEMO_MANAGER, demoFocalPoint, useWebStack } from './support/web-stack.js';

const web = useWebStack({ demoRoster: true });

const KEN = demoFocalPoint('KEN');

function kenyaRequest(title: string, description: string, activity = '(g)') {
  return {
    state: 'KEN',
    title,
    idempotencyKey: `web-mgr-${randomUUID()}`,
    needs: [{ priorityArea: 'PA-B', priorityActivity: activity, instrument: 'UNTOC', formsOfAssistance: ['MENTORING'], urgency: 'HIGH' as const, description }],
  };
}

describe('the programme manager in the browser', () => {
  it('delivery & close: records a mission, merges a request, descopes, delivers, suspends and resumes, chooses an independent evaluator, closes with an adopted recommendation, cancels one request and declines another', async () => {
    const stamp = Date.now();
    const kenya = await caller(web.stack, KEN);
    const manager = await caller(web.stack, DEMO_MANAGER);
    const main = await fileAs(web.stack, kenya, kenyaRequest(`Witness protection ${stamp}`, 'Establish a national witness-protection programme (001 para 26).'));
    const duplicate = await fileAs(web.stack, kenya, kenyaRequest(`Witness relocation ${stamp}`, 'Relocation of protected witnesses across borders (001 para 26).', '(h)'));
    const doomed = await fileAs(web.stack, kenya, kenyaRequest(`Withdrawn request ${stamp}`, 'A request the State withdrew by letter.'));
    const outOfScope = await fileAs(web.stack, kenya, kenyaRequest(`Out of scope ${stamp}`, 'Equipment for the national police headquarters.'));
    for (const id of [main.id, duplicate.id, outOfScope.id]) await must(web.stack, manager, 'startAssessment', id);

    const page = await web.browser.newPage();
    await web.signIn(page, 'programme-manager');
    await page.getByRole('heading', { name: 'What waits on you' }).waitFor();

    // The duplicate request: a mission with partner agencies is recorded, then it is merged into the main one.
    await page.goto(`${web.base}/projects/${encodeURIComponent(duplicate.id)}`);
    await page.getByRole('heading', { name: `Witness relocation ${stamp}` }).waitFor();
    const mission = page.getByRole('form', { name: 'Record an assessment' });
    await mission.getByLabel('Kind of assessment').selectOption('TECHNICAL_MISSION');
    await mission.getByLabel('Start date').fill('2027-02-01');
    await mission.getByLabel('End date').fill('2027-01-20');
    await mission.getByLabel('UNDP', { exact: true }).check();
    await mission.getByLabel('OHCHR', { exact: true }).check();
    await mission.getByLabel('Findings').fill('The witness-protection unit exists on paper; relocation needs a regional agreement.');
    // The end before the start: the API's refusal is shown at the field, and nothing is recorded.
    await mission.getByRole('button', { name: 'Record an assessment' }).click();
    await mission.getByText('Please correct the fields marked below.').waitFor();
    await expect.poll(() => mission.getByLabel('End date').getAttribute('aria-invalid')).toBe('true');
    await visited(page, 'pm-merge-01-assessment-error');
    await mission.getByLabel('End date').fill('2027-02-05');
    await mission.getByRole('button', { name: 'Record an assessment' }).click();
    await page.getByText('Done: Record an assessment.').waitFor();
    await page.getByText(/Technical mission, .* with UNDP, OHCHR: The witness-protection unit exists on paper/).waitFor();

    const merge = page.getByRole('form', { name: 'Merge' });
    await merge.getByLabel('Merge into project').selectOption(main.id);
    await merge.getByLabel('Reason').fill('Same programme: relocation is one component of witness protection.');
    await merge.getByRole('button', { name: 'Merge' }).click();
    await page.getByText('Merged', { exact: true }).first().waitFor();
    await page.getByRole('link', { name: main.id }).waitFor();
    await visited(page, 'pm-merge-02-merged');

    // Funding: the plan and a partial pledge over the API, as the other people would.
    await must(web.stack, manager, 'startPlanning', main.id);
    await must(web.stack, manager, 'setPlan', main.id, KENYA_WITNESS_PROTECTION_PLAN);
    await must(web.stack, kenya, 'endorsePlan', main.id);
    await must(web.stack, manager, 'seekFunding', main.id);
    await must(web.stack, manager, 'pledge', main.id, { donor: 'Invented donor (demo)', amount: '50000', currency: 'USD', kind: 'CASH', earmarkPriorityArea: 'PA-B' });

    await page.goto(`${web.base}/projects/${encodeURIComponent(main.id)}`);
    await page.getByRole('heading', { name: `Witness protection ${stamp}` }).waitFor();
    await page.getByRole('cell', { name: 'Invented donor (demo)' }).waitFor();
    expect(await page.getByTestId('funding-gap').textContent()).toBe('$30,000.00');
    // Delivery cannot start while the gap is open, and the button says why.
    await page.getByText('Pledges do not cover the budget yet: descope the budget or wait for pledges.').waitFor();
    expect(await page.locator('button[data-action="startDelivery"]').getAttribute('aria-disabled')).toBe('true');
    await visited(page, 'pm-fund-01-gap');
    const descope = page.getByRole('form', { name: 'Descope the budget' });
    await descope.getByLabel('New budget (USD)').fill('50000');
    await descope.getByLabel('Reason').fill('Relocation is left to a regional project; the national part is funded.');
    await descope.getByRole('button', { name: 'Descope the budget' }).click();
    await page.getByText('Done: Descope the budget.').waitFor();
    await expect.poll(() => page.getByTestId('funding-gap').textContent()).toBe('$0.00');
    await page.getByRole('form', { name: 'Start delivery' }).getByRole('button', { name: 'Start delivery' }).click();
    await page.getByText('In delivery', { exact: true }).first().waitFor();

    const activity = page.getByRole('form', { name: 'Record an activity' });
    await activity.getByLabel('Activity').fill('Training of protection officers, Nairobi');
    await activity.getByLabel('Form of assistance').selectOption('MENTORING');
    await activity.getByLabel('Start date').fill('2027-03-01');
    await activity.getByLabel('End date').fill('2027-03-05');
    // Part of a person: named at the field before anything is sent.
    await activity.getByLabel('Participants').fill('2.5');
    await activity.getByRole('button', { name: 'Record an activity' }).click();
    await activity.getByText('A whole number is required here.').waitFor();
    expect(await activity.getByLabel('Participants').getAttribute('aria-invalid')).toBe('true');
    await activity.getByLabel('Participants').fill('18');
    await activity.getByRole('button', { name: 'Record an activity' }).click();
    await page.getByText(/Training of protection officers, Nairobi, .*: 18 participants/).waitFor();
    const progress = page.getByRole('form', { name: 'Report progress' });
    await progress.getByLabel('Period').fill('2027-Q1');
    await progress.getByLabel('Progress made').fill('Eighteen officers trained; the admission procedure is drafted.');
    await progress.getByRole('button', { name: 'Report progress' }).click();
    await page.getByText('Progress 2027-Q1: Eighteen officers trained; the admission procedure is drafted.').waitFor();
    const enactment = page.getByRole('form', { name: 'Record enactment' });
    await enactment.getByLabel('Law enacted').fill('Witness Protection (Amendment) Act (invented)');
    await enactment.getByLabel('Enacted on').fill('2027-04-10');
    await enactment.getByRole('button', { name: 'Record enactment' }).click();
    await page.getByText(/Witness Protection \(Amendment\) Act \(invented\) enacted on/).waitFor();
    await visited(page, 'pm-deliver-01-in-delivery');

    await page.getByRole('form', { name: 'Suspend' }).getByLabel('Why delivery is suspended').fill('Elections: the ministry asked for a pause.');
    await page.getByRole('form', { name: 'Suspend' }).getByRole('button', { name: 'Suspend' }).click();
    await page.getByText('Suspended', { exact: true }).first().waitFor();
    await page.getByRole('form', { name: 'Resume' }).getByLabel('Why delivery resumes (optional)').fill('The new ministry confirmed the programme.');
    await page.getByRole('form', { name: 'Resume' }).getByRole('button', { name: 'Resume' }).click();
    await page.getByText('In delivery', { exact: true }).first().waitFor();

    // The evaluator: independent candidates first; the Kenyan expert is shown with the rules it breaks, not choosable.
    const evaluation = page.getByRole('form', { name: 'Start the evaluation' });
    const kenyan = evaluation.getByRole('radio', { name: 'Grace Wanjiru Mwangi (invented)' });
    await kenyan.waitFor();
    expect(await kenyan.isDisabled()).toBe(true);
    await evaluation.getByText(/Not independent: national of a beneficiary State \(a national of KEN, a beneficiary State\); declared conflict/).waitFor();
    const radios = await evaluation.getByRole('radio').evaluateAll((els) => els.map((e) => [(e as HTMLInputElement).value, (e as HTMLInputElement).disabled]));
    const firstDisabled = radios.findIndex(([, disabled]) => disabled);
    expect(firstDisabled).toBeGreaterThan(0);
    expect(radios.slice(firstDisabled).every(([, disabled]) => disabled)).toBe(true); // independent first
    await evaluation.getByRole('radio', { name: 'Claire Dubois-Martin (invented) — independent' }).check();
    await visited(page, 'pm-eval-01-choose-evaluator');
    await evaluation.getByRole('button', { name: 'Start the evaluation' }).click();
    await page.getByText('Under evaluation', { exact: true }).first().waitFor();

    // The evaluator submits (over the API), with one recommendation the manager may adopt.
    const evaluator = await caller(web.stack, { subject: 'expert-demo-fra-reporting', role: 'EVALUATOR' });
    const merged = await readProject(web.stack, manager, main.id);
    await must(web.stack, evaluator, 'submitOutcomeAssessment', main.id, {
      criteria: dacRatings(5),
      indicatorValues: [{ indicator: 'officers trained', actual: 18 }, { indicator: 'protected witnesses', actual: 4 }],
      needVerdicts: merged.needs.map((n: { id: string }) => ({ needId: n.id, verdict: 'PARTLY_MET' })),
      narrative: 'Officers trained; the first witnesses were admitted; relocation is still missing.',
      recommendations: [{ description: `Regional relocation agreement for protected witnesses ${stamp}`, priorityArea: 'PA-B', priorityActivity: '(h)', instrument: 'UNTOC', formsOfAssistance: ['MENTORING'], urgency: 'HIGH' }],
    });
    await page.reload();
    const close = page.getByRole('form', { name: 'Close' });
    await close.getByLabel(`PA-B (h) KEN (High): Regional relocation agreement for protected witnesses ${stamp}`).check();
    await close.getByLabel('Note (optional)').fill('Relocation becomes a need of its own.');
    await visited(page, 'pm-close-01-adopt');
    await close.getByRole('button', { name: 'Close' }).click();
    await page.getByText('Closed', { exact: true }).first().waitFor();
    await visited(page, 'pm-close-02-closed');

    // Cancel another request, with its reason.
    await page.goto(`${web.base}/projects/${encodeURIComponent(doomed.id)}`);
    const cancel = page.getByRole('form', { name: 'Cancel' });
    await cancel.getByLabel('Why the project is cancelled').fill('The State withdrew the request by letter.');
    await cancel.getByRole('button', { name: 'Cancel' }).click();
    await page.getByText('Cancelled', { exact: true }).first().waitFor();
    await page.getByText(/Cancel on .*: The State withdrew the request by letter\./).waitFor();
    await visited(page, 'pm-cancel-01-cancelled');

    // Decline a request under assessment, with its reason.
    await page.goto(`${web.base}/projects/${encodeURIComponent(outOfScope.id)}`);
    const decline = page.getByRole('form', { name: 'Decline' });
    await decline.getByLabel('Reason').fill('Equipment alone is outside the mandate (000 para 46).');
    await decline.getByRole('button', { name: 'Decline' }).click();
    await page.getByText('Declined', { exact: true }).first().waitFor();
    await page.getByText(/Decline on .*: Equipment alone is outside the mandate/).waitFor();
    await visited(page, 'pm-decline-01-declined');

    // What the user saw is what the workflows recorded.
    const absorbed = await readProject(web.stack, manager, duplicate.id);
    expect(absorbed).toMatchObject({ stage: 'MERGED', mergedInto: main.id });
    expect(absorbed.assessments).toEqual([{ type: 'TECHNICAL_MISSION', startDate: '2027-02-01', endDate: '2027-02-05', partners: ['UNDP', 'OHCHR'], findings: 'The witness-protection unit exists on paper; relocation needs a regional agreement.', by: 'demo-programme-manager' }]);
    const closed = await readProject(web.stack, manager, main.id);
    expect(closed.stage).toBe('CLOSED');
    expect(closed.mergedFrom).toEqual([duplicate.id]);
    expect(closed.budget).toEqual({ amount: '50000.00', currency: 'USD' });
    expect(closed.fundingGap).toBe('0.00');
    expect(closed.activities).toEqual([{ title: 'Training of protection officers, Nairobi', participants: 18 }]);
    expect(closed.enactment).toEqual({ law: 'Witness Protection (Amendment) Act (invented)', enactedOn: '2027-04-10' });
    expect(closed.evaluator).toBe('expert-demo-fra-reporting');
    expect(closed.reasons.map((r: { action: string }) => r.action)).toEqual(['descopeBudget', 'suspend']);
    expect(closed.history.filter((h: { actor: { subject: string } }) => h.actor.subject === 'demo-programme-manager').map((h: { action: string }) => h.action)).toEqual([
      'startAssessment', 'absorbMergedProject', 'startPlanning', 'setPlan', 'seekFunding', 'pledge', 'descopeBudget', 'startDelivery', 'recordActivity', 'reportProgress', 'recordEnactment', 'suspend', 'resume', 'startEvaluation', 'close',
    ]);
    const pool = await web.stack.gql('{ needPool(filter: { state: "KEN" }, first: 100) { ... on QueryNeedPoolSuccess { data { edges { node { description source } } } } } }', {}, manager.token);
    expect(pool.body.data.needPool.data.edges.map((e: { node: unknown }) => e.node)).toContainEqual({ description: `Regional relocation agreement for protected witnesses ${stamp}`, source: 'EVALUATION_FOLLOW_UP' });
    expect((await readProject(web.stack, manager, doomed.id)).stage).toBe('CANCELLED');
    expect(await readProject(web.stack, manager, outOfScope.id)).toMatchObject({ stage: 'DECLINED', reasons: [{ action: 'decline', reason: 'Equipment alone is outside the mandate (000 para 46).' }] });
    await page.close();
  }, 300_000);

  it('matching & invitations: ranks the roster with score parts and named exclusions, proposes a team beside the greedy one, invites for a slot and follows the invitation', async () => {
    const stamp = Date.now();
    const kenya = await caller(web.stack, KEN);
    const manager = await caller(web.stack, DEMO_MANAGER);
    const project = await fileAs(web.stack, kenya, kenyaRequest(`Witness protection matching ${stamp}`, 'Establish a national witness-protection programme (001 para 26).'));

    const page = await web.browser.newPage();
    await web.signIn(page, 'programme-manager');
    await page.getByRole('heading', { name: 'What waits on you' }).waitFor();
    await page.goto(`${web.base}/projects/${encodeURIComponent(project.id)}`);
    await page.getByRole('link', { name: 'Match experts to this project’s needs' }).click();
    await page.getByRole('heading', { name: `Expert matching: Witness protection matching ${stamp}` }).waitFor();
    await page.getByRole('heading', { name: 'Need 1: PA-B (g) (KEN)' }).waitFor();
    // Each candidate's score as its stacked parts, drawn and said in words; exclusions named with their rule.
    const first = page.locator('table.candidates tbody tr').first();
    await first.getByRole('img', { name: /^Score parts of .+: Field of expertise [\d.,-]+, / }).waitFor();
    await first.locator('figure.chart svg').waitFor();
    await page.getByText(/Grace Wanjiru Mwangi \(invented\): Conflict of interest \(.*KEN/).waitFor();
    const best = (await first.getAttribute('data-expert'))!;
    const bestName = (await first.locator('strong').textContent())!;

    await page.getByRole('button', { name: 'Propose a team' }).click();
    await page.getByRole('table', { name: /^Optimal team: total score/ }).waitFor();
    await page.getByRole('table', { name: /^Greedy choice: total score/ }).waitFor();
    await visited(page, 'pm-match-01-ranked-and-team');

    const invite = page.getByRole('form', { name: 'Invite experts for Need 1: PA-B (g) (KEN)' });
    await invite.getByLabel('Slot').fill(`lead mentor ${stamp}`);
    // Nobody chosen: the API's refusal names the candidates field.
    await invite.getByRole('button', { name: 'Send the invitations' }).click();
    await invite.getByText('Please correct the fields marked below.').waitFor();
    // By keyboard alone: Space ticks the best candidate, Enter in a field sends the form.
    await invite.getByLabel(`1. ${bestName}`).focus();
    await page.keyboard.press('Space');
    expect(await invite.getByLabel(`1. ${bestName}`).isChecked()).toBe(true);
    await invite.getByLabel('Slot').focus();
    await page.keyboard.press('Enter');
    await invite.getByText(`Invitation chain started for slot lead mentor ${stamp}.`).waitFor();
    const card = page.locator('li.invitation', { has: page.getByRole('heading', { name: `Slot lead mentor ${stamp}` }) });
    await card.getByText('Waiting for an answer').waitFor();
    await card.getByText(`${bestName} invited`, { exact: false }).waitFor();
    await visited(page, 'pm-match-02-invited');

    // The expert accepts (over the API, as the expert would): the page follows the chain without a reload.
    const invitationId = (await card.getAttribute('data-invitation'))!;
    const answered = await web.stack.gql('mutation($id: ID!) { answerInvitation(input: { invitationId: $id, accept: true }) { __typename ... on Invitation { status } ... on Error { message } } }', { id: invitationId }, await web.stack.token({ subject: best, role: 'EXPERT' }));
    expect(answered.body.data.answerInvitation, JSON.stringify(answered.body)).toEqual({ __typename: 'Invitation', status: 'ACCEPTED' });
    await card.getByText('Accepted', { exact: true }).waitFor({ timeout: 15_000 });
    await card.getByText(`${bestName} accepted`, { exact: false }).waitFor();
    await visited(page, 'pm-match-03-accepted');

    const read = await web.stack.gql('query($id: ID!) { invitation(id: $id) { ... on Invitation { status expertId slot candidates events { kind expertId } } } }', { id: invitationId }, manager.token);
    expect(read.body.data.invitation).toEqual({
      status: 'ACCEPTED', expertId: best, slot: `lead mentor ${stamp}`, candidates: [best],
      events: [{ kind: 'INVITED', expertId: best }, { kind: 'ACCEPTED', expertId: best }],
    });
    await page.close();
  }, 240_000);

  it('pool & import, in French: imports a CSV with its row errors shown, and keeps presumed needs apart from the ranked pool', async () => {
    const stamp = Date.now();
    const manager = await caller(web.stack, DEMO_MANAGER);
    const page = await web.browser.newPage();
    await web.signIn(page, 'programme-manager', 'fr');
    await page.getByRole('link', { name: 'Réserve de besoins' }).click();
    await page.getByRole('link', { name: 'Importer des besoins depuis un fichier' }).click();
    await page.getByRole('heading', { name: 'Importer des besoins depuis les réponses aux questionnaires et listes de contrôle' }).waitFor();

    const description = `Former les agents au questionnaire ${stamp}`;
    const csv = [
      'state,priorityArea,priorityActivity,instrument,article,formsOfAssistance,urgency,description,stateRank',
      `TCD,PA-A,(d),UNTOC,32,REPORTING_SUPPORT,MEDIUM,${description},`,
      `XXX,PA-A,(d),UNTOC,32,REPORTING_SUPPORT,MEDIUM,Un État inconnu ${stamp},`,
      `GAB,PA-A,(d),UNTOC,32,REPORTING_SUPPORT,SOMETIMES,Urgence inconnue ${stamp},`,
    ].join('\n');
    await page.getByLabel('Fichier').setInputFiles({ name: 'reponses.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
    await page.getByLabel('Source').selectOption('QUESTIONNAIRE_RESPONSE');
    await page.getByLabel('Cycle de rapport').fill(`test-${stamp}`);
    await visited(page, 'pm-import-01-form');
    await page.getByRole('button', { name: 'Importer', exact: true }).click();

    await page.getByText(/^Terminé : 1 besoin importé, 0 déjà présents, 2 lignes en erreur sur 3 lignes\.$/).waitFor({ timeout: 30_000 });
    const errors = page.getByRole('table', { name: '2 lignes non importées' });
    const rows = await errors.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].slice(0, 2).map((td) => td.textContent)));
    expect(rows).toEqual([['3', 'state'], ['4', 'urgency']]);
    await errors.getByRole('cell', { name: /XXX/ }).waitFor();
    await visited(page, 'pm-import-02-row-errors');
    // The import's address is kept: a reload follows the same import.
    await page.reload();
    await page.getByRole('table', { name: '2 lignes non importées' }).waitFor();

    // A re-prioritisation run (over the API) presumes a need of every party that never reported (R8).
    const run = await web.stack.gql('mutation { reprioritiseNow { __typename ... on PrioritySnapshot { id } ... on Error { message } } }', {}, manager.token);
    expect(run.body.data.reprioritiseNow.__typename, JSON.stringify(run.body)).toBe('PrioritySnapshot');

    await page.getByRole('link', { name: 'Retour à la réserve de besoins' }).click();
    await page.getByRole('heading', { name: 'Besoins présumés en attente de confirmation' }).waitFor();
    // Chad's imported need is ranked with its priority's parts as stacked bars.
    await page.getByLabel('État', { exact: true }).selectOption('TCD');
    await page.getByText(description).waitFor();
    await page.locator('figure.chart svg').first().waitFor();
    await visited(page, 'pm-pool-01-imported-need-ranked');
    // Palau never reported: its presumed need is listed apart, awaiting Palau, and not ranked.
    await page.getByLabel('État', { exact: true }).selectOption('PLW');
    const presumed = page.getByRole('table', { name: '1 besoin présumé' });
    await presumed.getByRole('cell', { name: 'Attend la confirmation de PLW' }).waitFor();
    await page.getByText('0 besoin ouvert', { exact: false }).waitFor();
    await visited(page, 'pm-pool-02-presumed-apart');

    const pool = await web.stack.gql('{ needPool(filter: { state: "TCD" }, first: 100) { ... on QueryNeedPoolSuccess { data { edges { node { description source } } } } } }', {}, manager.token);
    expect(pool.body.data.needPool.data.edges.map((e: { node: unknown }) => e.node)).toContainEqual({ description, source: 'QUESTIONNAIRE_RESPONSE' });
    const apart = await web.stack.gql('{ presumedNeeds(state: "PLW") { ... on QueryPresumedNeedsSuccess { data { edges { node { id confirmedAt } } } } } }', {}, manager.token);
    expect(apart.body.data.presumedNeeds.data.edges.map((e: { node: unknown }) => e.node)).toEqual([{ id: 'presumed:PLW', confirmedAt: null }]);
    await page.close();
  }, 240_000);
});
