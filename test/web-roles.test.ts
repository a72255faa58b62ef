// The web app's other roles in a real browser (Debian's Chromium via playwright-core) on the real stack:
// the donor, the State focal point's extras (in French), the expert's profile, the Conference
// administrator, and sign-in through a real OpenID Connect provider (oidc-provider on 127.0.0.1) with
// the authorization code flow and PKCE. axe-core runs on every page visited; screenshots go to
// test-output/web/.
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { exportJWK, generateKeyPair } from 'jose';
import Provider from 'oidc-provider';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { readApiConfig } from '../api/config.js';
import { discoverOidcVerifier } from '../api/oidc.js';
import { startApiServer } from '../api/server.js';
import { webSignInFromEnv } from '../api/web-sign-in.js';
import { seedDemoRoster } from '../scripts/demo-roster.js';
import { caller, dacRatings, fileAs, must, readProject, rosterEvaluator, type Caller } from './support/actions.js';
import { visited } from './support/browser.js';
import { GABON_REPORTING_PLAN, gabonReportingRequest } from './support/requests.js';
import { startStack, type Stack } from './support/stack.js';
import { DEMO_MANAGER, demoFocalPoint, useWebStack } from './support/web-stack.js';

const web = useWebStack();

const GAB = demoFocalPoint('GAB');

/** A Gabonese request taken over the API to AWAITING_FUNDING, as the manager and Gabon would. */
async function projectAwaitingFunding(label: string) {
  const gabon = await caller(web.stack, GAB);
  const manager = await caller(web.stack, DEMO_MANAGER);
  const request = gabonReportingRequest();
  request.title = `${label} ${randomUUID().slice(0, 8)}`;
  request.idempotencyKey = `web-roles-${randomUUID()}`;
  const { id, needs } = await fileAs(web.stack, gabon, request);
  await must(web.stack, manager, 'startAssessment', id);
  await must(web.stack, manager, 'startPlanning', id);
  await must(web.stack, manager, 'setPlan', id, GABON_REPORTING_PLAN);
  await must(web.stack, gabon, 'endorsePlan', id);
  await must(web.stack, manager, 'seekFunding', id);
  return { id, title: request.title, needs, manager };
}

describe('web app: the other roles', () => {
  it('journey: a donor sees the gap of projects open for funding, pledges with an earmark, and follows what it funds', async () => {
    const open = await projectAwaitingFunding('Reporting support to fund');
    // A second project the donor's organisation funded, delivered and evaluated: its outcomes report row.
    const evaluated = await projectAwaitingFunding('Reporting support evaluated');
    const agency: Caller = { actor: { subject: 'officer-of-demo-donor-agency', role: 'DONOR', organisation: 'Demo Donor Agency' }, token: await web.stack.donorToken('Demo Donor Agency') };
    await must(web.stack, agency, 'pledge', evaluated.id, { donor: 'Demo Donor Agency', amount: '80000', currency: 'USD', kind: 'CASH', earmarkPriorityArea: 'PA-A' });
    await must(web.stack, evaluated.manager, 'startDelivery', evaluated.id);
    const evaluator = await rosterEvaluator(web.stack, 'Evaluator of the donor journey');
    await must(web.stack, evaluated.manager, 'startEvaluation', evaluated.id, { evaluator: evaluator.actor.subject });
    await must(web.stack, evaluator, 'submitOutcomeAssessment', evaluated.id, {
      criteria: dacRatings(4), indicatorValues: [{ indicator: 'officials trained', actual: 12 }, { indicator: 'questionnaires answered', actual: 2 }],
      needVerdicts: [{ needId: evaluated.needs[0]!.id, verdict: 'MET' }], narrative: 'Both questionnaires answered on time.',
    });

    const page = await web.browser.newPage();
    await web.signIn(page, 'donor');
    await page.getByRole('heading', { name: 'Projects open for funding' }).waitFor();
    const card = page.locator('li', { has: page.getByRole('heading', { name: open.title }) });
    await card.getByText('$80,000.00').first().waitFor(); // budget, and the gap: nothing pledged yet
    expect(await card.locator('dd').allInnerTexts()).toEqual(['GAB', 'PA-A', '$80,000.00', '$0.00', '$80,000.00']);
    await visited(page, 'do-01-open-for-funding');

    // No amount: the API's refusal is shown at that field, and nothing is pledged.
    await card.getByLabel('Earmark to a priority area').selectOption('PA-A');
    await card.getByRole('button', { name: 'Pledge' }).click();
    await expect.poll(() => card.getByLabel('Amount (USD)').getAttribute('aria-invalid')).toBe('true');
    expect((await readProject(web.stack, open.manager, open.id)).pledges).toEqual([]);
    await card.getByLabel('Amount (USD)').fill('30000.50');
    await card.getByLabel('Kind of support').selectOption('IN_KIND_EXPERTISE');
    await card.getByRole('button', { name: 'Pledge' }).click();
    await card.getByText(`Pledged $30,000.50 to ${open.title}.`).waitFor();
    await card.getByText('$49,999.50').waitFor();
    await visited(page, 'do-02-pledged');

    // The same figures in the user's locale: French formats the dollar amount its own way.
    await page.getByLabel('Language').selectOption('fr');
    await card.getByText(/^49\s999,50\s\$US$/).waitFor();
    await page.getByLabel('Langue').selectOption('en');

    await page.getByRole('link', { name: 'What we fund' }).click();
    await page.getByRole('heading', { name: 'What Demo Donor Agency funds' }).waitFor();
    const row = page.getByRole('row', { name: new RegExp(open.title) });
    await row.getByText('$30,000.50 · In kind: expertise · earmarked to PA-A').waitFor();
    await page.getByRole('row', { name: new RegExp(evaluated.title) }).getByText('$80,000.00 · Cash · earmarked to PA-A').waitFor();
    // Its outcomes report: the evaluated project it funded, with its DAC ratings drawn and in the table.
    await page.getByRole('img', { name: /DAC ratings \(1-6\) of \d+ evaluated project/ }).locator('svg').first().waitFor();
    await page.getByRole('row', { name: new RegExp(`${evaluated.title}.*4.*1 met, 0 partly met, 0 unmet`) }).waitFor();
    await visited(page, 'do-03-what-we-fund');

    await page.getByRole('link', { name: 'Reports' }).click();
    await page.getByRole('heading', { name: 'Needs by priority area and region' }).waitFor();
    await page.getByRole('img', { name: /Heat map of \d+ needs/ }).locator('svg').first().waitFor();
    await page.getByRole('img', { name: /Budget and pledges per priority area; gap: .*PA-A/ }).locator('svg').first().waitFor();
    await page.getByRole('img', { name: /Share of each priority area in the Conference's weights/ }).locator('svg').first().waitFor();
    await page.getByRole('img', { name: /DAC ratings/ }).locator('svg').first().waitFor();
    await visited(page, 'do-04-reports');

    // What the donor saw is what the workflow recorded: the token's organisation, exact amount, earmark.
    expect((await readProject(web.stack, open.manager, open.id)).pledges).toEqual([{ donor: 'Demo Donor Agency', amount: '30000.50', currency: 'USD', kind: 'IN_KIND_EXPERTISE', earmarkPriorityArea: 'PA-A' }]);
    await page.close();
  }, 300_000);

  it('journey: a State focal point, in French, confirms a presumed need, ranks its needs by keyboard and nominates an expert', async () => {
    // Benin (named by no other test) reports in no cycle, so the run presumes a reporting need for it (R8).
    const manager = await caller(web.stack, DEMO_MANAGER);
    const imported = await web.stack.gql('mutation($input: ImportNeedsInput!) { importNeeds(input: $input) { __typename ... on NeedsImport { id } ... on Error { message } } }', {
      input: { format: 'CSV', source: 'QUESTIONNAIRE_RESPONSE', cycle: `web-roles-${randomUUID().slice(0, 8)}`, content: 'state,priorityArea,priorityActivity,instrument,article,formsOfAssistance,urgency,description\nKEN,PA-A,(d),UNTOC,32,REPORTING_SUPPORT,MEDIUM,Questionnaire help', importKey: `web-roles-${randomUUID()}` },
    }, manager.token);
    const importId = imported.body.data.importNeeds.id as string;
    await expect.poll(async () => (await web.stack.gql('query($id: ID!) { needsImport(id: $id) { ... on NeedsImport { status } } }', { id: importId }, manager.token)).body.data.needsImport.status, { timeout: 60_000 }).toBe('COMPLETED');
    const benin = await caller(web.stack, { subject: 'fp-BEN-web', role: 'STATE_FOCAL_POINT', stateCode: 'BEN' });
    const need = (description: string, urgency: 'LOW' | 'HIGH') => ({ state: 'BEN', title: description, idempotencyKey: `web-ben-${randomUUID()}`, needs: [{ priorityArea: 'PA-B', priorityActivity: '(g)', instrument: 'UNTOC', formsOfAssistance: ['MENTORING'], urgency, description }] });
    await fileAs(web.stack, benin, need('Protéger les témoins des procès de criminalité organisée', 'HIGH'));
    await fileAs(web.stack, benin, need('Former les enquêteurs financiers', 'LOW'));
    const run = await web.stack.gql('mutation { reprioritiseNow { __typename } }', {}, manager.token);
    expect(run.body.data.reprioritiseNow.__typename).toBe('PrioritySnapshot');

    const page = await web.browser.newPage();
    await page.goto(`${web.base}/`);
    await page.getByLabel('Language').selectOption('fr');
    // Benin has no demo identity: the tab holds a focal point's token, as the sign-in page would leave it.
    await page.evaluate((token) => sessionStorage.setItem('palermo.session', token), benin.token);
    await page.goto(`${web.base}/projects`);
    await page.getByRole('link', { name: 'Besoins de mon État' }).click();
    await page.getByRole('heading', { name: 'Besoins de BEN' }).waitFor();
    const presumed = page.getByRole('row', { name: /Presumed need for help with reporting/ });
    await presumed.getByRole('button', { name: 'Confirmer' }).waitFor();
    await visited(page, 'fp-x1-presumed-need-fr');
    await presumed.getByRole('button', { name: 'Confirmer' }).click();
    // Confirmed, it leaves the list of presumed needs to confirm and joins the State's open needs.
    await page.getByText(/^Confirmé : Presumed need for help with reporting/).waitFor();
    await presumed.waitFor({ state: 'detached' });
    await page.getByText('Aucun besoin présumé n’attend votre confirmation.').waitFor();

    // The confirmed need joins the ranking. Its order follows the priority weights in force, which other
    // test files may have set on this shared database; whichever need comes last is moved to the top.
    const items = page.getByRole('list', { name: 'Besoins ouverts, le plus important d’abord' }).getByRole('listitem');
    await expect.poll(() => items.count()).toBe(3);
    const texts = async () => (await items.allInnerTexts()).map((s) => s.replace(/\s+/g, ' '));
    const NEEDS = ['Protéger les témoins', 'Former les enquêteurs financiers', 'Presumed need for help with reporting'];
    const named = (text: string) => NEEDS.find((n) => text.replace(/^\d+\. /, '').startsWith(n))!;
    const initial = (await texts()).map(named);
    expect([...initial].sort()).toEqual([...NEEDS].sort());
    const [first, second, last] = initial as [string, string, string];
    const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    // By keyboard: the last need up two places, Enter on its button each time; focus stays with the need.
    await page.getByRole('button', { name: new RegExp(`^Monter : ${escaped(last)}`) }).focus();
    await page.keyboard.press('Enter');
    await page.getByText(new RegExp(`^${escaped(last)}.* est maintenant au rang 2 sur 3\\.$`)).waitFor();
    await page.keyboard.press('Enter');
    await page.getByText(new RegExp(`^${escaped(last)}.* est maintenant au rang 1 sur 3\\.$`)).waitFor();
    // At the top its up button is disabled: focus moved to its down button, so Tab reaches the next need.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toMatch(new RegExp(`^Descendre : ${escaped(last)}`));
    expect((await texts()).map(named)).toEqual([last, first, second]);
    await page.getByRole('button', { name: 'Enregistrer ce classement' }).focus();
    await page.keyboard.press('Enter');
    await page.getByText('Classement de 3 besoins enregistré.').waitFor();
    await visited(page, 'fp-x2-ranking-saved-fr');
    const pool = await web.stack.gql('{ needPool(filter: { state: "BEN" }, first: 100) { ... on QueryNeedPoolSuccess { data { edges { node { description stateRank } } } } } }', {}, manager.token);
    expect(pool.body.data.needPool.data.edges.map((e: { node: { description: string; stateRank: number } }) => e.node).map((n: { description: string; stateRank: number }) => [n.stateRank, named(n.description)]).sort()).toEqual([
      [1, last], [2, first], [3, second],
    ]);

    // Nominate an expert: without a field of expertise or a language, the API names both fields.
    await page.getByRole('link', { name: 'Proposer un expert' }).click();
    await page.getByRole('heading', { name: 'Proposer un expert' }).waitFor();
    await page.getByLabel('Nom complet').fill('Aïcha Dossou (invented)');
    await page.getByLabel('Nationalité').selectOption('BEN');
    await page.getByLabel('Institution qui propose').fill('Cour de répression des infractions économiques et du terrorisme (invented unit)');
    await page.getByRole('button', { name: 'Proposer', exact: true }).click();
    await page.getByText('Veuillez corriger les champs signalés ci-dessous.').waitFor();
    await expect.poll(() => page.getByRole('group', { name: 'Domaines d’expertise' }).getAttribute('class')).toContain('invalid');
    await visited(page, 'fp-x3-nomination-errors-fr');
    await page.getByText('Financial crime', { exact: true }).click(); // opens the group
    await page.locator('input[type=checkbox][value="FINANCIAL_CRIME.FINANCIAL_INVESTIGATIONS"]').check();
    await page.getByLabel('Langue 1', { exact: true }).selectOption('fr');
    await page.getByLabel('Niveau de la langue 1').selectOption('NATIVE');
    await page.getByRole('button', { name: 'Proposer', exact: true }).click();
    await page.getByText(/^Aïcha Dossou \(invented\) est proposé \((.+)\)\.$/).waitFor();
    const id = /\(([^)]+)\)\.$/.exec(await page.getByText(/est proposé/).innerText())![1]!;
    await visited(page, 'fp-x4-nominated-fr');

    const read = await web.stack.gql('query($id: ID!) { expert(id: $id) { ... on Expert { status nominatingState nationality profile { fields languages { language level } } } } }', { id }, manager.token);
    expect(read.body.data.expert).toEqual({ status: 'NOMINATED', nominatingState: 'BEN', nationality: 'BEN', profile: { fields: ['FINANCIAL_CRIME.FINANCIAL_INVESTIGATIONS'], languages: [{ language: 'fr', level: 'NATIVE' }] } });
    await page.close();
  }, 300_000);

  it('journey: an expert keeps its profile (fields, languages with levels, availability) and finds its invitations', async () => {
    await seedDemoRoster(web.stack.db);
    const page = await web.browser.newPage();
    await web.signIn(page, 'expert');
    await page.getByRole('heading', { name: 'Invitations to serve as an expert' }).waitFor();
    await visited(page, 'ex-x1-invitations');
    await page.getByRole('link', { name: 'My profile' }).click();
    await page.getByRole('heading', { name: 'My expert profile' }).waitFor();
    expect(await page.locator('input[type=checkbox][value="EMERGING_CRIMES.KIDNAPPING"]').isChecked()).toBe(true);
    expect(await page.getByLabel('Language 1', { exact: true }).inputValue()).toBe('en');
    expect(await page.getByLabel('Level of language 1').inputValue()).toBe('NATIVE');
    await visited(page, 'ex-x2-profile');

    await page.getByRole('button', { name: 'Add a language' }).click();
    await page.getByLabel('Language 3', { exact: true }).selectOption('fr');
    await page.getByLabel('Level of language 3').selectOption('B2');
    await page.getByText('Financial crime', { exact: true }).click();
    await page.locator('input[type=checkbox][value="FINANCIAL_CRIME.ASSET_RECOVERY"]').check();
    await page.getByRole('button', { name: 'Add a window' }).click();
    await page.getByLabel('Available from (window 2)').fill('2028-03-01');
    await page.getByLabel('Available until (window 2)').fill('2028-02-01');
    // A window that ends before it starts: the API's refusal is shown at that date, and nothing changes.
    await page.getByRole('button', { name: 'Save my profile' }).click();
    await page.getByText('ends before it starts').waitFor();
    expect(await page.getByLabel('Available until (window 2)').getAttribute('aria-invalid')).toBe('true');
    await visited(page, 'ex-x3-profile-error');
    await page.getByLabel('Available until (window 2)').fill('2028-06-30');
    await page.getByRole('button', { name: 'Save my profile' }).click();
    await page.getByText('Your profile is saved.').waitFor();
    await visited(page, 'ex-x4-profile-saved');

    const manager = await caller(web.stack, DEMO_MANAGER);
    const read = await web.stack.gql('{ expert(id: "expert-demo-gbr-soca") { ... on Expert { profile { fields languages { language level } availability { from to } instruments { instrument articles } states regions } } } }', {}, manager.token);
    expect(read.body.data.expert.profile).toEqual({
      fields: ['EMERGING_CRIMES.KIDNAPPING', 'INVESTIGATION.CRIMINAL_INTELLIGENCE', 'FINANCIAL_CRIME.ASSET_RECOVERY'],
      languages: [{ language: 'en', level: 'NATIVE' }, { language: 'sq', level: 'B1' }, { language: 'fr', level: 'B2' }],
      availability: [{ from: '2027-01-01', to: '2027-12-31' }, { from: '2028-03-01', to: '2028-06-30' }],
      // What the page does not edit is kept as it was.
      instruments: [{ instrument: 'UNTOC', articles: ['27'] }], states: ['ALB'], regions: ['SOUTH_EASTERN_EUROPE'],
    });
    await page.close();
  }, 240_000);

  it('journey: the Conference administrator sees the ranking change proposed weights would cause before setting them, and the re-prioritisation runs', async () => {
    const bolivia = await caller(web.stack, demoFocalPoint('BOL'));
    // Two needs whose order the proposed weights invert: PA-A CRITICAL (30 + 35) ahead of PA-E LOW (30 + 0)
    // under neutral weights; behind it (0 + 35 against 90 + 0) when PA-E weighs 3 and the rest 0.
    const description = `Extradition requests answered within the treaty deadline ${randomUUID().slice(0, 6)}`;
    const file = (priorityArea: string, priorityActivity: string, urgency: 'LOW' | 'CRITICAL', text: string) =>
      fileAs(web.stack, bolivia, { state: 'BOL', title: text, idempotencyKey: `web-bol-${randomUUID()}`, needs: [{ priorityArea, priorityActivity, instrument: 'UNTOC', formsOfAssistance: ['MENTORING'], urgency, description: text }] });
    await file('PA-A', '(d)', 'CRITICAL', description);
    await file('PA-E', '(a)', 'LOW', `Firearms marking law drafted ${randomUUID().slice(0, 6)}`);

    const page = await web.browser.newPage();
    await web.signIn(page, 'conference-admin');
    await page.getByRole('link', { name: 'Priority weights' }).click();
    await page.getByRole('heading', { name: 'What these weights would change' }).waitFor();
    // The weights in force change nothing.
    await page.getByText(/^0 needs of [\d,]+ would change rank\.$/).waitFor();
    for (const area of ['PA-A', 'PA-B', 'PA-C', 'PA-D']) await page.getByLabel(`Weight of ${area}`).fill('0');
    await page.getByLabel('Weight of PA-E').fill('3');
    await page.getByText(/^[1-9][\d,]* needs? of [\d,]+ would change rank\.$/).waitFor();
    // Each row of the largest moves says where a need is now, where it would go, and by how much.
    const preview = page.getByRole('table', { name: /largest moves/ });
    await preview.waitFor();
    for (const row of (await preview.getByRole('row').all()).slice(1)) {
      const [, now, then, change] = await row.getByRole('cell').allInnerTexts();
      const places = Number(now) - Number(then);
      expect(places).not.toBe(0);
      expect(change).toBe(`${places > 0 ? 'up' : 'down'} ${Math.abs(places)} place${Math.abs(places) === 1 ? '' : 's'}`);
    }
    await visited(page, 'ca-x1-weights-preview');
    // Nothing was set: the preview is only a preview.
    const weights = await web.stack.gql('{ priorityWeights { weights { priorityArea weight } } }', {}, await web.stack.token(DEMO_MANAGER));
    expect(weights.body.data.priorityWeights[0]?.weights.find((w: { priorityArea: string }) => w.priorityArea === 'PA-E')?.weight ?? 1).not.toBe(3);

    await page.getByRole('link', { name: 'Re-prioritisation runs' }).click();
    await page.getByRole('heading', { name: 'Re-prioritisation runs', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Re-prioritise now' }).click();
    // The newest run lists Bolivia's need, new in the pool since the run before.
    const newest = page.locator('section.snapshot').first();
    await newest.getByRole('row', { name: new RegExp(`${description}`) }).getByText('new in the pool').waitFor({ timeout: 60_000 });
    await visited(page, 'ca-x2-reprioritisation-runs');

    await page.getByRole('link', { name: 'Reports' }).click();
    await page.getByRole('img', { name: /Heat map of \d+ needs/ }).locator('svg').first().waitFor();
    // Bolivia's needs are counted in its regions, under both their priority areas.
    const heat = page.getByRole('table', { name: 'Needs per region (rows) and priority area (columns)' });
    const southAmerica = await heat.getByRole('row', { name: /^SOUTH_AMERICA/ }).getByRole('cell').allInnerTexts();
    const areas = (await heat.getByRole('columnheader').allInnerTexts()).slice(1);
    for (const area of ['PA-A', 'PA-E']) expect(Number(southAmerica[areas.indexOf(area)])).toBeGreaterThanOrEqual(1);
    await visited(page, 'ca-x3-reports');
    await page.close();
  }, 240_000);
});

describe('web app: sign-in through OpenID Connect', () => {
  const AUDIENCE = 'urn:palermo:api';
  const CLIENT_ID = 'palermo-web';
  /** The provider's accounts and the claims it puts in their access tokens. */
  const ACCOUNTS: Record<string, Record<string, unknown>> = {
    'amina.ndong': { groups: ['ta-focal-point'], country: 'GAB' },
    'pat.manager': { groups: ['ta-manager'] },
  };
  let idp: Server;
  let api: Server;
  let appBase: string;
  let issuer: string;
  let oidcStack: Stack;

  beforeAll(async () => {
    oidcStack = await startStack({ worker: false });
    // The provider's server listens first (its issuer is its address); the provider itself is mounted
    // once the API's address, the client's redirect URI, is known.
    let provider: Provider | undefined;
    idp = createServer((req, res) => void interactionOrProvider(provider!, req, res));
    await new Promise<void>((resolve) => idp.listen(0, '127.0.0.1', resolve));
    issuer = `http://127.0.0.1:${(idp.address() as { port: number }).port}`;

    const env = {
      TEMPORAL_ADDRESS: inject('temporalAddress'),
      DATABASE_URL: inject('databaseUrl'),
      PALERMO_OIDC_ISSUER: issuer,
      PALERMO_OIDC_AUDIENCE: AUDIENCE,
      PALERMO_OIDC_ROLE_CLAIM: 'groups',
      PALERMO_OIDC_ROLE_VALUES: JSON.stringify({ 'ta-manager': 'PROGRAMME_MANAGER', 'ta-focal-point': 'STATE_FOCAL_POINT' }),
      PALERMO_OIDC_STATE_CLAIM: 'country',
    };
    const { tokens, edge } = readApiConfig(env);
    if (tokens.kind !== 'oidc') throw new Error('expected OpenID Connect settings');
    // The verifier reads the discovery document on its first use, once the provider is mounted.
    let verifier: ReturnType<typeof discoverOidcVerifier> | undefined;
    const deps = { db: oidcStack.db, temporal: oidcStack.client, edge, lifecycle: { taskQueue: oidcStack.taskQueue }, verifyToken: async (token: string) => (await (verifier ??= discoverOidcVerifier(tokens)))(token) };
    const started = await startApiServer(deps, 0);
    api = started.server;
    appBase = started.url.replace(/\/graphql$/, '');
    const signInConfig = webSignInFromEnv({ ...env, PALERMO_OIDC_WEB_CLIENT_ID: CLIENT_ID, PALERMO_OIDC_WEB_REDIRECT_URI: `${appBase}/auth/callback`, PALERMO_OIDC_WEB_SCOPE: 'openid api' }, tokens);
    expect(signInConfig.problems).toEqual([]);
    Object.assign(deps, { webSignIn: signInConfig.config });

    const rsa = await generateKeyPair('RS256', { extractable: true });
    provider = new Provider(issuer, {
      jwks: { keys: [{ ...(await exportJWK(rsa.privateKey)), kid: 'rsa-web', alg: 'RS256', use: 'sig' }] },
      // A public client (no secret) of the browser: authorization code with PKCE only.
      clients: [{ client_id: CLIENT_ID, token_endpoint_auth_method: 'none', grant_types: ['authorization_code'], response_types: ['code'], redirect_uris: [`${appBase}/auth/callback`] }],
      pkce: { required: () => true },
      // The browser calls discovery and the token endpoint from palermo's origin, and only from it.
      clientBasedCORS: (_ctx: unknown, origin: string) => origin === new URL(appBase).origin,
      ttl: { AccessToken: 600, AuthorizationCode: 60, IdToken: 600, Interaction: 600, Session: 600, Grant: 600 },
      cookies: { keys: [randomUUID()] },
      findAccount: (_ctx: unknown, sub: string) => (ACCOUNTS[sub] ? { accountId: sub, claims: () => ({ sub }) } : undefined),
      features: {
        devInteractions: { enabled: false },
        resourceIndicators: {
          enabled: true,
          defaultResource: () => AUDIENCE,
          useGrantedResource: () => true,
          getResourceServerInfo: () => ({ scope: 'api', audience: AUDIENCE, accessTokenFormat: 'jwt', accessTokenTTL: 600, jwt: { sign: { alg: 'RS256' } } }),
        },
      },
      extraTokenClaims: (_ctx, token) => ('accountId' in token && typeof token.accountId === 'string' ? ACCOUNTS[token.accountId] : undefined),
    });
  });

  afterAll(async () => {
    await Promise.all([api, idp].filter((s) => s?.listening).map((s) => new Promise((resolve) => s.close(resolve))));
    await oidcStack?.stop();
  });

  /** The provider's login page: the person names their account; the grant covers openid and the API. */
  async function interactionOrProvider(provider: Provider, req: IncomingMessage, res: ServerResponse) {
    const path = new URL(req.url ?? '/', issuer).pathname;
    if (!path.startsWith('/interaction/')) return provider.callback()(req, res);
    const details = await provider.interactionDetails(req, res);
    if (req.method === 'GET') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Test identity provider: sign in</title></head>
<body><main><h1>Test identity provider</h1><form method="post"><label for="account">Account</label> <input id="account" name="account" autocomplete="username"> <button type="submit">Continue</button></form></main></body></html>`);
      return;
    }
    let body = '';
    for await (const chunk of req) body += String(chunk);
    const accountId = new URLSearchParams(body).get('account') ?? '';
    if (!ACCOUNTS[accountId]) return provider.interactionFinished(req, res, { error: 'access_denied', error_description: `no account ${accountId}` }, { mergeWithLastSubmission: false });
    const grant = new provider.Grant({ accountId, clientId: String(details.params.client_id) });
    grant.addOIDCScope('openid');
    grant.addResourceScope(AUDIENCE, 'api');
    await provider.interactionFinished(req, res, { login: { accountId }, consent: { grantId: await grant.save() } }, { mergeWithLastSubmission: false });
  }

  it('journey: a focal point signs in at its organisation\'s provider (authorization code with PKCE) and works with the token', async () => {
    delete process.env.PALERMO_DEMO_SIGN_IN; // a real deployment: no demo identities
    try {
      const page = await web.browser.newPage();
      const authorizations: URL[] = [];
      page.on('request', (r) => {
        if (r.url().startsWith(`${issuer}/auth`)) authorizations.push(new URL(r.url()));
      });
      await page.goto(`${appBase}/`);
      await page.getByRole('heading', { name: 'Sign in with your organisation' }).waitFor();
      expect(await page.locator('button[data-identity]').count()).toBe(0);
      await visited(page, 'oidc-01-sign-in');

      await page.getByRole('button', { name: 'Sign in', exact: true }).click();
      await page.getByRole('heading', { name: 'Test identity provider' }).waitFor();
      // The browser asked for a code with an S256 challenge, a state and a nonce, for the API as resource.
      const asked = authorizations[0]!.searchParams;
      expect(Object.fromEntries(['response_type', 'client_id', 'redirect_uri', 'code_challenge_method', 'resource', 'scope'].map((k) => [k, asked.get(k)]))).toEqual({
        response_type: 'code', client_id: CLIENT_ID, redirect_uri: `${appBase}/auth/callback`, code_challenge_method: 'S256', resource: AUDIENCE, scope: 'openid api',
      });
      expect(asked.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(asked.get('state')).toMatch(/^[A-Za-z0-9_-]{43}$/);
      await visited(page, 'oidc-02-provider-login');
      await page.getByLabel('Account').fill('amina.ndong');
      await page.getByRole('button', { name: 'Continue' }).click();

      // Back in palermo, signed in as the provider's claims map: a focal point of Gabon.
      await page.getByRole('heading', { name: 'My projects' }).waitFor();
      await page.getByText('Signed in as State focal point · GAB').waitFor();
      expect(new URL(page.url()).search).toBe(''); // the code and state left the address bar
      const stored = await page.evaluate(() => JSON.parse(sessionStorage.getItem('palermo.oidc.session') ?? 'null') as { session: { token: string; subject: string; role: string; state: string } });
      expect(stored.session).toMatchObject({ subject: 'amina.ndong', role: 'STATE_FOCAL_POINT', state: 'GAB' });
      // The token is the provider's RS256 access token for the API, and the API accepts it.
      const header = JSON.parse(Buffer.from(stored.session.token.split('.')[0]!, 'base64url').toString()) as { alg: string; kid: string };
      expect(header).toMatchObject({ alg: 'RS256', kid: 'rsa-web' });
      const me = await fetch(`${appBase}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${stored.session.token}` }, body: JSON.stringify({ query: '{ me { subject role state } }' }) });
      expect(await me.json()).toEqual({ data: { me: { subject: 'amina.ndong', role: 'STATE_FOCAL_POINT', state: 'GAB' } } });
      await page.getByRole('link', { name: 'File a request' }).click();
      await page.getByRole('heading', { name: 'File a request for assistance' }).waitFor();
      await visited(page, 'oidc-03-signed-in');

      // A reload keeps the session; signing out drops it.
      await page.reload();
      await page.getByText('Signed in as State focal point · GAB').waitFor();
      await page.getByRole('button', { name: 'Sign out' }).click();
      await page.getByRole('heading', { name: 'Sign in with your organisation' }).waitFor();

      // An answer to another sign-in than the one this tab started (a forged state) signs nobody in.
      await page.context().clearCookies(); // the provider's session too, so it asks again
      await page.getByRole('button', { name: 'Sign in', exact: true }).click();
      await page.getByRole('heading', { name: 'Test identity provider' }).waitFor();
      await page.goto(`${appBase}/auth/callback?code=forged&state=forged&iss=${encodeURIComponent(issuer)}`);
      await page.getByText('Sign-in failed: the answer does not match the sign-in this tab started (state)').waitFor();
      expect(await page.evaluate(() => [sessionStorage.getItem('palermo.oidc.session'), sessionStorage.getItem('palermo.oidc.pending')])).toEqual([null, null]);
      await visited(page, 'oidc-04-forged-answer');
      await page.close();
    } finally {
      process.env.PALERMO_DEMO_SIGN_IN = 'true';
    }
  }, 240_000);
});
