// The web app in a real browser (Debian's Chromium via playwright-core) on the real stack: Temporal
// dev server, PostgreSQL, a worker and the API serving the built app. One test per journey; axe-core
// runs on every page visited and each key page is saved as a screenshot.
import { describe, expect, it } from 'vitest';
import { seedDemoRoster } from '../scripts/demo-roster.js';
import { caller, fileAs, must, readProject } from './support/actions.js';
import { screenshot, visited } from './support/browser.js';
import { GABON_REPORTING_PLAN, gabonReportingRequest, hondurasImpunityRequest } from './support/requests.js';
import { DEMO_MANAGER, demoFocalPoint, useWebStack } from './support/web-stack.js';

const web = useWebStack();

const GAB = demoFocalPoint('GAB');
const HND = demoFocalPoint('HND');

describe('web app', () => {
  it('journey 1: a State focal point, in French, files a request, follows it, answers an information request and endorses the plan', async () => {
    const page = await web.browser.newPage();
    await page.goto(`${web.base}/`);
    await page.getByLabel('Language').selectOption('fr');
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('fr');
    await page.getByRole('heading', { name: 'Connexion' }).waitFor();
    expect(await page.getByText('Identités de démonstration').isVisible()).toBe(true);
    await visited(page, 'fp-01-sign-in-fr');

    await page.locator('button[data-identity="focal-point-GAB"]').click();
    await page.getByRole('heading', { name: 'Mes projets' }).waitFor();
    await visited(page, 'fp-02-my-projects-empty');

    await page.getByRole('link', { name: 'Déposer une demande' }).click();
    await page.getByRole('heading', { name: 'Déposer une demande d’assistance' }).waitFor();
    const title = `Aide à l’établissement des rapports ${Date.now()}`;
    await page.getByLabel('Titre de la demande').fill(title);
    await page.getByLabel('Domaine prioritaire').selectOption('PA-A');
    await page.getByLabel('Activité prioritaire').selectOption('(d)');
    await page.getByLabel('Instrument').selectOption('UNTOC');
    await page.getByLabel('Article (facultatif)').fill('32');
    await page.locator('input[type=checkbox][value="REPORTING_SUPPORT"]').check();
    await page.getByLabel('Urgence').selectOption('MEDIUM');
    // Filed without a description: the API's error is shown at that field, and nothing is filed.
    await page.getByRole('button', { name: 'Déposer la demande' }).click();
    await page.getByText('Veuillez corriger les champs signalés ci-dessous.').waitFor();
    const description = page.getByLabel('Description du besoin');
    await expect.poll(() => description.getAttribute('aria-invalid')).toBe('true');
    await visited(page, 'fp-03-request-form-error');
    await description.fill('Former les agents qui répondent au questionnaire et à la liste de contrôle pour l’auto-évaluation.');
    await page.getByRole('button', { name: 'Déposer la demande' }).click();

    await page.getByRole('heading', { name: title }).waitFor();
    await page.getByText('Déposé', { exact: true }).first().waitFor();
    await visited(page, 'fp-04-project-submitted');
    const projectId = decodeURIComponent(new URL(page.url()).pathname.split('/')[2]!);

    await page.getByRole('link', { name: 'Mes projets' }).click();
    await page.getByRole('link', { name: title }).waitFor();
    await visited(page, 'fp-05-my-projects');

    // The manager starts the assessment and asks a question (over the API, as another user would).
    const manager = await caller(web.stack, DEMO_MANAGER);
    await must(web.stack, manager, 'startAssessment', projectId);
    await must(web.stack, manager, 'requestInformation', projectId, { question: 'Quels services préparent aujourd’hui les rapports ?' });

    await page.getByRole('link', { name: title }).click();
    await page.getByText('Quels services préparent aujourd’hui les rapports ?').waitFor();
    await page.getByText('En attente d’informations', { exact: true }).first().waitFor();
    // Endorsing is not possible yet, and the button says why (from the workflow's transition table).
    await page.getByText('Possible à l’étape Planification ; le projet est à l’étape En attente d’informations.').waitFor();
    expect(await page.locator('button[data-action="endorsePlan"]').getAttribute('aria-disabled')).toBe('true');
    await visited(page, 'fp-06-information-requested');
    await page.getByLabel('Votre réponse').fill('Le ministère de la Justice, avec un point focal par service.');
    await page.getByRole('button', { name: 'Répondre à la demande d’informations' }).click();
    await page.getByText('Fait : Répondre à la demande d’informations.').waitFor();
    await page.getByText('En cours d’évaluation des besoins', { exact: true }).first().waitFor();

    await must(web.stack, manager, 'startPlanning', projectId);
    await must(web.stack, manager, 'setPlan', projectId, GABON_REPORTING_PLAN);
    await page.reload();
    await page.getByText('Officials trained on the self-assessment checklist').waitFor();
    await page.getByLabel('Commentaire (facultatif)').fill('Approuvé par le point focal du Gabon.');
    await page.getByRole('button', { name: 'Approuver le plan' }).click();
    await page.getByText(/GAB a approuvé le/).waitFor();
    await page.getByText('Votre État a approuvé ce plan.').waitFor();
    await page.locator('figure.chart svg').waitFor();
    await visited(page, 'fp-07-plan-endorsed');

    // What the user saw is what the workflow recorded.
    const project = await readProject(web.stack, manager, projectId);
    expect(project.informationRequests[0].answer).toBe('Le ministère de la Justice, avec un point focal par service.');
    expect(project.endorsements).toEqual([{ state: 'GAB', by: 'demo-focal-point-GAB' }]);
    expect(project.needs[0]).toMatchObject({ state: 'GAB', priorityArea: 'PA-A', source: 'FORMAL_REQUEST' });
    await page.close();
  }, 240_000);

  it('journey 2: the programme manager works the inbox, the portfolio and a project from assessment to a plan', async () => {
    const honduras = await caller(web.stack, HND);
    const request = hondurasImpunityRequest();
    request.title = `Organized crime and impunity ${Date.now()}`;
    const filed = await fileAs(web.stack, honduras, request);

    const page = await web.browser.newPage();
    await web.signIn(page, 'programme-manager');
    await page.getByRole('heading', { name: 'What waits on you' }).waitFor();
    await page.getByRole('link', { name: request.title }).waitFor();
    await visited(page, 'pm-01-inbox');

    await page.getByRole('link', { name: 'Portfolio' }).click();
    await page.getByLabel('State').selectOption('HND');
    await page.getByLabel('Region').selectOption('LATIN_AMERICA_AND_THE_CARIBBEAN');
    await page.getByLabel('Priority area').selectOption('PA-B');
    await page.getByRole('link', { name: request.title }).waitFor();
    await page.getByRole('img', { name: /Projects by stage: .*Submitted/ }).waitFor();
    await page.locator('figure.chart svg').waitFor();
    // A region the State is not in filters it out.
    await page.getByLabel('Region').selectOption('AFRICA');
    await page.getByText('0 projects').waitFor();
    await page.getByLabel('Region').selectOption('LATIN_AMERICA_AND_THE_CARIBBEAN');
    await visited(page, 'pm-02-portfolio');

    await page.getByRole('link', { name: request.title }).click();
    await page.getByRole('heading', { name: request.title }).waitFor();
    await page.getByText('Possible at stage Under assessment; the project is at stage Submitted.').first().waitFor();
    expect(await page.locator('button[data-action="startPlanning"]').getAttribute('aria-disabled')).toBe('true');
    await visited(page, 'pm-03-project-submitted');
    await page.getByRole('button', { name: 'Start the assessment' }).click();
    await page.getByText('Done: Start the assessment.').waitFor();
    await page.getByText('Under assessment', { exact: true }).first().waitFor();

    await page.getByLabel('Question to the State').fill('Which institutions took part in the exploratory mission?');
    await page.getByRole('button', { name: 'Request information' }).click();
    await page.getByText('Awaiting information', { exact: true }).first().waitFor();
    await must(web.stack, honduras, 'provideInformation', filed.id, { answer: 'The Public Ministry and the Supreme Court.' });

    await page.reload();
    await page.getByText('The Public Ministry and the Supreme Court.', { exact: false }).waitFor();
    await page.getByRole('button', { name: 'Start planning' }).click();
    await page.getByText('Planning', { exact: true }).first().waitFor();
    await page.getByRole('link', { name: 'Edit the plan' }).click();

    await page.getByRole('heading', { name: `Plan: ${request.title}` }).waitFor();
    await page.getByLabel('Objective 1').fill('Organized crime cases reach a verdict');
    await page.getByLabel('Title of Output 1').fill('Prosecutors trained in complex investigations');
    await page.getByLabel('Indicator name').nth(0).fill('prosecutors trained');
    await page.getByLabel('Unit').nth(0).fill('people');
    await page.getByLabel('Baseline').nth(0).fill('0');
    await page.getByLabel('Target').nth(0).fill('40');
    await page.getByLabel('Title of Outcome 1').fill('Fewer organized-crime cases end in impunity');
    await page.getByLabel('Indicator name').nth(1).fill('cases concluded');
    await page.getByLabel('Unit').nth(1).fill('percent');
    await page.getByLabel('Baseline').nth(1).fill('12');
    // No target on the outcome's indicator: the editor names that field and sends nothing.
    await page.locator('input[type=checkbox][value="NEEDS_ASSESSMENT"]').check();
    await page.getByLabel('Budget amount').fill('150000');
    await page.getByRole('button', { name: 'Save the plan' }).click();
    await page.getByText('A number is required here.').waitFor();
    expect(await page.getByLabel('Target').nth(1).getAttribute('aria-invalid')).toBe('true');
    await visited(page, 'pm-04-plan-editor-error');
    await page.getByLabel('Target').nth(1).fill('30');
    await page.getByRole('button', { name: 'Save the plan' }).click();

    await page.getByRole('heading', { name: request.title }).waitFor();
    await page.getByText('Prosecutors trained in complex investigations').waitFor();
    await page.getByText('Budget: $150,000.00').waitFor();
    await page.getByText('Not endorsed yet.').waitFor();
    await page.locator('figure.chart svg').waitFor();
    await visited(page, 'pm-05-project-planned');

    // The needs pool: Honduras's need, still waiting for assistance, ranked with its priority's parts.
    await page.getByRole('link', { name: 'Needs pool' }).click();
    await page.getByLabel('State').selectOption('HND');
    await page.getByLabel('Priority area').selectOption('PA-B');
    await page.getByRole('link', { name: request.needs[0]!.description }).first().waitFor();
    await page.getByRole('img', { name: /Priority of the first \d+ needs, as stacked parts/ }).waitFor();
    await page.locator('figure.chart svg').first().waitFor();
    await page.getByText(/Conference weight: [\d.]+/).first().waitFor();
    await visited(page, 'pm-06-needs-pool');

    const manager = await caller(web.stack, DEMO_MANAGER);
    const project = await readProject(web.stack, manager, filed.id);
    expect(project.stage).toBe('PLANNING');
    expect(project.informationRequests[0]).toEqual({ question: 'Which institutions took part in the exploratory mission?', answer: 'The Public Ministry and the Supreme Court.' });
    expect(project.plan).toMatchObject({
      modality: 'NATIONAL',
      formsOfAssistance: ['NEEDS_ASSESSMENT'],
      budget: { amount: '150000.00', currency: 'USD' },
      outcomes: [{ title: 'Fewer organized-crime cases end in impunity', indicators: [{ name: 'cases concluded', unit: 'percent', baseline: 12, target: 30 }] }],
    });
    expect(project.history.filter((h: { actor: { subject: string } }) => h.actor.subject === 'demo-programme-manager').map((h: { action: string }) => h.action)).toEqual(['startAssessment', 'requestInformation', 'startPlanning', 'setPlan']);
    await page.close();
  }, 240_000);

  it('journey 3: an evaluator, in Spanish, submits the outcome assessment with errors shown at their fields', async () => {
    await seedDemoRoster(web.stack.db); // the demo evaluator is a roster expert, as in npm start
    const gabon = await caller(web.stack, GAB);
    const manager = await caller(web.stack, DEMO_MANAGER);
    const request = gabonReportingRequest();
    request.title = `Reporting obligations ${Date.now()}`;
    const { id } = await fileAs(web.stack, gabon, request);
    await must(web.stack, manager, 'startAssessment', id);
    await must(web.stack, manager, 'startPlanning', id);
    await must(web.stack, manager, 'setPlan', id, GABON_REPORTING_PLAN);
    await must(web.stack, gabon, 'endorsePlan', id);
    await must(web.stack, manager, 'seekFunding', id);
    await must(web.stack, manager, 'pledge', id, { donor: 'Invented donor (demo)', amount: '80000', currency: 'USD', kind: 'CASH' });
    await must(web.stack, manager, 'startDelivery', id);
    await must(web.stack, manager, 'startEvaluation', id, { evaluator: 'expert-demo-fra-reporting' });

    const page = await web.browser.newPage();
    await web.signIn(page, 'evaluator', 'es');
    await page.getByRole('heading', { name: 'Mis proyectos' }).waitFor();
    // The access policy lists an evaluator's assigned projects: its evaluation is there, and opens from the list.
    await page.getByRole('link', { name: request.title }).click();
    await page.getByText('En evaluación', { exact: true }).first().waitFor();
    await visited(page, 'ev-01-project-under-evaluation');
    await page.getByRole('link', { name: 'Evaluar los resultados' }).click();
    await page.getByRole('heading', { name: `Evaluación de resultados: ${request.title}` }).waitFor();

    // Nothing chosen: each rating, indicator and verdict is named at its field, and nothing is sent.
    await page.getByRole('button', { name: 'Enviar la evaluación de resultados' }).click();
    await page.getByText('Corrija los campos señalados abajo.').waitFor();
    expect(await page.getByText('Elija una opción.').count()).toBe(7); // six criteria and one need
    expect(await page.getByText('Aquí se requiere un número.').count()).toBe(2); // one output, one outcome indicator
    await visited(page, 'ev-02-assessment-errors');

    const ratings: [string, string][] = [['Pertinencia', '5'], ['Coherencia', '4'], ['Eficacia', '5'], ['Eficiencia', '4'], ['Impacto', 'NOT_ASSESSED'], ['Sostenibilidad', '3']];
    for (const [criterion, rating] of ratings) {
      await page.getByLabel(`Calificación: ${criterion}`).selectOption(rating);
      await page.getByLabel(`Justificación: ${criterion}`).fill(`${criterion}: juzgada con el plan y las pruebas reunidas`);
    }
    await page.getByLabel(/Valor real de «officials trained»/).fill('14');
    await page.getByLabel(/Valor real de «questionnaires answered»/).fill('1');
    await page.getByLabel(/Veredicto sobre la necesidad 1/).selectOption('PARTLY_MET');
    // No narrative: the API's refusal names the field and the form shows it there.
    await page.getByRole('button', { name: 'Enviar la evaluación de resultados' }).click();
    await page.getByText('Corrija los campos señalados abajo.').waitFor();
    await expect.poll(() => page.getByLabel('Relato').getAttribute('aria-invalid')).toBe('true');
    expect((await readProject(web.stack, manager, id)).stage).toBe('UNDER_EVALUATION');
    await page.getByLabel('Relato').fill('Se formó a los agentes; el segundo cuestionario sigue pendiente.');
    await page.getByRole('button', { name: 'Enviar la evaluación de resultados' }).click();

    await page.getByText('Revisión de prioridades', { exact: true }).first().waitFor();
    await page.getByRole('img', { name: /Calificaciones del CAD, de 1 a 6: Pertinencia 5/ }).waitFor();
    await page.locator('figure.chart svg').first().waitFor();
    await visited(page, 'ev-03-assessment-submitted');

    const project = await readProject(web.stack, manager, id);
    expect(project.stage).toBe('REPRIORITISATION');
    expect(project.outcomeAssessment.criteria.map((c: { criterion: string; rating: number | null }) => [c.criterion, c.rating])).toEqual([
      ['RELEVANCE', 5], ['COHERENCE', 4], ['EFFECTIVENESS', 5], ['EFFICIENCY', 4], ['IMPACT', null], ['SUSTAINABILITY', 3],
    ]);
    expect(project.outcomeAssessment.indicatorValues).toEqual([{ indicator: 'officials trained', actual: 14 }, { indicator: 'questionnaires answered', actual: 1 }]);
    expect(project.outcomeAssessment.needVerdicts).toEqual([{ needId: project.needs[0].id, verdict: 'PARTLY_MET' }]);
    await page.close();
  }, 240_000);

  it('journey 4: an expert of the roster answers an invitation', async () => {
    await seedDemoRoster(web.stack.db);
    // Kenya works in English, which the demo expert from the United Kingdom speaks.
    const kenya = await caller(web.stack, demoFocalPoint('KEN'));
    const manager = await caller(web.stack, DEMO_MANAGER);
    const { needs } = await fileAs(web.stack, kenya, {
      state: 'KEN',
      title: 'Witness protection programme',
      idempotencyKey: `web-ken-${Date.now()}`,
      needs: [{ priorityArea: 'PA-B', priorityActivity: '(g)', instrument: 'UNTOC', formsOfAssistance: ['MENTORING'], urgency: 'HIGH', description: 'Establish a national witness-protection programme (001 para 26).' }],
    });
    const slot = `reporting trainer ${Date.now()}`;
    const invited = await web.stack.gql(
      'mutation($input: InviteExpertsInput!) { inviteExperts(input: $input) { __typename ... on Invitation { id } ... on Error { message } ... on ValidationError { issues { field message } } } }',
      { input: { needId: needs[0]!.id, slot, candidates: ['expert-demo-gbr-soca'], reminderSeconds: 600, deadlineSeconds: 1200, idempotencyKey: `web-invitation-${Date.now()}` } },
      manager.token,
    );
    expect(invited.body.data?.inviteExperts, JSON.stringify(invited.body)).toMatchObject({ __typename: 'Invitation' });
    const invitationId = invited.body.data.inviteExperts.id as string;

    const page = await web.browser.newPage();
    await web.signIn(page, 'expert');
    await page.getByRole('heading', { name: 'Invitations to serve as an expert' }).waitFor();
    const card = page.locator('li.invitation', { has: page.getByRole('heading', { name: `Slot ${slot}` }) });
    await card.getByText('Waiting for an answer').waitFor();
    await visited(page, 'ex-01-invitations');
    await card.getByRole('button', { name: 'Accept' }).click();
    await card.getByText('Accepted', { exact: false }).first().waitFor();
    await card.getByText(/: accepted$/).waitFor();
    await visited(page, 'ex-02-invitation-accepted');

    const read = await web.stack.gql('query($id: ID!) { invitation(id: $id) { ... on Invitation { status expertId events { kind expertId } } } }', { id: invitationId }, manager.token);
    expect(read.body.data.invitation).toMatchObject({ status: 'ACCEPTED', expertId: 'expert-demo-gbr-soca' });
    await page.close();
  }, 240_000);

  it('journey 5: the Conference administrator sets priority weights under a decision, with a bad weight named at its field', async () => {
    const page = await web.browser.newPage();
    await web.signIn(page, 'conference-admin');
    await page.getByRole('link', { name: 'Priority weights' }).click();
    await page.getByRole('heading', { name: 'Priority weights of the Conference' }).waitFor();
    const decision = `decision 9/${Date.now()} (test)`;
    await page.getByLabel('Decision').fill(decision);
    for (const [area, weight] of [['PA-A', '1.5'], ['PA-B', '9'], ['PA-C', '1'], ['PA-D', '1'], ['PA-E', '1']] as const) {
      await page.getByLabel(`Weight of ${area}`).fill(weight);
    }
    // 9 is out of range: the API's refusal is shown at PA-B's field, and no set is recorded.
    await page.getByRole('button', { name: 'Set these weights' }).click();
    await page.getByText('must be 0-3').waitFor();
    expect(await page.getByLabel('Weight of PA-B').getAttribute('aria-invalid')).toBe('true');
    await visited(page, 'ca-01-weights-error');
    await page.getByLabel('Weight of PA-B').fill('1');
    await page.getByRole('button', { name: 'Set these weights' }).click();
    await page.getByText(`Weights set under decision ${decision}.`).waitFor();
    await page.getByRole('cell', { name: `${decision} (in force)` }).waitFor();
    await visited(page, 'ca-02-weights-set');

    const { body } = await web.stack.gql('{ priorityWeights { decision inForce setBy weights { priorityArea weight } } }', {}, await web.stack.token(DEMO_MANAGER));
    expect(body.data.priorityWeights.find((w: { inForce: boolean }) => w.inForce)).toEqual({
      decision,
      inForce: true,
      setBy: 'demo-conference-admin',
      weights: [{ priorityArea: 'PA-A', weight: 1.5 }, { priorityArea: 'PA-B', weight: 1 }, { priorityArea: 'PA-C', weight: 1 }, { priorityArea: 'PA-D', weight: 1 }, { priorityArea: 'PA-E', weight: 1 }],
    });
    expect(body.data.priorityWeights.filter((w: { decision: string }) => w.decision === decision)).toHaveLength(1);
    await page.close();
  }, 240_000);
});
